//! A clause split off a wire sentence into a sentence of its own is compared with the wire
//! sentence it came from. Set at a site the wire names only for another event ("at the
//! depot", where the wire's depot is in another town), it is an `event_conflated`; kept at
//! its own place, it is nothing.

mod common;

use common::{analyze, of_kind};

const WIRE: &str = "Floods cut rail line in Vessary

OSTRAL, Vessary (Meridian Wire) – Floodwater swept through the rail depot and the freight yard in the river town of Ostral early on Sunday, stranding 40 trains, the national rail company said.

Water rose more than a metre inside the depot within an hour, workers said.

The company said the line to the coast would stay closed until at least Wednesday.

On Saturday, a landslide blocked the line near the village of Marrow Ford, 50 km north of Ostral, injuring three track workers, the company said. Repairs there began on Sunday.

Weather forecasters expect more rain over the weekend.
";

const MOVED: &str = "Floodwater strands 40 trains in Ostral

OSTRAL – Floodwater swept through the rail depot and the freight yard in the river town of Ostral early on Sunday, stranding 40 trains, the national rail company said.

Three track workers were injured at the depot, the company said.

Water rose more than a metre inside the depot within an hour, workers said.

The company said the line to the coast would stay closed until at least Wednesday.

On Saturday, a landslide blocked the line near the village of Marrow Ford, 50 km north of Ostral. Repairs there began on Sunday.
";

const KEPT: &str = "Ostral rail depot flooded

OSTRAL – Floodwater swept through the rail depot and the freight yard in the river town of Ostral early on Sunday, stranding 40 trains, the national rail company said.

Water rose more than a metre inside the depot within an hour, workers said.

The company said the line to the coast would stay closed until at least Wednesday.

On Saturday, a landslide blocked the line near the village of Marrow Ford, 50 km north of Ostral. Three track workers were injured there, the company said.

Weather forecasters expect more rain over the weekend.
";

#[test]
fn a_split_clause_moved_to_another_events_site_is_conflated() {
    let report = analyze(&[("wire", WIRE), ("ledger", MOVED), ("sentinel", KEPT)]);
    let conflated: Vec<_> = of_kind(&report, "event_conflated");
    assert_eq!(conflated.len(), 1, "{:#?}", report.drifts);
    let d = conflated[0];
    assert_eq!(d.document, "ledger");
    assert_eq!(d.text, "depot");
    let doc = report.documents.iter().find(|x| x.id == "ledger").unwrap();
    let chars: String = doc.text.chars().skip(d.start).take(d.end - d.start).collect();
    assert_eq!(chars, "depot");
    assert!(
        d.evidence.iter().any(|e| e.text.contains("Marrow Ford") && e.text.contains("injuring")),
        "{:?}",
        d.evidence
    );
    assert!(d.explanation.contains("Marrow Ford"), "{}", d.explanation);
    assert!(report.drifts.iter().all(|d| d.document != "sentinel" || d.kind.as_str() != "event_conflated"));
}
