//! Parsing, analysis and rendering, each returning JSON for the Python layer.

use crate::errors::{detached, WiretraceError};
use pyo3::prelude::*;
use std::path::PathBuf;
use wiretrace::{
    analyze as run_records, analyze_paths as run_paths, analyze_texts as run_texts, demo, Options, Report,
};
use wiretrace_parse::corpus::Columns;
use wiretrace_parse::{parse, Format, Metadata, Record, RecordError};

/// Parses one article; returns the article as JSON.
///
/// `format` is "text", "html" or None to detect it from the content.
#[pyfunction]
#[pyo3(signature = (text, *, id = "document", format = None))]
pub fn parse_text(py: Python<'_>, text: String, id: &str, format: Option<&str>) -> PyResult<String> {
    let format = match format {
        None => Format::detect("", &text),
        Some("text") => Format::Text,
        Some("html") => Format::Html,
        Some(other) => {
            return Err(WiretraceError::new_err(format!("unknown format {other:?}: use \"text\", \"html\" or None")));
        }
    };
    let id = id.to_string();
    detached(py, "parse", move || serde_json::to_string(&parse(&id, None, text, format)).expect("articles serialise"))
}

/// The format a Python caller named (`None`: detect it).
pub(crate) fn format_of(format: Option<&str>) -> PyResult<Option<Format>> {
    match format {
        None => Ok(None),
        Some("text") => Ok(Some(Format::Text)),
        Some("html") => Ok(Some(Format::Html)),
        Some(other) => {
            Err(WiretraceError::new_err(format!("unknown format {other:?}: use \"text\", \"html\" or None")))
        }
    }
}

/// The body text of an article (its body blocks joined by blank lines).
fn body_text(text: String, format: Option<Format>) -> String {
    let f = format.unwrap_or_else(|| Format::detect("", &text));
    if f == Format::Html {
        return wiretrace_parse::html_body(&text).join("\n\n");
    }
    let a = parse("document", None, text, f);
    let body: Vec<&str> =
        a.blocks.iter().filter(|b| b.role == wiretrace_parse::Role::Body).map(|b| b.text.as_str()).collect();
    body.join("\n\n")
}

/// The main text of one article: its body, without boilerplate, headline or captions.
#[pyfunction]
#[pyo3(signature = (text, *, format = None))]
pub fn extract(py: Python<'_>, text: String, format: Option<&str>) -> PyResult<String> {
    let f = format_of(format)?;
    detached(py, "extract", move || body_text(text, f))
}

/// The main text of many articles, in parallel, in input order.
#[pyfunction]
#[pyo3(signature = (texts, *, format = None))]
pub fn extract_many(py: Python<'_>, texts: Vec<String>, format: Option<&str>) -> PyResult<Vec<String>> {
    use rayon::prelude::*;
    let f = format_of(format)?;
    detached(py, "extract_many", move || texts.into_par_iter().map(|t| body_text(t, f)).collect())
}

/// Parses many articles in parallel; returns each article as JSON, in input order.
#[pyfunction]
#[pyo3(signature = (texts, *, format = None))]
pub fn parse_many(py: Python<'_>, texts: Vec<String>, format: Option<&str>) -> PyResult<Vec<String>> {
    use rayon::prelude::*;
    let fixed = format_of(format)?;
    detached(py, "parse_many", move || {
        texts
            .into_par_iter()
            .enumerate()
            .map(|(i, t)| {
                let f = fixed.unwrap_or_else(|| Format::detect("", &t));
                serde_json::to_string(&parse(&format!("document-{i}"), None, t, f)).expect("articles serialise")
            })
            .collect()
    })
}

/// Parses many articles in parallel and extracts their claims; returns the claims as one JSON
/// list (documents named `document-0`, `document-1`, … in input order).
#[pyfunction]
#[pyo3(signature = (texts, *, format = None))]
pub fn claims_many(py: Python<'_>, texts: Vec<String>, format: Option<&str>) -> PyResult<String> {
    use rayon::prelude::*;
    let fixed = format_of(format)?;
    detached(py, "claims_many", move || {
        let claims: Vec<Vec<wiretrace::claims::Claim>> = texts
            .into_par_iter()
            .enumerate()
            .map(|(i, t)| {
                let f = fixed.unwrap_or_else(|| Format::detect("", &t));
                wiretrace::claims::extract_article(&parse(&format!("document-{i}"), None, t, f))
            })
            .collect();
        serde_json::to_string(&claims.concat()).expect("claims serialise")
    })
}

