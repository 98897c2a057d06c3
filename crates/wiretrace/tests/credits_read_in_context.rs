//! Credits read with what surrounds them:
//! - "he" after a sentence that credits one person is that person, so a quote moved from the
//!   prosecutor to the judge is a change of source;
//! - "some passengers" are "several passengers", and "prosecutors" may be the chief
//!   prosecutor;
//! - "…, the operator said, adding …" credits the operator, not the sentence's subject;
//! - "claims by passengers that …", "documents seen by the agency show …", "documents put
//!   the limit at …" and "X demanded that …" keep their source;
//! - a credit dropped with the words it credits is no source dropped;
//! - a firm that "accepts" a ruling said to "challenge" it has its meaning shifted, and one
//!   that "refused to accept" a result and "rejected" it has not;
//! - "was likely to" is a hedge;
//! - a place the reference names in the same paragraph, for the same fact, is not moved.

mod common;

use common::{analyze, of_kind};

const WIRE: &str = "Former minister jailed over rail bribes

KESTRA, Varland (Lantern Wire) - A court in Kestra on Tuesday jailed former transport minister Oren Vask for eight years for taking bribes.

Chief Prosecutor Ilsa Brandt had asked for a ten-year sentence. Speaking after the hearing, he said the verdict sent \"a clear message that nobody is above the law.\"

Several passengers said the train appeared to be travelling fast before the bend. Their accounts could not be independently verified.

The train was carrying 312 passengers and eight crew members, the operator said in a statement, adding that a full list of victims would be released later.

The speed limit on the bridge is 80 kilometres per hour, according to rail documents seen by the agency.

The injured were taken to hospitals in Dornick and in the nearby city of Corvel, where the regional hospital declared a major incident. Dr Anja Pell, the hospital's medical director, said it had received 31 patients overnight.

The firm, which was fined 30 million crowns, said in a statement that it \"accepts the court's findings\".

The opposition refused to accept the result of the vote and called for a recount.

Opposition leader Tamas Vell called on the government to publish an audit of all contracts.

The line will remain closed until Sunday, the operator said.
";

const REWRITE: &str = "Vask jailed for eight years

A court in Kestra on Tuesday jailed former transport minister Oren Vask for eight years for taking bribes.

Judge Mira Holt said the verdict sent \"a clear message that nobody is above the law.\" Prosecutors had asked for ten years.

Claims by some passengers that the train appeared to be going fast before the bend could not be independently verified.

The speed limit on the bridge is 80 km/h, rail documents seen by the agency show.

Rail documents seen by the agency put the speed limit on the bridge at 80 km/h.

The injured were taken to hospitals in Dornick and Corvel. The regional hospital in Corvel, which declared a major incident, took in 31 patients overnight, according to its medical director, Dr Anja Pell.

The firm, which was fined 30 million crowns, said in a statement that it would challenge the court's findings.

The opposition rejected the result of the vote and called for a recount.

Opposition leader Tamas Vell demanded that the government publish an audit of all contracts.

The line was likely to remain closed until Sunday, the operator said.
";

#[test]
fn credits_are_read_with_what_surrounds_them() {
    let report = analyze(&[("wire", WIRE), ("post", REWRITE)]);
    let changed = of_kind(&report, "attribution_changed");
    assert_eq!(changed.len(), 1, "{changed:#?}");
    assert!(changed[0].text.contains("Holt"), "{:?}", changed[0].text);
    assert!(changed[0].explanation.contains("Brandt"), "{:?}", changed[0].explanation);
    assert!(of_kind(&report, "attribution_dropped").is_empty(), "{:#?}", of_kind(&report, "attribution_dropped"));
    let shifted = of_kind(&report, "meaning_shifted");
    assert_eq!(shifted.len(), 1, "{shifted:#?}");
    assert!(shifted[0].text.contains("challenge"), "{:?}", shifted[0].text);
    let hedged = of_kind(&report, "hedge_added");
    assert_eq!(hedged.len(), 1, "{hedged:#?}");
    assert!(hedged[0].text.contains("likely"), "{:?}", hedged[0].text);
    assert!(of_kind(&report, "event_conflated").is_empty(), "{:#?}", of_kind(&report, "event_conflated"));
}

#[test]
fn a_participle_after_a_credit_goes_on_from_it() {
    let report = analyze(&[("wire", WIRE)]);
    let sources: Vec<(&str, &str)> = report
        .claims
        .iter()
        .filter_map(|c| match &c.detail {
            wiretrace::claims::ClaimDetail::Attribution { source, cue, .. } => {
                Some((source.name.as_str(), cue.text.as_str()))
            }
            _ => None,
        })
        .filter(|(_, cue)| cue.contains("adding"))
        .collect();
    assert_eq!(sources, [("operator", "adding")]);
}
