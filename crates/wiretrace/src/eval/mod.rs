//! Evaluations against public reference data, runnable by anyone with the data
//! (`wiretrace eval …`).

pub mod alignment;
pub mod attribution;
pub mod brat;
pub mod clusters;
pub mod collation;
pub mod drift;
mod generated;
pub mod pan;
pub mod quantities;
pub mod sentences;

/// `a / b`, or 0 when `b` is 0 (nothing to be right about).
pub(crate) fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// The harmonic mean of a precision and a recall (0 when both are 0).
pub(crate) fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}
