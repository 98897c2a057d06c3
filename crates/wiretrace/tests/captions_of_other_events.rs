//! A caption that names no year and says nothing of an archive, but describes what the wire
//! tells of an earlier year, shows another event: `caption_mismatch`. A caption of this
//! story's event, in words the wire also uses, is left alone.

mod common;

use common::{analyze, of_kind};

const WIRE: &str = "Recount ordered in Upper Kessel

LISKA, Varnia (Meridian Wire) – Election officials in Upper Kessel on Wednesday 14 October 2026 ordered a recount of ballots from 85 polling stations after the opposition rejected the result.

About 2,000 opposition supporters marched through the centre of Liska on Tuesday night, police said.

The region was shaken in 2023 by weeks of street protests over bread prices centred on the harbour square of Liska.
";

fn rewrite(caption: &str) -> String {
    format!(
        "<html><head><title>Recount ordered in Upper Kessel</title>\
         <meta property=\"article:published_time\" content=\"2026-10-14T10:00:00Z\"></head><body><article>\
         <h1>Recount ordered in Upper Kessel</h1>\
         <figure><img src=\"a.jpg\"><figcaption>{caption}</figcaption></figure>\
         <p>Election officials in Upper Kessel on Wednesday ordered a recount of ballots from 85 polling stations after the opposition rejected the result.</p>\
         <p>About 2,000 opposition supporters marched through the centre of Liska on Tuesday night, police said.</p>\
         </article></body></html>"
    )
}

#[test]
fn a_caption_of_an_earlier_event_is_a_mismatch() {
    let page = rewrite("Police hold back protesters on the harbour square of Liska during the bread-price protests.");
    let report = analyze(&[("wire", WIRE), ("ledger", &page)]);
    let found = of_kind(&report, "caption_mismatch");
    assert_eq!(found.len(), 1, "{:#?}", report.drifts);
    assert!(found[0].explanation.contains("2023"), "{}", found[0].explanation);
    assert!(found[0].evidence[0].text.contains("shaken in 2023"), "{:#?}", found[0].evidence);
}

#[test]
fn a_caption_of_this_story_is_not() {
    let page = rewrite("Opposition supporters march through the centre of Liska on Tuesday night.");
    let report = analyze(&[("wire", WIRE), ("ledger", &page)]);
    assert!(of_kind(&report, "caption_mismatch").is_empty(), "{:#?}", report.drifts);
}
