//! Passage alignment against the PAN 2013 text-alignment corpus, with the official PAN
//! measures (Potthast et al. 2010, `perfmeasures.py`).
//!
//! The corpus directory holds `src/`, `susp/` and one folder per category
//! (`01-no-plagiarism`, `02-no-obfuscation`, `03-random-obfuscation`,
//! `04-translation-obfuscation`, `05-summary-obfuscation`), each with a `pairs` file
//! (`<suspicious> <source>` per line) and one truth XML per pair
//! (`suspicious-documentXXXXX-source-documentYYYYY.xml`) whose
//! `<feature name="plagiarism" this_offset=… this_length=… source_offset=… source_length=…/>`
//! elements give the cases. The offsets are code-point (char) offsets: in
//! `02-no-obfuscation`, every case's two passages are the same text (up to white space) when
//! cut by chars, while cut by UTF-8 bytes only 112 of the 1,252 are. [`align_passages`] runs
//! on every pair with the source document as source and the suspicious document as target.
//!
//! The measures, for cases and detections that are each a pair of char ranges (suspicious,
//! source) of one document pair; a detection *detects* a case when both belong to the same
//! document pair and overlap in both documents:
//! - recall: the mean over cases of the share of the case's chars (suspicious and source
//!   chars together) covered by the detections detecting it;
//! - precision: the same with the roles of cases and detections swapped;
//! - granularity: the mean number of detections per detected case (1 when none is detected);
//! - plagdet: F1 / log2(1 + granularity), 0 when precision and recall are both 0.

use rayon::prelude::*;
use serde::Serialize;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Instant;
use wiretrace_similarity::passages::{align_passages, PassageOptions};

/// A case or a detection: a char range of the suspicious document taken from a char range of
/// the source document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Annotation {
    /// Suspicious document ("suspicious-document00005.txt").
    pub suspicious: String,
    /// Source document ("source-document01090.txt").
    pub source: String,
    /// First char in the suspicious document.
    pub this_offset: usize,
    /// Length in chars in the suspicious document.
    pub this_length: usize,
    /// First char in the source document.
    pub source_offset: usize,
    /// Length in chars in the source document.
    pub source_length: usize,
}

impl Annotation {
    fn this_range(&self) -> (usize, usize) {
        (self.this_offset, self.this_offset.saturating_add(self.this_length))
    }

    fn source_range(&self) -> (usize, usize) {
        (self.source_offset, self.source_offset.saturating_add(self.source_length))
    }

    /// Whether `other` belongs to the same document pair and overlaps this one in both
    /// documents.
    pub fn overlaps(&self, other: &Annotation) -> bool {
        let ov = |a: (usize, usize), b: (usize, usize)| a.0 < b.1 && b.0 < a.1;
        self.suspicious == other.suspicious
            && self.source == other.source
            && ov(self.this_range(), other.this_range())
            && ov(self.source_range(), other.source_range())
    }
}

/// The PAN measures of a set of detections against a set of cases.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Measures {
    /// F1 of precision and recall divided by log2(1 + granularity).
    pub plagdet: f64,
    /// Macro-averaged character-level recall.
    pub recall: f64,
    /// Macro-averaged character-level precision.
    pub precision: f64,
    /// Mean number of detections per detected case.
    pub granularity: f64,
}

/// Length of the union of ranges.
fn union_len(mut ranges: Vec<(usize, usize)>) -> usize {
    ranges.retain(|r| r.1 > r.0);
    ranges.sort_unstable();
    let mut total = 0;
    let mut cur: Option<(usize, usize)> = None;
    for (a, b) in ranges {
        cur = match cur {
            Some((x, y)) if a <= y => Some((x, y.max(b))),
            Some((x, y)) => {
                total += y - x;
                Some((a, b))
            }
            None => Some((a, b)),
        };
    }
    total + cur.map_or(0, |(x, y)| y - x)
}

fn intersect(a: (usize, usize), b: (usize, usize)) -> (usize, usize) {
    (a.0.max(b.0), a.1.min(b.1).max(a.0.max(b.0)))
}

