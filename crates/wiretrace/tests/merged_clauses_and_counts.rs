//! Sentences merged and trimmed by a rewrite:
//! - a status merged into the sentence before it and reversed ("the blaze, which had been put
//!   out by midday" for "By midday the fire had been brought under control but was still
//!   burning") is a `meaning_shifted`;
//! - the same figure counting the same people in another word ("9,000 residents" for "9,000
//!   people") is no `detail_added`;
//! - a hedge cut together with what it qualified ("broke out at 11 p.m., apparently in a
//!   storage hall" cut to "broke out at 11 p.m.") is an omission, not a `hedge_dropped`, even
//!   though a time in the sentence is kept.

mod common;

use common::{analyze, of_kind};

const WIRE: &str = "Fire at Dorn paint factory kills three

DORN, Velmar (Meridian Wire) – A fire at a paint factory in the industrial town of Dorn killed three workers overnight, the regional fire service said on Thursday.

The fire broke out at about 11 p.m. on Wednesday, apparently in a solvent store at the Halvik Paints factory, said fire service spokesman Jon Ferra.

About 90 firefighters were sent to the factory at the height of the blaze. By noon on Thursday the fire had been largely brought under control but was still burning in one warehouse, the fire service said.

The environment agency advised around 9,000 people living near the factory to keep their windows shut.

The cause of the fire is under investigation, Ferra said.
";

const FAITHFUL: &str = "Three killed in Dorn factory fire

A fire at a paint factory in the industrial town of Dorn killed three workers overnight, the regional fire service said on Thursday.

The fire broke out at about 11 p.m. on Wednesday at the Halvik Paints factory, said fire service spokesman Jon Ferra.

About 90 firefighters were sent to the factory at the height of the blaze. By noon on Thursday the fire had been largely brought under control but was still burning in one warehouse, the fire service said.

The environment agency advised around 9,000 residents living near the factory to keep their windows shut.

The cause of the fire is under investigation, Ferra said.
";

const SHIFTED: &str = "Dorn factory fire kills three

A fire at a paint factory in the industrial town of Dorn killed three workers overnight, the regional fire service said on Thursday.

The fire broke out at about 11 p.m. on Wednesday, apparently in a solvent store at the Halvik Paints factory, said fire service spokesman Jon Ferra.

About 90 firefighters were sent to the factory at the height of the blaze, which had been put out by noon on Thursday, the fire service said.

The environment agency advised around 9,000 people living near the factory to keep their windows shut.

The cause of the fire is under investigation, Ferra said.
";

#[test]
fn a_reversed_merged_status_shifts_meaning_and_trimmed_sentences_do_not() {
    let report = analyze(&[("wire", WIRE), ("courier", FAITHFUL), ("gazette", SHIFTED)]);
    assert!(report.drifts.iter().all(|d| d.document != "courier"), "{:#?}", report.drifts);
    let shifted = of_kind(&report, "meaning_shifted");
    assert_eq!(shifted.len(), 1, "{:#?}", report.drifts);
    assert_eq!(shifted[0].document, "gazette");
    assert!(shifted[0].text.contains("put out by noon"), "{}", shifted[0].text);
    assert!(shifted[0].explanation.contains("fire is out"), "{}", shifted[0].explanation);
}
