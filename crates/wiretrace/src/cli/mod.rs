//! The `wiretrace` command line.

mod corpus;

use crate::pipeline::{analyze, Options};
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
#[command(
    name = "wiretrace",
    version,
    propagate_version = true,
    after_help = "Exit codes: 0 done (unreadable inputs are reported on standard error and skipped); 1 nothing could be analysed, or an output could not be written; 2 the command line is wrong; 3 with --strict, some inputs were skipped."
)]
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
    /// (.html, .htm) articles, JSONL and CSV/TSV exports (one article per line or row; see the
    /// --*-column options) and WARC crawls (HTML responses); any of them may be gzipped (.gz).
    /// Inputs and records that cannot be read (missing, empty, binary, undecodable, too large,
    /// broken JSON or CSV rows) are reported on standard error and skipped; the rest are
    /// analysed. Without --json or --html, the JSON report is written to standard output.
    Analyze(Box<AnalyzeArgs>),
    /// Analyse the embedded example corpus: a fictional wire story, five outlet rewrites with
    /// planted drifts and one unrelated article. Writes wiretrace-demo.json and
    /// wiretrace-demo.html and prints a summary.
    Demo(DemoArgs),
    /// Group the articles of a corpus into stories, fast (MinHash and LSH; no alignment).
    ///
    /// Writes one JSON object per cluster and line: {"cluster", "size", "documents"}. Reads the
    /// same inputs as `analyze`.
    Cluster(Box<ClusterArgs>),
    /// Copy shares and drifts of every version of every story, for corpora of any size.
    ///
    /// Clusters the corpus, then analyses each story on its own as soon as all its versions
    /// have been read (reference, sentence alignment, claims, drifts), so memory holds no more
    /// than the stories being read. Writes one row per version: document, outlet, date, story,
    /// versions, reference, is_source, the shares of its sentences copied verbatim, edited,
    /// paraphrased or added against the reference, and its number of drifts. Prints a summary
    /// by outlet at the end.
    Shares(Box<SharesArgs>),
    /// Generate synthetic wire stories and outlet rewrites with known ground truth (JSONL: id,
    /// story, outlet, text, sentences, truth), for evaluations and benchmarks at any scale.
    ///
    /// Stories are written in an invented language with a Zipf vocabulary and topics, so
    /// different stories share common and topical words but not their sentences. Each outlet
    /// version records, per sentence, the wire sentences it comes from and how (verbatim,
    /// edited, paraphrase, merged, split, added; moved; number changed).
    Synth(SynthArgs),
    /// Evaluate wiretrace against public reference data.
    #[command(subcommand)]
    Eval(EvalCommand),
    /// Train a model on annotated articles.
    #[command(subcommand)]
    Train(TrainCommand),
}

