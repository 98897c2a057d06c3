//! Parsing, analysis and rendering, each returning JSON for the Python layer.

use crate::errors::{detached, WiretraceError};
use pyo3::prelude::*;
use std::path::PathBuf;
use wiretrace::{analyze_paths as run_paths, analyze_texts as run_texts, demo, Options, Report};
use wiretrace_parse::{parse, Format};

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

/// Analyses files and directories; returns the report as JSON.
#[pyfunction]
pub fn analyze_paths(py: Python<'_>, paths: Vec<PathBuf>) -> PyResult<String> {
    detached(py, "analyze", move || run_paths(&paths, &Options::default()).to_json())
}

/// Analyses (identifier, text) pairs; returns the report as JSON.
#[pyfunction]
pub fn analyze_texts(py: Python<'_>, items: Vec<(String, String)>) -> PyResult<String> {
    detached(py, "analyze", move || run_texts(items, &Options::default()).to_json())
}

/// Renders a JSON report as a self-contained HTML page.
#[pyfunction]
pub fn render_html(py: Python<'_>, report_json: String) -> PyResult<String> {
    let report = Report::from_json(&report_json)
        .map_err(|e| WiretraceError::new_err(format!("not a wiretrace.report/1 report: {e}")))?;
    detached(py, "render_html", move || wiretrace::html::render(&report))
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