/// For every element of `of`, the indices of the elements of `by` overlapping it.
fn overlapping(of: &[Annotation], by: &[Annotation]) -> Vec<Vec<usize>> {
    let mut index: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
    for (i, b) in by.iter().enumerate() {
        index.entry((b.suspicious.as_str(), b.source.as_str())).or_default().push(i);
    }
    of.iter()
        .map(|a| {
            index
                .get(&(a.suspicious.as_str(), a.source.as_str()))
                .map(|l| l.iter().copied().filter(|&i| a.overlaps(&by[i])).collect())
                .unwrap_or_default()
        })
        .collect()
}

/// Macro-averaged recall of `by` on `of` (precision with the arguments swapped), as
/// `perfmeasures.py` computes it: 1 when both are empty, 0 when only one is.
fn macro_recall(of: &[Annotation], by: &[Annotation], hits: &[Vec<usize>]) -> f64 {
    if of.is_empty() && by.is_empty() {
        return 1.0;
    }
    if of.is_empty() || by.is_empty() {
        return 0.0;
    }
    let mut total = 0.0;
    for (a, hit) in of.iter().zip(hits) {
        let size = a.this_length + a.source_length;
        if size == 0 {
            continue;
        }
        let this: Vec<(usize, usize)> = hit.iter().map(|&i| intersect(a.this_range(), by[i].this_range())).collect();
        let src: Vec<(usize, usize)> = hit.iter().map(|&i| intersect(a.source_range(), by[i].source_range())).collect();
        total += (union_len(this) + union_len(src)) as f64 / size as f64;
    }
    total / of.len() as f64
}

/// The official PAN measures of `detections` against `cases`.
pub fn measures(cases: &[Annotation], detections: &[Annotation]) -> Measures {
    let case_hits = overlapping(cases, detections);
    let det_hits = overlapping(detections, cases);
    let recall = macro_recall(cases, detections, &case_hits);
    let precision = macro_recall(detections, cases, &det_hits);
    let detected: Vec<usize> = case_hits.iter().map(Vec::len).filter(|&n| n > 0).collect();
    let granularity = if detections.is_empty() || detected.is_empty() {
        1.0
    } else {
        detected.iter().sum::<usize>() as f64 / detected.len() as f64
    };
    let plagdet = if recall == 0.0 && precision == 0.0 {
        0.0
    } else {
        (2.0 * recall * precision / (recall + precision)) / (1.0 + granularity).log2()
    };
    Measures { plagdet, recall, precision, granularity }
}

/// The result on one category (or on the entire corpus).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CategoryScore {
    /// "none", "random", "translation", "summary" or "entire" (other folders: their name).
    pub name: String,
    /// The measures.
    #[serde(flatten)]
    pub measures: Measures,
    /// Plagiarism cases in the truth files.
    pub cases: usize,
    /// Passages detected.
    pub detections: usize,
    /// Document pairs aligned.
    pub pairs: usize,
    /// Wall-clock seconds spent reading and aligning the pairs.
    pub seconds: f64,
}

/// The pairs of the no-plagiarism folder, which have no cases (they count in "entire").
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NoPlagiarism {
    /// Document pairs aligned.
    pub pairs: usize,
    /// Passages detected (every one is a false positive).
    pub detections: usize,
    /// Pairs with at least one detection.
    pub pairs_with_detections: usize,
    /// Wall-clock seconds.
    pub seconds: f64,
}

/// The evaluation of a corpus.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PanReport {
    /// The corpus directory.
    pub corpus: String,
    /// Pairs per category used (`None`: all).
    pub limit: Option<usize>,
    /// Worker threads.
    pub threads: usize,
    /// The alignment parameters.
    pub options: PassageOptions,
    /// One entry per obfuscation category, in folder order.
    pub categories: Vec<CategoryScore>,
    /// The no-plagiarism pairs.
    pub no_plagiarism: NoPlagiarism,
    /// All pairs together.
    pub entire: CategoryScore,
}

impl PanReport {
    /// A plain-text table of the scores.
    pub fn table(&self) -> String {
        let mut t =
            String::from("category      plagdet   recall  precision  granularity  cases  detections  pairs  seconds\n");
        for c in self.categories.iter().chain(std::iter::once(&self.entire)) {
            let m = &c.measures;
            t += &format!(
                "{:<12} {:>8.5} {:>8.5} {:>10.5} {:>12.5} {:>6} {:>11} {:>6} {:>8.1}\n",
                c.name, m.plagdet, m.recall, m.precision, m.granularity, c.cases, c.detections, c.pairs, c.seconds
            );
        }
        let n = &self.no_plagiarism;
        t += &format!(
            "no-plagiarism pairs: {} ({} detections in {} pairs, {:.1} s); {} threads\n",
            n.pairs, n.detections, n.pairs_with_detections, n.seconds, self.threads
        );
        t
    }
}

