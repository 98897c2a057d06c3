//! MinHash signatures by one-permutation hashing with optimal densification (Shrivastava,
//! ICML 2017): one hash per shingle instead of one per permutation.
//!
//! Each shingle hash is mixed and falls into one of `k` bins, which keeps the smallest value it
//! sees. A bin no shingle fell into borrows the value of another bin, chosen by a fixed
//! pseudo-random probe sequence of its own index, so that two sets agree on a bin with
//! probability equal to their Jaccard similarity.

/// A MinHash signature: `k` 32-bit values.
pub type Signature = Vec<u32>;

/// Computes signatures with `k` bins and a seed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MinHasher {
    k: usize,
    seed: u64,
}

/// SplitMix64 finaliser: a fast, well-distributed 64-bit mix.
pub fn mix64(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

impl MinHasher {
    /// A hasher with `k` bins (permutations), at least 1.
    pub fn new(k: usize, seed: u64) -> Self {
        Self { k: k.max(1), seed }
    }

    /// Number of values in a signature.
    pub fn k(&self) -> usize {
        self.k
    }

    /// The signature of a set of shingle hashes (duplicates are harmless). The empty set's
    /// signature is all `u32::MAX`.
    pub fn signature(&self, shingles: &[u64]) -> Signature {
        self.signature_of(shingles.iter().copied())
    }

    /// The signature of the shingle hashes an iterator gives (as [`MinHasher::signature`]).
    pub fn signature_of(&self, shingles: impl IntoIterator<Item = u64>) -> Signature {
        let k = self.k;
        // 64-bit bins hold 32-bit values, so an empty bin (u64::MAX) needs no flag of its own
        // and keeping the smallest value needs no branch.
        let mut wide = vec![u64::MAX; k];
        let mut any = false;
        for h in shingles {
            any = true;
            let m = mix64(h ^ self.seed);
            let bin = (((m >> 32) * k as u64) >> 32) as usize;
            wide[bin] = wide[bin].min(u64::from(m as u32));
        }
        let mut bins: Signature = wide.iter().map(|&v| v as u32).collect();
        if !any {
            return bins;
        }
        let original: Vec<bool> = wide.iter().map(|&v| v != u64::MAX).collect();
        for i in 0..k {
            if original[i] {
                continue;
            }
            let mut attempt = 0u64;
            loop {
                let j = (mix64(self.seed ^ ((i as u64) << 32) ^ attempt.wrapping_mul(0x2545_F491_4F6C_DD1D)) % k as u64)
                    as usize;
                if original[j] {
                    bins[i] = bins[j];
                    break;
                }
                attempt += 1;
            }
        }
        bins
    }
}

/// Estimated Jaccard similarity: the share of bins on which two signatures agree.
pub fn estimate_jaccard(a: &[u32], b: &[u32]) -> f64 {
    if a.is_empty() || a.len() != b.len() {
        return 0.0;
    }
    a.iter().zip(b).filter(|(x, y)| x == y && **x != u32::MAX).count() as f64 / a.len() as f64
}

/// Containment of A in B from their Jaccard similarity and sizes: |A ∩ B| / |A|, where
/// |A ∩ B| = J (|A| + |B|) / (1 + J).
pub fn containment_from_jaccard(jaccard: f64, size_a: usize, size_b: usize) -> f64 {
    if size_a == 0 {
        return 0.0;
    }
    let inter = jaccard * (size_a + size_b) as f64 / (1.0 + jaccard);
    (inter / size_a as f64).min(1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(range: std::ops::Range<u64>) -> Vec<u64> {
        range.map(|x| x.wrapping_mul(0x9E37_79B9)).collect()
    }

    #[test]
    fn estimates_track_the_true_jaccard() {
        let h = MinHasher::new(256, 7);
        for (a, b, truth) in [(0..1000, 500..1500, 500.0 / 1500.0), (0..1000, 0..900, 0.9), (0..100, 5000..5100, 0.0)] {
            let est = estimate_jaccard(&h.signature(&set(a)), &h.signature(&set(b)));
            assert!((est - truth).abs() < 0.08, "estimate {est} for {truth}");
        }
        let s = h.signature(&set(0..50));
        assert_eq!(estimate_jaccard(&s, &s), 1.0);
        assert!(h.signature(&[]).iter().all(|&v| v == u32::MAX));
        assert_eq!(estimate_jaccard(&h.signature(&[]), &h.signature(&[])), 0.0);
    }

    #[test]
    fn sparse_sets_are_densified_and_signatures_are_deterministic() {
        let h = MinHasher::new(128, 1);
        let small = set(0..5);
        let sig = h.signature(&small);
        assert!(sig.iter().all(|&v| v != u32::MAX));
        assert_eq!(sig, MinHasher::new(128, 1).signature(&small));
        assert_ne!(sig, MinHasher::new(128, 2).signature(&small));
    }

    #[test]
    fn containment_of_a_short_set_inside_a_long_one() {
        let (a, b) = (100usize, 1000usize);
        let j = 100.0 / 1000.0;
        assert!((containment_from_jaccard(j, a, b) - 1.0).abs() < 1e-9);
    }
}
