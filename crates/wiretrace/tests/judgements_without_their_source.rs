//! A sentence without a source right after one that credits it is read as the same source's
//! account ("…, the inspector said. The boiler had not been serviced."). A hedged judgement is
//! not: "was probably …, but it is too early to say" with no one to say it reads as the
//! outlet's own view, so the source its wire gives is dropped.

mod common;

use common::{analyze, of_kind};

const WIRE: &str = "Boiler blast shuts Dernholm school

DERNHOLM, Kavria (Lantern Wire) – A boiler exploded in the basement of a primary school in Dernholm on Tuesday morning, injuring four staff, the fire service said.

The school's 320 pupils were moved to a sports hall nearby, fire service spokeswoman Irma Feld told reporters.

Feld said the boiler was probably more than 40 years old, but that it was too early to say whether its age had caused the blast.

The school will stay shut until Monday, the town council said.
";

const HEDGE_UNCREDITED: &str = "Dernholm school shut after boiler blast

Four staff were hurt when a boiler blew up in the basement of a Dernholm primary school on Tuesday morning, the fire service said.

The 320 pupils were taken to a nearby sports hall, fire service spokeswoman Irma Feld told reporters.

The boiler was probably more than 40 years old, though it is too early to say whether its age caused the blast.

The town council said the school would stay shut until Monday.
";

const FACT_CONTINUED: &str = "Dernholm school shut after boiler blast

Four staff were hurt when a boiler blew up in the basement of a Dernholm primary school on Tuesday morning, fire service spokeswoman Irma Feld told reporters.

The school's 320 pupils were moved to a sports hall nearby.

Feld said the boiler was probably more than 40 years old, but that it was too early to say whether its age had caused the blast.

The school will stay shut until Monday, the town council said.
";

#[test]
fn a_hedged_judgement_does_not_take_its_neighbours_source() {
    let report = analyze(&[("wire", WIRE), ("gazette", HEDGE_UNCREDITED)]);
    let dropped = of_kind(&report, "attribution_dropped");
    assert_eq!(dropped.len(), 1, "{:#?}", report.drifts);
    assert!(dropped[0].text.starts_with("The boiler was probably"), "{}", dropped[0].text);
    assert!(dropped[0].explanation.to_lowercase().contains("feld"), "{}", dropped[0].explanation);
}

#[test]
fn a_fact_after_its_source_is_read_as_theirs() {
    let report = analyze(&[("wire", WIRE), ("herald", FACT_CONTINUED)]);
    assert!(of_kind(&report, "attribution_dropped").is_empty(), "{:#?}", report.drifts);
}
