//! A figure converted to other units is the same figure: "about 140 kilometres" and
//! "roughly 87 miles", "80 km/h (about 50 mph)". So are "22 of the injured" and "22 of the
//! people injured", and "rescue workers" counted as "rescuers". A figure the rewrite adds
//! beside one it keeps ("the largest of them a 450-million-crown section") is a detail added,
//! not the kept figure changed. A figure really changed is still reported.

mod common;

use common::{analyze, of_kind};

const WIRE: &str = "Express derails on viaduct near Dornick

DORNICK, Varland (Lantern Wire) - An overnight express derailed on Wednesday near the town of Dornick, about 140 kilometres north of the capital, officials said.

Regional coordinator Dora Kell said 22 of the injured were in a serious condition.

The speed limit on that section of track is 80 kilometres per hour, according to rail documents.

Around 200 rescue workers were deployed to the site, officials said.

Around 40 firefighters worked through the night, officials said.

The rail operator won three contracts worth a combined 1.1 billion crowns in 2019, the ministry said.
";

const REWRITE: &str = "Express derails near Dornick

An overnight express derailed on Wednesday near Dornick, roughly 87 miles north of the capital, officials said.

Regional coordinator Dora Kell said 22 of the people injured were in a serious condition.

The speed limit on that section of track is 80 km/h (about 50 mph), according to rail documents.

Some 200 rescuers were deployed to the site, officials said.

More than 60 firefighters worked through the night, officials said.

The rail operator won three contracts worth a combined 1.1 billion crowns in 2019, the largest of them a 450-million-crown section near Dornick, the ministry said.
";

#[test]
fn converted_figures_are_the_same_and_an_added_one_is_a_detail() {
    let report = analyze(&[("wire", WIRE), ("post", REWRITE)]);
    let changed = of_kind(&report, "number_changed");
    // Only the firefighters' count changed.
    assert_eq!(changed.len(), 1, "{changed:#?}");
    assert!(changed[0].text.contains("60 firefighters"), "{:?}", changed[0].text);
    let added = of_kind(&report, "detail_added");
    assert_eq!(added.len(), 1, "{added:#?}");
    assert!(added[0].text.contains("450-million-crown"), "{:?}", added[0].text);
}