/// Analyses files and directories; returns the report as JSON.
///
/// `columns` maps the JSONL/CSV roles (`id`, `text`, `html`, `outlet`, `url`, `date`,
/// `title`) to column names; `max_bytes` is the size limit of one article.
#[pyfunction]
#[pyo3(signature = (paths, *, columns = None, max_bytes = None, agencies = None, attribution_model = None))]
pub fn analyze_paths(
    py: Python<'_>,
    paths: Vec<PathBuf>,
    columns: Option<std::collections::HashMap<String, String>>,
    max_bytes: Option<u64>,
    agencies: Option<Vec<String>>,
    attribution_model: Option<PathBuf>,
) -> PyResult<String> {
    let mut opts = options(agencies, attribution_model)?;
    if let Some(map) = columns {
        opts.read.columns = columns_from(map)?;
    }
    if let Some(m) = max_bytes {
        opts.read.max_bytes = m;
    }
    detached(py, "analyze", move || run_paths(&paths, &opts).to_json())
}

/// Default options with extra agency names and a trained attribution model.
fn options(agencies: Option<Vec<String>>, attribution_model: Option<PathBuf>) -> PyResult<Options> {
    let mut opts = Options::default();
    if let Some(extra) = agencies {
        opts.agencies = wiretrace_parse::Agencies::with_extra(&extra);
    }
    if let Some(path) = attribution_model {
        let model = wiretrace::claims::learned::AttributionModel::load(&path).map_err(WiretraceError::new_err)?;
        opts.attribution_model = Some(std::sync::Arc::new(model));
    }
    Ok(opts)
}

/// A column mapping from Python (`{"text": "body", …}`), with a clear error for an unknown role.
pub(crate) fn columns_from(map: std::collections::HashMap<String, String>) -> PyResult<Columns> {
    let mut c = Columns::default();
    for (role, name) in map {
        let slot = match role.as_str() {
            "id" => &mut c.id,
            "text" => &mut c.text,
            "html" => &mut c.html,
            "outlet" => &mut c.outlet,
            "url" => &mut c.url,
            "date" => &mut c.date,
            "title" => &mut c.title,
            other => {
                return Err(WiretraceError::new_err(format!(
                    "unknown column role {other:?}: use id, text, html, outlet, url, date or title"
                )))
            }
        };
        *slot = name;
    }
    Ok(c)
}

/// One record given by Python (see `wiretrace.Corpus`).
#[derive(serde::Deserialize)]
struct GivenRecord {
    id: String,
    text: Option<String>,
    html: Option<String>,
    outlet: Option<String>,
    url: Option<String>,
    date: Option<String>,
    title: Option<String>,
}

/// Analyses records given as a JSON list of objects with `id` and `text` or `html`, and
/// optionally `outlet`, `url`, `date` and `title`; returns the report as JSON.
#[pyfunction]
#[pyo3(signature = (records_json, *, agencies = None, attribution_model = None))]
pub fn analyze_records(
    py: Python<'_>,
    records_json: String,
    agencies: Option<Vec<String>>,
    attribution_model: Option<PathBuf>,
) -> PyResult<String> {
    let opts = options(agencies, attribution_model)?;
    let given: Vec<GivenRecord> = serde_json::from_str(&records_json)
        .map_err(|e| WiretraceError::new_err(format!("records are not a list of article objects: {e}")))?;
    detached(py, "analyze", move || {
        let mut records = Vec::new();
        let mut errors = Vec::new();
        for g in given {
            let (text, format) =
                match (g.text.filter(|t| !t.trim().is_empty()), g.html.filter(|h| !h.trim().is_empty())) {
                    (Some(t), _) => {
                        let f = Format::detect("", &t);
                        (t, f)
                    }
                    (None, Some(h)) => (h, Format::Html),
                    (None, None) => {
                        errors.push(RecordError::new(g.id, "no article text (the text and html fields are empty)"));
                        continue;
                    }
                };
            let meta = Metadata {
                outlet: g.outlet,
                headline: g.title,
                date: g.date.as_deref().and_then(wiretrace_parse::dates::parse_date),
                url: g.url,
                ..Metadata::default()
            };
            records.push(Record { source: g.id.clone(), id: g.id, format, text, meta });
        }
        wiretrace_parse::corpus::make_ids_unique(&mut records);
        run_records(records, errors, &opts).to_json()
    })
}