/// The short name of a category folder.
pub fn category_name(folder: &str) -> String {
    let rest = folder.trim_start_matches(|c: char| c.is_ascii_digit()).trim_start_matches('-');
    match rest {
        "no-obfuscation" => "none".into(),
        "random-obfuscation" => "random".into(),
        "translation-obfuscation" => "translation".into(),
        "summary-obfuscation" => "summary".into(),
        "no-plagiarism" => "no-plagiarism".into(),
        other => other.to_string(),
    }
}

/// Attributes of every `<feature …>` element of an XML text (a small reader: double or single
/// quotes, the five predefined entities).
fn features(xml: &str) -> Vec<HashMap<String, String>> {
    let mut out = Vec::new();
    let mut rest = xml;
    while let Some(i) = rest.find("<feature") {
        rest = &rest[i + "<feature".len()..];
        let end = rest.find('>').unwrap_or(rest.len());
        let body = &rest[..end];
        rest = &rest[end..];
        let mut attrs = HashMap::new();
        let mut s = body;
        while let Some(eq) = s.find('=') {
            let name = s[..eq].trim().rsplit(char::is_whitespace).next().unwrap_or("").to_string();
            let after = s[eq + 1..].trim_start();
            let Some(q) = after.chars().next().filter(|c| *c == '"' || *c == '\'') else {
                break;
            };
            let value_start = &after[1..];
            let Some(close) = value_start.find(q) else {
                break;
            };
            let value = value_start[..close]
                .replace("&quot;", "\"")
                .replace("&apos;", "'")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
            attrs.insert(name, value);
            s = &value_start[close + 1..];
        }
        out.push(attrs);
    }
    out
}

/// The cases of one truth file for the pair (`suspicious`, `source`).
pub fn read_truth(path: &Path, suspicious: &str, source: &str) -> Result<Vec<Annotation>, String> {
    let shown = path.display();
    let xml = std::fs::read_to_string(path).map_err(|e| format!("{shown}: cannot read the truth file: {e}"))?;
    if !xml.contains("<document") {
        return Err(format!("{shown}: not a PAN truth file (no <document> element)"));
    }
    let mut out = Vec::new();
    for f in features(&xml) {
        if f.get("name").map(String::as_str) != Some("plagiarism") {
            continue;
        }
        let num = |k: &str| -> Result<usize, String> {
            let v = f.get(k).ok_or_else(|| format!("{shown}: a plagiarism feature has no {k}"))?;
            v.trim().parse::<usize>().map_err(|_| format!("{shown}: {k}=\"{v}\" is not a number"))
        };
        let src = f.get("source_reference").cloned().unwrap_or_else(|| source.to_string());
        if src != source {
            return Err(format!("{shown}: a case names source {src}, but the pair's source is {source}"));
        }
        out.push(Annotation {
            suspicious: suspicious.to_string(),
            source: src,
            this_offset: num("this_offset")?,
            this_length: num("this_length")?,
            source_offset: num("source_offset")?,
            source_length: num("source_length")?,
        });
    }
    Ok(out)
}

/// One document pair of a category.
#[derive(Debug, Clone)]
struct Job {
    suspicious: String,
    source: String,
    truth: PathBuf,
}

/// The corpus directory itself, or its only subdirectory holding `src/` and `susp/`.
fn corpus_root(dir: &Path) -> Result<PathBuf, String> {
    let is_corpus = |d: &Path| d.join("src").is_dir() && d.join("susp").is_dir();
    if is_corpus(dir) {
        return Ok(dir.to_path_buf());
    }
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: cannot read the directory: {e}", dir.display()))?;
    let mut found: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| is_corpus(p)).collect();
    found.sort();
    match found.len() {
        1 => Ok(found.remove(0)),
        0 => Err(format!("{}: not a PAN text-alignment corpus (no src/ and susp/ folders)", dir.display())),
        _ => Err(format!("{}: several corpora inside; name one of them", dir.display())),
    }
}

