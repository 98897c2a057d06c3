//! Story clusters from MinHash/LSH: the same stories as the exhaustive comparison, on the demo
//! corpus and the seeds.

use std::path::PathBuf;
use wiretrace::clustering::{cluster_sketches, sketch_all, ClusterOptions};
use wiretrace::{analyze, demo, Options};

fn sorted(mut c: Vec<Vec<String>>) -> Vec<Vec<String>> {
    for g in &mut c {
        g.sort();
    }
    c.sort();
    c
}

#[test]
fn lsh_clusters_match_the_exhaustive_ones() {
    let mut records = demo::inputs();
    let seeds = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds");
    if seeds.is_dir() {
        let (more, errors) = wiretrace_parse_read(&seeds);
        assert!(errors.is_empty());
        records.extend(more);
    } else {
        eprintln!("SKIPPED (seeds part): ../shared/seeds is not beside the repository");
    }
    let exhaustive = analyze(records.clone(), Vec::new(), &Options::default());
    let lsh = analyze(records, Vec::new(), &Options { exhaustive_up_to: 0, ..Options::default() });
    let as_lists = |r: &wiretrace::Report| sorted(r.clusters.iter().map(|c| c.documents.clone()).collect());
    assert_eq!(as_lists(&lsh), as_lists(&exhaustive));
    assert_eq!(lsh.drifts.len(), exhaustive.drifts.len());

    // The sketch-only clustering (no alignment) agrees as well.
    let opts = ClusterOptions::default();
    let sketches = sketch_all(&exhaustive.documents, &opts);
    let fast = cluster_sketches(&sketches, &opts);
    assert_eq!(sorted(fast.clusters), as_lists(&exhaustive));
    // Threads and input order do not change the result.
    let mut reversed = sketches.clone();
    reversed.reverse();
    assert_eq!(sorted(cluster_sketches(&reversed, &opts).clusters), as_lists(&exhaustive));
}

fn wiretrace_parse_read(dir: &std::path::Path) -> (Vec<wiretrace::Record>, Vec<wiretrace::RecordError>) {
    wiretrace::parse::read_paths(&[dir.to_path_buf()], &wiretrace::ReadOptions::default())
}
