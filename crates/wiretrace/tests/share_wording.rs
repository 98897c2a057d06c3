//! Shares written as fractions or per cents: "half" and "50 percent", "two-thirds" and "about
//! 67 percent" say the same; "two-thirds" and "40 percent" do not.

mod common;

use common::analyze;

const WIRE: &str = "Dam vote backed by half of residents

KESTRAL, Norland (Meridian Wire) – Half of the 1,200 residents of Kestral backed the new dam in Sunday's vote, the council said on Monday.

Two-thirds of the farmers in the valley voted against the plan, according to the official count.

The council will meet again next week to decide how the dam will be paid for.
";

const FAITHFUL: &str = "Kestral residents back dam in close vote

KESTRAL – Fifty percent of the 1,200 residents of Kestral backed the new dam in Sunday's vote, the council said on Monday.

About 67 percent of the farmers in the valley voted against the plan, according to the official count.

The council will meet again next week to decide how the dam will be paid for.
";

const CHANGED: &str = "Kestral backs dam, farmers opposed

KESTRAL – Half of the 1,200 residents of Kestral backed the new dam in Sunday's vote, the council said on Monday.

Some 40% of the farmers in the valley voted against the plan, according to the official count.

The council will meet again next week to decide how the dam will be paid for.
";

#[test]
fn a_share_reworded_as_a_per_cent_is_not_a_drift_and_a_changed_one_is() {
    let report = analyze(&[("wire", WIRE), ("herald", FAITHFUL), ("post", CHANGED)]);
    let drifts: Vec<(String, String, String)> =
        report.drifts.iter().map(|d| (d.document.clone(), d.kind.as_str().to_string(), d.text.clone())).collect();
    assert!(drifts.iter().all(|d| d.0 != "herald"), "the faithful version is flagged: {drifts:?}");
    assert_eq!(
        drifts,
        vec![("post".to_string(), "number_changed".to_string(), "Some 40% of the farmers".to_string())],
        "{drifts:?}"
    );
}

#[test]
fn the_same_share_with_another_approximator_or_bound_is_a_changed_number() {
    let wire = "Harbour levy splits Kestral

KESTRAL, Norland (Meridian Wire) – More than half of the 900 dock workers backed the harbour levy on Monday, the union said.

Half of the shop owners on the quay opposed it, according to a survey by the traders' guild.

Some 30 percent of the fishing crews abstained, the guild said.
";
    let version = "Harbour levy splits Kestral

KESTRAL – Fewer than half of the 900 dock workers backed the harbour levy on Monday, the union said.

About 51 percent of the shop owners on the quay opposed it, according to a survey by the traders' guild.

Between 30 and 40 percent of the fishing crews abstained, the guild said.
";
    let report = analyze(&[("wire", wire), ("gazette", version)]);
    let changed: Vec<&str> = report
        .drifts
        .iter()
        .filter(|d| d.document == "gazette" && d.kind.as_str() == "number_changed")
        .map(|d| d.text.as_str())
        .collect();
    assert_eq!(changed.len(), 3, "{:?}", report.drifts);
}
