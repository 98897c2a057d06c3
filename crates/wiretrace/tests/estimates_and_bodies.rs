//! Figures given as estimates, bodies named in other words, and what "not" negates:
//! - "estimated that 38 million", "estimating the damage at 2.3 million" and "put the number
//!   at more than 120" give the figure an "an estimated" or a "said" gives: no number changed
//!   and no hedge added; nor is a hedge dropped where "police estimated" becomes "police
//!   said";
//! - "neither the footage nor its date could be verified" keeps the hedge;
//! - one person named with the body written two ways, and "the agency" for "the service",
//!   are one source; "he" after "X, the minister, flew … and announced" is X;
//! - "eight of them" counts what the figure before it counts, so 18 for eight is a change
//!   even where the wire has an 18 of something else; "300 of them soldiers" counts soldiers;
//! - "in the Quorlish capital" and the capital's name are one place;
//! - "not to return home" negates the return, so "stay away from their homes" keeps it;
//! - a hospital named as where patients were treated is not the source of the figure;
//! - a figure the wire gives for an earlier event, put on this one, is an event conflated.

mod common;

use common::{analyze, of_kind};

const WIRE: &str = "Dozens hurt as Belmora reservoir wall gives way

BELMORA, Oct 2 (Harl Wire) - Floodwater swept through villages in the Quorlish capital on Friday after a reservoir wall gave way, officials said.

An estimated 38 million cubic metres of water escaped, said the Tarrow Basin Water Board (TBWB), which runs the reservoir. TBWB director Elsa Marrin said the wall had passed its last inspection in 2021.

The breach opened at about 4 a.m., according to the Civil Defence Service (CDS). A second crack some 30 metres long was found at noon, the agency said.

Civic Hospital said it had treated 62 people, eight of them in critical condition. Rescue chief Ivo Darr said 900 rescue workers, including 300 soldiers, had been deployed.

Residents' groups said more than 120 homes had been damaged. City hall put the cost of the damage at an estimated 2.3 million crowns.

Police estimated that about 4,000 people had left the city. A video appeared to show a house collapsing. Harl Wire could not independently verify the footage or when it was filmed.

Works Minister Tomas Kell, who flew to Belmora on Friday, announced 40 million crowns in aid. He promised \"a full inquiry\".

The CDS urged residents not to return home before Monday. It was the worst flood in Quorland since 2009. Repair budgets had been cut by 18 percent since 2019.
";

const REWRITE: &str = "Belmora flood: dozens hurt after reservoir wall fails

Floodwater swept through villages in Belmora on Friday after a reservoir wall gave way, officials said.

The Tarrow Basin Water Board estimated that 38 million cubic metres of water escaped. Elsa Marrin, the board's director, said the wall had passed its last inspection in 2021.

The breach opened at about 4 a.m., the Civil Defence Service (CDS) said. According to the service, a second crack some 30 metres long was found at noon.

Civic Hospital has treated 62 people, 18 of whom are in a critical condition, the hospital said. Rescue chief Ivo Darr said 900 rescue workers had been deployed, 300 of them soldiers.

Residents' groups put the number of damaged homes at more than 120. City hall said six cars were wrecked, estimating the damage at 2.3 million crowns.

A video appeared to show a house collapsing. Neither the footage nor the day it was filmed could be independently verified. Police said about 4,000 people had left the city.

Tomas Kell, the works minister, flew to Belmora on Friday and announced 40 million crowns in aid. He promised \"a full inquiry\".

The CDS urged residents to stay away from their homes until at least Monday.
";

/// A second rewrite that credits the hospital's figure to the police.
const CREDITED_ELSEWHERE: &str = "Belmora flood

Floodwater swept through villages in Belmora on Friday after a reservoir wall gave way, officials said.

According to police, 62 people were treated at Civic Hospital, eight of them in critical condition.
";

#[test]
fn estimates_bodies_and_negations_read_as_the_wire_does() {
    let report = analyze(&[("wire", WIRE), ("post", REWRITE)]);
    let changed = of_kind(&report, "number_changed");
    assert_eq!(changed.len(), 1, "{changed:#?}");
    assert!(changed[0].text.contains("18"), "{:?}", changed[0].text);
    for kind in [
        "hedge_added",
        "hedge_dropped",
        "attribution_changed",
        "attribution_dropped",
        "event_conflated",
        "meaning_shifted",
    ] {
        assert!(of_kind(&report, kind).is_empty(), "{kind}: {:#?}", of_kind(&report, kind));
    }
}

#[test]
fn a_hospital_where_patients_were_treated_is_not_their_source() {
    let report = analyze(&[("wire", WIRE), ("post", CREDITED_ELSEWHERE)]);
    let changed = of_kind(&report, "attribution_changed");
    assert_eq!(changed.len(), 1, "{changed:#?}");
    assert!(changed[0].text.contains("police"), "{:?}", changed[0].text);
    assert!(changed[0].explanation.contains("Civic Hospital"), "{:?}", changed[0].explanation);
}

const FLOOD_WIRE: &str = "Floods cover 4,200 hectares in Tarrow valley

2 October 2025

BELMORA, Oct 2 (Harl Wire) - About 4,200 hectares of farmland were flooded after the Tarrow reservoir wall gave way on Friday, officials said.

Rescue teams reached the last cut-off villages by nightfall, the Civil Defence Service said.

It was the worst flood in the valley since March 2009, when the river burst its banks near Ostel. That flood covered about 1,800 hectares.
";

const FLOOD_REWRITE: &str = "Tarrow valley flood

2 October 2025

Some 1,800 hectares of farmland were flooded after the Tarrow reservoir wall gave way on Friday, officials said.

Rescue teams reached the last cut-off villages by nightfall, the Civil Defence Service said.
";

#[test]
fn a_figure_of_an_earlier_event_moved_onto_this_one_is_conflated() {
    let report = analyze(&[("wire", FLOOD_WIRE), ("post", FLOOD_REWRITE)]);
    let conflated = of_kind(&report, "event_conflated");
    assert_eq!(conflated.len(), 1, "{:#?}", report.drifts);
    assert!(conflated[0].text.contains("1,800"), "{:?}", conflated[0].text);
    assert!(conflated[0].explanation.contains("That flood covered"), "{:?}", conflated[0].explanation);
    assert!(of_kind(&report, "number_changed").is_empty(), "{:#?}", of_kind(&report, "number_changed"));
}
