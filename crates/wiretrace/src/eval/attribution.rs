//! Attribution extraction against PolNeAR (Newell, Margolin & Ruths, LREC 2018): political news
//! articles with BRAT standoff annotations of attribution relations, each a source, a cue and
//! a content span (`T1 Source 110 112 we`, tab-separated, character offsets into the article
//! text).
//!
//! Every article is parsed as plain text and its attribution claims are compared, role by role,
//! with the annotated spans: **exact** (same start and end, each gold span matched at most
//! once) and **overlap** (precision: predicted spans that overlap some gold span of the role;
//! recall: gold spans that some predicted span overlaps). A discontinuous gold span counts as
//! its outer extent. Where several annotators marked an article, the first annotation file
//! (by name) is the gold, so that each article counts once.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::{f1, ratio};
use wiretrace_claims::{extract_article, ClaimDetail};
use wiretrace_parse::{parse, Format};

/// The roles of an attribution.
const ROLES: [&str; 3] = ["source", "cue", "content"];

/// Scores of one role.
#[derive(Debug, Clone, Default, Serialize)]
pub struct RoleScore {
    /// Annotated spans.
    pub gold: usize,
    /// Extracted spans.
    pub predicted: usize,
    /// Extracted spans equal to an annotated one (one to one).
    pub exact: usize,
    /// Extracted spans overlapping an annotated one.
    pub predicted_overlapping: usize,
    /// Annotated spans overlapped by an extracted one.
    pub gold_overlapped: usize,
    /// Exact-match precision, recall and F1.
    pub exact_precision: f64,
    /// See `exact_precision`.
    pub exact_recall: f64,
    /// See `exact_precision`.
    pub exact_f1: f64,
    /// Overlap precision, recall and F1.
    pub overlap_precision: f64,
    /// See `overlap_precision`.
    pub overlap_recall: f64,
    /// See `overlap_precision`.
    pub overlap_f1: f64,
}

impl RoleScore {
    fn add(&mut self, gold: &[(usize, usize)], predicted: &[(usize, usize)]) {
        let gold_set: HashSet<&(usize, usize)> = gold.iter().collect();
        let predicted_set: HashSet<&(usize, usize)> = predicted.iter().collect();
        let overlaps = |a: &(usize, usize), b: &(usize, usize)| a.0 < b.1 && b.0 < a.1;
        self.gold += gold_set.len();
        self.predicted += predicted_set.len();
        self.exact += predicted_set.intersection(&gold_set).count();
        self.predicted_overlapping += predicted_set.iter().filter(|p| gold_set.iter().any(|g| overlaps(p, g))).count();
        self.gold_overlapped += gold_set.iter().filter(|g| predicted_set.iter().any(|p| overlaps(p, g))).count();
    }

    fn finish(&mut self) {
        self.exact_precision = ratio(self.exact, self.predicted);
        self.exact_recall = ratio(self.exact, self.gold);
        self.exact_f1 = f1(self.exact_precision, self.exact_recall);
        self.overlap_precision = ratio(self.predicted_overlapping, self.predicted);
        self.overlap_recall = ratio(self.gold_overlapped, self.gold);
        self.overlap_f1 = f1(self.overlap_precision, self.overlap_recall);
    }
}

/// The scores over a PolNeAR compartment.
#[derive(Debug, Clone, Default, Serialize)]
pub struct AttributionScore {
    /// Articles scored.
    pub articles: usize,
    /// Annotated attribution relations in them.
    pub relations: usize,
    /// Scores per role (`source`, `cue`, `content`).
    pub roles: BTreeMap<String, RoleScore>,
    /// Time taken to parse and extract, in seconds.
    pub seconds: f64,
    /// Annotation lines that could not be read (file:line: reason); they are left out.
    pub skipped: Vec<String>,
}

