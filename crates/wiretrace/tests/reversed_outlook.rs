//! A sentence reworded past recognition but for its subject, that reverses what the wire
//! says ("the bank left the door open to more increases" as "the increase was likely to be
//! the last"), is a `meaning_shifted` even though the two sentences are aligned with nothing.

mod common;

use common::{analyze, of_kind};

const WIRE: &str = "Tessary central bank raises rates again

TESSARY (Meridian Wire) – The Bank of Tessary raised its main interest rate by a quarter of a percentage point to 5.5% on Thursday, its third increase this year.

Annual inflation slowed to 4.1% in October from 4.4% in September, the statistics office said.

In its statement, the bank left the door open to further increases if wage growth did not slow.

Governor Ilse Varga told reporters the economy remained resilient.
";

const KEPT: &str = "Bank of Tessary lifts rates to 5.5%

The Bank of Tessary raised its main interest rate by a quarter of a percentage point to 5.5% on Thursday, its third increase this year.

Annual inflation slowed to 4.1% in October from 4.4% in September, the statistics office said.

The bank said more increases could follow if wage growth did not slow.

Governor Ilse Varga told reporters the economy remained resilient.
";

const REVERSED: &str = "Tessary rate rise seen as last of cycle

The Bank of Tessary raised its main interest rate by a quarter of a percentage point to 5.5% on Thursday, its third increase this year.

Annual inflation slowed to 4.1% in October from 4.4% in September, the statistics office said.

The bank signalled that Thursday's increase would be the last for now.

Governor Ilse Varga told reporters the economy remained resilient.
";

#[test]
fn an_outlook_reversed_in_other_words_shifts_meaning() {
    let report = analyze(&[("wire", WIRE), ("courier", KEPT), ("gazette", REVERSED)]);
    let shifted = of_kind(&report, "meaning_shifted");
    assert_eq!(shifted.len(), 1, "{:#?}", report.drifts);
    assert_eq!(shifted[0].document, "gazette");
    assert!(shifted[0].text.contains("would be the last"), "{}", shifted[0].text);
    assert!(shifted[0].explanation.contains("door is open to more"), "{}", shifted[0].explanation);
}
