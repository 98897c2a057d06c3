//! Fast story clustering (MinHash and LSH) for Python.

use crate::errors::detached;
use pyo3::prelude::*;
use rayon::prelude::*;
use std::path::PathBuf;
use wiretrace::clustering::{cluster_sketches, sketch, ClusterOptions};
use wiretrace_parse::{corpus::make_ids_unique, parse_record, read_paths, Agencies, ReadOptions, Record};

fn run(mut records: Vec<Record>, errors: Vec<wiretrace_parse::RecordError>, opts: ClusterOptions) -> String {
    make_ids_unique(&mut records);
    let agencies = Agencies::default();
    let sketches: Vec<_> = records.into_par_iter().map(|r| sketch(&parse_record(r, &agencies), &opts)).collect();
    let result = cluster_sketches(&sketches, &opts);
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

/// Clusters the articles of files and directories; returns JSON.
#[pyfunction]
#[pyo3(signature = (paths, *, content_threshold = 0.2, containment_threshold = 0.25, num_perm = 128))]
pub fn cluster_paths(
    py: Python<'_>,
    paths: Vec<PathBuf>,
    content_threshold: f64,
    containment_threshold: f64,
    num_perm: usize,
) -> PyResult<String> {
    let opts = options(content_threshold, containment_threshold, num_perm);
    detached(py, "cluster", move || {
        let (records, errors) = read_paths(&paths, &ReadOptions::default());
        run(records, errors, opts)
    })
}

/// Clusters (identifier, text) pairs; returns JSON.
#[pyfunction]
#[pyo3(signature = (items, *, content_threshold = 0.2, containment_threshold = 0.25, num_perm = 128))]
pub fn cluster_texts(
    py: Python<'_>,
    items: Vec<(String, String)>,
    content_threshold: f64,
    containment_threshold: f64,
    num_perm: usize,
) -> PyResult<String> {
    let opts = options(content_threshold, containment_threshold, num_perm);
    detached(py, "cluster", move || {
        let records = items.into_iter().map(|(id, text)| Record::from_text(id, text)).collect();
        run(records, Vec::new(), opts)
    })
}
