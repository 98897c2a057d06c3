//! The embedded example corpus against its ground truth (`corpus/demo/manifest.json`): the
//! clusters, the source, every planted drift found, no faithful paraphrase flagged.

use serde_json::Value;
use wiretrace::{analyze, demo, Options, Report};

fn run() -> (Report, Value) {
    let report = analyze(demo::inputs(), Vec::new(), &Options::default());
    let manifest: Value = serde_json::from_str(demo::MANIFEST).unwrap();
    (report, manifest)
}

/// Code-point span of the unique occurrence of `needle` in a document's text.
fn span_of(report: &Report, doc: &str, needle: &str) -> (usize, usize) {
    let text = &report.document(doc).unwrap_or_else(|| panic!("no document {doc}")).text;
    let byte = text.find(needle).unwrap_or_else(|| panic!("{doc} does not contain {needle:?}"));
    assert_eq!(text.matches(needle).count(), 1, "{needle:?} occurs more than once in {doc}");
    let start = text[..byte].chars().count();
    (start, start + needle.chars().count())
}

#[test]
fn clusters_and_source_match_the_manifest() {
    let (report, manifest) = run();
    let mut got: Vec<Vec<String>> = report
        .clusters
        .iter()
        .map(|c| {
            let mut d = c.documents.clone();
            d.sort();
            d
        })
        .collect();
    got.sort();
    let mut want: Vec<Vec<String>> = manifest["clusters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let mut d: Vec<String> = c.as_array().unwrap().iter().map(|x| x.as_str().unwrap().to_string()).collect();
            d.sort();
            d
        })
        .collect();
    want.sort();
    assert_eq!(got, want);
    let story = report.clusters.iter().find(|c| c.documents.len() > 1).unwrap();
    assert_eq!(story.source.as_deref(), manifest["source"].as_str());
}

#[test]
fn every_planted_drift_is_found_with_evidence() {
    let (report, manifest) = run();
    let mut missing = Vec::new();
    for planted in manifest["drifts"].as_array().unwrap() {
        let doc = planted["document"].as_str().unwrap();
        let kind = planted["kind"].as_str().unwrap();
        let (start, end) = span_of(&report, doc, planted["text"].as_str().unwrap());
        let hit = report
            .drifts
            .iter()
            .find(|d| d.document == doc && d.kind.as_str() == kind && d.start < end && start < d.end);
        match hit {
            None => missing.push(format!("{doc}: {kind}: {}", planted["text"])),
            Some(d) => {
                assert!(!d.explanation.is_empty());
                if kind != "unsupported_claim" {
                    assert!(!d.evidence.is_empty(), "{kind} on {doc} has no evidence");
                }
                let text = &report.document(doc).unwrap().text;
                assert_eq!(text.chars().skip(d.start).take(d.end - d.start).collect::<String>(), d.text);
                for e in &d.evidence {
                    let other = &report.document(&e.document).unwrap().text;
                    assert_eq!(other.chars().skip(e.start).take(e.end - e.start).collect::<String>(), e.text);
                }
            }
        }
    }
    assert!(missing.is_empty(), "planted drifts not found:\n{}", missing.join("\n"));
}

#[test]
fn faithful_paraphrases_and_the_unrelated_article_are_not_flagged() {
    let (report, manifest) = run();
    for faithful in manifest["faithful"].as_array().unwrap() {
        let doc = faithful["document"].as_str().unwrap();
        let (start, end) = span_of(&report, doc, faithful["text"].as_str().unwrap());
        let flagged: Vec<_> =
            report.drifts.iter().filter(|d| d.document == doc && d.start < end && start < d.end).collect();
        assert!(flagged.is_empty(), "faithful text flagged in {doc}: {flagged:?}");
    }
    assert!(report.drifts.iter().all(|d| d.document != "council-budget"));
}

#[test]
fn copy_shares_rank_the_copy_above_the_paraphrase() {
    let (report, _) = run();
    let story = report.clusters.iter().find(|c| c.documents.len() > 1).unwrap();
    let share = |id: &str| story.copy.iter().find(|s| s.document == id).unwrap().clone();
    let herald = share("harbour-herald");
    let ledger = share("the-daily-ledger");
    assert!(herald.verbatim > 0.6, "{herald:?}");
    assert!(ledger.verbatim < herald.verbatim && ledger.added > herald.added);
    for s in &story.copy {
        let total = s.verbatim + s.edited + s.paraphrase + s.added;
        assert!((total - 1.0).abs() < 1e-3, "{s:?}");
    }
}

