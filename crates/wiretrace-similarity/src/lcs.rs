//! Length of the longest common subsequence of two word sequences (as hashes), which is what
//! a minimal word diff keeps: a diff with the fewest insertions and deletions matches exactly
//! LCS words. Sentences of up to 64 words (one side is enough) use the bit-parallel algorithm
//! of Allison and Dix (1986) in Hyyrö's formulation, one machine word per word of the other
//! sentence; longer ones fall back to a Myers diff.

use similar::{capture_diff_slices, Algorithm, DiffOp};

/// The number of words a minimal diff of `a` and `b` keeps (their LCS length).
pub(crate) fn lcs_len(a: &[u64], b: &[u64]) -> usize {
    if a.is_empty() || b.is_empty() {
        return 0;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.len() > 64 {
        return capture_diff_slices(Algorithm::Myers, a, b)
            .iter()
            .map(|op| match op {
                DiffOp::Equal { len, .. } => *len,
                _ => 0,
            })
            .sum();
    }
    // Bit i of `v` is 0 where row i of the LCS table steps up; the LCS is the number of zeros.
    let mut v: u64 = !0;
    for &w in long {
        let mut matches: u64 = 0;
        for (i, &x) in short.iter().enumerate() {
            matches |= u64::from(x == w) << i;
        }
        let u = v & matches;
        v = v.wrapping_add(u) | (v & !matches);
    }
    let mask = if short.len() == 64 { !0 } else { (1u64 << short.len()) - 1 };
    (!v & mask).count_ones() as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The textbook dynamic programme, for reference.
    fn lcs_table(a: &[u64], b: &[u64]) -> usize {
        let mut row = vec![0usize; b.len() + 1];
        for &x in a {
            let mut diag = 0;
            for (j, &y) in b.iter().enumerate() {
                let up = row[j + 1];
                row[j + 1] = if x == y { diag + 1 } else { up.max(row[j]) };
                diag = up;
            }
        }
        row[b.len()]
    }

    #[test]
    fn agrees_with_the_dynamic_programme() {
        // A small deterministic generator over a small alphabet, so that words repeat.
        let mut state = 0x2545_F491_4F6C_DD1Du64;
        let mut next = |k: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state % k
        };
        for round in 0..400 {
            let (la, lb) = (next(80) as usize, next(80) as usize);
            let alphabet = 2 + round % 9;
            let a: Vec<u64> = (0..la).map(|_| next(alphabet)).collect();
            let b: Vec<u64> = (0..lb).map(|_| next(alphabet)).collect();
            assert_eq!(lcs_len(&a, &b), lcs_table(&a, &b), "{a:?} {b:?}");
        }
        assert_eq!(lcs_len(&[], &[1, 2]), 0);
        let same: Vec<u64> = (0..64).collect();
        assert_eq!(lcs_len(&same, &same), 64);
    }
}
