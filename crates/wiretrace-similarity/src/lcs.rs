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
    let rows = long.iter().map(|&w| short.iter().enumerate().fold(0u64, |m, (i, &x)| m | (u64::from(x == w) << i)));
    lcs_of_rows(rows, short.len())
}

/// The LCS length from the match rows: for each word of the longer sequence, the bit mask of
/// the positions of the shorter one (at most 64 words) that hold the same word.
pub(crate) fn lcs_of_rows(rows: impl IntoIterator<Item = u64>, short_len: usize) -> usize {
    // Bit i of `v` is 0 where row i of the LCS table steps up; the LCS is the number of zeros.
    let mut v: u64 = !0;
    for matches in rows {
        let u = v & matches;
        v = v.wrapping_add(u) | (v & !matches);
    }
    let mask = if short_len >= 64 { !0 } else { (1u64 << short_len) - 1 };
    (!v & mask).count_ones() as usize
}

/// Words two bags share, counted with repeats as in a multiset. The bags are (word, position)
/// pairs sorted by word, then position. When `rows` is given (`short` has at most 64 words
/// and `rows` one slot per word of `long`, all zero), the match rows of [`lcs_of_rows`] are
/// filled on the way: slot `p` gets the mask of `short`'s positions holding `long`'s word `p`.
pub(crate) fn shared_words(short: &[(u64, u32)], long: &[(u64, u32)], mut rows: Option<&mut [u64]>) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < short.len() && j < long.len() {
        let (x, y) = (short[i].0, long[j].0);
        if x < y {
            i += 1;
        } else if x > y {
            j += 1;
        } else {
            let (mut mask, mut k) = (0u64, 0);
            while i < short.len() && short[i].0 == x {
                mask |= 1u64.checked_shl(short[i].1).unwrap_or(0);
                i += 1;
                k += 1;
            }
            let mut l = 0;
            while j < long.len() && long[j].0 == x {
                if let Some(rows) = rows.as_deref_mut() {
                    rows[long[j].1 as usize] = mask;
                }
                j += 1;
                l += 1;
            }
            n += k.min(l);
        }
    }
    n
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
            let expected = lcs_table(&a, &b);
            assert_eq!(lcs_len(&a, &b), expected, "{a:?} {b:?}");
            // The same through bags and match rows, with the multiset overlap.
            let bag = |s: &[u64]| {
                let mut v: Vec<(u64, u32)> = s.iter().enumerate().map(|(i, &w)| (w, i as u32)).collect();
                v.sort_unstable();
                v
            };
            let (short, long) = if a.len() <= b.len() { (&a, &b) } else { (&b, &a) };
            let mut rows = vec![0u64; long.len()];
            let shared = shared_words(&bag(short), &bag(long), (short.len() <= 64).then_some(&mut rows[..]));
            let mut multiset = 0;
            for w in 0..alphabet {
                multiset += a.iter().filter(|&&x| x == w).count().min(b.iter().filter(|&&x| x == w).count());
            }
            assert_eq!(shared, multiset);
            if short.len() <= 64 && !short.is_empty() {
                assert_eq!(lcs_of_rows(rows, short.len()), expected, "{a:?} {b:?}");
            }
        }
        assert_eq!(lcs_len(&[], &[1, 2]), 0);
        let same: Vec<u64> = (0..64).collect();
        assert_eq!(lcs_len(&same, &same), 64);
    }
}
