//! Figures and quotations a rewrite moves or rewords, wherever they stand: a figure the wire
//! gives in another sentence is the same figure; a figure in place of the wire's figure for
//! the same event is a changed one even when the sentences around it are not aligned; a
//! reworded part of a quotation whose other part is kept word for word is `quote_altered`,
//! not a sentence nobody else carries.

mod common;

use common::{analyze, of_kind};

const WIRE: &str = "Tram derails in Ostrel, injuring 23

OSTREL, Varnia (Meridian Wire) – A tram derailed on a bend in central Ostrel on Friday evening, injuring 23 passengers, the city's transport authority said.

The tram was carrying about 140 people when its front car left the rails near Kessel Square, authority spokesman Piet Lunde said. About 30 per cent of the line's trams are more than 40 years old. Only 12 per cent of them have been refitted.

Hundreds of onlookers gathered in Kessel Square after the crash. Police detained two people who tried to film the injured, the city police said.

“The car lifted on the bend and then it slid along the rails for a long time. People fell on top of each other and nobody could reach the doors,” passenger Mira Osk, 52, told reporters outside the hospital.

Repairs to the line are expected to take about 10 days, the authority said.
";

const REWRITE: &str = "23 hurt as Ostrel tram leaves the rails

A tram derailed on a bend in central Ostrel on Friday evening, injuring 23 passengers, the city's transport authority said.

Authority spokesman Piet Lunde said the front car left the rails near Kessel Square while the tram carried about 140 people, and that repairs would take about 10 days.

Only 12 per cent of the line's trams have been refitted, though about 30 per cent are more than 40 years old.

Five people were detained as hundreds of onlookers gathered in Kessel Square after the crash.

“The tram tipped over in a second. People fell on top of each other and nobody could reach the doors,” passenger Mira Osk, 52, told reporters outside the hospital.
";

#[test]
fn a_figure_moved_is_kept_and_a_figure_replaced_is_changed() {
    let report = analyze(&[("wire", WIRE), ("courier", REWRITE)]);
    let changed = of_kind(&report, "number_changed");
    // "about 10 days" moved into another sentence is the wire's figure, and so are "about 30
    // per cent" and "12 per cent", merged into one sentence in another order.
    assert!(changed.iter().all(|d| !d.text.contains("10") && !d.text.contains("per cent")), "{:#?}", report.drifts);
    // "Five people" detained in place of "two", in a sentence aligned with the crowd's.
    assert_eq!(changed.len(), 1, "{:#?}", report.drifts);
    assert_eq!(changed[0].document, "courier");
    assert!(changed[0].text.contains("Five"), "{}", changed[0].text);
    assert!(changed[0].explanation.contains("two"), "{}", changed[0].explanation);
    assert!(of_kind(&report, "detail_added").iter().all(|d| !d.text.contains("Five")), "{:#?}", report.drifts);
}

#[test]
fn a_reworded_part_beside_a_kept_part_is_an_altered_quote() {
    let report = analyze(&[("wire", WIRE), ("courier", REWRITE)]);
    let altered = of_kind(&report, "quote_altered");
    assert_eq!(altered.len(), 1, "{:#?}", report.drifts);
    assert_eq!(altered[0].text, "The tram tipped over in a second.".trim_end_matches('.'));
    assert!(altered[0].evidence[0].text.starts_with("The car lifted on the bend"), "{:#?}", altered[0].evidence);
    let unsupported = of_kind(&report, "unsupported_claim");
    assert!(unsupported.iter().all(|d| !d.text.contains("tipped")), "{:#?}", unsupported);
}
