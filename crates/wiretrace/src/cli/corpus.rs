//! The corpus commands: `analyze`, `cluster` and `shares`, with their outputs and summaries.

use super::{print_out, write_file, write_outputs, AnalyzeArgs, ClusterArgs, SharesArgs};
use super::{EXIT_FAILURE, EXIT_OK, EXIT_SKIPPED, EXIT_USAGE};
use crate::pipeline::analyze_paths_with_progress;
use crate::tables::{Format, Table};
use std::path::Path;

/// Runs `wiretrace analyze`; the exit code.
pub(super) fn run_analyze(a: &AnalyzeArgs) -> i32 {
    let bar = if a.quiet { indicatif::ProgressBar::hidden() } else { indicatif::ProgressBar::new(0) };
    bar.set_style(
        indicatif::ProgressStyle::with_template("{spinner} {msg:9} {bar:30} {pos}/{len} ({elapsed})")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    let opts = match a.options() {
        Ok(o) => o,
        Err(m) => {
            eprintln!("wiretrace: {m}");
            return EXIT_FAILURE;
        }
    };
    let report = analyze_paths_with_progress(&a.paths, &opts, &|step, done, total| {
        if bar.message() != step {
            bar.set_message(step);
            bar.set_length(total as u64);
        }
        bar.set_position(done as u64);
    });
    bar.finish_and_clear();
    for e in &report.errors {
        eprintln!("wiretrace: skipped {}: {}", e.input, e.message);
    }
    if report.documents.is_empty() {
        eprintln!("wiretrace: no article could be analysed");
        return EXIT_FAILURE;
    }
    let result = if a.json.is_none() && a.html.is_none() && a.tables.is_none() {
        print_out(&(report.to_json() + "\n"))
    } else {
        write_outputs(&report, a.json.as_deref(), a.html.as_deref()).and_then(|()| {
            a.tables
                .as_deref()
                .map_or(Ok(()), |dir| crate::report_tables::write_tables(&report, dir, a.format).map(|_| ()))
        })
    };
    if let Err(e) = result {
        eprintln!("wiretrace: {e}");
        return EXIT_FAILURE;
    }
    if !a.quiet {
        eprint!("{}", report.summary());
    }
    exit_code(report.documents.len(), &report.errors, a.strict)
}

/// Runs `wiretrace cluster`; the exit code.
pub(super) fn run_cluster(c: &ClusterArgs) -> i32 {
    if let Err(m) = check_binary_out(c.format, c.out.as_deref()) {
        eprintln!("wiretrace: {m}");
        return EXIT_USAGE;
    }
    let opts = crate::clustering::ClusterOptions {
        num_perm: c.num_perm.max(8),
        shingle_size: c.shingle_size.clamp(1, 8),
        content_threshold: c.content_threshold,
        containment_threshold: c.containment_threshold,
        ..Default::default()
    };
    let read = wiretrace_parse::ReadOptions {
        max_bytes: c.max_size.saturating_mul(1024 * 1024),
        columns: c.columns.columns(),
    };
    let bar = spinner(c.quiet, "documents read");
    let (result, errors) = crate::clustering::cluster_paths(&c.paths, &read, &opts, &|n| bar.set_position(n as u64));
    bar.finish_and_clear();
    for e in &errors {
        eprintln!("wiretrace: skipped {}: {}", e.input, e.message);
    }
    let documents: usize = result.clusters.iter().map(Vec::len).sum();
    let written = if c.format == Format::Json {
        // One cluster per line, its documents as a list.
        let mut text = String::new();
        for (i, docs) in result.clusters.iter().enumerate() {
            let line = serde_json::json!({"cluster": format!("c{i}"), "size": docs.len(), "documents": docs});
            text.push_str(&line.to_string());
            text.push('\n');
        }
        match &c.out {
            Some(p) => write_file(p, &text),
            None => print_out(&text),
        }
    } else {
        write_table(&crate::report_tables::clusters_table(&result.clusters), c.format, c.out.as_deref())
    };
    if let Err(e) = written {
        eprintln!("wiretrace: {e}");
        return EXIT_FAILURE;
    }
    if !c.quiet {
        let multi = result.clusters.iter().filter(|d| d.len() > 1).count();
        eprintln!(
            "{} documents, {} skipped; {} clusters ({} with several documents); {} candidate pairs checked, {} same-story pairs",
            documents,
            errors.len(),
            result.clusters.len(),
            multi,
            result.candidates,
            result.same_story_pairs
        );
    }
    exit_code(documents, &errors, c.strict)
}

/// Runs `wiretrace shares`; the exit code.
pub(super) fn run_shares(a: &SharesArgs) -> i32 {
    use crate::shares::Stage;
    if let Err(m) = check_binary_out(a.format, a.out.as_deref()) {
        eprintln!("wiretrace: {m}");
        return EXIT_USAGE;
    }
    let cluster_opts = crate::clustering::ClusterOptions {
        content_threshold: a.content_threshold,
        containment_threshold: a.containment_threshold,
        ..Default::default()
    };
    let mut opts = crate::pipeline::Options::default();
    opts.read.max_bytes = a.max_size.saturating_mul(1024 * 1024);
    opts.read.columns = a.columns.columns();
    opts.attribution_model = match super::load_model(a.attribution_model.as_deref()) {
        Ok(m) => m,
        Err(m) => {
            eprintln!("wiretrace: {m}");
            return EXIT_FAILURE;
        }
    };
    let bar = spinner(a.quiet, "documents clustered");
    let (rows, errors) = crate::shares::version_rows(&a.paths, &cluster_opts, &opts, &|stage, n| {
        if stage == Stage::Analysing && bar.message() != "documents analysed" {
            bar.set_message("documents analysed");
            bar.reset();
        }
        bar.set_position(n as u64);
    });
    bar.finish_and_clear();
    for e in &errors {
        eprintln!("wiretrace: skipped {}: {}", e.input, e.message);
    }
    if let Err(e) = write_table(&crate::report_tables::versions_table(&rows), a.format, a.out.as_deref()) {
        eprintln!("wiretrace: {e}");
        return EXIT_FAILURE;
    }
    if !a.quiet {
        eprint!("{}", shares_summary(&rows, errors.len()));
    }
    exit_code(rows.len(), &errors, a.strict)
}

/// The closing summary of `wiretrace shares`: counts, mean shares and the largest outlets.
fn shares_summary(rows: &[crate::shares::VersionRow], skipped: usize) -> String {
    use std::collections::{BTreeMap, HashSet};
    use std::fmt::Write;
    let stories: HashSet<&str> = rows.iter().map(|r| r.story.as_str()).collect();
    let multi: HashSet<&str> = rows.iter().filter(|r| r.versions > 1).map(|r| r.story.as_str()).collect();
    let measured: Vec<&crate::shares::VersionRow> = rows.iter().filter(|r| r.verbatim.is_some()).collect();
    let mean = |f: fn(&crate::shares::VersionRow) -> Option<f64>| {
        measured.iter().filter_map(|r| f(r)).sum::<f64>() / measured.len().max(1) as f64
    };
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{} documents in {} stories ({} with several versions); {} skipped; {} drifts",
        rows.len(),
        stories.len(),
        multi.len(),
        skipped,
        rows.iter().map(|r| r.drifts).sum::<usize>()
    );
    let _ = writeln!(
        s,
        "{} versions measured against their story's reference: verbatim {:.1}%, edited {:.1}%, paraphrase {:.1}%, added {:.1}%",
        measured.len(),
        100.0 * mean(|r| r.verbatim),
        100.0 * mean(|r| r.edited),
        100.0 * mean(|r| r.paraphrase),
        100.0 * mean(|r| r.added)
    );
    let mut by_outlet: BTreeMap<&str, (usize, f64)> = BTreeMap::new();
    for r in &measured {
        let e = by_outlet.entry(r.outlet.as_deref().unwrap_or("(unknown)")).or_default();
        e.0 += 1;
        e.1 += r.verbatim.unwrap_or(0.0) + r.edited.unwrap_or(0.0);
    }
    let mut outlets: Vec<(&str, (usize, f64))> = by_outlet.into_iter().collect();
    outlets.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.0.cmp(b.0)));
    if !outlets.is_empty() {
        let _ = writeln!(s, "outlet                          versions  copied (verbatim or edited)");
        for (name, (n, copied)) in outlets.iter().take(10) {
            let _ = writeln!(s, "{:<32}{:>8}  {:>6.1}%", name, n, 100.0 * copied / *n as f64);
        }
        if outlets.len() > 10 {
            let _ = writeln!(s, "… and {} more outlets", outlets.len() - 10);
        }
    }
    s
}

