//! Drift detection on the shipped clusters with planted drifts (`corpus/drift`): floors on
//! precision and recall over all kinds, every kind planted at least twice, and no faithful
//! rewording flagged. The figures themselves are printed by `wiretrace eval drift`.

use std::path::PathBuf;

use wiretrace::eval::drift::evaluate;

#[test]
fn planted_drifts_are_found_and_faithful_rewordings_left_alone() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus/drift");
    let score = evaluate(&[dir], &wiretrace::Options::default()).unwrap();
    assert_eq!(score.clusters, 4);
    let all = score.kinds.last().unwrap();
    assert_eq!(all.kind, "all");
    for k in &score.kinds[..score.kinds.len() - 1] {
        assert!(k.planted >= 2, "{} planted {} times", k.kind, k.planted);
    }
    assert!(all.precision >= 0.95, "precision {:.3}\n{}", all.precision, score.table());
    assert!(all.recall >= 0.97, "recall {:.3}\n{}", all.recall, score.table());
    assert_eq!(score.faithful_flagged, 0, "{}", score.table());
    assert!(score.faithful >= 40);
}

/// The clusters of `corpus/drift-heldout`, by name.
fn heldout(names: &[&str]) -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus/drift-heldout");
    names.iter().map(|n| dir.join(n)).collect()
}

/// The clusters written apart from the detector (`corpus/drift-heldout`). Each was held out
/// only for its first measurement (`docs/claims.md`); since then the detector was improved on
/// them, so this guards what was fixed.
#[test]
fn the_once_held_out_clusters_stay_found() {
    let dirs = heldout(&["harbour-strike", "harrowmere-plant-fire", "sallow-cholera-outbreak"]);
    let score = evaluate(&dirs, &wiretrace::Options::default()).unwrap();
    assert_eq!(score.clusters, 3);
    let all = score.kinds.last().unwrap();
    assert!(all.planted >= 37, "{}", score.table());
    assert!(all.precision >= 0.95, "precision {:.3}\n{}", all.precision, score.table());
    assert!(all.recall >= 0.95, "recall {:.3}\n{}", all.recall, score.table());
    assert_eq!(score.faithful_flagged, 0, "{}", score.table());
    assert!(score.faithful >= 55);
}

/// Holds a held-out pair (24 planted drifts and `faithful` faithful rewordings) at a
/// precision and recall, with at most two faithful rewordings flagged.
fn pair_at_least(names: &[&str], faithful: usize, precision: f64, recall: f64) {
    let score = evaluate(&heldout(names), &wiretrace::Options::default()).unwrap();
    assert_eq!(score.clusters, 2);
    let all = score.kinds.last().unwrap();
    assert_eq!(all.planted, 24, "{}", score.table());
    assert!(all.precision >= precision, "precision {:.3}\n{}", all.precision, score.table());
    assert!(all.recall >= recall, "recall {:.3}\n{}", all.recall, score.table());
    assert!(score.faithful_flagged <= 2, "{}", score.table());
    assert_eq!(score.faithful, faithful);
}

/// The third pair of clusters written apart from the detector. At their first measurement
/// (`docs/claims.md`) the detector found 14 of their 24 planted drifts among 47 reported,
/// and flagged 10 of their 40 faithful rewordings; the general fixes made since reach what
/// these floors guard (precision 0.950, recall 0.792 when last measured). What is still
/// missed or wrongly flagged is listed in the docs.
#[test]
fn the_third_held_out_pair_stays_at_its_measured_level() {
    pair_at_least(&["brannel-strait-ferry-capsizing", "upper-tarrow-election-recount"], 40, 0.95, 0.79);
}

/// The fourth pair. At its first measurement the detector found 19 of their 24 planted
/// drifts among 46 reported, and flagged 9 of their 40 faithful rewordings; the general fixes
/// made since reach what these floors guard (precision 0.864, recall 0.792 when last
/// measured).
#[test]
fn the_fourth_held_out_pair_stays_at_its_measured_level() {
    pair_at_least(&["kestrovar-brennholt-closure", "calden-riverside-outbreak"], 40, 0.86, 0.79);
}

/// The fifth pair. At its first measurement the
/// detector found 17 of their 24 planted drifts among 31 reported, and flagged 4 of their 40
/// faithful rewordings; the general fixes made since, drawn from its errors, reach what these
/// floors guard (precision 0.955, recall 0.875 when last measured).
#[test]
fn the_fifth_held_out_pair_stays_at_its_measured_level() {
    pair_at_least(&["brennock-derailment", "dremmel-verdict"], 40, 0.95, 0.87);
}

/// The sixth pair, written apart from the detector last (24 planted drifts, 57 faithful
/// rewordings). At its first measurement the detector found 18 of the 24 planted drifts among
/// 34 reported, and flagged 9 of the 57 faithful rewordings; the general fixes made since,
/// drawn from its errors, reach what these floors guard (precision 0.917, recall 0.917 when
/// last measured). Like the pairs before it, it is no longer held out: the first
/// measurement is what to expect on a new story.
#[test]
fn the_sixth_held_out_pair_stays_at_its_measured_level() {
    pair_at_least(&["osrin-dam-collapse", "merrow-fuel-protest"], 57, 0.91, 0.91);
}

#[test]
fn a_folder_without_manifests_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let err = evaluate(&[dir.path().to_path_buf()], &wiretrace::Options::default()).unwrap_err();
    assert!(err.contains("no manifest.json"), "{err}");
}