/// Options of `wiretrace cluster`.
#[derive(Debug, Args)]
pub struct ClusterArgs {
    /// Files or directories of articles (as for `analyze`).
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Write the clusters (JSON lines) to FILE instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Estimated Jaccard of content-word stems that makes two articles one story (when they
    /// also reach half the containment threshold).
    #[arg(long, value_name = "J", default_value_t = 0.3)]
    pub content_threshold: f64,
    /// Estimated containment of word 3-grams (either direction) that makes two articles one story.
    #[arg(long, value_name = "C", default_value_t = 0.15)]
    pub containment_threshold: f64,
    /// Values per MinHash signature.
    #[arg(long, value_name = "K", default_value_t = 128)]
    pub num_perm: usize,
    /// Words per shingle.
    #[arg(long, value_name = "N", default_value_t = 3)]
    pub shingle_size: usize,
    /// Do not print progress or the summary.
    #[arg(long, short)]
    pub quiet: bool,
    /// Largest article accepted, in MiB.
    #[arg(long, value_name = "MIB", default_value_t = 16)]
    pub max_size: u64,
    /// The columns of JSONL/CSV inputs.
    #[command(flatten)]
    pub columns: ColumnArgs,
    /// Output format: json (one cluster per line, with its documents), or csv or parquet (one
    /// row per document: document, cluster, size). Parquet needs --out.
    #[arg(long, value_enum, default_value = "json")]
    pub format: crate::tables::Format,
    /// Exit with code 3 when any input was skipped.
    #[arg(long)]
    pub strict: bool,
}

/// Options of `wiretrace shares`.
#[derive(Debug, Args)]
pub struct SharesArgs {
    /// Files or directories of articles (as for `analyze`).
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Write the table to FILE instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Output format: json (JSON lines), csv or parquet (needs --out).
    #[arg(long, value_enum, default_value = "json")]
    pub format: crate::tables::Format,
    /// Estimated Jaccard of content-word stems that makes two articles one story (as for
    /// `cluster`).
    #[arg(long, value_name = "J", default_value_t = 0.3)]
    pub content_threshold: f64,
    /// Estimated containment of word 3-grams that makes two articles one story (as for
    /// `cluster`).
    #[arg(long, value_name = "C", default_value_t = 0.15)]
    pub containment_threshold: f64,
    /// Do not print progress or the summary.
    #[arg(long, short)]
    pub quiet: bool,
    /// Exit with code 3 when any input was skipped.
    #[arg(long)]
    pub strict: bool,
    /// Largest article accepted, in MiB.
    #[arg(long, value_name = "MIB", default_value_t = 16)]
    pub max_size: u64,
    /// Read attributions with a model trained by `wiretrace train attribution` instead of the
    /// rules.
    #[arg(long, value_name = "FILE")]
    pub attribution_model: Option<PathBuf>,
    /// The columns of JSONL/CSV inputs.
    #[command(flatten)]
    pub columns: ColumnArgs,
}

/// Options of `wiretrace synth`.
#[derive(Debug, Args)]
pub struct SynthArgs {
    /// Number of stories.
    #[arg(long, value_name = "N", default_value_t = 100)]
    pub stories: usize,
    /// Mean number of outlet versions per story besides the wire (each story has 1 to 2M-1).
    #[arg(long, value_name = "M", default_value_t = 4)]
    pub versions: usize,
    /// How heavily outlets rewrite on average, from 0 (copies) to 1 (rewrite nearly everything).
    #[arg(long, value_name = "R", default_value_t = 0.5)]
    pub rewrite: f64,
    /// Length of a wire story in words (about).
    #[arg(long, value_name = "W", default_value_t = 600)]
    pub words: usize,
    /// Number of outlets the versions come from.
    #[arg(long, value_name = "N", default_value_t = 200)]
    pub outlets: usize,
    /// Leave out each article's sentences and provenance (smaller files for clustering runs).
    #[arg(long)]
    pub no_truth: bool,
    /// Chance that a version is rewritten from an earlier outlet's version instead of the wire
    /// (its `parent` names it).
    #[arg(long, value_name = "P", default_value_t = 0.0)]
    pub derived: f64,
    /// Leave the wire's own copy out (the rewrites only).
    #[arg(long)]
    pub no_wire: bool,
    /// Give every article a publication date (`date`): each story on a day of 2025, its
    /// versions up to three days later.
    #[arg(long)]
    pub dates: bool,
    /// Give each outlet a house style: how heavily it rewrites is a property of the outlet.
    #[arg(long)]
    pub outlet_styles: bool,
    /// Seed; the same seed gives the same corpus.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Write to FILE instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

/// The models that can be trained.
#[derive(Debug, Subcommand)]
pub enum TrainCommand {
    /// An attribution model, from articles with source, cue and content spans in BRAT standoff
    /// (a PolNeAR compartment, or articles annotated the same way).
    ///
    /// DIR holds text/ARTICLE.txt and attributions/ARTICLE_ANNOTATOR.ann (or a train/
    /// folder holding them). The model reads attributions instead of the rules with
    /// `analyze --attribution-model FILE`; `wiretrace eval polnear --folds K` measures it by
    /// cross-validation first.
    Attribution(TrainAttributionArgs),
}

/// Options of `wiretrace train attribution`.
#[derive(Debug, Args)]
pub struct TrainAttributionArgs {
    /// The annotated articles.
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
    /// Where to write the model.
    #[arg(long, short, value_name = "FILE")]
    pub out: PathBuf,
    /// Training passes over the articles.
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub epochs: usize,
    /// Train on the first N articles only.
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
}

/// The evaluations.
#[derive(Debug, Subcommand)]
pub enum EvalCommand {
    /// Sentence segmentation against reference sentences of news corpora.
    ///
    /// FILE is the MSRP training file (msr_paraphrase_train.txt) or an STS-B file
    /// (sts-train.csv, sts-dev.csv; the main-news sentences are used). Reference sentences are
    /// re-joined into paragraphs of six, split again, and the boundaries compared.
    Sentences(EvalSentencesArgs),
    /// Passage alignment (text reuse) against the PAN 2013 text-alignment corpus.
    ///
    /// DIR is the corpus directory (with src/, susp/ and the category folders
    /// 01-no-plagiarism … 05-summary-obfuscation, each with a pairs file and truth XMLs). Every
    /// pair is aligned in parallel, and the official PAN measures (plagdet, macro precision and
    /// recall, granularity) are printed per obfuscation category and for the entire corpus.
    Pan(EvalPanArgs),
    /// Story clustering against known stories: same-story pair precision, recall and F1.
    ///
    /// CORPUS is a JSON-lines corpus whose records carry `id` and `story` (as `wiretrace synth`
    /// writes them). The clusters scored are those of `wiretrace cluster` on CORPUS, or those
    /// in FILE (`--clusters`, JSON lines with a `documents` list each, from any tool).
    Clusters(EvalClustersArgs),
    /// Sentence alignment against known provenance, per kind of rewrite.
    ///
    /// CORPUS is written by `wiretrace synth` (with the wire and provenance). Each outlet
    /// version is parsed and aligned with its wire story, and the links are compared with the
    /// generator's record: precision and recall of links, of each kind (verbatim, edited,
    /// paraphrase, merged, split), of added and dropped sentences and of moves.
    Align(EvalAlignArgs),
    /// Collation against known provenance: derivation (who copied whom) and the source
    /// reconstructed without the wire.
    ///
    /// CORPUS is written by `wiretrace synth --derived P` (with the wire and provenance). Each
    /// story is analysed with its wire, and each version's predicted source compared with the
    /// true one; then without its wire, and the reconstructed source compared with the wire.
    Collation(EvalCollationArgs),
    /// Attribution extraction against PolNeAR (source, cue and content spans).
    ///
    /// DIR is a PolNeAR compartment (with text/ and attributions/ folders, in BRAT standoff)
    /// or the folder holding train/. Each article is parsed and its attributions compared with
    /// the annotated spans, role by role: exact and overlap precision, recall and F1.
    Polnear(EvalPolnearArgs),
    /// Quantity extraction against the quantulum3 test fixtures.
    ///
    /// PATH is quantities.json (a list of {req, res}) or the folder holding it. Each expected
    /// quantity is looked up where its surface lies: found, right value, right surface; and
    /// the extracted quantities that lie in no expected surface count against precision.
    Quantities(EvalQuantitiesArgs),
    /// Drift detection against clusters with planted drifts, per drift kind.
    ///
    /// Each DIR is a cluster folder (its documents and a manifest.json listing the planted
    /// drifts and the faithful rewordings) or a folder of such folders, such as the shipped
    /// crates/wiretrace/corpus/drift. Every cluster is analysed on its own; a planted drift is
    /// found when a reported drift of its kind overlaps it. Prints precision and recall per
    /// kind, the faithful rewordings flagged, and every miss and spurious drift.
    Drift(EvalDriftArgs),
}

/// Options of `wiretrace eval drift`.
#[derive(Debug, Args)]
pub struct EvalDriftArgs {
    /// Cluster folders, or folders of cluster folders.
    #[arg(value_name = "DIR", required = true)]
    pub dirs: Vec<PathBuf>,
    /// Read attributions with a model trained by `wiretrace train attribution`.
    #[arg(long, value_name = "FILE")]
    pub attribution_model: Option<PathBuf>,
    /// Print the scores as JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

/// Options of `wiretrace eval quantities`.
#[derive(Debug, Args)]
pub struct EvalQuantitiesArgs {
    /// The fixture file or its folder (e.g. quantulum3-tests).
    #[arg(value_name = "PATH")]
    pub path: PathBuf,
    /// Print the scores as JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

/// Options of `wiretrace eval polnear`.
#[derive(Debug, Args)]
pub struct EvalPolnearArgs {
    /// The compartment directory (e.g. polnear/train).
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
    /// Evaluate only the first N articles.
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    /// Also train an attribution model and score it by K-fold cross-validation: each article
    /// is read by a model trained on the folds it is not in.
    #[arg(long, value_name = "K")]
    pub folds: Option<usize>,
    /// Training passes over the articles, with --folds.
    #[arg(long, value_name = "N", default_value_t = 10, requires = "folds")]
    pub epochs: usize,
    /// Print the scores as JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

/// Options of `wiretrace eval collation`.
#[derive(Debug, Args)]
pub struct EvalCollationArgs {
    /// The generated corpus (JSON lines from `wiretrace synth`).
    #[arg(value_name = "CORPUS")]
    pub corpus: PathBuf,
    /// Evaluate only the first N stories.
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    /// Print the scores as JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

/// Options of `wiretrace eval align`.
#[derive(Debug, Args)]
pub struct EvalAlignArgs {
    /// The generated corpus (JSON lines from `wiretrace synth`).
    #[arg(value_name = "CORPUS")]
    pub corpus: PathBuf,
    /// Print the scores as JSON instead of a table.
    #[arg(long)]
    pub json: bool,
}

/// Options of `wiretrace eval clusters`.
#[derive(Debug, Args)]
pub struct EvalClustersArgs {
    /// The corpus (JSON lines with `id` and `story`).
    #[arg(value_name = "CORPUS")]
    pub corpus: PathBuf,
    /// Score the clusters in FILE instead of clustering CORPUS.
    #[arg(long, value_name = "FILE")]
    pub clusters: Option<PathBuf>,
    /// Print the scores as JSON instead of a line of text.
    #[arg(long)]
    pub json: bool,
}

/// Options of `wiretrace eval sentences`.
#[derive(Debug, Args)]
pub struct EvalSentencesArgs {
    /// Reference files (MSRP or STS-B).
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Print the scores as JSON instead of a table.
    #[arg(long)]
    pub json: bool,
}

/// Options of `wiretrace eval pan`.
#[derive(Debug, Args)]
pub struct EvalPanArgs {
    /// The corpus directory (e.g. pan13-text-alignment-train/training-corpus-2013-01-21).
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
    /// Print the report as JSON instead of a table.
    #[arg(long)]
    pub json: bool,
    /// Align only the first N pairs of each category (quick runs).
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    /// Worker threads (default: one per core).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
}

/// Which columns of JSONL and CSV/TSV inputs hold what (`analyze`, `cluster`, `shares`).
#[derive(Debug, Args)]
pub struct ColumnArgs {
    /// JSONL/CSV: the column holding the article's plain text.
    #[arg(long, value_name = "NAME", default_value = "text")]
    pub text_column: String,
    /// JSONL/CSV: the column holding the article's HTML (used when the text column is empty).
    #[arg(long, value_name = "NAME", default_value = "html")]
    pub html_column: String,
    /// JSONL/CSV: the column holding the article's identifier (default: FILE-LINE).
    #[arg(long, value_name = "NAME", default_value = "id")]
    pub id_column: String,
    /// JSONL/CSV: the column naming the outlet (default: the URL's host).
    #[arg(long, value_name = "NAME", default_value = "outlet")]
    pub outlet_column: String,
    /// JSONL/CSV: the column holding the article's URL.
    #[arg(long, value_name = "NAME", default_value = "url")]
    pub url_column: String,
    /// JSONL/CSV: the column holding the publication date.
    #[arg(long, value_name = "NAME", default_value = "date")]
    pub date_column: String,
    /// JSONL/CSV: the column holding the headline.
    #[arg(long, value_name = "NAME", default_value = "title")]
    pub title_column: String,
}

impl ColumnArgs {
    /// The column mapping these arguments ask for.
    pub fn columns(&self) -> wiretrace_parse::corpus::Columns {
        wiretrace_parse::corpus::Columns {
            id: self.id_column.clone(),
            text: self.text_column.clone(),
            html: self.html_column.clone(),
            outlet: self.outlet_column.clone(),
            url: self.url_column.clone(),
            date: self.date_column.clone(),
            title: self.title_column.clone(),
        }
    }
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
    /// Write the report's tables into DIR, one file each: documents, clusters, links, claims,
    /// drifts, copy_shares and claim_table (one row per version's reading of a claim).
    #[arg(long, value_name = "DIR")]
    pub tables: Option<PathBuf>,
    /// Format of the --tables files: json (JSON lines), csv or parquet.
    #[arg(long, value_enum, default_value = "json")]
    pub format: crate::tables::Format,
    /// Do not print the summary.
    #[arg(long, short)]
    pub quiet: bool,
    /// Exit with code 3 when any input was skipped (the reports are still written).
    #[arg(long)]
    pub strict: bool,
    /// The columns of JSONL/CSV inputs.
    #[command(flatten)]
    pub columns: ColumnArgs,
    /// Largest article accepted, in MiB; larger inputs are skipped with an error.
    #[arg(long, value_name = "MIB", default_value_t = 16)]
    pub max_size: u64,
    /// A wire agency to recognise in datelines, bylines and credit lines, besides Reuters, AP,
    /// AFP and the other well-known ones (repeat for several).
    #[arg(long = "agency", value_name = "NAME")]
    pub agencies: Vec<String>,
    /// Read attributions with a model trained by `wiretrace train attribution` instead of the
    /// rules.
    #[arg(long, value_name = "FILE")]
    pub attribution_model: Option<PathBuf>,
}

impl AnalyzeArgs {
    /// The analysis options these arguments ask for.
    ///
    /// # Errors
    /// When the attribution model cannot be read.
    pub fn options(&self) -> Result<Options, String> {
        let mut o = Options::default();
        o.read.columns = self.columns.columns();
        o.read.max_bytes = self.max_size.saturating_mul(1024 * 1024);
        o.agencies = wiretrace_parse::Agencies::with_extra(&self.agencies);
        o.attribution_model = load_model(self.attribution_model.as_deref())?;
        Ok(o)
    }
}

/// Reads the attribution model a command is given, if any.
pub(super) fn load_model(
    path: Option<&std::path::Path>,
) -> Result<Option<std::sync::Arc<wiretrace_claims::learned::AttributionModel>>, String> {
    let Some(path) = path else { return Ok(None) };
    let model = wiretrace_claims::learned::AttributionModel::load(path)?;
    if let Some(w) = model.version_warning() {
        eprintln!("wiretrace: warning: {}: {w}", path.display());
    }
    Ok(Some(std::sync::Arc::new(model)))
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
pub(super) fn print_out(text: &str) -> Result<(), String> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(format!("cannot write to standard output: {e}")),
        _ => Ok(()),
    }
}

pub(super) fn write_file(path: &Path, content: &str) -> Result<(), String> {
    std::fs::write(path, content).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

pub(super) fn write_outputs(report: &Report, json: Option<&Path>, html: Option<&Path>) -> Result<(), String> {
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
        Command::Analyze(a) => corpus::run_analyze(&a),
        Command::Shares(a) => corpus::run_shares(&a),
        Command::Cluster(c) => corpus::run_cluster(&c),
        Command::Synth(a) => run_synth(&a),
        Command::Train(TrainCommand::Attribution(t)) => match train_attribution(&t) {
            Ok(()) => EXIT_OK,
            Err(m) => {
                eprintln!("wiretrace: {m}");
                EXIT_FAILURE
            }
        },
        Command::Eval(EvalCommand::Pan(e)) => {
            match crate::eval::pan::run(&e.dir, e.limit, e.threads, e.json).and_then(|t| print_out(&t)) {
                Ok(()) => EXIT_OK,
                Err(m) => {
                    eprintln!("wiretrace: {m}");
                    EXIT_FAILURE
                }
            }
        }
        Command::Eval(EvalCommand::Align(e)) => finish_eval(
            crate::eval::alignment::evaluate(&e.corpus, &wiretrace_similarity::AlignOptions::default()),
            e.json,
            crate::eval::alignment::AlignmentScore::table,
        ),
        Command::Eval(EvalCommand::Quantities(e)) => finish_eval(
            crate::eval::quantities::evaluate(&e.path),
            e.json,
            crate::eval::quantities::QuantityScore::table,
        ),
        Command::Eval(EvalCommand::Drift(e)) => {
            let opts = load_model(e.attribution_model.as_deref())
                .map(|attribution_model| Options { attribution_model, ..Options::default() });
            finish_eval(
                opts.and_then(|o| crate::eval::drift::evaluate(&e.dirs, &o)),
                e.json,
                crate::eval::drift::DriftScore::table,
            )
        }
        Command::Eval(EvalCommand::Polnear(e)) => finish_eval(
            crate::eval::attribution::evaluate(
                &e.dir,
                e.limit,
                e.folds,
                wiretrace_claims::learned::TrainOptions { epochs: e.epochs, ..Default::default() },
            ),
            e.json,
            crate::eval::attribution::AttributionScore::table,
        ),
        Command::Eval(EvalCommand::Collation(e)) => finish_eval(
            crate::eval::collation::evaluate(&e.corpus, e.limit),
            e.json,
            crate::eval::collation::CollationScore::table,
        ),
        Command::Eval(EvalCommand::Clusters(e)) => match eval_clusters(&e).and_then(|t| print_out(&t)) {
            Ok(()) => EXIT_OK,
            Err(m) => {
                eprintln!("wiretrace: {m}");
                EXIT_FAILURE
            }
        },
        Command::Eval(EvalCommand::Sentences(e)) => {
            let mut scores = Vec::new();
            for f in &e.files {
                match crate::eval::sentences::evaluate(f) {
                    Ok(s) => scores.push(s),
                    Err(m) => {
                        eprintln!("wiretrace: {m}");
                        return EXIT_FAILURE;
                    }
                }
            }
            let text = if e.json {
                serde_json::to_string_pretty(&scores).expect("scores serialise") + "\n"
            } else {
                let mut t = String::from(
                    "reference                      sentences  skipped  precision  recall      F1   exact\n",
                );
                for s in &scores {
                    t += &format!(
                        "{:<30} {:>9} {:>8} {:>10.4} {:>7.4} {:>7.4} {:>7.4}\n",
                        s.name, s.sentences, s.skipped, s.precision, s.recall, s.f1, s.exact
                    );
                }
                t
            };
            match print_out(&text) {
                Ok(()) => EXIT_OK,
                Err(m) => {
                    eprintln!("wiretrace: {m}");
                    EXIT_FAILURE
                }
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

/// Prints an evaluation's scores (JSON or table); the exit code.
fn finish_eval<S: serde::Serialize>(scores: Result<S, String>, json: bool, table: fn(&S) -> String) -> i32 {
    let text =
        scores
            .map(|s| if json { serde_json::to_string_pretty(&s).expect("scores serialise") + "\n" } else { table(&s) });
    match text.and_then(|t| print_out(&t)) {
        Ok(()) => EXIT_OK,
        Err(m) => {
            eprintln!("wiretrace: {m}");
            EXIT_FAILURE
        }
    }
}

fn eval_clusters(e: &EvalClustersArgs) -> Result<String, String> {
    let stories = crate::eval::clusters::stories(&e.corpus)?;
    let clusters: Vec<Vec<String>> = match &e.clusters {
        Some(path) => {
            let text = std::fs::read_to_string(path).map_err(|err| format!("cannot read {}: {err}", path.display()))?;
            let mut out = Vec::new();
            for (n, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
                let v: serde_json::Value = serde_json::from_str(line)
                    .map_err(|err| format!("{}:{}: not JSON: {err}", path.display(), n + 1))?;
                let docs = v
                    .get("documents")
                    .and_then(|d| d.as_array())
                    .ok_or_else(|| format!("{}:{}: no \"documents\" list", path.display(), n + 1))?;
                out.push(docs.iter().filter_map(|d| d.as_str().map(str::to_string)).collect());
            }
            out
        }
        None => {
            let (result, errors) = crate::clustering::cluster_paths(
                std::slice::from_ref(&e.corpus),
                &wiretrace_parse::ReadOptions::default(),
                &crate::clustering::ClusterOptions::default(),
                &|_| {},
            );
            if let Some(err) = errors.first() {
                return Err(format!("{}: {}", err.input, err.message));
            }
            result.clusters
        }
    };
    let s = crate::eval::clusters::score(&clusters, &stories);
    Ok(if e.json {
        serde_json::to_string_pretty(&s).expect("scores serialise") + "\n"
    } else {
        format!(
            "{} documents, {} stories, {} clusters: pair precision {:.4}, recall {:.4}, F1 {:.4} ({} of {} true pairs found, {} pairs joined)\n",
            s.documents, s.stories, s.clusters, s.precision, s.recall, s.f1, s.correct_pairs, s.true_pairs, s.predicted_pairs
        )
    })
}

fn run_synth(a: &SynthArgs) -> i32 {
    use std::io::Write;
    let opts = crate::synth::SynthOptions {
        versions: a.versions,
        include_wire: !a.no_wire,
        rewrite: a.rewrite.clamp(0.0, 1.0),
        words: a.words.max(20),
        outlets: a.outlets.max(1),
        truth: !a.no_truth,
        derived: a.derived.clamp(0.0, 1.0),
        dates: a.dates,
        outlet_styles: a.outlet_styles,
    };
    let sink: Box<dyn Write> = match &a.out {
        Some(p) => match std::fs::File::create(p) {
            Ok(f) => Box::new(f),
            Err(e) => {
                eprintln!("wiretrace: cannot write {}: {e}", p.display());
                return EXIT_FAILURE;
            }
        },
        None => Box::new(std::io::stdout().lock()),
    };
    let mut w = std::io::BufWriter::new(sink);
    for s in 0..a.stories {
        for article in crate::synth::story(a.seed, s, &opts) {
            let line = serde_json::to_string(&article).expect("articles serialise");
            if let Err(e) = writeln!(w, "{line}") {
                if e.kind() == std::io::ErrorKind::BrokenPipe {
                    return EXIT_OK;
                }
                eprintln!("wiretrace: cannot write the corpus: {e}");
                return EXIT_FAILURE;
            }
        }
    }
    match w.flush() {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            eprintln!("wiretrace: cannot write the corpus: {e}");
            EXIT_FAILURE
        }
        _ => EXIT_OK,
    }
}

/// Runs `wiretrace train attribution`.
fn train_attribution(t: &TrainAttributionArgs) -> Result<(), String> {
    use wiretrace_claims::learned::{AttributionModel, TrainOptions};
    let (docs, skipped) = crate::eval::brat::training_set(&t.dir, t.limit)?;
    for s in &skipped {
        eprintln!("wiretrace: skipped {s}");
    }
    let start = std::time::Instant::now();
    let model = AttributionModel::train(&docs, TrainOptions { epochs: t.epochs, ..Default::default() })?;
    model.save(&t.out)?;
    eprintln!(
        "wiretrace: trained on {} articles in {:.1} s; wrote {}",
        docs.len(),
        start.elapsed().as_secs_f64(),
        t.out.display()
    );
    Ok(())
}
