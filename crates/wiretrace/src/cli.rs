//! The `wiretrace` command line.

use crate::pipeline::{analyze, analyze_paths, Options};
use crate::report::Report;
use clap::{Args, Parser, Subcommand};
use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// Exit code: the analysis ran (inputs that could not be read are reported and skipped).
pub const EXIT_OK: i32 = 0;
/// Exit code: nothing could be analysed, or an output file could not be written.
pub const EXIT_FAILURE: i32 = 1;
/// Exit code: the command line was wrong.
pub const EXIT_USAGE: i32 = 2;
/// Exit code: with `--strict`, some inputs were skipped.
pub const EXIT_SKIPPED: i32 = 3;

/// wiretrace: how news outlets rewrite wire copy.
///
/// Parses articles, groups the versions of each story, aligns them sentence by sentence,
/// extracts claims (numbers, quotes, attributions, hedges) and flags how claims drift between
/// outlets, with evidence and character offsets.
#[derive(Debug, Parser)]
#[command(name = "wiretrace", version, propagate_version = true)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Analyse articles and write a JSON report and/or an HTML report.
    ///
    /// PATH may be files or directories (read recursively) of plain-text (.txt) and HTML
    /// (.html, .htm) articles. Inputs that cannot be read (missing, empty, binary, undecodable)
    /// are reported on standard error and skipped; the rest are analysed. Without --json or
    /// --html, the JSON report is written to standard output.
    Analyze(AnalyzeArgs),
    /// Analyse the embedded example corpus: a fictional wire story, five outlet rewrites with
    /// planted drifts and one unrelated article. Writes wiretrace-demo.json and
    /// wiretrace-demo.html and prints a summary.
    Demo(DemoArgs),
}

/// Options of `wiretrace analyze`.
#[derive(Debug, Args)]
pub struct AnalyzeArgs {
    /// Files or directories of articles (.txt, .html, .htm).
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Write the JSON report (schema wiretrace.report/1) to FILE.
    #[arg(long, value_name = "FILE")]
    pub json: Option<PathBuf>,
    /// Write the self-contained HTML report to FILE.
    #[arg(long, value_name = "FILE")]
    pub html: Option<PathBuf>,
    /// Do not print the summary.
    #[arg(long, short)]
    pub quiet: bool,
    /// Exit with code 3 when any input was skipped (the reports are still written).
    #[arg(long)]
    pub strict: bool,
}

/// Options of `wiretrace demo`.
#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Directory to write wiretrace-demo.json and wiretrace-demo.html into.
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub out_dir: PathBuf,
    /// Do not print the summary.
    #[arg(long, short)]
    pub quiet: bool,
}

/// Writes to standard output; a closed pipe (`wiretrace … | head`) is not an error.
fn print_out(text: &str) -> Result<(), String> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(format!("cannot write to standard output: {e}")),
        _ => Ok(()),
    }
}

fn write_file(path: &Path, content: &str) -> Result<(), String> {
    std::fs::write(path, content).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

fn write_outputs(report: &Report, json: Option<&Path>, html: Option<&Path>) -> Result<(), String> {
    if let Some(p) = json {
        write_file(p, &report.to_json())?;
    }
    if let Some(p) = html {
        write_file(p, &crate::html::render(report))?;
    }
    Ok(())
}

/// Runs the command line with the given arguments (the first is the program name) and returns
/// the process exit code.
pub fn run<I, T>(args: I) -> i32
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { EXIT_USAGE } else { EXIT_OK };
        }
    };
    match cli.command {
        Command::Analyze(a) => {
            let report = analyze_paths(&a.paths, &Options::default());
            for e in &report.errors {
                eprintln!("wiretrace: skipped {}: {}", e.input, e.message);
            }
            if report.documents.is_empty() {
                eprintln!("wiretrace: no article could be analysed");
                return EXIT_FAILURE;
            }
            let result = if a.json.is_none() && a.html.is_none() {
                print_out(&(report.to_json() + "\n"))
            } else {
                write_outputs(&report, a.json.as_deref(), a.html.as_deref())
            };
            if let Err(e) = result {
                eprintln!("wiretrace: {e}");
                return EXIT_FAILURE;
            }
            if !a.quiet {
                eprint!("{}", report.summary());
            }
            if a.strict && !report.errors.is_empty() {
                EXIT_SKIPPED
            } else {
                EXIT_OK
            }
        }
        Command::Demo(d) => {
            let report = analyze(crate::demo::inputs(), Vec::new(), &Options::default());
            let json = d.out_dir.join("wiretrace-demo.json");
            let html = d.out_dir.join("wiretrace-demo.html");
            if let Err(e) = write_outputs(&report, Some(&json), Some(&html)) {
                eprintln!("wiretrace: {e}");
                return EXIT_FAILURE;
            }
            if !d.quiet {
                let text = format!("{}wrote {} and {}\n", report.summary(), json.display(), html.display());
                if let Err(e) = print_out(&text) {
                    eprintln!("wiretrace: {e}");
                    return EXIT_FAILURE;
                }
            }
            EXIT_OK
        }
    }
}