/// Analyses (identifier, text) pairs; returns the report as JSON.
#[pyfunction]
#[pyo3(signature = (items, *, agencies = None, attribution_model = None))]
pub fn analyze_texts(
    py: Python<'_>,
    items: Vec<(String, String)>,
    agencies: Option<Vec<String>>,
    attribution_model: Option<PathBuf>,
) -> PyResult<String> {
    let opts = options(agencies, attribution_model)?;
    detached(py, "analyze", move || run_texts(items, &opts).to_json())
}

/// Renders a JSON report as a self-contained HTML page.
#[pyfunction]
pub fn render_html(py: Python<'_>, report_json: String) -> PyResult<String> {
    let report = Report::from_json(&report_json)
        .map_err(|e| WiretraceError::new_err(format!("not a wiretrace.report/1 report: {e}")))?;
    detached(py, "render_html", move || wiretrace::html::render(&report))
}

/// Renders one view of a JSON report as an HTML fragment with its own scoped style:
/// `view` is "summary", "cluster" or "claims" (the last two name a `cluster`).
#[pyfunction]
#[pyo3(signature = (report_json, view, cluster = None))]
pub fn render_fragment(py: Python<'_>, report_json: String, view: &str, cluster: Option<String>) -> PyResult<String> {
    let view = match (view, cluster) {
        ("summary", _) => wiretrace::html::View::Summary,
        ("cluster", Some(c)) => wiretrace::html::View::Cluster(c),
        ("claims", Some(c)) => wiretrace::html::View::Claims(c),
        ("cluster" | "claims", None) => {
            return Err(WiretraceError::new_err(format!("the {view:?} view needs a cluster identifier")))
        }
        (other, _) => {
            return Err(WiretraceError::new_err(format!(
                "unknown view {other:?}: use \"summary\", \"cluster\" or \"claims\""
            )))
        }
    };
    let report = Report::from_json(&report_json)
        .map_err(|e| WiretraceError::new_err(format!("not a wiretrace.report/1 report: {e}")))?;
    detached(py, "render_fragment", move || wiretrace::html::fragment(&report, &view))?.map_err(WiretraceError::new_err)
}

/// Writes a JSON report's tables into `directory` as "json" (JSON lines), "csv" or "parquet";
/// returns the paths written.
#[pyfunction]
pub fn write_tables(py: Python<'_>, report_json: String, directory: PathBuf, format: &str) -> PyResult<Vec<PathBuf>> {
    use wiretrace::tables::Format;
    let format = match format {
        "json" => Format::Json,
        "csv" => Format::Csv,
        "parquet" => Format::Parquet,
        other => {
            return Err(WiretraceError::new_err(format!(
                "unknown format {other:?}: use \"json\", \"csv\" or \"parquet\""
            )))
        }
    };
    let report = Report::from_json(&report_json)
        .map_err(|e| WiretraceError::new_err(format!("not a wiretrace.report/1 report: {e}")))?;
    detached(py, "write_tables", move || wiretrace::report_tables::write_tables(&report, &directory, format))?
        .map_err(WiretraceError::new_err)
}

/// The copy matrix of one cluster of a JSON report (see `wiretrace::html::copy_matrix`): one
/// row per version, `None` on the diagonal.
#[pyfunction]
pub fn copy_matrix(
    py: Python<'_>,
    report_json: String,
    cluster: String,
    kinds: Vec<String>,
) -> PyResult<Vec<Vec<Option<f64>>>> {
    let report = Report::from_json(&report_json)
        .map_err(|e| WiretraceError::new_err(format!("not a wiretrace.report/1 report: {e}")))?;
    detached(py, "copy_matrix", move || {
        let kinds: Vec<&str> = kinds.iter().map(String::as_str).collect();
        report
            .clusters
            .iter()
            .find(|c| c.id == cluster)
            .map(|c| wiretrace::html::copy_matrix(&report, c, &kinds))
            .ok_or_else(|| format!("no cluster {cluster:?} in this report"))
    })?
    .map_err(WiretraceError::new_err)
}

/// The embedded example corpus: a list of (file name, content).
#[pyfunction]
pub fn demo_files() -> Vec<(&'static str, &'static str)> {
    demo::FILES.to_vec()
}

/// The example corpus's ground truth (JSON).
#[pyfunction]
pub fn demo_manifest() -> &'static str {
    demo::MANIFEST
}
