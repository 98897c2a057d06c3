//! A figure credited to another source ("the Labour Ministry" for "the Chamber of
//! Commerce") is one drift, `attribution_changed`: the new source's name is not also a
//! `detail_added`.

mod common;

use common::analyze;

const WIRE: &str = "Port strike enters second week

TARLOW, Norland (Meridian Wire) – Dock workers at the port of Tarlow stayed on strike for an eighth day on Tuesday, with 30 ships waiting offshore.

The Tarlow Chamber of Commerce estimated that the strike was costing the region about 9 million dalers a day.

Talks between the union and the port's operators are due to resume on Thursday.
";

const CHANGED: &str = "Tarlow strike drags on

TARLOW – Dock workers at the port of Tarlow stayed on strike for an eighth day on Tuesday, with 30 ships waiting offshore.

The Regional Finance Office estimated that the strike was costing the region about 9 million dalers a day.

Talks between the union and the port's operators are due to resume on Thursday.
";

const KEPT: &str = "Eighth day of strike at Tarlow port

TARLOW – Dock workers at the port of Tarlow stayed on strike for an eighth day on Tuesday, with 30 ships waiting offshore.

The strike is costing the region about 9 million dalers a day, the Tarlow Chamber of Commerce estimated.

Talks between the union and the port's operators are due to resume on Thursday.
";

#[test]
fn a_changed_source_is_one_drift() {
    let report = analyze(&[("wire", WIRE), ("herald", CHANGED), ("post", KEPT)]);
    let herald: Vec<_> = report.drifts.iter().filter(|d| d.document == "herald").collect();
    assert_eq!(herald.len(), 1, "{herald:#?}");
    assert_eq!(herald[0].kind.as_str(), "attribution_changed");
    assert!(herald[0].text.contains("Regional Finance Office"), "{}", herald[0].text);
    assert!(report.drifts.iter().all(|d| d.document != "post"), "{:#?}", report.drifts);
}
