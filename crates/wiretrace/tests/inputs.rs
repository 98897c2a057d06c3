//! Bad inputs are reported by name and skipped; the seeds form one story; the CLI writes both
//! reports in the documented schema.

use std::path::{Path, PathBuf};
use wiretrace::{analyze_paths, cli, demo, Options};

fn write_demo(dir: &Path, names: &[&str]) {
    for (name, text) in demo::FILES.iter().filter(|(n, _)| names.contains(n)) {
        std::fs::write(dir.join(name), text).unwrap();
    }
}

#[test]
fn bad_inputs_are_reported_and_the_rest_analysed() {
    let dir = tempfile::tempdir().unwrap();
    write_demo(dir.path(), &["meridian-wire.txt", "northgate-times.txt"]);
    std::fs::write(dir.path().join("empty.txt"), "").unwrap();
    std::fs::write(dir.path().join("image.txt"), b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR").unwrap();
    std::fs::write(dir.path().join("bad-utf8.txt"), b"\xEF\xBB\xBFCaf\xe9 owner says prices rise").unwrap();
    // A file of 100 MiB (sparse: its size alone makes it too large to be one article).
    std::fs::File::create(dir.path().join("enormous.txt")).unwrap().set_len(100 * 1024 * 1024).unwrap();
    let missing = dir.path().join("missing.txt");
    let report = analyze_paths(&[dir.path().to_path_buf(), missing.clone()], &Options::default());
    assert_eq!(report.documents.len(), 2);
    let message = |name: &str| {
        report
            .errors
            .iter()
            .find(|e| e.input.ends_with(name))
            .unwrap_or_else(|| panic!("no error for {name}: {:?}", report.errors))
            .message
            .clone()
    };
    assert!(message("missing.txt").contains("no such file"));
    assert!(message("empty.txt").contains("empty"));
    assert!(message("image.txt").contains("binary"));
    assert!(message("bad-utf8.txt").contains("not valid UTF-8"));
    assert!(message("enormous.txt").contains("limit for one article"));
    assert_eq!(report.errors.len(), 5);
    assert!(report.summary().contains("5 input(s) skipped: 1 binary, 1 empty, 1 missing, 1 too large, 1 undecodable"));
    assert_eq!(report.clusters.len(), 1);
}

#[test]
fn jsonl_csv_and_gzip_exports_with_broken_records() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let wire = demo::FILES.iter().find(|(n, _)| *n == "meridian-wire.txt").unwrap().1;
    let ledger = demo::FILES.iter().find(|(n, _)| *n == "the-daily-ledger.txt").unwrap().1;
    let line = |id: &str, text: &str, url: &str| {
        serde_json::json!({"id": id, "text": text, "url": url, "date": "2025-11-04"}).to_string()
    };
    let jsonl = format!(
        "{}\n{{\"id\": \"broken\", \"text\": \n{}\n",
        line("wire", wire, "https://www.meridianwire.example/havenport"),
        line("ledger", ledger, "https://dailyledger.example/news/1")
    );
    std::fs::write(dir.path().join("export.jsonl"), jsonl).unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    let mut csv = csv::Writer::from_writer(Vec::new());
    csv.write_record(["id", "outlet", "body"]).unwrap();
    csv.write_record(["herald", "Harbour Herald", demo::FILES[1].1]).unwrap();
    let csv = String::from_utf8(csv.into_inner().unwrap()).unwrap() + "short,row\n";
    gz.write_all(csv.as_bytes()).unwrap();
    std::fs::write(dir.path().join("rows.csv.gz"), gz.finish().unwrap()).unwrap();

    let mut opts = Options::default();
    opts.read.columns.text = "body".into();
    let report = analyze_paths(&[dir.path().to_path_buf()], &opts);
    // With the text column renamed, the JSONL lines have no text field.
    assert_eq!(report.documents.len(), 1, "{:?}", report.errors);
    let report = analyze_paths(&[dir.path().join("export.jsonl")], &Options::default());
    let ids: Vec<&str> = report.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, vec!["wire", "ledger"]);
    assert_eq!(report.documents[1].outlet.as_deref(), Some("dailyledger.example"));
    assert_eq!(report.errors.len(), 1);
    assert!(report.errors[0].input.ends_with("export.jsonl:2"), "{:?}", report.errors);
    assert!(report.errors[0].message.starts_with("invalid JSON"));
    assert_eq!(report.clusters.len(), 1);
    let report = analyze_paths(&[dir.path().join("rows.csv.gz")], &opts);
    assert_eq!(report.documents[0].outlet.as_deref(), Some("Harbour Herald"));
    assert!(report.errors[0].message.contains("2 fields where the header has 3"));
}

