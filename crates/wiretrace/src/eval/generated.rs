//! Reading corpora written by `wiretrace synth`, with their provenance.

use std::path::Path;

use serde::Deserialize;

/// How a version's sentence came from the wire, as the generator recorded it.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct TruthRow {
    /// Wire sentences it comes from (empty for added material).
    pub wire: Vec<usize>,
    /// `verbatim`, `edited`, `paraphrase`, `merged`, `split` or `added`.
    pub kind: String,
    /// Moved out of the wire's order.
    #[serde(default)]
    pub moved: bool,
}

/// One generated article.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct Row {
    pub id: String,
    pub story: String,
    pub text: String,
    /// The outlet version it was rewritten from, if not the wire.
    #[serde(default)]
    pub parent: Option<String>,
    #[serde(default)]
    pub sentences: Vec<String>,
    #[serde(default)]
    pub truth: Vec<TruthRow>,
    #[serde(default)]
    pub is_wire: bool,
}

/// Reads every record of a generated corpus; a malformed line is an error naming it.
pub(crate) fn read_rows(path: &Path) -> Result<Vec<Row>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(n, line)| {
            serde_json::from_str(line).map_err(|e| format!("{}:{}: not a generated record: {e}", path.display(), n + 1))
        })
        .collect()
}