/// The category folders (those with a `pairs` file), sorted.
fn category_folders(root: &Path) -> Result<Vec<(String, PathBuf)>, String> {
    let entries = std::fs::read_dir(root).map_err(|e| format!("{}: cannot read the directory: {e}", root.display()))?;
    let mut out: Vec<(String, PathBuf)> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir() && p.join("pairs").is_file())
        .filter_map(|p| p.file_name().and_then(|n| n.to_str()).map(|n| (n.to_string(), p.clone())))
        .collect();
    out.sort();
    if out.is_empty() {
        return Err(format!("{}: no category folders with a pairs file", root.display()));
    }
    Ok(out)
}

fn read_pairs(folder: &Path, limit: Option<usize>) -> Result<Vec<Job>, String> {
    let path = folder.join("pairs");
    let text =
        std::fs::read_to_string(&path).map_err(|e| format!("{}: cannot read the pairs file: {e}", path.display()))?;
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let parts: Vec<&str> = line.split_whitespace().collect();
        let [susp, src] = parts[..] else {
            return Err(format!("{}:{}: expected \"<suspicious> <source>\", got {line:?}", path.display(), n + 1));
        };
        let stem = |s: &str| s.strip_suffix(".txt").unwrap_or(s).to_string();
        let truth = folder.join(format!("{}-{}.xml", stem(susp), stem(src)));
        out.push(Job { suspicious: susp.to_string(), source: src.to_string(), truth });
        if limit.is_some_and(|l| out.len() >= l) {
            break;
        }
    }
    Ok(out)
}

fn read_text(path: &Path) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: cannot read the document: {e}", path.display()))?;
    String::from_utf8(bytes).map_err(|e| format!("{}: not UTF-8 text: {e}", path.display()))
}

/// The cases and the detections of one pair.
type PairResult = Result<(Vec<Annotation>, Vec<Annotation>), String>;

/// Reads and aligns one pair: its cases and detections.
fn run_pair(root: &Path, job: &Job, opts: &PassageOptions) -> PairResult {
    let cases = read_truth(&job.truth, &job.suspicious, &job.source)?;
    let susp = read_text(&root.join("susp").join(&job.suspicious))?;
    let src = read_text(&root.join("src").join(&job.source))?;
    let (susp_len, src_len) = (susp.chars().count(), src.chars().count());
    for c in &cases {
        if c.this_offset + c.this_length > susp_len || c.source_offset + c.source_length > src_len {
            return Err(format!("{}: a case lies outside its documents", job.truth.display()));
        }
    }
    let detections = align_passages(&src, &susp, opts)
        .into_iter()
        .map(|p| Annotation {
            suspicious: job.suspicious.clone(),
            source: job.source.clone(),
            this_offset: p.target_start,
            this_length: p.target_end - p.target_start,
            source_offset: p.source_start,
            source_length: p.source_end - p.source_start,
        })
        .collect();
    Ok((cases, detections))
}

/// Aligns every pair of the corpus at `dir` (in parallel on the current rayon pool; the result
/// does not depend on the number of threads) and scores the detections per category and for
/// the entire corpus. `dir` is the corpus directory or a directory whose only corpus
/// sub-directory it is; `limit` takes the first pairs of each category only. Unreadable or
/// malformed files are errors naming the file.
pub fn evaluate(dir: &Path, opts: &PassageOptions, limit: Option<usize>) -> Result<PanReport, String> {
    let root = corpus_root(dir)?;
    let folders = category_folders(&root)?;
    let started = Instant::now();
    let mut categories = Vec::new();
    let mut no_plagiarism = NoPlagiarism { pairs: 0, detections: 0, pairs_with_detections: 0, seconds: 0.0 };
    let (mut all_cases, mut all_detections) = (Vec::new(), Vec::new());
    let mut all_pairs = 0;
    for (folder, path) in &folders {
        let name = category_name(folder);
        let jobs = read_pairs(path, limit)?;
        let t0 = Instant::now();
        let results: Vec<PairResult> = jobs.par_iter().map(|j| run_pair(&root, j, opts)).collect();
        let seconds = t0.elapsed().as_secs_f64();
        let (mut cases, mut detections) = (Vec::new(), Vec::new());
        let mut with_detections = 0;
        for r in results {
            let (c, d) = r?;
            with_detections += usize::from(!d.is_empty());
            cases.extend(c);
            detections.extend(d);
        }
        all_pairs += jobs.len();
        if name == "no-plagiarism" {
            no_plagiarism.pairs += jobs.len();
            no_plagiarism.detections += detections.len();
            no_plagiarism.pairs_with_detections += with_detections;
            no_plagiarism.seconds += seconds;
        } else {
            categories.push(CategoryScore {
                name,
                measures: measures(&cases, &detections),
                cases: cases.len(),
                detections: detections.len(),
                pairs: jobs.len(),
                seconds,
            });
        }
        all_cases.extend(cases);
        all_detections.extend(detections);
    }
    let entire = CategoryScore {
        name: "entire".into(),
        measures: measures(&all_cases, &all_detections),
        cases: all_cases.len(),
        detections: all_detections.len(),
        pairs: all_pairs,
        seconds: started.elapsed().as_secs_f64(),
    };
    Ok(PanReport {
        corpus: root.display().to_string(),
        limit,
        threads: rayon::current_num_threads(),
        options: opts.clone(),
        categories,
        no_plagiarism,
        entire,
    })
}

