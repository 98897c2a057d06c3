//! # wiretrace-similarity
//!
//! How much of one version of a story is in another, and which sentence became which:
//! word n-gram shingles with Jaccard and (asymmetric) containment, sentence scores with a word
//! sequence ratio and idf-weighted content overlap, best-first sentence alignment with edit
//! classes (`verbatim`, `edited`, `paraphrase`), dropped and added sentences, and story
//! clusters by union-find.
//!
//! ```
//! use wiretrace_similarity::{align, containment, AlignOptions, DocFeatures, Idf, LinkKind};
//!
//! let wire = DocFeatures::new(&["At least 12 people were killed, officials said.", "The cause is not yet known."], 3);
//! let copy = DocFeatures::new(&["At least 12 people were killed, officials said.", "A crisis centre opened."], 3);
//! assert!(containment(&copy.shingles, &wire.shingles) > 0.5);
//! let idf = Idf::from_docs([&wire, &copy]);
//! let al = align(&wire, &copy, &idf, &AlignOptions::default());
//! assert_eq!(al.links.len(), 1);
//! assert_eq!(al.links[0].kind, LinkKind::Verbatim);
//! assert_eq!((al.only_a.as_slice(), al.only_b.as_slice()), (&[1][..], &[1][..]));
//! ```
#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod align;
mod cluster;
pub mod collate;
mod features;
pub mod fingerprint;
mod lcs;
mod lexicon;
pub mod lsh;
pub mod minhash;
pub mod passages;
pub mod stopwords;
pub mod worddiff;

pub use align::{
    align, classify, score_sentences, AlignOptions, Alignment, Link, LinkKind, LinkShape, SentenceScore,
    MIN_CONTAINED_STEMS,
};
pub use cluster::{clusters, UnionFind};
pub use features::{canonical, containment, jaccard, shingles, DocFeatures, Idf, SentenceFeatures};
pub use fingerprint::{Fingerprint, Fingerprinter};
pub use lsh::{candidate_probability, optimal_bands, LshError, LshIndex};
pub use minhash::{containment_from_jaccard, estimate_jaccard, MinHasher, Signature};
pub use worddiff::{word_diff, EditOp, WordEdit};
