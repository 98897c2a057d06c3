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
//!
//! With folds, a trained model (see [`wiretrace_claims::learned`]) is scored the same way by
//! cross-validation: article `i` is in fold `i mod K`, and each fold is read by a model trained
//! on the others.

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use serde::Serialize;

use super::brat::{read_compartment, Compartment, Gold, ROLES};
use super::{f1, ratio};
use wiretrace_claims::learned::{extract_article_learned, Annotated, AttributionModel, TrainOptions};
use wiretrace_claims::{extract_article, Claim, ClaimDetail};
use wiretrace_parse::{parse, Article, Format};

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
    /// The scores of a trained model, by cross-validation, when asked for.
    pub cross_validated: Option<CrossValidated>,
}

/// The scores of a model trained on all folds but one and tested on the one left out, each
/// fold in turn.
#[derive(Debug, Clone, Default, Serialize)]
pub struct CrossValidated {
    /// The number of folds.
    pub folds: usize,
    /// Training passes over the articles.
    pub epochs: usize,
    /// Scores per role, over every article (each read by the model that did not see it).
    pub roles: BTreeMap<String, RoleScore>,
    /// Time taken to train and read, in seconds.
    pub seconds: f64,
}

impl AttributionScore {
    /// A plain-text table.
    pub fn table(&self) -> String {
        let mut out = format!(
            "{} articles, {} annotated attributions; parsed and extracted in {:.2} s\n",
            self.articles, self.relations, self.seconds
        );
        out += &roles_table(&self.roles);
        if let Some(cv) = &self.cross_validated {
            out += &format!(
                "\ntrained model, {}-fold cross-validation ({} epochs; trained and read in {:.1} s)\n",
                cv.folds, cv.epochs, cv.seconds
            );
            out += &roles_table(&cv.roles);
        }
        for s in &self.skipped {
            out += &format!("skipped: {s}\n");
        }
        out
    }
}

