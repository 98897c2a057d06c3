//! The `wiretrace` command installed with the Python package.

use pyo3::prelude::*;

/// Runs the command line with `argv` (program name first); returns the exit code.
#[pyfunction]
pub fn cli_main(py: Python<'_>, argv: Vec<String>) -> PyResult<i32> {
    crate::errors::detached(py, "the command line", move || wiretrace::cli::run(argv))
}
