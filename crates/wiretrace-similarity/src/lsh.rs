//! Locality-sensitive hashing over MinHash signatures: `bands` bands of `rows` values; two
//! documents are candidates when they agree on every value of at least one band. The index
//! can be added to, removed from, saved and loaded; its answers do not depend on insertion
//! order or thread count (candidates come back sorted).

use crate::minhash::Signature;
use std::collections::HashMap;
use std::io::{Read, Write};
use xxhash_rust::xxh3::xxh3_64;

/// An LSH index of named signatures.
#[derive(Debug, Clone)]
pub struct LshIndex {
    bands: usize,
    rows: usize,
    tables: Vec<HashMap<u64, Vec<u32>>>,
    ids: Vec<String>,
    signatures: Vec<Option<Signature>>,
    by_id: HashMap<String, u32>,
}

/// Errors of the index.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum LshError {
    /// A signature of the wrong length.
    #[error("signature of {got} values where the index takes {want} (bands × rows)")]
    Length {
        /// Values given.
        got: usize,
        /// Values expected.
        want: usize,
    },
    /// An identifier already in the index.
    #[error("document {0:?} is already in the index; remove it first")]
    Duplicate(String),
    /// A saved index that cannot be read.
    #[error("not a wiretrace LSH index, or a damaged one: {0}")]
    Format(String),
    /// Reading or writing failed.
    #[error("cannot read or write the index: {0}")]
    Io(#[from] std::io::Error),
}

/// The probability that two documents of Jaccard similarity `s` become candidates.
pub fn candidate_probability(s: f64, bands: usize, rows: usize) -> f64 {
    1.0 - (1.0 - s.powi(rows as i32)).powi(bands as i32)
}

/// Bands and rows for `k` values that best separate pairs above `threshold` from pairs below,
/// weighing missed pairs `recall_weight` times as much as false candidates (the areas under
/// the candidate-probability curve, as datasketch chooses them).
pub fn optimal_bands(k: usize, threshold: f64, recall_weight: f64) -> (usize, usize) {
    let integrate = |f: &dyn Fn(f64) -> f64, a: f64, b: f64| {
        let n = 200;
        let h = (b - a) / n as f64;
        (0..n).map(|i| f(a + (i as f64 + 0.5) * h) * h).sum::<f64>()
    };
    let mut best = (1, k, f64::MAX);
    for bands in 1..=k {
        let rows = k / bands;
        if rows == 0 {
            break;
        }
        let fp = integrate(&|s| candidate_probability(s, bands, rows), 0.0, threshold);
        let fneg = integrate(&|s| 1.0 - candidate_probability(s, bands, rows), threshold, 1.0);
        let cost = fp + recall_weight * fneg;
        if cost < best.2 {
            best = (bands, rows, cost);
        }
    }
    (best.0, best.1)
}

const MAGIC: &[u8; 8] = b"WTLSH\x00\x00\x01";

impl LshIndex {
    /// An empty index of `bands` bands of `rows` values.
    pub fn new(bands: usize, rows: usize) -> Self {
        let (bands, rows) = (bands.max(1), rows.max(1));
        Self {
            bands,
            rows,
            tables: vec![HashMap::new(); bands],
            ids: Vec::new(),
            signatures: Vec::new(),
            by_id: HashMap::new(),
        }
    }

    /// Values per signature this index takes.
    pub fn signature_len(&self) -> usize {
        self.bands * self.rows
    }

    /// Number of documents in the index.
    pub fn len(&self) -> usize {
        self.by_id.len()
    }

    /// Whether the index holds no document.
    pub fn is_empty(&self) -> bool {
        self.by_id.is_empty()
    }

    fn band_keys<'a>(&'a self, sig: &'a [u32]) -> impl Iterator<Item = (usize, u64)> + 'a {
        (0..self.bands).map(move |b| {
            let band = &sig[b * self.rows..(b + 1) * self.rows];
            let bytes: Vec<u8> = band.iter().flat_map(|v| v.to_le_bytes()).collect();
            (b, xxh3_64(&bytes))
        })
    }

