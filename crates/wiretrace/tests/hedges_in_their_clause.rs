//! A hedge qualifies the words of its own clause. "Neither company would comment, and the
//! talks could not be independently verified" hedges the talks; a rewrite that keeps only
//! "Neither company would comment." drops no hedge there. The sentence that states the talks
//! without the hedge does.

mod common;

use common::{analyze, of_kind};

const WIRE: &str = "Carmaker in sale talks, sources say

OSTREL, Kavria, May 4 (Lantern Wire) – Marrow Motors will close its Ostrel assembly plant by December, cutting 900 jobs, the company said on Monday.

Marrow Motors is believed to have held talks with Fenwick Holdings about a sale of the plant, two people familiar with the matter said. Neither company would comment, and the talks could not be independently verified.

Unconfirmed reports in local media said a manager had warned of safety problems at the paint shop in July. The claim could not be independently verified, and the company declined to comment on it.
";

const REWRITE: &str = "Marrow Motors held sale talks

Marrow Motors will shut its Ostrel assembly plant by December, with the loss of 900 jobs, the company said on Monday.

Marrow Motors has held talks with Fenwick Holdings about a sale of the plant, two people familiar with the matter said. Neither company would comment.

A manager had warned of safety problems at the paint shop in July, local media reported. The company declined to comment.
";

#[test]
fn a_hedge_is_dropped_where_its_clause_is_kept() {
    let report = analyze(&[("wire", WIRE), ("post", REWRITE)]);
    let dropped = of_kind(&report, "hedge_dropped");
    let texts: Vec<&str> = dropped.iter().map(|d| d.text.as_str()).collect();
    assert!(texts.iter().any(|t| t.starts_with("Marrow Motors has held talks")), "{texts:?}");
    assert!(texts.iter().any(|t| t.starts_with("A manager had warned")), "{texts:?}");
    assert!(!texts.iter().any(|t| t.contains("comment")), "{texts:?}");
}
