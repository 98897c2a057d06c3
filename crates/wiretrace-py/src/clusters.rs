//! Fast story clustering (MinHash and LSH) for Python.

use crate::analysis::columns_from;
use crate::errors::detached;
use pyo3::prelude::*;
use std::collections::HashMap;
use std::path::PathBuf;
use wiretrace::clustering::{ClusterOptions, Clustering};
use wiretrace_parse::{corpus::make_ids_unique, ReadOptions, Record};

fn to_json(result: Clustering, errors: Vec<wiretrace_parse::RecordError>) -> String {
    serde_json::json!({
        "clusters": result.clusters,
        "candidates": result.candidates,
        "same_story_pairs": result.same_story_pairs,
        "errors": errors,
    })
    .to_string()
}

fn options(content_threshold: f64, containment_threshold: f64, num_perm: usize) -> ClusterOptions {
    ClusterOptions { content_threshold, containment_threshold, num_perm: num_perm.max(8), ..ClusterOptions::default() }
}

/// Calls `progress(stage, count)` from the core's threads, taking the GIL for the call; what
/// the callable raises is ignored (a progress display must not stop the work).
fn report(progress: &Option<Py<PyAny>>, stage: &str, count: usize) {
    if let Some(callback) = progress {
        Python::attach(|py| {
            let _ = callback.call1(py, (stage, count));
        });
    }
}

/// Clusters the articles of files and directories; returns JSON. `progress`, when given, is
/// called with ("clustering", documents read) after each batch.
#[pyfunction]
#[pyo3(signature = (paths, *, content_threshold = 0.3, containment_threshold = 0.15, num_perm = 128, columns = None, progress = None))]
pub fn cluster_paths(
    py: Python<'_>,
    paths: Vec<PathBuf>,
    content_threshold: f64,
    containment_threshold: f64,
    num_perm: usize,
    columns: Option<HashMap<String, String>>,
    progress: Option<Py<PyAny>>,
) -> PyResult<String> {
    let opts = options(content_threshold, containment_threshold, num_perm);
    let read =
        ReadOptions { columns: columns.map(columns_from).transpose()?.unwrap_or_default(), ..ReadOptions::default() };
    detached(py, "cluster", move || {
        let (result, errors) =
            wiretrace::clustering::cluster_paths(&paths, &read, &opts, &|n| report(&progress, "clustering", n));
        to_json(result, errors)
    })
}

/// One row per version of every story of a corpus (see `wiretrace shares`): JSON
/// `{"rows": [...], "errors": [...]}`, or with `parquet` the rows as Parquet bytes and the
/// errors as JSON. `progress`, when given, is called with (stage, documents) as the work goes.
#[pyfunction]
#[pyo3(signature = (paths, *, content_threshold = 0.3, containment_threshold = 0.15, columns = None, parquet = false, progress = None, attribution_model = None))]
#[allow(clippy::too_many_arguments)] // keywords in Python
pub fn version_rows(
    py: Python<'_>,
    paths: Vec<PathBuf>,
    content_threshold: f64,
    containment_threshold: f64,
    columns: Option<HashMap<String, String>>,
    parquet: bool,
    progress: Option<Py<PyAny>>,
    attribution_model: Option<PathBuf>,
) -> PyResult<(Vec<u8>, String)> {
    use wiretrace::shares::Stage;
    let opts = ClusterOptions { content_threshold, containment_threshold, ..ClusterOptions::default() };
    let mut analysis = wiretrace::Options::default();
    if let Some(path) = attribution_model {
        let model = wiretrace::claims::learned::AttributionModel::load(&path)
            .map_err(crate::errors::WiretraceError::new_err)?;
        analysis.attribution_model = Some(std::sync::Arc::new(model));
    }
    if let Some(map) = columns {
        analysis.read.columns = columns_from(map)?;
    }
    detached(py, "copy_shares", move || {
        let (rows, errors) = wiretrace::shares::version_rows(&paths, &opts, &analysis, &|stage, n| {
            report(&progress, if stage == Stage::Clustering { "clustering" } else { "analysing" }, n)
        });
        let errors = serde_json::to_string(&errors).expect("errors serialise");
        if parquet {
            let mut out = Vec::new();
            let table = wiretrace::report_tables::versions_table(&rows);
            wiretrace::tables::write(&table, wiretrace::tables::Format::Parquet, &mut out).map(|()| (out, errors))
        } else {
            Ok((serde_json::to_vec(&rows).expect("rows serialise"), errors))
        }
    })?
    .map_err(crate::errors::WiretraceError::new_err)
}

/// Writes a generated corpus (see `wiretrace synth`) to `path` as JSON lines; returns the
/// number of articles written.
#[pyfunction]
#[pyo3(signature = (path, *, stories = 100, versions = 4, rewrite = 0.5, words = 600, outlets = 200, derived = 0.0, truth = false, wire = true, dates = true, outlet_styles = true, seed = 1))]
#[allow(clippy::too_many_arguments)] // the generator's settings, all keywords in Python
pub fn synth(
    py: Python<'_>,
    path: PathBuf,
    stories: usize,
    versions: usize,
    rewrite: f64,
    words: usize,
    outlets: usize,
    derived: f64,
    truth: bool,
    wire: bool,
    dates: bool,
    outlet_styles: bool,
    seed: u64,
) -> PyResult<usize> {
    use std::io::Write;
    let opts = wiretrace::synth::SynthOptions {
        versions,
        include_wire: wire,
        rewrite: rewrite.clamp(0.0, 1.0),
        words: words.max(20),
        outlets: outlets.max(1),
        truth,
        derived: derived.clamp(0.0, 1.0),
        dates,
        outlet_styles,
    };
    detached(py, "synth", move || -> Result<usize, String> {
        let file = std::fs::File::create(&path).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        let mut w = std::io::BufWriter::new(file);
        let mut n = 0;
        for s in 0..stories {
            for article in wiretrace::synth::story(seed, s, &opts) {
                let line = serde_json::to_string(&article).expect("articles serialise");
                writeln!(w, "{line}").map_err(|e| format!("cannot write {}: {e}", path.display()))?;
                n += 1;
            }
        }
        w.flush().map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        Ok(n)
    })?
    .map_err(crate::errors::WiretraceError::new_err)
}

/// Clusters (identifier, text) pairs; returns JSON.
#[pyfunction]
#[pyo3(signature = (items, *, content_threshold = 0.3, containment_threshold = 0.15, num_perm = 128))]
pub fn cluster_texts(
    py: Python<'_>,
    items: Vec<(String, String)>,
    content_threshold: f64,
    containment_threshold: f64,
    num_perm: usize,
) -> PyResult<String> {
    let opts = options(content_threshold, containment_threshold, num_perm);
    detached(py, "cluster", move || {
        let mut records: Vec<Record> = items.into_iter().map(|(id, text)| Record::from_text(id, text)).collect();
        make_ids_unique(&mut records);
        to_json(wiretrace::clustering::cluster_records(records, &opts), Vec::new())
    })
}
