//! A sentence reworded around the same negation ("will not go back to work" as "will not
//! return to work") keeps its meaning; one that loses its negation ("was not injured" as
//! "was injured") shifts it.

mod common;

use common::{analyze, of_kind};

const WIRE: &str = "Bus drivers extend strike in Corvel

CORVEL, Norland (Meridian Wire) – Bus drivers in Corvel extended their strike on Wednesday after rejecting a new pay offer from the city's transport company.

The union's leader, Marit Vohl, said the drivers would not go back to work until the company met their demands.

A driver whose bus was hit by a stone during a protest on Tuesday was not injured, police said.

The company said it regretted the decision and was ready to resume talks at any time.
";

const KEPT: &str = "Corvel bus strike goes on

CORVEL – Bus drivers in Corvel extended their strike on Wednesday after rejecting a new pay offer from the city's transport company.

Union leader Marit Vohl said the drivers would not return to work until the company met their demands.

A driver whose bus was hit by a stone during a protest on Tuesday was not injured, police said.

The company said it regretted the decision and was ready to resume talks at any time.
";

const FLIPPED: &str = "Corvel bus drivers stay out

CORVEL – Bus drivers in Corvel extended their strike on Wednesday after rejecting a new pay offer from the city's transport company.

The union's leader, Marit Vohl, said the drivers would not go back to work until the company met their demands.

A driver whose bus was hit by a stone during a protest on Tuesday was injured, police said.

The company said it regretted the decision and was ready to resume talks at any time.
";

#[test]
fn a_negation_kept_in_other_words_is_no_shift_and_a_lost_one_is() {
    let report = analyze(&[("wire", WIRE), ("courier", KEPT), ("gazette", FLIPPED)]);
    let shifted: Vec<_> = of_kind(&report, "meaning_shifted");
    assert_eq!(shifted.len(), 1, "{:#?}", report.drifts);
    assert_eq!(shifted[0].document, "gazette");
    assert!(shifted[0].text.contains("was injured"), "{}", shifted[0].text);
}