/// The table of role scores.
fn roles_table(roles: &BTreeMap<String, RoleScore>) -> String {
    let mut out =
        String::from("role      gold  predicted  exact P  exact R  exact F1  overlap P  overlap R  overlap F1\n");
    for role in ROLES {
        if let Some(s) = roles.get(role) {
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
    out
}

/// Spans by role.
type Spans = BTreeMap<&'static str, Vec<(usize, usize)>>;

/// The attribution spans of an article's claims, per role.
fn predicted(claims: &[Claim]) -> Spans {
    let mut out = Spans::new();
    for claim in claims {
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

/// Scores attribution extraction on a PolNeAR compartment (`limit`: the first N articles).
///
/// With `folds`, a model is also trained and scored by cross-validation (see
/// [`wiretrace_claims::learned`]), with `options`.
pub fn evaluate(
    dir: &Path,
    limit: Option<usize>,
    folds: Option<usize>,
    options: TrainOptions,
) -> Result<AttributionScore, String> {
    use rayon::prelude::*;
    let Compartment { work, skipped } = read_compartment(dir, limit)?;
    let start = std::time::Instant::now();
    let articles: Vec<Article> =
        work.par_iter().map(|(id, text, _)| parse(id, None, text.clone(), Format::Text)).collect();
    let found: Vec<_> = articles.par_iter().map(|a| predicted(&extract_article(a))).collect();
    let seconds = start.elapsed().as_secs_f64();
    let golds: Vec<&Gold> = work.iter().map(|(_, _, g)| g).collect();
    let mut score = AttributionScore {
        articles: work.len(),
        relations: golds.iter().map(|g| g.relations).sum(),
        roles: role_scores(&golds, &found),
        seconds,
        skipped,
        cross_validated: None,
    };
    if let Some(folds) = folds {
        score.cross_validated = Some(cross_validate(&articles, &golds, folds, options)?);
    }
    Ok(score)
}

/// Scores per role of the predicted spans of each article against its gold.
fn role_scores(golds: &[&Gold], found: &[Spans]) -> BTreeMap<String, RoleScore> {
    let mut roles: BTreeMap<String, RoleScore> = BTreeMap::new();
    for (gold, pred) in golds.iter().zip(found) {
        for role in ROLES {
            let g = gold.spans.get(role).map_or(&[][..], Vec::as_slice);
            let p = pred.get(role).map_or(&[][..], Vec::as_slice);
            roles.entry(role.to_string()).or_default().add(g, p);
        }
    }
    roles.values_mut().for_each(RoleScore::finish);
    roles
}

/// Trains a model on all folds but one and reads the attributions of the one left out, for
/// each fold in turn (article `i` is in fold `i mod folds`).
fn cross_validate(
    articles: &[Article],
    golds: &[&Gold],
    folds: usize,
    options: TrainOptions,
) -> Result<CrossValidated, String> {
    use rayon::prelude::*;
    if folds < 2 || folds > articles.len() {
        return Err(format!(
            "{folds} folds: cross-validation needs at least 2 folds and no more folds than articles ({})",
            articles.len()
        ));
    }
    let start = std::time::Instant::now();
    let annotated: Vec<Annotated> =
        articles.iter().zip(golds).map(|(a, g)| Annotated { article: a.clone(), spans: g.role_spans() }).collect();
    let per_fold: Vec<Vec<(usize, Spans)>> = (0..folds)
        .into_par_iter()
        .map(|k| {
            let train: Vec<Annotated> =
                annotated.iter().enumerate().filter(|(i, _)| i % folds != k).map(|(_, a)| a.clone()).collect();
            let model = AttributionModel::train(&train, options)?;
            Ok((0..articles.len())
                .filter(|i| i % folds == k)
                .map(|i| (i, predicted(&extract_article_learned(&articles[i], None, &model))))
                .collect())
        })
        .collect::<Result<_, String>>()?;
    let mut found = vec![BTreeMap::new(); articles.len()];
    for (i, f) in per_fold.into_iter().flatten() {
        found[i] = f;
    }
    Ok(CrossValidated {
        folds,
        epochs: options.epochs,
        roles: role_scores(golds, &found),
        seconds: start.elapsed().as_secs_f64(),
    })
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
             E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\nT5\tSource x y\tbroken\n\
             T6\tCue 9 3\treversed\nT7\tCue 0 9000\tpast the end\n",
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
        // The relation links the cue to its content, as the model learns them.
        let (docs, _) = super::super::brat::training_set(dir.path(), None).expect("read");
        let spans = &docs[0].spans;
        assert_eq!(spans.links, [(0, 0)]);
        assert_eq!((spans.cues[0].0, spans.contents[0].0), (cue, content));
        let score = evaluate(dir.path(), None, None, TrainOptions::default()).expect("scored");
        assert_eq!((score.articles, score.relations), (1, 1));
        assert_eq!(score.skipped.len(), 3, "{:?}", score.skipped);
        assert!(score.skipped[1].contains("offsets unreadable: Cue 9 3"), "{:?}", score.skipped);
        assert!(score.skipped[2].contains("after the article's end (76 characters)"), "{:?}", score.skipped);
        let cue_score = &score.roles["cue"];
        assert_eq!((cue_score.gold, cue_score.exact), (1, 1));
        let content_score = &score.roles["content"];
        assert_eq!(content_score.gold, 1);
        assert_eq!(content_score.gold_overlapped, 1);
        assert!(score.roles["source"].overlap_f1 > 0.0);
        let missing = evaluate(&dir.path().join("missing"), None, None, TrainOptions::default()).unwrap_err();
        assert!(missing.contains("not a PolNeAR compartment"), "{missing}");
        // One article cannot be cross-validated.
        let folds = evaluate(dir.path(), None, Some(2), TrainOptions::default()).unwrap_err();
        assert!(folds.contains("no more folds than articles (1)"), "{folds}");
    }
}