/// Runs [`evaluate`] on `threads` worker threads (default: one per core) and returns the
/// table, or the report as JSON.
pub fn run(dir: &Path, limit: Option<usize>, threads: Option<usize>, json: bool) -> Result<String, String> {
    let mut builder = rayon::ThreadPoolBuilder::new();
    if let Some(n) = threads {
        builder = builder.num_threads(n.max(1));
    }
    let pool = builder.build().map_err(|e| format!("cannot start the worker threads: {e}"))?;
    let report = pool.install(|| evaluate(dir, &PassageOptions::default(), limit))?;
    Ok(if json { serde_json::to_string_pretty(&report).map_err(|e| e.to_string())? + "\n" } else { report.table() })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ann(pair: usize, t: (usize, usize), s: (usize, usize)) -> Annotation {
        Annotation {
            suspicious: format!("suspicious-document{pair:05}.txt"),
            source: format!("source-document{pair:05}.txt"),
            this_offset: t.0,
            this_length: t.1,
            source_offset: s.0,
            source_length: s.1,
        }
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-12
    }

    #[test]
    fn perfect_detection_scores_one() {
        let cases = vec![ann(1, (100, 200), (0, 300)), ann(2, (0, 50), (10, 50))];
        let m = measures(&cases, &cases.clone());
        assert_eq!((m.plagdet, m.recall, m.precision, m.granularity), (1.0, 1.0, 1.0, 1.0));
    }

    #[test]
    fn half_covered_case_has_recall_one_half() {
        // Case: 100 chars in each document; the detection covers the first 50 of each.
        let cases = vec![ann(1, (1000, 100), (0, 100))];
        let dets = vec![ann(1, (1000, 50), (0, 50))];
        let m = measures(&cases, &dets);
        assert!(close(m.recall, 0.5) && close(m.precision, 1.0) && close(m.granularity, 1.0));
        assert!(close(m.plagdet, 2.0 * 0.5 / 1.5));
        // Uneven sides: 100 + 300 case chars, 100 + 100 covered → 0.5; the detection spills 100
        // chars outside the case on the source side → precision (100 + 100) / (100 + 200).
        let cases = vec![ann(1, (0, 100), (0, 300))];
        let dets = vec![ann(1, (0, 100), (200, 200))];
        let m = measures(&cases, &dets);
        assert!(close(m.recall, 0.5) && close(m.precision, 200.0 / 300.0));
    }

    #[test]
    fn two_detections_of_one_case_give_granularity_two() {
        let cases = vec![ann(1, (0, 100), (0, 100))];
        let dets = vec![ann(1, (0, 50), (0, 50)), ann(1, (50, 50), (50, 50))];
        let m = measures(&cases, &dets);
        assert!(close(m.recall, 1.0) && close(m.precision, 1.0) && close(m.granularity, 2.0));
        assert!(close(m.plagdet, 1.0 / 3f64.log2()));
    }

    #[test]
    fn detection_must_overlap_in_both_documents_and_pairs() {
        let cases = vec![ann(1, (0, 100), (0, 100))];
        // Overlaps in the suspicious document only; another pair; both count as false positives.
        let dets = vec![ann(1, (0, 100), (500, 100)), ann(2, (0, 100), (0, 100))];
        let m = measures(&cases, &dets);
        assert_eq!((m.recall, m.precision, m.plagdet, m.granularity), (0.0, 0.0, 0.0, 1.0));
    }

    #[test]
    fn detection_in_a_pair_without_plagiarism_lowers_precision() {
        let cases = vec![ann(1, (0, 100), (0, 100))];
        let dets = vec![ann(1, (0, 100), (0, 100)), ann(9, (0, 400), (0, 400))];
        let m = measures(&cases, &dets);
        assert!(close(m.recall, 1.0) && close(m.precision, 0.5) && close(m.granularity, 1.0));
        assert!(close(m.plagdet, 2.0 * 0.5 / 1.5));
        // Both sets empty: perfect; detections only: nothing.
        assert_eq!(measures(&[], &[]).plagdet, 1.0);
        assert_eq!(measures(&[], &dets).plagdet, 0.0);
    }

    #[test]
    fn overlapping_detections_are_counted_once() {
        let cases = vec![ann(1, (0, 100), (0, 100))];
        let dets = vec![ann(1, (0, 60), (0, 60)), ann(1, (40, 60), (40, 60))];
        let m = measures(&cases, &dets);
        assert!(close(m.recall, 1.0) && close(m.granularity, 2.0));
    }

    #[test]
    fn truth_files_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("t.xml");
        std::fs::write(
            &p,
            "<document reference=\"suspicious-document00005.txt\">\n<feature name=\"about\" authors=\"x\"/>\n\
             <feature name=\"plagiarism\" obfuscation='none' source_length=\"698\" source_offset=\"1300\" \
             source_reference=\"source-document01090.txt\" this_length=\"698\" this_offset=\"3593\" />\n</document>",
        )
        .unwrap();
        let cases = read_truth(&p, "suspicious-document00005.txt", "source-document01090.txt").unwrap();
        assert_eq!(
            cases,
            vec![Annotation {
                suspicious: "suspicious-document00005.txt".into(),
                source: "source-document01090.txt".into(),
                this_offset: 3593,
                this_length: 698,
                source_offset: 1300,
                source_length: 698,
            }]
        );
        std::fs::write(&p, "<document><feature name=\"plagiarism\" this_offset=\"x\"/></document>").unwrap();
        let err = read_truth(&p, "a", "b").unwrap_err();
        assert!(err.contains("t.xml"), "{err}");
        let err = read_truth(&dir.path().join("missing.xml"), "a", "b").unwrap_err();
        assert!(err.contains("missing.xml"), "{err}");
        assert!(evaluate(dir.path(), &PassageOptions::default(), None).unwrap_err().contains("not a PAN"));
    }

    #[test]
    fn overlaps_within_each_document_are_measured_separately() {
        // Case: chars 0..100 of both documents. Detections: 50..150 (covers half of each side)
        // and 25..100 (three quarters).
        let case = vec![ann(2, (0, 100), (0, 100))];
        let half = vec![ann(2, (50, 100), (50, 100))];
        let most = vec![ann(2, (25, 75), (25, 75))];
        let both = vec![half[0].clone(), most[0].clone()];
        assert!(close(measures(&case, &half).recall, 0.5));
        assert!(close(measures(&case, &most).recall, 0.75));
        assert!(close(measures(&case, &both).recall, 0.75));
        // Precision: the half detection is half inside, the other fully: (0.5 + 1) / 2.
        assert!(close(measures(&case, &both).precision, 0.75));
        // A detection twice as long as the case on both sides has precision 0.5; with a second
        // detection that misses the case in the suspicious document, the mean is 0.25.
        let case = vec![ann(1, (0, 100), (0, 100))];
        let long = ann(1, (0, 200), (0, 200));
        let beside = ann(1, (100, 100), (100, 100));
        assert!(close(measures(&case, std::slice::from_ref(&long)).precision, 0.5));
        let m = measures(&case, &[beside, long]);
        assert!(close(m.precision, 0.25) && close(m.granularity, 1.0));
        // Plagdet of recall 0.25, precision 0.75, granularity 2.
        let f1 = 2.0 * 0.25 * 0.75 / (0.25 + 0.75);
        assert!((f1 / 3f64.log2() - 0.236_598_65).abs() < 1e-8);
    }

    #[test]
    fn category_names() {
        assert_eq!(category_name("02-no-obfuscation"), "none");
        assert_eq!(category_name("05-summary-obfuscation"), "summary");
        assert_eq!(category_name("01-no-plagiarism"), "no-plagiarism");
    }
}
