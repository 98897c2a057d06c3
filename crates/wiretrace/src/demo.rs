//! The embedded example corpus: a fictional wire story, five outlet rewrites (plain text and
//! HTML) with planted drifts of every kind, and one unrelated article.

use wiretrace_parse::{Format, Metadata, Record};

/// The example corpus files: (file name, content).
pub const FILES: &[(&str, &str)] = &[
    ("meridian-wire.txt", include_str!("../corpus/demo/meridian-wire.txt")),
    ("harbour-herald.txt", include_str!("../corpus/demo/harbour-herald.txt")),
    ("northgate-times.txt", include_str!("../corpus/demo/northgate-times.txt")),
    ("the-daily-ledger.txt", include_str!("../corpus/demo/the-daily-ledger.txt")),
    ("coastline-news.html", include_str!("../corpus/demo/coastline-news.html")),
    ("valley-post.html", include_str!("../corpus/demo/valley-post.html")),
    ("council-budget.txt", include_str!("../corpus/demo/council-budget.txt")),
];

/// The ground truth of the example corpus: clusters, source and planted drifts (JSON).
pub const MANIFEST: &str = include_str!("../corpus/demo/manifest.json");

/// The example corpus as records.
pub fn inputs() -> Vec<Record> {
    FILES
        .iter()
        .map(|(name, text)| {
            let id = name.rsplit_once('.').map_or(*name, |(stem, _)| stem).to_string();
            let format = Format::detect(name, text);
            Record { id, source: format!("demo/{name}"), format, text: (*text).to_string(), meta: Metadata::default() }
        })
        .collect()
}
