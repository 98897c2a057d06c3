//! # wiretrace-parse
//!
//! Turns news articles (plain text or HTML) into an [`Article`]: metadata (headline, dek,
//! date, dateline, byline, section, agency), blocks with roles (headline, body, caption,
//! boilerplate, …) and body sentences, every span an offset in Unicode code points into the
//! article's `text`.
//!
//! ```
//! use wiretrace_parse::{parse_text, Role};
//!
//! let article = parse_text(
//!     "ferry",
//!     "Ferry capsizes off the coast of Lindqvist Island\n\n3 min read\n\n\
//!      LINDQVIST, Norland (Meridian Wire) – A ferry carrying 120 passengers capsized on \
//!      Tuesday, the coast guard said. Gen. Ola Berg led the search.\n"
//!         .to_string(),
//! );
//! assert_eq!(article.headline.as_deref(), Some("Ferry capsizes off the coast of Lindqvist Island"));
//! assert_eq!(article.dateline.as_deref(), Some("Lindqvist, Norland"));
//! assert_eq!(article.blocks[1].role, Role::Boilerplate);
//! assert_eq!(article.sentences.len(), 2);
//! let s = &article.sentences[1];
//! assert_eq!(article.slice(s.start, s.end), "Gen. Ola Berg led the search.");
//! ```
#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod assemble;
pub mod boilerplate;
pub mod corpus;
pub mod credit;
pub mod dateline;
pub mod dates;
pub mod decode;
mod error;
pub mod html;
mod model;
pub mod offsets;
pub mod plain;
pub mod repeated;
pub mod sentences;
pub mod tokens;

pub use assemble::Metadata;
pub use corpus::{read_paths, ReadOptions, Record, RecordError};
pub use credit::{credited_agency, Agencies};
pub use decode::{decode, decode_with_info};
pub use error::{Error, Result};
pub use html::{html_body, parse_html, parse_html_with};
pub use model::{Article, Block, Role, Sentence};
pub use offsets::CharIndex;
pub use plain::{parse_text, parse_text_with};
pub use repeated::mark_repeated_lines;
pub use sentences::split_sentences;
pub use tokens::{tokenize, Token};

/// The kind of markup an input holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text, one paragraph or block a line.
    Text,
    /// An HTML page.
    Html,
}

impl Format {
    /// Guesses the format from a file name's extension, then from the content.
    pub fn detect(name: &str, text: &str) -> Format {
        let lower = name.to_ascii_lowercase();
        if lower.ends_with(".html") || lower.ends_with(".htm") || lower.ends_with(".xhtml") {
            return Format::Html;
        }
        if lower.ends_with(".txt") {
            return Format::Text;
        }
        let head: String = text.trim_start().chars().take(200).collect::<String>().to_ascii_lowercase();
        if head.starts_with("<!doctype html") || head.starts_with("<html") || head.contains("<body") {
            Format::Html
        } else {
            Format::Text
        }
    }
}

/// Parses decoded text in the given format.
pub fn parse(id: &str, path: Option<String>, text: String, format: Format) -> Article {
    parse_with(id, path, text, format, Metadata::default())
}

/// Parses decoded text in the given format; metadata given by the data (a corpus column, the
/// crawl's URL) takes precedence over what the text or page says.
pub fn parse_with(id: &str, path: Option<String>, text: String, format: Format, meta: Metadata) -> Article {
    match format {
        Format::Text => parse_text_with(id, path, text, meta),
        Format::Html => html::parse_html_meta(id, path, &text, meta),
    }
}

/// Parses a corpus record; `agencies` are the wire agencies whose credit is recorded in
/// [`Article::agency`]. The outlet is the data's, else the page's own name, else the URL's host.
pub fn parse_record(record: Record, agencies: &Agencies) -> Article {
    let mut article = parse_with(&record.id, Some(record.source), record.text, record.format, record.meta);
    article.agency = credited_agency(&article, agencies);
    if article.outlet.is_none() {
        article.outlet = article.url.as_deref().and_then(corpus::outlet_from_url);
    }
    article
}
