//! Clustering, alignment and collation against generated corpora with known provenance
//! (`wiretrace synth`): the floors below are well under the figures measured on larger runs
//! (see docs/similarity.md), so a regression, not noise, trips them.

use std::io::Write;

use wiretrace::clustering::{cluster_paths, ClusterOptions};
use wiretrace::eval;
use wiretrace::synth::{story, SynthOptions};

fn corpus(stories: usize, seed: u64, opts: &SynthOptions) -> tempfile::NamedTempFile {
    let mut f = tempfile::Builder::new().suffix(".jsonl").tempfile().unwrap();
    for s in 0..stories {
        for a in story(seed, s, opts) {
            writeln!(f, "{}", serde_json::to_string(&a).unwrap()).unwrap();
        }
    }
    f.flush().unwrap();
    f
}

#[test]
fn clusters_of_heavily_rewritten_stories() {
    let opts = SynthOptions { rewrite: 0.9, truth: false, ..SynthOptions::default() };
    let f = corpus(300, 5, &opts);
    let (result, errors) =
        cluster_paths(&[f.path().to_path_buf()], &Default::default(), &ClusterOptions::default(), &|_| {});
    assert!(errors.is_empty(), "{errors:?}");
    let stories = eval::clusters::stories(f.path()).unwrap();
    let s = eval::clusters::score(&result.clusters, &stories);
    assert!(s.precision >= 0.97 && s.recall >= 0.97, "{s:?}");
    // Without the wire, the rewrites still find each other.
    let opts = SynthOptions { include_wire: false, ..opts };
    let f = corpus(300, 6, &opts);
    let (result, _) =
        cluster_paths(&[f.path().to_path_buf()], &Default::default(), &ClusterOptions::default(), &|_| {});
    let s = eval::clusters::score(&result.clusters, &eval::clusters::stories(f.path()).unwrap());
    assert!(s.precision >= 0.97 && s.recall >= 0.85, "{s:?}");
}

#[test]
fn alignment_per_kind() {
    let f = corpus(60, 11, &SynthOptions::default());
    let s = eval::alignment::evaluate(f.path(), &Default::default()).unwrap();
    assert!(s.links.precision >= 0.97 && s.links.recall >= 0.9, "{}", s.table());
    assert!(s.kinds["verbatim"].precision >= 0.97 && s.kinds["verbatim"].recall >= 0.97, "{}", s.table());
    assert!(s.kinds["merged"].precision >= 0.95 && s.kinds["merged"].recall >= 0.8, "{}", s.table());
    assert!(s.kinds["split"].precision >= 0.95 && s.kinds["split"].recall >= 0.4, "{}", s.table());
    assert!(s.dropped.recall >= 0.95 && s.added.recall >= 0.9, "{}", s.table());
    assert!(s.moved.precision >= 0.7 && s.moved.recall >= 0.7, "{}", s.table());
}

#[test]
fn derivation_and_reconstruction() {
    let f = corpus(60, 21, &SynthOptions { derived: 0.3, ..SynthOptions::default() });
    let s = eval::collation::evaluate(f.path(), None).unwrap();
    // Always answering "the wire" would score the share of versions not derived (about 0.75).
    assert!(s.parent_accuracy >= 0.8, "{}", s.table());
    assert!(s.reconstruction_precision >= 0.85 && s.reconstruction_recall >= 0.9, "{}", s.table());
}

#[test]
fn clusters_do_not_depend_on_the_thread_count() {
    let f = corpus(150, 9, &SynthOptions { truth: false, ..SynthOptions::default() });
    let run = |threads: usize| {
        rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap().install(|| {
            cluster_paths(&[f.path().to_path_buf()], &Default::default(), &ClusterOptions::default(), &|_| {}).0
        })
    };
    let one = run(1);
    assert!(one.clusters.len() > 100);
    assert_eq!(one, run(2));
    assert_eq!(one, run(3));
}
