//! Story clustering against known stories: same-story pair precision and recall of the
//! clusters `wiretrace cluster` makes, on a corpus whose records name their story (such as the
//! output of `wiretrace synth`).

use std::collections::HashMap;

use serde::Serialize;

/// Pair counts and scores of a clustering against the true stories.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct PairScore {
    /// Documents scored.
    pub documents: usize,
    /// True stories.
    pub stories: usize,
    /// Clusters made.
    pub clusters: usize,
    /// Pairs of documents of one story.
    pub true_pairs: u64,
    /// Pairs of documents put in one cluster.
    pub predicted_pairs: u64,
    /// Pairs both of one story and in one cluster.
    pub correct_pairs: u64,
    /// `correct_pairs / predicted_pairs` (1 when nothing was joined).
    pub precision: f64,
    /// `correct_pairs / true_pairs` (1 when there is nothing to find).
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
}

fn pairs(n: u64) -> u64 {
    n * n.saturating_sub(1) / 2
}

/// Scores `clusters` (lists of document identifiers) against `story_of` (each document's true
/// story); documents without a story are left out. Counts pairs from a contingency table, so
/// the cost is linear in the number of documents.
pub fn score(clusters: &[Vec<String>], story_of: &HashMap<String, String>) -> PairScore {
    let mut cells: HashMap<(usize, &str), u64> = HashMap::new();
    let mut cluster_sizes: Vec<u64> = Vec::with_capacity(clusters.len());
    let mut story_sizes: HashMap<&str, u64> = HashMap::new();
    for (c, docs) in clusters.iter().enumerate() {
        let mut size = 0;
        for d in docs {
            if let Some(s) = story_of.get(d) {
                *cells.entry((c, s.as_str())).or_insert(0) += 1;
                *story_sizes.entry(s.as_str()).or_insert(0) += 1;
                size += 1;
            }
        }
        cluster_sizes.push(size);
    }
    let correct: u64 = cells.values().map(|&n| pairs(n)).sum();
    let predicted: u64 = cluster_sizes.iter().map(|&n| pairs(n)).sum();
    let truth: u64 = story_sizes.values().map(|&n| pairs(n)).sum();
    let precision = if predicted == 0 { 1.0 } else { correct as f64 / predicted as f64 };
    let recall = if truth == 0 { 1.0 } else { correct as f64 / truth as f64 };
    let f1 = if precision + recall == 0.0 { 0.0 } else { 2.0 * precision * recall / (precision + recall) };
    PairScore {
        documents: cluster_sizes.iter().sum::<u64>() as usize,
        stories: story_sizes.len(),
        clusters: cluster_sizes.iter().filter(|&&n| n > 0).count(),
        true_pairs: truth,
        predicted_pairs: predicted,
        correct_pairs: correct,
        precision,
        recall,
        f1,
    }
}

/// Reads each record's identifier and story from a JSON-lines corpus (fields `id` and
/// `story`, as `wiretrace synth` writes them).
pub fn stories(path: &std::path::Path) -> Result<HashMap<String, String>, String> {
    use std::io::BufRead;
    #[derive(serde::Deserialize)]
    struct Row {
        id: String,
        story: Option<String>,
    }
    let f = std::fs::File::open(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let mut out = HashMap::new();
    for (n, line) in std::io::BufReader::new(f).lines().enumerate() {
        let line = line.map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        if line.trim().is_empty() {
            continue;
        }
        let row: Row = serde_json::from_str(&line)
            .map_err(|e| format!("{}:{}: not a corpus record: {e}", path.display(), n + 1))?;
        if let Some(s) = row.story {
            out.insert(row.id, s);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pair_counts_from_the_contingency_table() {
        let story_of: HashMap<String, String> = [("a", "x"), ("b", "x"), ("c", "x"), ("d", "y"), ("e", "y")]
            .iter()
            .map(|(d, s)| (d.to_string(), s.to_string()))
            .collect();
        let v = |xs: &[&str]| xs.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        // {a,b} {c,d,e}: correct pairs ab, de = 2; predicted 1 + 3 = 4; true 3 + 1 = 4.
        let s = score(&[v(&["a", "b"]), v(&["c", "d", "e"])], &story_of);
        assert_eq!((s.correct_pairs, s.predicted_pairs, s.true_pairs), (2, 4, 4));
        assert!((s.precision - 0.5).abs() < 1e-12 && (s.recall - 0.5).abs() < 1e-12);
        let perfect = score(&[v(&["a", "b", "c"]), v(&["d", "e"])], &story_of);
        assert_eq!((perfect.precision, perfect.recall, perfect.clusters), (1.0, 1.0, 2));
    }
}
