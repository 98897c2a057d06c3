//! Details moved to another place of the story, and circumstances no other version gives:
//! - a visit the wire sets at "the site" (in the story's town) moved to the hospital of
//!   another town, which the wire names only in another paragraph (`event_conflated`), while
//!   that town's name added to the paragraph right after the one naming it ("doctors in
//!   Dunmar said") stays unflagged;
//! - a place named after a possessive ("beside Orvane's Kessel Stadium camp") is a place,
//!   and an institute "of" something is an organisation, not the place it is at;
//! - "on an army lorry", in words no other version uses, is a `detail_added`; a phrase in
//!   the story's words is not.

mod common;

use common::{analyze, of_kind};

const WIRE: &str = "Flood relief reaches Orvane as ministers visit

ORVANE, Tessaly (Meridian Wire) – Relief supplies reached the flooded town of Orvane on Tuesday, three days after the river Tess burst its banks, the regional government said.

About 2,000 people are sheltering in a camp at Orvane's Kessel Stadium, where aid workers say clean water is scarce. Twelve of the most seriously injured were taken to the regional hospital in Dunmar, 90 km to the west.

Four of them remain in a critical condition, doctors said.

Engineers from the National Institute of Hydrology found cracks in two pumping stations in the town's Lower Quarter, which have been shut, the institute said.

The interior minister, Pela Arnoth, who was due to visit the site on Wednesday, promised new flood defences.

Ten tonnes of food and medicine arrived from a regional depot on Tuesday, the government said.
";

const FAITHFUL: &str = "Aid arrives in flooded Orvane

Relief supplies reached the flooded town of Orvane on Tuesday, three days after the river Tess burst its banks, the regional government said.

About 2,000 people are sheltering in a camp at Orvane's Kessel Stadium, where aid workers say clean water is scarce. Twelve of the most seriously injured were taken to the regional hospital in Dunmar.

Four of them remain in a critical condition, doctors in Dunmar said.

Engineers from the National Institute of Hydrology found cracks in two pumping stations in the town's Lower Quarter, which have been shut, the institute said.

Interior minister Pela Arnoth, who was due to visit the site on Wednesday, promised new flood defences.

Ten tonnes of food and medicine arrived from a regional depot on Tuesday, the government said.
";

const MOVED: &str = "Minister to visit Orvane flood victims

Relief supplies reached the flooded town of Orvane on Tuesday, three days after the river Tess burst its banks, the regional government said.

About 2,000 people are sheltering in a camp at Orvane's Kessel Stadium, where aid workers say clean water is scarce. Twelve of the most seriously injured were taken to the regional hospital in Dunmar.

Four of them remain in a critical condition, doctors said.

Engineers from the National Institute of Hydrology found cracks in two pumping stations beside the Kessel Stadium camp, which have been shut, the institute said.

The interior minister, Pela Arnoth, who was due to visit injured residents at the hospital in Dunmar on Wednesday, promised new flood defences.

Ten tonnes of food and medicine arrived from a regional depot on Tuesday on an army lorry convoy, the government said.
";

#[test]
fn a_moved_visit_and_a_moved_site_are_conflations_and_a_new_circumstance_is_a_detail() {
    let report = analyze(&[("wire", WIRE), ("courier", FAITHFUL), ("gazette", MOVED)]);
    let conflated = of_kind(&report, "event_conflated");
    let texts: Vec<&str> = conflated.iter().map(|d| d.text.as_str()).collect();
    assert!(conflated.iter().all(|d| d.document == "gazette"), "{:#?}", conflated);
    assert!(texts.iter().any(|t| t.contains("Dunmar")), "{texts:?}");
    assert!(texts.iter().any(|t| t.contains("Kessel Stadium")), "{texts:?}");
    let added = of_kind(&report, "detail_added");
    assert!(added.iter().any(|d| d.document == "gazette" && d.text == "on an army lorry convoy"), "{added:#?}");
    assert!(report.drifts.iter().all(|d| d.document != "courier"), "{:#?}", report.drifts);
}
