//! Evaluations against public reference data, runnable by anyone with the data
//! (`wiretrace eval …`).

pub mod sentences;
