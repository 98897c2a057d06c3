//! What the tests on small hand-written stories share: analysing a few texts and picking
//! the drifts of one kind.

use wiretrace::claims::Drift;
use wiretrace::{analyze_texts, Options, Report};

/// The report on documents given as (id, text), read with the default options.
pub fn analyze(documents: &[(&str, &str)]) -> Report {
    let texts = documents.iter().map(|(id, text)| (id.to_string(), text.to_string())).collect();
    analyze_texts(texts, &Options::default())
}

/// The report's drifts of one kind.
#[allow(dead_code)] // Not every test file looks at one kind.
pub fn of_kind<'a>(report: &'a Report, kind: &str) -> Vec<&'a Drift> {
    report.drifts.iter().filter(|d| d.kind.as_str() == kind).collect()
}
