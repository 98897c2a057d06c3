//! Two versions compared on their own: sentence alignment and passage alignment for Python.

use crate::analysis::format_of;
use crate::errors::{detached, WiretraceError};
use pyo3::prelude::*;
use serde::Serialize;
use wiretrace::pairwise::PairAlignment;
use wiretrace::similarity::passages::{align_passages as passages, PassageOptions};
use wiretrace::similarity::{AlignOptions, EditOp};
use wiretrace_parse::{parse, Article, Format};

fn article(id: &str, text: String, format: Option<&str>) -> PyResult<Article> {
    let format = format_of(format)?.unwrap_or_else(|| Format::detect("", &text));
    Ok(parse(id, None, text, format))
}

/// An alignment as Python reads it: the links and the word edits as columns (one array per
/// field), which decode far faster than one object per link and make data frames directly.
#[derive(Serialize)]
struct Columns<'a> {
    jaccard: f64,
    containment_a_in_b: f64,
    containment_b_in_a: f64,
    a_only: &'a [usize],
    b_only: &'a [usize],
    links: LinkColumns<'a>,
    diffs: DiffColumns<'a>,
}

/// The fields of the links, one array each.
#[derive(Serialize, Default)]
struct LinkColumns<'a> {
    a_sentence: Vec<usize>,
    b_sentence: Vec<usize>,
    kind: Vec<&'a str>,
    shape: Vec<&'a str>,
    moved: Vec<bool>,
    score: Vec<f64>,
}

/// The word edits of the edited links, one array per field.
#[derive(Serialize, Default)]
struct DiffColumns<'a> {
    a_sentence: Vec<usize>,
    b_sentence: Vec<usize>,
    op: Vec<EditOp>,
    a_start: Vec<usize>,
    a_end: Vec<usize>,
    b_start: Vec<usize>,
    b_end: Vec<usize>,
    a_text: Vec<&'a str>,
    b_text: Vec<&'a str>,
}

impl<'a> Columns<'a> {
    fn of(al: &'a PairAlignment) -> Self {
        let (mut links, mut diffs) = (LinkColumns::default(), DiffColumns::default());
        for l in &al.links {
            links.a_sentence.push(l.a_sentence);
            links.b_sentence.push(l.b_sentence);
            links.kind.push(&l.kind);
            links.shape.push(&l.shape);
            links.moved.push(l.moved);
            links.score.push(l.score);
            for e in &l.diff {
                diffs.a_sentence.push(l.a_sentence);
                diffs.b_sentence.push(l.b_sentence);
                diffs.op.push(e.op);
                diffs.a_start.push(e.a_start);
                diffs.a_end.push(e.a_end);
                diffs.b_start.push(e.b_start);
                diffs.b_end.push(e.b_end);
                diffs.a_text.push(&e.a_text);
                diffs.b_text.push(&e.b_text);
            }
        }
        Self {
            jaccard: al.jaccard,
            containment_a_in_b: al.containment_a_in_b,
            containment_b_in_a: al.containment_b_in_a,
            a_only: &al.a_only,
            b_only: &al.b_only,
            links,
            diffs,
        }
    }
}

/// Parses two texts and aligns their sentences; returns JSON {a, b, alignment}, the
/// alignment in columns.
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
        serde_json::json!({"a": pa, "b": pb, "alignment": Columns::of(&al)}).to_string()
    })
}

/// Parses distinct texts once and aligns the given pairs of them (indices into `texts`), in
/// parallel; returns JSON {articles, alignments} (alignments in the order of `pairs`, in
/// columns).
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
        format!(
            "{{\"articles\":{},\"alignments\":{}}}",
            json_array(&articles, to_json),
            json_array(&aligned, |al| to_json(&Columns::of(al)))
        )
    })
}

fn to_json<T: Serialize>(x: &T) -> String {
    serde_json::to_string(x).expect("results serialise")
}

/// A JSON array of `items`, each serialised by `json` on its own on the thread pool.
fn json_array<T: Sync>(items: &[T], json: impl Fn(&T) -> String + Sync + Send) -> String {
    use rayon::prelude::*;
    let parts: Vec<String> = items.par_iter().map(json).collect();
    let mut out = String::with_capacity(parts.iter().map(|p| p.len() + 1).sum::<usize>() + 2);
    out.push('[');
    for (k, p) in parts.iter().enumerate() {
        if k > 0 {
            out.push(',');
        }
        out.push_str(p);
    }
    out.push(']');
    out
}

/// Aligns two already parsed articles given as JSON; returns the alignment as JSON, in columns.
#[pyfunction]
pub fn align_articles(py: Python<'_>, a: String, b: String) -> PyResult<String> {
    let pa: Article =
        serde_json::from_str(&a).map_err(|e| WiretraceError::new_err(format!("first article is not valid: {e}")))?;
    let pb: Article =
        serde_json::from_str(&b).map_err(|e| WiretraceError::new_err(format!("second article is not valid: {e}")))?;
    detached(py, "align", move || {
        let al = wiretrace::pairwise::align_articles(&pa, &pb, &AlignOptions::default());
        serde_json::to_string(&Columns::of(&al)).expect("alignments serialise")
    })
}

/// Passages of `source` reused in `target`, with code-point offsets; returns JSON.
#[pyfunction]
pub fn align_passages(py: Python<'_>, source: String, target: String) -> PyResult<String> {
    detached(py, "align_passages", move || {
        serde_json::to_string(&passages(&source, &target, &PassageOptions::default())).expect("passages serialise")
    })
}
