//! Two wire sentences merged into one: the claims of the second are still compared, so a
//! source the merge drops is flagged, and a merge that keeps it is not.

mod common;

use common::{analyze, of_kind};

const WIRE: &str = "Ferry terminal still closed after storm

PELLAM, Norland (Meridian Wire) – The ferry terminal at Pellam stayed closed on Tuesday, two days after a storm tore the roof off its main hall.

The terminal, first opened in 1998, remains unrepaired.

Rebuilding the hall will require another 4 million dalers, a spokeswoman for the port authority said.

Ferries to the islands now leave from the fishing harbour, which can take only the smaller boats.
";

const DROPPED: &str = "Pellam terminal shut after storm

PELLAM – The ferry terminal at Pellam was still closed on Tuesday, two days after a storm ripped the roof off its main hall.

The terminal, first opened in 1998, is still unrepaired, and rebuilding the hall will take another 4 million dalers.

Ferries to the islands now leave from the fishing harbour, which can take only the smaller boats.
";

const KEPT: &str = "Storm closes Pellam ferry terminal

PELLAM – The ferry terminal at Pellam stayed closed on Tuesday, two days after a storm tore the roof off its main hall.

The terminal, first opened in 1998, is still unrepaired, and rebuilding the hall will take another 4 million dalers, a spokeswoman for the port authority said.

Ferries to the islands now leave from the fishing harbour, which can take only the smaller boats.
";

#[test]
fn a_source_dropped_in_a_merged_sentence_is_flagged() {
    let report = analyze(&[("wire", WIRE), ("courier", DROPPED), ("gazette", KEPT)]);
    let dropped: Vec<_> = of_kind(&report, "attribution_dropped");
    assert_eq!(dropped.len(), 1, "{:#?}", report.drifts);
    let d = dropped[0];
    assert_eq!(d.document, "courier");
    assert!(d.text.contains("4 million dalers"), "{}", d.text);
    assert!(d.evidence.iter().any(|e| e.document == "wire" && e.text.contains("spokeswoman")), "{:?}", d.evidence);
    assert!(report.drifts.iter().all(|d| d.document != "gazette"), "{:#?}", report.drifts);
}
