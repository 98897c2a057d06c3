//! Errors of the parsing crate.

use std::path::PathBuf;

/// Why an input could not be read as an article.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The file could not be opened or read.
    #[error("{path}: cannot read the file: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The operating-system error.
        #[source]
        source: std::io::Error,
    },
    /// The input has no text at all.
    #[error("{input}: the input is empty (no text to analyse)")]
    Empty {
        /// The input's name.
        input: String,
    },
    /// The input looks like a binary file, not text.
    #[error("{input}: the input looks binary, not text ({reason}); pass .txt or .html articles")]
    Binary {
        /// The input's name.
        input: String,
        /// What gave it away.
        reason: String,
    },
    /// The bytes are not valid text in the detected encoding.
    #[error("{input}: the bytes are not valid {encoding} text (first bad byte at offset {offset}); re-encode the input as UTF-8")]
    Undecodable {
        /// The input's name.
        input: String,
        /// The encoding that was tried.
        encoding: &'static str,
        /// Byte offset of the first undecodable sequence.
        offset: usize,
    },
    /// The input is larger than the size limit for one article.
    #[error("{input}: {size} bytes is more than the {limit}-byte limit for one article; split the input or raise the limit (--max-size)")]
    TooLarge {
        /// The input's name.
        input: String,
        /// Its size in bytes.
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// A record of a JSONL, CSV or WARC file could not be read.
    #[error("{input}: {message}")]
    Record {
        /// The record ("corpus.jsonl:12").
        input: String,
        /// What was wrong.
        message: String,
    },
}

/// Result with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
