//! # wiretrace
//!
//! How news outlets rewrite wire copy, from raw articles to claim drift: the corpus pipeline
//! (parse → cluster → align → claims → drift), the `wiretrace.report/1` report model, the
//! self-contained HTML report and the command line.
//!
//! ```
//! use wiretrace::{analyze_texts, Options};
//!
//! let wire = "Blast at Havenport plant kills at least 12\n\nHAVENPORT, Norland (Meridian Wire) – \
//!     An explosion killed at least 12 people on Monday, the health ministry said. \
//!     The cause of the explosion is not yet known.";
//! let copy = "Havenport blast kills 12\n\nAn explosion killed 12 people on Monday, the health \
//!     ministry said. The cause of the explosion is not yet known.";
//! let report = analyze_texts(vec![("wire".into(), wire.into()), ("copy".into(), copy.into())], &Options::default());
//! assert_eq!(report.clusters.len(), 1);
//! assert!(report.drifts.iter().any(|d| d.document == "copy" && d.kind.as_str() == "number_changed"));
//! ```
#![deny(missing_docs)]
#![forbid(unsafe_code)]

pub mod claim_table;
pub mod cli;
pub mod clustering;
pub mod demo;
pub mod eval;
pub mod html;
pub mod pairwise;
pub mod pipeline;
pub mod report;
pub mod report_tables;
pub mod shares;
pub mod synth;
pub mod tables;

pub use pipeline::{analyze, analyze_paths, analyze_texts, Options};
pub use report::{Cluster, CopyShare, DerivationRecord, LinkRecord, Pair, Report, UnitVariant, SCHEMA};
pub use wiretrace_claims as claims;
pub use wiretrace_parse as parse;
pub use wiretrace_parse::corpus::{Columns, ReadOptions, Record, RecordError};
pub use wiretrace_similarity as similarity;