#[test]
fn the_wire_is_found_without_help_from_file_names() {
    // The same corpus under anonymous names: the wire is told by its agency dateline on a copy
    // without page furniture, and every planted drift is still found.
    let (named, manifest) = run();
    let mut records = demo::inputs();
    let mut rename = std::collections::HashMap::new();
    for (i, r) in records.iter_mut().enumerate() {
        let anon = format!("article{}", i + 1);
        rename.insert(r.id.clone(), anon.clone());
        r.id = anon;
    }
    let report = analyze(records, Vec::new(), &Options::default());
    let story = report.clusters.iter().find(|c| c.documents.len() > 1).unwrap();
    assert_eq!(story.source.as_deref(), rename.get(manifest["source"].as_str().unwrap()).map(String::as_str));
    let kinds = |r: &Report, name: &dyn Fn(&str) -> String| {
        let mut k: Vec<(String, String)> =
            r.drifts.iter().map(|d| (name(&d.document), d.kind.as_str().to_string())).collect();
        k.sort();
        k
    };
    assert_eq!(kinds(&report, &|d| d.to_string()), kinds(&named, &|d| rename[d].clone()));
}

#[test]
fn derivation_finds_the_copy_of_a_copy_and_collation_covers_every_sentence() {
    let (report, manifest) = run();
    let story = report.clusters.iter().find(|c| c.documents.len() > 1).unwrap();
    let source = manifest["source"].as_str().unwrap();
    for d in &story.derivation {
        let want = if d.document == source {
            None
        } else {
            Some(manifest["documents"][&d.document]["copies_from"].as_str().unwrap_or(source))
        };
        assert_eq!(d.parent.as_deref(), want, "source of {}", d.document);
    }
    let copy = story.derivation.iter().find(|d| d.document == "valley-post").unwrap();
    assert!(copy.shared_deviations.len() >= 2);
    // Every body sentence of every version is in exactly one unit.
    for doc in &story.documents {
        let n = report.document(doc).unwrap().sentences.len();
        let mut seen: Vec<usize> = story
            .units
            .iter()
            .flat_map(|u| u.iter().filter(|v| &v.document == doc).flat_map(|v| v.sentences.clone()))
            .collect();
        seen.sort_unstable();
        assert_eq!(seen, (0..n).collect::<Vec<_>>(), "{doc}");
    }
    // Without the wire, the versions still give a common source: units two or more carry.
    let without: Vec<_> = demo::inputs().into_iter().filter(|r| r.id != source).collect();
    let report = analyze(without, Vec::new(), &Options::default());
    let story = report.clusters.iter().find(|c| c.documents.len() > 1).unwrap();
    let rebuilt = story.reconstructed_source.as_ref().expect("a reconstructed source");
    assert!(rebuilt.len() >= 10, "{} sentences", rebuilt.len());
    for v in rebuilt {
        let carriers = story.units.iter().find(|u| u.contains(v)).map_or(0, Vec::len);
        assert!(carriers >= 2, "{v:?}");
    }
}

#[test]
fn the_claim_table_gives_each_version_its_reading_and_the_consensus() {
    let (report, _) = run();
    let story = report.clusters.iter().find(|c| c.documents.len() > 1).unwrap();
    let killed = story.claim_table.iter().find(|r| r.what == "people killed").expect("a row for the toll");
    assert_eq!(killed.consensus, "at least 12");
    let times = killed.readings.iter().find(|r| r.document == "northgate-times").unwrap();
    assert_eq!((times.value, times.approximator.as_deref()), (Some(12.0), Some("exactly")));
    assert_eq!(times.drifts, vec!["number_changed".to_string()]);
    assert_eq!(times.source.as_deref(), Some("regional health ministry"));
    // A hedged statement: the wire's caveat is its reading; the copies that drop it are marked.
    let footage =
        story.claim_table.iter().find(|r| r.readings.iter().any(|x| x.text.starts_with("Unverified footage"))).unwrap();
    let wire = footage.readings.iter().find(|r| r.document == "meridian-wire").unwrap();
    assert!(wire.hedges.contains(&"unverified".to_string()));
    assert!(footage
        .readings
        .iter()
        .any(|r| r.document == "harbour-herald" && r.drifts.contains(&"hedge_dropped".to_string())));
    for row in &story.claim_table {
        assert_eq!(row.readings.len() + row.missing.len(), story.documents.len(), "{row:?}");
        for r in &row.readings {
            let text = &report.document(&r.document).unwrap().text;
            assert_eq!(text.chars().skip(r.start).take(r.end - r.start).collect::<String>(), r.text);
        }
    }
    let page = wiretrace::html::render(&report);
    assert!(page.contains("Claims across the versions") && page.contains("class=\"drifted\""));
}
