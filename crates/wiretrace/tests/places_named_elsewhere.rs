//! A place a rewrite names where the wire's paragraph names only the country of the dateline
//! or the story's region: it came with its fact when the wire tells the same fact there (the
//! same figure and more) in another paragraph; it is moved when the wire tells of another
//! place there.

mod common;

use common::{analyze, of_kind};

const WIRE: &str = "Recount ordered in Upper Kessel

LISKA, Varnia (Meridian Wire) – Election officials in the Varnian region of Upper Kessel on Wednesday ordered a recount of ballots from 85 polling stations after the opposition rejected the result.

The governor won by about 6,000 votes, the electoral commission said on Monday.

Commission chairman Tomas Brell said ballots from 85 polling stations in the districts of Harrow Vale and Lisk Ford would be recounted by hand from Thursday.

Ana Morel, a political scientist, said a recount of this size was unusual in Varnia. The last comparable recount, in the neighbouring region of Sorrel in 2015, changed fewer than 200 votes, she said.
";

const NARROWED: &str = "Hand recount ordered in Harrow Vale and Lisk Ford

Ballots from 85 polling stations in Harrow Vale and Lisk Ford will be recounted by hand from Thursday after the opposition rejected the result, election officials said on Wednesday.

The governor won by about 6,000 votes, the electoral commission said on Monday.

Ana Morel, a political scientist, said a recount of this size was unusual in Varnia.
";

const MOVED: &str = "Recount ordered in Upper Kessel

Election officials in Upper Kessel on Wednesday ordered a recount of ballots from 85 polling stations after the opposition rejected the result.

The governor won by about 6,000 votes, the electoral commission said on Monday.

Ana Morel, a political scientist, said a recount of this size was unusual in Varnia, noting that a recount in Harrow Vale in 2015 had changed fewer than 200 votes.
";

#[test]
fn a_place_that_came_with_its_fact_is_not_moved() {
    let report = analyze(&[("wire", WIRE), ("courier", NARROWED)]);
    assert!(of_kind(&report, "event_conflated").is_empty(), "{:#?}", report.drifts);
}

#[test]
fn a_fact_told_of_another_place_is_moved() {
    let report = analyze(&[("wire", WIRE), ("ledger", MOVED)]);
    let moved = of_kind(&report, "event_conflated");
    assert_eq!(moved.len(), 1, "{:#?}", report.drifts);
    assert_eq!(moved[0].text, "Harrow Vale");
    assert!(moved[0].explanation.contains("Sorrel"), "{}", moved[0].explanation);
}
