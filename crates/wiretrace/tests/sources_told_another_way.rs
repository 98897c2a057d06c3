//! The same source told another way is no change of source: a company named where the wire
//! says "the company", "her" for the analyst named just before, a record without its
//! determiner or the way it came out, a source the rewrite joins to the sentence before with
//! "with … saying", and a ceiling written "as much as" for "up to". A source that is really
//! replaced is still reported.

mod common;

use common::{analyze, of_kind};

const WIRE: &str = "Ostrel carmaker to shut plant, cutting 900 jobs

OSTREL, Kavria, May 4 (Lantern Wire) – Marrow Motors will close its Ostrel assembly plant by December, cutting 900 jobs, the company said on Monday.

The firm lost 80 million crowns last year, according to annual results published alongside the announcement.

The carmaker is believed to have held talks with a buyer, according to two people familiar with the matter. One of the people said the talks had stalled in April.

The regional health board said on Monday that fumes from the paint shop may have sickened 14 workers in March.

Ana Ruiz, an analyst at Fenwick Capital, estimated that the closure could cost the region up to 300 million crowns a year. She said at least 1,500 jobs at suppliers could be at risk.

The union said the decision was a betrayal of the town.
";

const REWRITE: &str = "Marrow Motors to close Ostrel plant

Marrow Motors said on Monday it will close its Ostrel assembly plant by December, cutting 900 jobs, with the regional health board saying fumes from the paint shop may have sickened 14 workers in March.

The firm lost 80 million crowns last year, its annual results showed.

The carmaker is believed to have held talks with a buyer, according to two people familiar with the matter. One of those people said the talks had stalled in April.

Fenwick Capital analyst Ana Ruiz estimated that the closure could cost the region as much as 300 million crowns a year. By her estimate, at least 1,500 jobs at suppliers could be at risk.

Local officials said the decision was a betrayal of the town.
";

#[test]
fn the_same_source_told_another_way_is_no_change() {
    let report = analyze(&[("wire", WIRE), ("post", REWRITE)]);
    let changed = of_kind(&report, "attribution_changed");
    // Only the union, replaced by local officials, is another source.
    assert_eq!(changed.len(), 1, "{changed:#?}");
    assert!(changed[0].text.contains("Local officials"), "{:?}", changed[0].text);
    assert!(of_kind(&report, "attribution_dropped").is_empty(), "{:#?}", report.drifts);
    assert!(of_kind(&report, "number_changed").is_empty(), "{:#?}", report.drifts);
}