    fn check(&self, sig: &[u32]) -> Result<(), LshError> {
        if sig.len() < self.signature_len() {
            return Err(LshError::Length { got: sig.len(), want: self.signature_len() });
        }
        Ok(())
    }

    /// Adds a document.
    pub fn insert(&mut self, id: &str, signature: Signature) -> Result<(), LshError> {
        self.check(&signature)?;
        if self.by_id.contains_key(id) {
            return Err(LshError::Duplicate(id.to_string()));
        }
        let slot = self.ids.len() as u32;
        let keys: Vec<(usize, u64)> = self.band_keys(&signature).collect();
        for (b, key) in keys {
            self.tables[b].entry(key).or_default().push(slot);
        }
        self.ids.push(id.to_string());
        self.signatures.push(Some(signature));
        self.by_id.insert(id.to_string(), slot);
        Ok(())
    }

    /// Removes a document; returns whether it was there.
    pub fn remove(&mut self, id: &str) -> bool {
        let Some(slot) = self.by_id.remove(id) else { return false };
        if let Some(sig) = self.signatures[slot as usize].take() {
            let keys: Vec<(usize, u64)> = self.band_keys(&sig).collect();
            for (b, key) in keys {
                if let Some(list) = self.tables[b].get_mut(&key) {
                    list.retain(|&s| s != slot);
                    if list.is_empty() {
                        self.tables[b].remove(&key);
                    }
                }
            }
        }
        true
    }

    /// The signature of a document in the index.
    pub fn signature(&self, id: &str) -> Option<&Signature> {
        self.by_id.get(id).and_then(|&s| self.signatures[s as usize].as_ref())
    }

    /// Documents sharing a band with `signature`, sorted by identifier.
    pub fn query(&self, signature: &[u32]) -> Result<Vec<&str>, LshError> {
        self.check(signature)?;
        let mut slots: Vec<u32> =
            self.band_keys(signature).filter_map(|(b, key)| self.tables[b].get(&key)).flatten().copied().collect();
        slots.sort_unstable();
        slots.dedup();
        let mut ids: Vec<&str> = slots.into_iter().map(|s| self.ids[s as usize].as_str()).collect();
        ids.sort_unstable();
        Ok(ids)
    }

    /// Every candidate pair in the index, as sorted identifier pairs, sorted. Buckets with
    /// more than `max_bucket` documents are passed over (shared boilerplate, not stories).
    pub fn candidate_pairs(&self, max_bucket: usize) -> Vec<(String, String)> {
        let mut pairs: Vec<(u32, u32)> = Vec::new();
        for table in &self.tables {
            for list in table.values() {
                if list.len() < 2 || list.len() > max_bucket {
                    continue;
                }
                for (i, &a) in list.iter().enumerate() {
                    for &b in &list[i + 1..] {
                        pairs.push((a.min(b), a.max(b)));
                    }
                }
            }
        }
        pairs.sort_unstable();
        pairs.dedup();
        let mut named: Vec<(String, String)> = pairs
            .into_iter()
            .map(|(a, b)| {
                let (x, y) = (&self.ids[a as usize], &self.ids[b as usize]);
                if x <= y {
                    (x.clone(), y.clone())
                } else {
                    (y.clone(), x.clone())
                }
            })
            .collect();
        named.sort();
        named
    }

    /// Writes the index (parameters, identifiers, signatures) in a compact binary form.
    pub fn save(&self, mut w: impl Write) -> Result<(), LshError> {
        w.write_all(MAGIC)?;
        for v in [self.bands as u64, self.rows as u64, self.len() as u64] {
            w.write_all(&v.to_le_bytes())?;
        }
        for (slot, id) in self.ids.iter().enumerate() {
            let Some(sig) = &self.signatures[slot] else { continue };
            w.write_all(&(id.len() as u32).to_le_bytes())?;
            w.write_all(id.as_bytes())?;
            w.write_all(&(sig.len() as u32).to_le_bytes())?;
            for v in sig {
                w.write_all(&v.to_le_bytes())?;
            }
        }
        Ok(())
    }