impl AttributionScore {
    /// A plain-text table.
    pub fn table(&self) -> String {
        let mut out = format!(
            "{} articles, {} annotated attributions; parsed and extracted in {:.2} s\n",
            self.articles, self.relations, self.seconds
        );
        out += "role      gold  predicted  exact P  exact R  exact F1  overlap P  overlap R  overlap F1\n";
        for role in ROLES {
            if let Some(s) = self.roles.get(role) {
                out += &format!(
                    "{role:<8} {:>5}  {:>9}  {:>7.3}  {:>7.3}  {:>8.3}  {:>9.3}  {:>9.3}  {:>10.3}\n",
                    s.gold,
                    s.predicted,
                    s.exact_precision,
                    s.exact_recall,
                    s.exact_f1,
                    s.overlap_precision,
                    s.overlap_recall,
                    s.overlap_f1
                );
            }
        }
        for s in &self.skipped {
            out += &format!("skipped: {s}\n");
        }
        out
    }
}

/// The annotated spans of one article, per role, and the number of relations.
#[derive(Debug, Default)]
struct Gold {
    spans: BTreeMap<&'static str, Vec<(usize, usize)>>,
    relations: usize,
}

/// Reads a BRAT standoff file: `T` lines of type Source, Cue or Content; `E` lines count the
/// relations. Lines that cannot be read are reported in `skipped`.
fn read_ann(path: &Path, skipped: &mut Vec<String>) -> Result<Gold, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let mut gold = Gold::default();
    for (n, line) in text.lines().enumerate() {
        if line.starts_with('E') {
            gold.relations += 1;
            continue;
        }
        if !line.starts_with('T') {
            continue;
        }
        let mut fields = line.split('\t');
        let (Some(_), Some(spec)) = (fields.next(), fields.next()) else {
            skipped.push(format!("{}:{}: no tab-separated type and offsets", path.display(), n + 1));
            continue;
        };
        let mut parts = spec.splitn(2, ' ');
        let kind = parts.next().unwrap_or("");
        let Some(role) = ROLES.iter().find(|r| r.eq_ignore_ascii_case(kind)).copied() else { continue };
        let offsets: Option<Vec<usize>> =
            parts.next().unwrap_or("").split([' ', ';']).filter(|s| !s.is_empty()).map(|s| s.parse().ok()).collect();
        // Fragments of a discontinuous span may come in any order: take the outer extent.
        let extent = offsets.as_deref().and_then(|o| Some((*o.iter().min()?, *o.iter().max()?)));
        match extent {
            Some((start, end)) if start < end && offsets.as_ref().is_some_and(|o| o.len() % 2 == 0) => {
                gold.spans.entry(role).or_default().push((start, end));
            }
            _ => skipped.push(format!("{}:{}: offsets unreadable: {spec}", path.display(), n + 1)),
        }
    }
    Ok(gold)
}

/// The extracted attribution spans of an article, per role.
fn predicted(id: &str, text: String) -> BTreeMap<&'static str, Vec<(usize, usize)>> {
    let article = parse(id, None, text, Format::Text);
    let mut out: BTreeMap<&'static str, Vec<(usize, usize)>> = BTreeMap::new();
    for claim in extract_article(&article) {
        if let ClaimDetail::Attribution { source, cue, content } = &claim.detail {
            out.entry("source").or_default().push((source.span.start, source.span.end));
            out.entry("cue").or_default().push((cue.start, cue.end));
            if let Some(c) = content {
                out.entry("content").or_default().push((c.start, c.end));
            }
        }
    }
    out
}

/// Finds the `text/` and `attributions/` folders under `dir` (the compartment itself, or a
/// PolNeAR folder with a `train/` compartment).
fn folders(dir: &Path) -> Result<(PathBuf, PathBuf), String> {
    for base in [dir.to_path_buf(), dir.join("train")] {
        let (text, ann) = (base.join("text"), base.join("attributions"));
        if text.is_dir() && ann.is_dir() {
            return Ok((text, ann));
        }
    }
    Err(format!(
        "{}: not a PolNeAR compartment (expected text/ and attributions/ folders, here or in train/)",
        dir.display()
    ))
}

