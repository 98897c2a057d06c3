//! A sentence that makes a new claim out of the story's own words ("the heaviest fine ever
//! given to a water company in Norland", beside a lead about the company's fine) is an
//! unsupported claim: what it shares with the other versions is what its version's lead
//! already says. A reworded sentence that carries another version's claim is not.

mod common;

use common::{analyze, of_kind};

const WIRE: &str = "Water company fined over river spill

ASKERBY, Norland (Meridian Wire) – The Askerby Water Company was fined 4.2 million dalers on Monday for letting untreated sewage flow into the River Lune for three weeks last spring.

The district court in Askerby said the company had ignored alarms at its Holm pumping station and reported the spill eleven days late.

Anglers found hundreds of dead fish along a 12-kilometre stretch of the river in April.

The company said it accepted the ruling and had replaced the station's pumps.
";

const ADDED: &str = "Askerby Water fined 4.2 million dalers

ASKERBY – The Askerby Water Company was fined 4.2 million dalers on Monday for letting untreated sewage flow into the River Lune for three weeks last spring.

It is the heaviest fine ever given to a water company in Norland.

The district court in Askerby said the company had ignored alarms at its Holm pumping station and reported the spill eleven days late.

Anglers found hundreds of dead fish along a 12-kilometre stretch of the river in April.
";

const REWORDED: &str = "Sewage spill costs Askerby Water 4.2 million dalers

ASKERBY – A court on Monday fined the Askerby Water Company 4.2 million dalers after untreated sewage ran into the River Lune for three weeks last spring.

Judges found that staff at the Holm pumping station had ignored its alarms, and that the company told regulators about the spill eleven days after it began.

Anglers found hundreds of dead fish along a 12-kilometre stretch of the river in April.

The company said it accepted the ruling and had replaced the station's pumps.
";

#[test]
fn a_new_claim_in_the_leads_words_is_unsupported_and_a_rewording_is_not() {
    let report = analyze(&[("wire", WIRE), ("herald", ADDED), ("post", REWORDED)]);
    let unsupported: Vec<_> = of_kind(&report, "unsupported_claim");
    assert_eq!(unsupported.len(), 1, "{:#?}", report.drifts);
    assert_eq!(unsupported[0].document, "herald");
    assert!(unsupported[0].text.contains("heaviest fine ever"), "{}", unsupported[0].text);
}
