//! Fast story clustering (MinHash and LSH) for Python.

use crate::errors::detached;
use pyo3::prelude::*;
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

/// Clusters the articles of files and directories; returns JSON.
#[pyfunction]
#[pyo3(signature = (paths, *, content_threshold = 0.3, containment_threshold = 0.15, num_perm = 128))]
pub fn cluster_paths(
    py: Python<'_>,
    paths: Vec<PathBuf>,
    content_threshold: f64,
    containment_threshold: f64,
    num_perm: usize,
) -> PyResult<String> {
    let opts = options(content_threshold, containment_threshold, num_perm);
    detached(py, "cluster", move || {
        let (result, errors) = wiretrace::clustering::cluster_paths(&paths, &ReadOptions::default(), &opts, &|_| {});
        to_json(result, errors)
    })
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
