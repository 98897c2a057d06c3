//! Evaluations against public reference data, runnable by anyone with the data
//! (`wiretrace eval …`).

pub mod alignment;
pub mod attribution;
pub mod clusters;
pub mod collation;
mod generated;
pub mod pan;
pub mod quantities;
pub mod sentences;