#[test]
fn seeds_form_one_story_and_an_unrelated_article_its_own() {
    let seeds = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds");
    if !seeds.is_dir() {
        eprintln!("SKIPPED: ../shared/seeds is not beside the repository");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    write_demo(dir.path(), &["council-budget.txt"]);
    let report = analyze_paths(&[seeds, dir.path().to_path_buf()], &Options::default());
    assert_eq!(report.documents.len(), 6);
    let mut sizes: Vec<usize> = report.clusters.iter().map(|c| c.documents.len()).collect();
    sizes.sort();
    assert_eq!(sizes, vec![1, 5]);
    let alone = report.clusters.iter().find(|c| c.documents.len() == 1).unwrap();
    assert_eq!(alone.documents, vec!["council-budget".to_string()]);
    // No version of the seeds is the agency's own copy.
    assert!(report.clusters.iter().all(|c| c.source.is_none()));
}

#[test]
fn cli_writes_json_and_html_in_the_report_schema() {
    let dir = tempfile::tempdir().unwrap();
    write_demo(dir.path(), &["meridian-wire.txt", "the-daily-ledger.txt", "coastline-news.html"]);
    let (json, html) = (dir.path().join("r.json"), dir.path().join("r.html"));
    let code = cli::run([
        "wiretrace",
        "analyze",
        dir.path().to_str().unwrap(),
        "--json",
        json.to_str().unwrap(),
        "--html",
        html.to_str().unwrap(),
        "-q",
    ]);
    assert_eq!(code, cli::EXIT_OK);
    let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    assert_eq!(v["schema"], "wiretrace.report/1");
    let keys = |x: &serde_json::Value| -> Vec<String> { x.as_object().unwrap().keys().cloned().collect() };
    for k in ["schema", "documents", "clusters", "pairs", "claims", "drifts"] {
        assert!(v.get(k).is_some(), "missing {k}");
    }
    let doc = &v["documents"][0];
    for k in [
        "id",
        "path",
        "outlet",
        "headline",
        "dek",
        "date",
        "dateline",
        "byline",
        "section",
        "text",
        "blocks",
        "sentences",
    ] {
        assert!(keys(doc).contains(&k.to_string()), "document lacks {k}");
    }
    for k in ["role", "start", "end", "text"] {
        assert!(doc["blocks"][0].get(k).is_some());
    }
    let pair = &v["pairs"][0];
    for k in ["a", "b", "jaccard", "containment_a_in_b", "containment_b_in_a", "links"] {
        assert!(pair.get(k).is_some(), "pair lacks {k}");
    }
    for k in ["a_sentence", "b_sentence", "kind", "score"] {
        assert!(pair["links"][0].get(k).is_some());
    }
    for k in ["id", "document", "sentence", "kind", "start", "end", "text"] {
        assert!(v["claims"][0].get(k).is_some(), "claim lacks {k}");
    }
    for k in ["document", "kind", "start", "end", "text", "evidence", "explanation"] {
        assert!(v["drifts"][0].get(k).is_some(), "drift lacks {k}");
    }
    for k in ["id", "documents", "source"] {
        assert!(v["clusters"][0].get(k).is_some());
    }
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>") && page.contains("Side by side"));
    assert!(
        !page.contains("http://") && !page.contains("https://") && !page.contains("<script"),
        "the page must not need the network"
    );
}

#[test]
fn cli_usage_errors_and_help() {
    assert_eq!(cli::run(["wiretrace", "analyze"]), cli::EXIT_USAGE);
    assert_eq!(cli::run(["wiretrace", "analyze", "/nonexistent/wiretrace-input"]), cli::EXIT_FAILURE);
    assert_eq!(cli::run(["wiretrace", "--help"]), cli::EXIT_OK);
    use clap::CommandFactory;
    let mut cmd = cli::Cli::command();
    for sub in ["analyze", "demo"] {
        let help = cmd.find_subcommand_mut(sub).unwrap().render_long_help().to_string();
        for arg in cmd.find_subcommand(sub).unwrap().get_arguments() {
            if let Some(long) = arg.get_long() {
                assert!(help.contains(&format!("--{long}")), "{sub} --help lacks --{long}");
                assert!(arg.get_help().is_some(), "{sub} --{long} has no help text");
            }
        }
    }
}
