//! A model on disk: a header, then for each tagger (source, cue, content) the feature buckets
//! with a weight other than zero, each as its index and one weight per label, little-endian.

use super::perceptron::{Weights, BUCKETS, LABELS};
use super::AttributionModel;

const MAGIC: &[u8] = b"wiretrace attribution model 1\n";

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
        let rows = self.u32()? as usize;
        for _ in 0..rows {
            let r = self.u32()? as usize;
            if r >= BUCKETS {
                return Err(format!("feature bucket {r} is out of range"));
            }
            for l in 0..LABELS {
                w[r * LABELS + l] = f32::from_bits(self.u32()?);
            }
        }
        Ok(Weights { w })
    }
}

impl AttributionModel {
    /// The model as bytes, to be written to a file.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        put_u32(&mut out, BUCKETS as u32);
        put_u32(&mut out, LABELS as u32);
        for w in [&self.source, &self.cue, &self.content] {
            write(&mut out, w);
        }
        out
    }

    /// Reads a model written by [`AttributionModel::to_bytes`].
    ///
    /// # Errors
    /// When the bytes are not such a model, or are cut short.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, String> {
        let rest = bytes.strip_prefix(MAGIC).ok_or("not a wiretrace attribution model (the header is missing)")?;
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
        Ok(Self { source, cue, content })
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
    /// When the file cannot be read or holds no model.
    pub fn load(path: &std::path::Path) -> Result<Self, String> {
        let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        Self::from_bytes(&bytes).map_err(|e| format!("{}: {e}", path.display()))
    }
}