/// A progress spinner on standard error (hidden with `--quiet`).
fn spinner(quiet: bool, message: &'static str) -> indicatif::ProgressBar {
    let bar = if quiet { indicatif::ProgressBar::hidden() } else { indicatif::ProgressBar::new_spinner() };
    bar.set_message(message);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{spinner} {pos} {msg} ({per_sec}, {elapsed})")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
    );
    bar
}

/// Parquet is binary: it goes to a file, never to a terminal or pipe.
fn check_binary_out(format: Format, out: Option<&Path>) -> Result<(), String> {
    if format == Format::Parquet && out.is_none() {
        Err("--format parquet needs --out FILE".to_string())
    } else {
        Ok(())
    }
}

/// Writes a table to `out`, or to standard output.
fn write_table(table: &Table, format: Format, out: Option<&Path>) -> Result<(), String> {
    match out {
        Some(p) => crate::tables::write_file(table, format, p),
        None => {
            let mut buf = Vec::new();
            crate::tables::write(table, format, &mut buf)?;
            print_out(&String::from_utf8_lossy(&buf))
        }
    }
}

/// The exit code of a corpus command: failure when nothing could be used, "skipped" when
/// `--strict` and some inputs were skipped.
fn exit_code(documents: usize, errors: &[wiretrace_parse::RecordError], strict: bool) -> i32 {
    if documents == 0 {
        EXIT_FAILURE
    } else if strict && !errors.is_empty() {
        EXIT_SKIPPED
    } else {
        EXIT_OK
    }
}
