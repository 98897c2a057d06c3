//! Two versions compared on their own: sentence alignment and passage alignment for Python.

use crate::analysis::format_of;
use crate::errors::{detached, WiretraceError};
use pyo3::prelude::*;
use wiretrace::similarity::passages::{align_passages as passages, PassageOptions};
use wiretrace::similarity::AlignOptions;
use wiretrace_parse::{parse, Article, Format};

fn article(id: &str, text: String, format: Option<&str>) -> PyResult<Article> {
    let format = format_of(format)?.unwrap_or_else(|| Format::detect("", &text));
    Ok(parse(id, None, text, format))
}

/// Parses two texts and aligns their sentences; returns JSON {a, b, alignment}.
#[pyfunction]
#[pyo3(signature = (a, b, *, a_id = "a", b_id = "b", format = None))]
pub fn align_texts(
    py: Python<'_>,
    a: String,
    b: String,
    a_id: &str,
    b_id: &str,
    format: Option<&str>,
) -> PyResult<String> {
    // Formats are checked before the work leaves the GIL.
    let _ = article("", String::new(), format)?;
    let (a_id, b_id, format) = (a_id.to_string(), b_id.to_string(), format.map(str::to_string));
    detached(py, "align", move || {
        let fa = format.as_deref();
        let pa = article(&a_id, a, fa).expect("format checked");
        let pb = article(&b_id, b, fa).expect("format checked");
        let al = wiretrace::pairwise::align_articles(&pa, &pb, &AlignOptions::default());
        serde_json::json!({"a": pa, "b": pb, "alignment": al}).to_string()
    })
}

/// Parses distinct texts once and aligns the given pairs of them (indices into `texts`), in
/// parallel; returns JSON {articles, alignments} (alignments in the order of `pairs`).
#[pyfunction]
#[pyo3(signature = (texts, ids, pairs, *, format = None))]
pub fn align_many(
    py: Python<'_>,
    texts: Vec<String>,
    ids: Vec<String>,
    pairs: Vec<(usize, usize)>,
    format: Option<&str>,
) -> PyResult<String> {
    let _ = article("", String::new(), format)?;
    if ids.len() != texts.len() {
        return Err(WiretraceError::new_err(format!("{} texts but {} ids", texts.len(), ids.len())));
    }
    if let Some(&(i, j)) = pairs.iter().find(|&&(i, j)| i.max(j) >= texts.len()) {
        return Err(WiretraceError::new_err(format!("pair ({i}, {j}) names a text beyond the {} given", texts.len())));
    }
    let format = format.map(str::to_string);
    detached(py, "align_many", move || {
        use rayon::prelude::*;
        let fa = format.as_deref();
        let articles: Vec<Article> =
            texts.into_par_iter().zip(ids).map(|(text, id)| article(&id, text, fa).expect("format checked")).collect();
        let aligned = wiretrace::pairwise::align_many(&articles, &pairs, &AlignOptions::default());
        serde_json::json!({"articles": articles, "alignments": aligned}).to_string()
    })
}

/// Aligns two already parsed articles given as JSON; returns the alignment as JSON.
#[pyfunction]
pub fn align_articles(py: Python<'_>, a: String, b: String) -> PyResult<String> {
    let pa: Article =
        serde_json::from_str(&a).map_err(|e| WiretraceError::new_err(format!("first article is not valid: {e}")))?;
    let pb: Article =
        serde_json::from_str(&b).map_err(|e| WiretraceError::new_err(format!("second article is not valid: {e}")))?;
    detached(py, "align", move || {
        serde_json::to_string(&wiretrace::pairwise::align_articles(&pa, &pb, &AlignOptions::default()))
            .expect("alignments serialise")
    })
}

/// Passages of `source` reused in `target`, with code-point offsets; returns JSON.
#[pyfunction]
pub fn align_passages(py: Python<'_>, source: String, target: String) -> PyResult<String> {
    detached(py, "align_passages", move || {
        serde_json::to_string(&passages(&source, &target, &PassageOptions::default())).expect("passages serialise")
    })
}
