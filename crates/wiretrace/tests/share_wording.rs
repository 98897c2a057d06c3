//! Shares written as fractions or per cents: "half" and "50 percent", "two-thirds" and "about
//! 67 percent" say the same; "two-thirds" and "40 percent" do not.

use wiretrace::{analyze_texts, Options};

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
    let texts = [("wire", WIRE), ("herald", FAITHFUL), ("post", CHANGED)]
        .into_iter()
        .map(|(id, text)| (id.to_string(), text.to_string()))
        .collect();
    let report = analyze_texts(texts, &Options::default());
    let drifts: Vec<(String, String, String)> =
        report.drifts.iter().map(|d| (d.document.clone(), d.kind.as_str().to_string(), d.text.clone())).collect();
    assert!(drifts.iter().all(|d| d.0 != "herald"), "the faithful version is flagged: {drifts:?}");
    assert_eq!(
        drifts,
        vec![("post".to_string(), "number_changed".to_string(), "Some 40% of the farmers".to_string())],
        "{drifts:?}"
    );
}
