//! A model on disk: a header line naming the format, a line saying how the model was made,
//! then for each tagger (source, cue, content) the feature buckets with a weight other than
//! zero, each as its index and one weight per label, little-endian.
//!
//! The format number changes whenever the tokens, the features or their hashing change, so a
//! model is never read with features other than those it learned.

use super::perceptron::{Weights, BUCKETS, LABELS};
use super::{AttributionModel, ModelInfo};
use xxhash_rust::xxh3::xxh3_64;

/// The header before the format number.
const MAGIC: &str = "wiretrace attribution model ";
/// The format this version writes and reads.
const FORMAT: u32 = 5;
/// No model is larger: the header, and every bucket of the three taggers.
const LARGEST: u64 = 1024 + 3 * (4 + BUCKETS as u64 * (4 + 4 * LABELS as u64));

fn put_u32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn write(out: &mut Vec<u8>, w: &Weights) {
    let rows: Vec<usize> =
        (0..BUCKETS).filter(|&r| w.w[r * LABELS..(r + 1) * LABELS].iter().any(|&x| x != 0.0)).collect();
    put_u32(out, rows.len() as u32);
    for r in rows {
        put_u32(out, r as u32);
        for x in &w.w[r * LABELS..(r + 1) * LABELS] {
            out.extend_from_slice(&x.to_le_bytes());
        }
    }
}

/// The weights of the three taggers, as written.
fn weights_bytes(m: &AttributionModel) -> Vec<u8> {
    let mut out = Vec::new();
    put_u32(&mut out, BUCKETS as u32);
    put_u32(&mut out, LABELS as u32);
    for w in [&m.source, &m.cue, &m.content] {
        write(&mut out, w);
    }
    out
}

/// The fingerprint of a model's weights.
pub(super) fn fingerprint(m: &AttributionModel) -> String {
    format!("{:016x}", xxh3_64(&weights_bytes(m)))
}

/// Reads little-endian words from a model's bytes.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn u32(&mut self) -> Result<u32, String> {
        let b = self.bytes.get(self.at..self.at + 4).ok_or("the model is cut short")?;
        self.at += 4;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn weights(&mut self) -> Result<Weights, String> {
        let mut w = vec![0f32; BUCKETS * LABELS];
        let mut seen = vec![false; BUCKETS];
        let rows = self.u32()? as usize;
        for _ in 0..rows {
            let r = self.u32()? as usize;
            if r >= BUCKETS {
                return Err(format!("feature bucket {r} is out of range"));
            }
            if std::mem::replace(&mut seen[r], true) {
                return Err(format!("feature bucket {r} is given twice"));
            }
            for l in 0..LABELS {
                let x = f32::from_bits(self.u32()?);
                if !x.is_finite() {
                    return Err(format!("feature bucket {r} has a weight that is not a number"));
                }
                w[r * LABELS + l] = x;
            }
        }
        Ok(Weights { w })
    }
}

/// The next line of `bytes` from `at`, as text.
fn line<'a>(bytes: &'a [u8], at: &mut usize) -> Result<&'a str, String> {
    let rest = &bytes[*at..];
    let end = rest.iter().take(1024).position(|&b| b == b'\n').ok_or("the model's header is missing or broken")?;
    *at += end + 1;
    std::str::from_utf8(&rest[..end]).map_err(|_| "the model's header is not text".to_string())
}

/// Reads the line saying how a model was made: `claims 0.1.0 epochs 10 seed 1 articles 840`.
fn info(text: &str) -> Result<ModelInfo, String> {
    let words: Vec<&str> = text.split(' ').collect();
    let field = |name: &str| -> Result<&str, String> {
        words
            .iter()
            .position(|w| *w == name)
            .and_then(|i| words.get(i + 1).copied())
            .ok_or_else(|| format!("the model's header lacks {name}"))
    };
    let number = |name: &str| -> Result<u64, String> {
        field(name)?.parse().map_err(|_| format!("the model's header has no number after {name}"))
    };
    Ok(ModelInfo {
        claims_version: field("claims")?.to_string(),
        epochs: number("epochs")? as usize,
        seed: number("seed")?,
        articles: number("articles")? as usize,
        fingerprint: String::new(),
    })
}

impl AttributionModel {
    /// The model as bytes, to be written to a file.
    pub fn to_bytes(&self) -> Vec<u8> {
        let i = &self.info;
        let mut out = format!(
            "{MAGIC}{FORMAT}\nclaims {} epochs {} seed {} articles {}\n",
            i.claims_version, i.epochs, i.seed, i.articles
        )
        .into_bytes();
        out.extend(weights_bytes(self));
        out
    }

    /// Reads a model written by [`AttributionModel::to_bytes`].
    ///
    /// # Errors
    /// When the bytes are not such a model, are of another format, or are cut short.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, String> {
        let mut at = 0;
        let first = line(bytes, &mut at).map_err(|_| "not a wiretrace attribution model (no header)".to_string())?;
        let format = first.strip_prefix(MAGIC).ok_or("not a wiretrace attribution model (no header)")?;
        if format != FORMAT.to_string() {
            return Err(format!(
                "the model is in format {format}, made by another version of wiretrace; this one reads \
                 format {FORMAT}: train the model again"
            ));
        }
        let info = info(line(bytes, &mut at)?)?;
        let rest = &bytes[at..];
        let mut r = Reader { bytes: rest, at: 0 };
        let (buckets, labels) = (r.u32()?, r.u32()?);
        if buckets as usize != BUCKETS || labels as usize != LABELS {
            return Err(format!(
                "the model has {buckets} buckets and {labels} labels; this version reads {BUCKETS} and {LABELS}"
            ));
        }
        let (source, cue, content) = (r.weights()?, r.weights()?, r.weights()?);
        if r.at != rest.len() {
            return Err(format!("{} bytes follow the model", rest.len() - r.at));
        }
        let mut model = Self { source, cue, content, info };
        model.info.fingerprint = fingerprint(&model);
        Ok(model)
    }

    /// Writes the model to a file.
    ///
    /// # Errors
    /// When the file cannot be written.
    pub fn save(&self, path: &std::path::Path) -> Result<(), String> {
        std::fs::write(path, self.to_bytes()).map_err(|e| format!("cannot write {}: {e}", path.display()))
    }

    /// Reads a model from a file.
    ///
    /// # Errors
    /// When the file cannot be read, is larger than any model, or holds no model.
    pub fn load(path: &std::path::Path) -> Result<Self, String> {
        use std::io::Read;
        let cannot = |e: std::io::Error| format!("cannot read {}: {e}", path.display());
        let mut bytes = Vec::new();
        // Read no more than a model can hold (a device or a wrong file may have no end).
        std::fs::File::open(path).and_then(|f| f.take(LARGEST + 1).read_to_end(&mut bytes)).map_err(cannot)?;
        if bytes.len() as u64 > LARGEST {
            return Err(format!("{}: larger than any attribution model", path.display()));
        }
        Self::from_bytes(&bytes).map_err(|e| format!("{}: {e}", path.display()))
    }
}