    /// Reads an index written by [`LshIndex::save`].
    pub fn load(mut r: impl Read) -> Result<Self, LshError> {
        let mut magic = [0u8; 8];
        r.read_exact(&mut magic)?;
        if &magic != MAGIC {
            return Err(LshError::Format("wrong file signature".into()));
        }
        let mut u64s = [0u64; 3];
        for v in &mut u64s {
            let mut b = [0u8; 8];
            r.read_exact(&mut b)?;
            *v = u64::from_le_bytes(b);
        }
        let [bands, rows, n] = u64s;
        if bands == 0 || rows == 0 || bands * rows > 1 << 20 {
            return Err(LshError::Format(format!("implausible parameters: {bands} bands of {rows} rows")));
        }
        let mut index = Self::new(bands as usize, rows as usize);
        let read_u32 = |r: &mut dyn Read| -> Result<u32, LshError> {
            let mut b = [0u8; 4];
            r.read_exact(&mut b)?;
            Ok(u32::from_le_bytes(b))
        };
        for _ in 0..n {
            let len = read_u32(&mut r)? as usize;
            if len > 1 << 16 {
                return Err(LshError::Format(format!("an identifier of {len} bytes")));
            }
            let mut id = vec![0u8; len];
            r.read_exact(&mut id)?;
            let id = String::from_utf8(id).map_err(|e| LshError::Format(e.to_string()))?;
            let k = read_u32(&mut r)? as usize;
            if k != index.signature_len() {
                return Err(LshError::Format(format!("a signature of {k} values")));
            }
            let mut sig = Vec::with_capacity(k);
            for _ in 0..k {
                sig.push(read_u32(&mut r)?);
            }
            index.insert(&id, sig)?;
        }
        Ok(index)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::minhash::MinHasher;

    fn sig(h: &MinHasher, range: std::ops::Range<u64>) -> Signature {
        h.signature(&range.map(|x| x.wrapping_mul(0x9E37_79B9)).collect::<Vec<_>>())
    }

    #[test]
    fn near_duplicates_become_candidates_and_unrelated_do_not() {
        let h = MinHasher::new(128, 3);
        let (bands, rows) = optimal_bands(128, 0.5, 1.0);
        assert!(bands * rows <= 128);
        let mut index = LshIndex::new(bands, rows);
        index.insert("a", sig(&h, 0..1000)).unwrap();
        index.insert("b", sig(&h, 50..1050)).unwrap();
        index.insert("c", sig(&h, 9000..10000)).unwrap();
        assert_eq!(index.query(&sig(&h, 0..1000)).unwrap(), vec!["a", "b"]);
        assert_eq!(index.candidate_pairs(100), vec![("a".to_string(), "b".to_string())]);
        assert!(matches!(index.insert("a", sig(&h, 0..10)), Err(LshError::Duplicate(_))));
        assert!(index.remove("b") && !index.remove("b"));
        assert!(index.candidate_pairs(100).is_empty());
        assert_eq!(index.len(), 2);
    }

    #[test]
    fn save_and_load_round_trip() {
        let h = MinHasher::new(64, 9);
        let mut index = LshIndex::new(16, 4);
        for (i, r) in [(0..500), (10..510), (3000..3500)].into_iter().enumerate() {
            index.insert(&format!("doc{i}"), sig(&h, r)).unwrap();
        }
        index.remove("doc2");
        let mut bytes = Vec::new();
        index.save(&mut bytes).unwrap();
        let loaded = LshIndex::load(&bytes[..]).unwrap();
        assert_eq!(loaded.len(), 2);
        assert_eq!(loaded.candidate_pairs(10), index.candidate_pairs(10));
        assert_eq!(loaded.signature("doc0"), index.signature("doc0"));
        assert!(matches!(LshIndex::load(&b"nonsense-bytes-here-0000000000"[..]), Err(LshError::Format(_))));
    }

    #[test]
    fn candidate_probability_is_an_s_curve() {
        let (b, r) = (16, 8);
        assert!(candidate_probability(0.2, b, r) < 0.01);
        assert!(candidate_probability(0.9, b, r) > 0.99);
    }
}
