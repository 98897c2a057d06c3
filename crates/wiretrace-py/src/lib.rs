//! Python bindings of wiretrace: the module `wiretrace._core`.
//!
//! Heavy calls release the GIL and return JSON in the `wiretrace.report/1` format, which the
//! Python package turns into objects and pandas DataFrames. No panic crosses into Python: a
//! panic in the core becomes a `WiretraceError` naming the call.

mod align;
mod analysis;
mod cli;
mod clusters;
mod errors;

use pyo3::prelude::*;

/// mimalloc for the core's own allocations, as in the `wiretrace` command: records read on
/// one thread and freed on others would otherwise wait on the system allocator's lock.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The native module behind the `wiretrace` package.
#[pymodule]
mod _core {
    #[pymodule_export]
    use super::align::{align_articles, align_many, align_passages, align_texts};
    #[pymodule_export]
    use super::analysis::{
        analyze_paths, analyze_records, analyze_texts, claims_many, copy_matrix, demo_files, demo_manifest, extract,
        extract_many, parse_many, parse_text, render_fragment, render_html, write_tables,
    };
    #[pymodule_export]
    use super::cli::cli_main;
    #[pymodule_export]
    use super::clusters::{cluster_paths, cluster_texts, synth, version_rows};
    #[pymodule_export]
    use super::errors::WiretraceError;

    /// The version of the native core.
    #[pymodule_export]
    #[allow(non_upper_case_globals)] // Python's dunder name
    const __version__: &str = env!("CARGO_PKG_VERSION");
}
