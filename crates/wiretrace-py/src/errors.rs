//! The exception raised by the native module, and the guard that keeps panics out of Python.

use pyo3::create_exception;
use pyo3::exceptions::PyException;
use pyo3::prelude::*;

create_exception!(_core, WiretraceError, PyException, "Base class of every error wiretrace raises.");

/// Runs `f` without the GIL; a panic becomes a `WiretraceError` that names `what`.
pub fn detached<T, F>(py: Python<'_>, what: &str, f: F) -> PyResult<T>
where
    F: FnOnce() -> T + Send,
    T: Send,
{
    py.detach(|| std::panic::catch_unwind(std::panic::AssertUnwindSafe(f))).map_err(|payload| {
        let detail = payload
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| payload.downcast_ref::<&str>().map(|s| (*s).to_string()))
            .unwrap_or_else(|| "unknown cause".to_string());
        WiretraceError::new_err(format!(
            "internal error in {what}: {detail}; please report it with the input that caused it"
        ))
    })
}