/// Scores attribution extraction on a PolNeAR compartment (`limit`: the first N articles).
pub fn evaluate(dir: &Path, limit: Option<usize>) -> Result<AttributionScore, String> {
    use rayon::prelude::*;
    let (text_dir, ann_dir) = folders(dir)?;
    let mut anns: Vec<PathBuf> = std::fs::read_dir(&ann_dir)
        .map_err(|e| format!("cannot list {}: {e}", ann_dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ann"))
        .collect();
    anns.sort();
    // One annotation file per article: `<article>_<annotator>.ann`, the first by name.
    let mut by_article: BTreeMap<String, PathBuf> = BTreeMap::new();
    for p in anns {
        let stem = p.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_string();
        let article = stem.rsplit_once('_').map_or(stem.clone(), |(a, _)| a.to_string());
        by_article.entry(article).or_insert(p);
    }
    let mut skipped = Vec::new();
    let mut work: Vec<(String, String, Gold)> = Vec::new();
    for (article, ann) in by_article.into_iter().take(limit.unwrap_or(usize::MAX)) {
        let path = text_dir.join(format!("{article}.txt"));
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => {
                skipped.push(format!("{}: cannot read the article: {e}", path.display()));
                continue;
            }
        };
        let gold = read_ann(&ann, &mut skipped)?;
        work.push((article, text, gold));
    }
    if work.is_empty() {
        return Err(format!("{}: no article with annotations", dir.display()));
    }
    let start = std::time::Instant::now();
    let found: Vec<BTreeMap<&'static str, Vec<(usize, usize)>>> =
        work.par_iter().map(|(id, text, _)| predicted(id, text.clone())).collect();
    let seconds = start.elapsed().as_secs_f64();
    let mut score = AttributionScore { articles: work.len(), seconds, skipped, ..Default::default() };
    for ((_, _, gold), pred) in work.iter().zip(&found) {
        score.relations += gold.relations;
        for role in ROLES {
            let g = gold.spans.get(role).map_or(&[][..], Vec::as_slice);
            let p = pred.get(role).map_or(&[][..], Vec::as_slice);
            score.roles.entry(role.to_string()).or_default().add(g, p);
        }
    }
    score.roles.values_mut().for_each(RoleScore::finish);
    Ok(score)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brat_spans_and_role_scores() {
        let dir = tempfile::tempdir().expect("temp dir");
        let base = dir.path().join("train");
        std::fs::create_dir_all(base.join("text")).unwrap();
        std::fs::create_dir_all(base.join("attributions")).unwrap();
        let text = "Budget talks stall\n\nThe talks stalled on Monday, the finance minister said.\n";
        std::fs::write(base.join("text/a1.txt"), text).unwrap();
        let offset = |s: &str| text.find(s).unwrap();
        let (src, cue, content) = (offset("the finance minister"), offset("said"), offset("The talks"));
        let ann = format!(
            "T1\tSource {src} {}\tthe finance minister\nT2\tCue {cue} {}\tsaid\n\
             T3\tContent {content} {};{} {}\tThe talks stalled on Monday\nT4\tAttribution {cue} {}\tsaid\n\
             E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\nT5\tSource x y\tbroken\n",
            src + 20,
            cue + 4,
            content + 9,
            content + 10,
            content + 27,
            cue + 4
        );
        std::fs::write(base.join("attributions/a1_ann1.ann"), &ann).unwrap();
        // A second annotator's file for the same article is not used.
        std::fs::write(base.join("attributions/a1_ann2.ann"), "T1\tSource 0 3\tBud\n").unwrap();
        let score = evaluate(dir.path(), None).expect("scored");
        assert_eq!((score.articles, score.relations), (1, 1));
        assert_eq!(score.skipped.len(), 1, "{:?}", score.skipped);
        let cue_score = &score.roles["cue"];
        assert_eq!((cue_score.gold, cue_score.exact), (1, 1));
        let content_score = &score.roles["content"];
        assert_eq!(content_score.gold, 1);
        assert_eq!(content_score.gold_overlapped, 1);
        assert!(score.roles["source"].overlap_f1 > 0.0);
        assert!(evaluate(&dir.path().join("missing"), None).unwrap_err().contains("not a PolNeAR compartment"));
    }
}
