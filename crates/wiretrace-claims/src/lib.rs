//! # wiretrace-claims
//!
//! What each version of a story claims, and how the claims drift between versions: quantities
//! with approximators, what they count and the event; direct and partial quotes with their
//! speaker; attributions with a normalised source; hedges; named entities and time
//! expressions — then, across the versions of a cluster, the drifts of the report vocabulary
//! (`number_changed`, `attribution_changed`, `hedge_dropped`, …) with evidence.
//!
//! ```
//! use wiretrace_claims::{extract_sentence, ClaimDetail, Approximator};
//!
//! let claims = extract_sentence("At least 12 people were killed, the health ministry said.", 0, None);
//! assert!(claims.iter().any(|(c, _)| matches!(c,
//!     ClaimDetail::Quantity { value: Some(v), approximator: Approximator::AtLeast, .. } if *v == 12.0)));
//! assert!(claims.iter().any(|(c, _)| matches!(c,
//!     ClaimDetail::Attribution { source, .. } if source.name == "health ministry")));
//! ```
#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod added;
mod attribution;
mod compare;
mod extract;
mod figures;
pub mod learned;
pub mod lexicon;
mod model;
mod numbers;
mod quantities;
mod quotes_across;
mod rules;
mod shares;
mod sites;
mod support;
mod units;

pub use attribution::normalize_source;
pub use compare::{find_drifts, Version};
pub use extract::{extract_article, extract_article_dated, extract_sentence};
pub use model::{Approximator, Claim, ClaimDetail, Drift, DriftKind, Event, Evidence, Source, Span};
pub use rules::content_stems;
