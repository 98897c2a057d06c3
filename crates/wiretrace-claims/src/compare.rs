//! Drifts: claims compared across the aligned versions of one story.
//!
//! Every version is compared with a reference version (the cluster's source when known,
//! otherwise the version most linked to the others) through its sentence links: the
//! quantities, attributions, quotes, hedges, negations, places and causes of each linked
//! sentence pair are compared, and every difference becomes a drift on the version that
//! differs, with the reference's span as evidence. Sentences linked to no other version are
//! unsupported claims; captions dated away from the story are caption mismatches.

use crate::added::added_phrase;
use crate::figures::{replaced, same_thing, stated_in, stating, Figure};
use crate::lexicon::is_pronoun_source;
use crate::model::{Approximator, Claim, ClaimDetail, Drift, DriftKind, Evidence, Span};
use crate::rules::{
    both_public_bodies, comparable_value, content_stems, counted_stems, frame, given_as_estimate, is_description,
    mentioned_alike, same_source, scope_kept, stance_shift, stances, words, IMPLICIT_NEGATIONS, NEGATION, STEMMER,
};
use crate::shares::{share_of, Share};
use crate::sites::{mentions_noun, sites};
use crate::support::{Support, COUNTERPART, SUPPORTED};
use regex::Regex;
use similar::{capture_diff_slices, diff_ratio};
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;
use wiretrace_parse::{tokenize, Article, Role};
use wiretrace_similarity::Alignment;

static UNKNOWN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)not (?:yet )?(?:known|clear|determined|established)(?-u:\b)|(?-u:\b)unknown(?-u:\b)|(?-u:\b)unclear(?-u:\b)|(?-u:\b)under investigation(?-u:\b)|(?-u:\b)being investigated(?-u:\b)|(?-u:\b)no indication(?-u:\b)").unwrap()
});
static CAUSAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:caused by|due to|because of|blamed on|triggered by|the result of|sparked by|started by)(?-u:\b)")
        .unwrap()
});
/// Event nouns (in their canonical synonym form) that a cause can be about.
const EVENT_NOUNS: &[&str] = &[
    "explosion",
    "fire",
    "attack",
    "crash",
    "collapse",
    "flood",
    "outbreak",
    "shooting",
    "blackout",
    "derailment",
    "leak",
    "spill",
    "accident",
    "incident",
    "failure",
    "outage",
    "sinking",
];
static YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?-u:\b)(?:19|20)\d\d(?-u:\b)").unwrap());
static FILE_PHOTO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:file (?:photo|picture|image)|archive (?:photo|picture|image)|archive)(?-u:\b)").unwrap()
});

/// One version of a story: its parsed article and the claims extracted from it.
#[derive(Debug, Clone, Copy)]
pub struct Version<'a> {
    /// The parsed article.
    pub article: &'a Article,
    /// Its claims (from [`crate::extract_article`]).
    pub claims: &'a [Claim],
}

impl Version<'_> {
    fn name(&self) -> &str {
        self.article.outlet.as_deref().unwrap_or(&self.article.id)
    }

    fn sentence_span(&self, i: usize) -> Span {
        let s = &self.article.sentences[i];
        Span { start: s.start, end: s.end, text: s.text.clone() }
    }
}

/// The story text of a version: its body sentences (no boilerplate, tags or captions).
fn story_text(v: &Version<'_>) -> String {
    v.article.sentences.iter().map(|s| s.text.as_str()).collect::<Vec<_>>().join("\n")
}

fn evidence(v: &Version<'_>, span: &Span) -> Evidence {
    Evidence { document: v.article.id.clone(), start: span.start, end: span.end, text: span.text.clone() }
}

/// How far, in sentences, a rewrite may move a reworded sentence from where the sentences
/// around it in the reference are aligned.
const NEAR_SENTENCES: usize = 3;

/// Finds the drifts of a cluster.
///
/// `alignments` maps a pair of version indices `(i, j)` with `i < j` to the alignment of
/// version `i` (side a) with version `j` (side b). `reference` is the version the others are
/// compared with; `source_known` says whether it is the cluster's real source (then its own
/// unique sentences are not unsupported claims).
pub fn find_drifts(
    versions: &[Version<'_>],
    alignments: &HashMap<(usize, usize), Alignment>,
    reference: usize,
    source_known: bool,
) -> Vec<Drift> {
    let n = versions.len();
    if n < 2 {
        return Vec::new();
    }
    let by_sentence: Vec<Vec<Vec<&Claim>>> = versions
        .iter()
        .map(|v| {
            let mut per = vec![Vec::new(); v.article.sentences.len()];
            for c in v.claims {
                if let Some(slot) = per.get_mut(c.sentence) {
                    slot.push(c);
                }
            }
            per
        })
        .collect();
    let places: HashSet<String> = versions
        .iter()
        .flat_map(|v| v.claims.iter())
        .filter_map(|c| match &c.detail {
            ClaimDetail::Entity { entity_type, name } if entity_type == "place" => Some(words(name).join(" ")),
            _ => None,
        })
        .collect();
    let folded = versions.iter().map(|v| format!(" {} ", words(&story_text(v)).join(" "))).collect();
    let ctx = Ctx {
        versions,
        folded,
        by_sentence: &by_sentence,
        places: &places,
        support: Support::new(versions),
        reference_hint: reference,
    };
    let mut drifts = Vec::new();
    for r in (0..n).filter(|&r| r != reference) {
        let pairs = links(alignments, reference, r);
        for &(s_ref, s_r) in &pairs {
            ctx.compare(reference, s_ref, r, s_r, &mut drifts);
        }
        // Sentences too reworded to be aligned are compared with their counterpart by content.
        let counterparts = ctx.support.counterparts(r, reference, &pairs);
        for &(s_r, s_ref) in &counterparts {
            ctx.compare(reference, s_ref, r, s_r, &mut drifts);
        }
        // A reference sentence merged into the counterpart of its neighbour ("A, and B" for
        // "A. B."): aligned with nothing, but what it says (who it credits left aside, as a
        // merge may drop them) is carried by the sentence its neighbour is aligned with.
        let linked_ref: HashSet<usize> =
            pairs.iter().map(|&(s, _)| s).chain(counterparts.iter().map(|&(_, s)| s)).collect();
        let ref_sentences = versions[reference].article.sentences.len();
        for &(s_ref, s_r) in &pairs {
            for next in [s_ref.checked_sub(1), Some(s_ref + 1)].into_iter().flatten() {
                if next >= ref_sentences || linked_ref.contains(&next) {
                    continue;
                }
                if ctx.support.shared_except(reference, next, r, s_r, &ctx.credits(reference, next)) >= COUNTERPART {
                    ctx.compare(reference, next, r, s_r, &mut drifts);
                } else {
                    ctx.merged_stance(reference, s_ref, next, r, s_r, &mut drifts);
                }
            }
        }
        // A clause split off a reference sentence into a sentence of its own ("A, killing
        // two soldiers." as "A." and "Two soldiers were killed."): aligned with nothing, it
        // carries what the reference sentence aligned with another of its version's
        // sentences says beyond that sentence.
        let mut done: HashSet<usize> =
            pairs.iter().map(|&(_, s)| s).chain(counterparts.iter().map(|&(s, _)| s)).collect();
        for s_r in 0..versions[r].article.sentences.len() {
            if done.contains(&s_r) {
                continue;
            }
            let credits = ctx.credits(r, s_r);
            let split_from = pairs
                .iter()
                .map(|&(s_ref, _)| (s_ref, ctx.support.shared_except(r, s_r, reference, s_ref, &credits)))
                .filter(|&(_, score)| score >= COUNTERPART)
                .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
            if let Some((s_ref, _)) = split_from {
                ctx.compare(reference, s_ref, r, s_r, &mut drifts);
                done.insert(s_r);
            }
        }
        // A sentence aligned with nothing that reverses the stance of a reference sentence
        // aligned with nothing, near where that sentence's aligned neighbours put it
        // ("likely to be the last" for "left the door open to more increases"): the same
        // claim, reworded past recognition but for its subject.
        let near = |s_ref: usize, s_r: usize| {
            pairs
                .iter()
                .min_by_key(|&&(k, _)| k.abs_diff(s_ref))
                .is_some_and(|&(_, k)| k.abs_diff(s_r) <= NEAR_SENTENCES)
        };
        for s_r in 0..versions[r].article.sentences.len() {
            if done.contains(&s_r) {
                continue;
            }
            for s_ref in (0..ref_sentences).filter(|&s| !linked_ref.contains(&s) && near(s, s_r)) {
                if ctx.reversed_stance(reference, s_ref, r, s_r, &mut drifts) {
                    done.insert(s_r);
                    break;
                }
            }
        }
        // Still without a counterpart: through a third version aligned with both.
        for o in (0..n).filter(|&o| o != r && o != reference) {
            let to_ref = links(alignments, o, reference);
            for (s_r, t) in links(alignments, r, o) {
                if done.contains(&s_r) {
                    continue;
                }
                // (and sharing some content with it directly: links compound their errors).
                let via: Vec<usize> = to_ref
                    .iter()
                    .filter(|&&(x, y)| x == t && ctx.support.shared(r, s_r, reference, y) >= SUPPORTED)
                    .map(|&(_, y)| y)
                    .collect();
                for &s_ref in &via {
                    ctx.compare(reference, s_ref, r, s_r, &mut drifts);
                }
                if !via.is_empty() {
                    done.insert(s_r);
                }
            }
        }
    }
    for r in (0..n).filter(|&r| r != reference) {
        ctx.cause_shifts(reference, r, &mut drifts);
    }
    for r in (0..n).filter(|&r| !(r == reference && source_known)) {
        ctx.reworded_quotes(r, &mut drifts);
        ctx.details(alignments, r, reference, &mut drifts);
    }
    for r in 0..n {
        if r == reference && source_known {
            continue;
        }
        ctx.unsupported(alignments, r, &mut drifts);
    }
    for r in 0..n {
        ctx.captions(r, &mut drifts);
    }
    let mut seen = HashSet::new();
    drifts.retain(|d| seen.insert((d.document.clone(), d.kind, d.start, d.end)));
    drifts.sort_by(|a, b| (a.document.as_str(), a.start, a.kind).cmp(&(b.document.as_str(), b.start, b.kind)));
    drifts
}

/// Sentence links between versions `x` and `y`, as (sentence of x, sentence of y).
fn links(alignments: &HashMap<(usize, usize), Alignment>, x: usize, y: usize) -> Vec<(usize, usize)> {
    if x < y {
        alignments.get(&(x, y)).map(|a| a.links.iter().map(|l| (l.a, l.b)).collect()).unwrap_or_default()
    } else {
        alignments.get(&(y, x)).map(|a| a.links.iter().map(|l| (l.b, l.a)).collect()).unwrap_or_default()
    }
}

/// The links of version `x` with each of the `n` versions (none with itself), as pairs
/// (sentence of `x`, sentence of the other).
fn links_by_version(alignments: &HashMap<(usize, usize), Alignment>, x: usize, n: usize) -> Vec<Vec<(usize, usize)>> {
    (0..n).map(|y| if y == x { Vec::new() } else { links(alignments, x, y) }).collect()
}

/// A quotation's content span, its words and its content stems.
type QuoteWords<'a> = (&'a Span, Vec<String>, Vec<String>);

struct Ctx<'a, 'b> {
    versions: &'a [Version<'b>],
    /// Each version's story text as normalised words joined by spaces (apostrophes, case and
    /// possessives folded), for "does anyone else mention this name" look-ups.
    folded: Vec<String>,
    by_sentence: &'a [Vec<Vec<&'b Claim>>],
    places: &'a HashSet<String>,
    support: Support,
    /// The version the others are compared with.
    reference_hint: usize,
}

/// Content words a caption shares with the reference sentence it describes, at least.
const CAPTION_SHARED: usize = 3;

/// Content words a reference sentence naming a place shares with a rewrite's sentence for the
/// rewrite to have taken the place with the fact.
const TOLD_THERE: usize = 4;

/// The country of an article's dateline, its last part after a comma ("Tarrowgate,
/// Solvane" gives "Solvane").
fn dateline_country(article: &Article) -> Option<String> {
    let place = article.dateline.as_deref()?;
    let (_, country) = place.rsplit_once(',')?;
    let country = country.trim();
    (country.chars().count() >= 4).then(|| country.to_string())
}

/// Whether a place's name is the country or a word made from it ("Solvanian" for Solvane,
/// "Tavrennian" for Tavrenne).
fn names_country(name: &str, country: &str) -> bool {
    let (name, country) = (name.trim().to_lowercase(), country.to_lowercase());
    let stem: String = country.chars().take(country.chars().count().saturating_sub(1)).collect();
    name == country
        || (name.starts_with(&stem) && !name.contains(' ') && name.chars().count() <= country.chars().count() + 4)
}

/// Whether a place's name is an adjective made from a country the article names ("Pellandrian"
/// where "Pellandria" is named): one capitalised word ending as such adjectives do.
fn country_adjective(article: &Article, name: &str) -> bool {
    let name = name.trim();
    let adjective = !name.contains(' ')
        && name.starts_with(char::is_uppercase)
        && ["n", "ese", "ish", "i"].iter().any(|e| name.ends_with(e));
    adjective
        && article
            .text
            .split(|c: char| !c.is_alphabetic())
            .any(|w| w != name && w.chars().count() >= 4 && w.starts_with(char::is_uppercase) && made_from(name, w))
}

/// Whether an adjective is made from a country's name: as [`names_country`] reads it, or an
/// "-ish" made from a "-land" ("Polish", "Quorlish").
fn made_from(adjective: &str, country: &str) -> bool {
    names_country(adjective, country)
        || (adjective.ends_with("ish")
            && country.strip_suffix("land").is_some_and(|root| root.len() >= 2 && adjective.starts_with(root)))
}

/// Whether `day` is the first or last day of the year `year` ("the end of 2025" and "2025").
fn year_edge_of(day: &str, year: &str) -> bool {
    year.len() == 4 && day.starts_with(year) && (day.ends_with("-12-31") || day.ends_with("-01-01")) && day.len() == 10
}

/// Prepositions a time expression may open with.
const TIME_PREPOSITIONS: &[&str] = &["since", "in", "on", "from", "until", "till", "by", "during", "after", "before"];

fn quantity_phrase(approx: Approximator, number: &str) -> String {
    if approx == Approximator::Exactly {
        number.to_string()
    } else {
        format!("{} {number}", approx.phrase())
    }
}

impl Ctx<'_, '_> {
    fn claims(&self, v: usize, s: usize) -> &[&Claim] {
        self.by_sentence[v].get(s).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The words of a sentence that credit what it says: its attributions' sources and cues.
    fn credits(&self, v: usize, s: usize) -> String {
        let mut out = String::new();
        for c in self.claims(v, s) {
            if let ClaimDetail::Attribution { source, cue, .. } = &c.detail {
                out += &format!(" {} {}", source.span.text, cue.text);
            }
        }
        out
    }

    fn neighbour_claims(&self, v: usize, s: usize) -> impl Iterator<Item = &&Claim> {
        let lo = s.saturating_sub(1);
        (lo..=s + 1).filter(move |&k| k != s).flat_map(move |k| self.claims(v, k).iter())
    }

    /// Sources as named, with "he" or "she" read as the one person the sentence before (in
    /// the same paragraph) credits: "Sandor had asked for ten years. Speaking after the
    /// hearing, he said …" credits Sandor.
    fn resolved(&self, v: usize, s: usize, names: Vec<(String, Span)>) -> Vec<(String, Span)> {
        let sentences = &self.versions[v].article.sentences;
        let before = s.checked_sub(1).filter(|&p| sentences[p].block == sentences[s].block);
        let person = before.and_then(|p| {
            let mut named: Vec<&str> = self
                .claims(v, p)
                .iter()
                .filter_map(|c| match &c.detail {
                    ClaimDetail::Attribution { source, .. } if !is_pronoun_source(&source.name) => {
                        Some(source.name.as_str())
                    }
                    _ => None,
                })
                .collect();
            named.dedup_by(|a, b| same_source(a, b));
            (named.len() == 1 && named[0].starts_with(char::is_uppercase)).then(|| named[0].to_string())
        });
        names
            .into_iter()
            .map(|(n, sp)| match &person {
                Some(p) if matches!(n.to_lowercase().as_str(), "he" | "she") => (p.clone(), sp),
                _ => (n, sp),
            })
            .collect()
    }

    /// Whether a sentence beside sentence `s_r` of version `r` credits one of the sources
    /// `credited` ("…, Vollan said. …"), so that a reader takes `s_r` as theirs too. Not
    /// when `s_r` is hedged: a judgement ("was probably overloaded, but it is too early to
    /// say …") left without its source reads as the outlet's own.
    fn carried_from_neighbour(&self, r: usize, s_r: usize, credited: &[(String, Span)]) -> bool {
        let hedged = self.claims(r, s_r).iter().any(|c| matches!(c.detail, ClaimDetail::Hedge { .. }));
        !hedged
            && self.neighbour_claims(r, s_r).any(|c| {
                matches!(&c.detail, ClaimDetail::Attribution { source, .. }
                    if credited.iter().any(|(n, _)| same_source(n, &source.name)))
            })
    }

    fn drift(&self, v: usize, kind: DriftKind, span: Span, evidence: Vec<Evidence>, explanation: String) -> Drift {
        Drift {
            document: self.versions[v].article.id.clone(),
            kind,
            start: span.start,
            end: span.end,
            text: span.text,
            evidence,
            explanation,
        }
    }

    fn compare(&self, rf: usize, s_ref: usize, r: usize, s_r: usize, out: &mut Vec<Drift>) {
        let (vref, vr) = (&self.versions[rf], &self.versions[r]);
        let cref = self.claims(rf, s_ref);
        let cr = self.claims(r, s_r);
        let ref_sentence = vref.sentence_span(s_ref);
        let r_sentence = vr.sentence_span(s_r);

        // Quantities.
        for q in cr.iter().filter(|c| c.detail.kind() == "quantity") {
            let ClaimDetail::Quantity { value, upper, approximator, number, counted, event } = &q.detail else {
                continue;
            };
            // The same measurement in another unit, in the reference's sentence or the ones
            // beside it, or beside it in this sentence ("80 km/h (about 50 mph)").
            let near_ref = (s_ref.saturating_sub(1)..=s_ref + 1).flat_map(|k| self.claims(rf, k).iter().copied());
            if near_ref.chain(cr.iter().copied()).any(|c| crate::units::converted(q, c)) {
                continue;
            }
            let share = share_of(*value, number, counted.as_ref(), &r_sentence);
            let value = &comparable_value(*value, counted.as_ref());
            let compatible = cref.iter().filter_map(|c| match &c.detail {
                ClaimDetail::Quantity {
                    value: v2,
                    upper: u2,
                    approximator: a2,
                    number: n2,
                    counted: c2,
                    event: e2,
                } => {
                    // Two shares are compared as per cents, of the same whole.
                    if let (Some(a), Some(b)) = (&share, share_of(*v2, n2, c2.as_ref(), &ref_sentence)) {
                        return self.compatible_shares(a, &b, (&r_sentence, q), (&ref_sentence, c)).map(
                            |(same, rank)| {
                                // The same share reads the same; a fraction rounded to a per
                                // cent may take "about" ("two-thirds", "about 67 percent").
                                if same {
                                    let rounded = a.rounds_to(&b) || b.rounds_to(a);
                                    let loose =
                                        |x: Approximator| matches!(x, Approximator::Exactly | Approximator::About);
                                    let a2 =
                                        if rounded && loose(*a2) && loose(*approximator) { *approximator } else { *a2 };
                                    (*c, *value, a2, n2, *u2, rank)
                                } else {
                                    (*c, comparable_value(*v2, c2.as_ref()), *a2, n2, *u2, rank)
                                }
                            },
                        );
                    }
                    let v2 = &comparable_value(*v2, c2.as_ref());
                    // A figure the rewrite's sentence repeats is no figure this one replaced
                    // ("three contracts worth 1.1 billion crowns, the largest of them 640
                    // million crowns").
                    let repeated = cr.iter().any(|o| {
                        !std::ptr::eq(*o, *q)
                            && Figure::of(o).is_some_and(|f| f.value == *v2 && same_thing(f.counted, c2.as_ref()))
                    });
                    if repeated {
                        return None;
                    }
                    let events_agree = match (event, e2) {
                        (Some(x), Some(y)) => Some(x.name == y.name),
                        _ => None,
                    };
                    let counted_agree = match (counted, c2) {
                        (Some(x), Some(y)) => {
                            let (sx, sy) = (counted_stems(&x.text), counted_stems(&y.text));
                            Some(sx.iter().any(|w| sy.contains(w)))
                        }
                        _ => None,
                    };
                    let ok = match (events_agree, counted_agree) {
                        (Some(false), _) => false,
                        (Some(true), _) => true,
                        (None, Some(c)) => c,
                        // Bare figures: the same value, or the same frame ("rose to _ in").
                        (None, None) => {
                            let (fa, fb) = (frame(&r_sentence, q.start, q.end), frame(&ref_sentence, c.start, c.end));
                            v2 == value || (!fa.0.is_empty() && fa.0 == fb.0) || (!fa.1.is_empty() && fa.1 == fb.1)
                        }
                    };
                    // Candidates counting the same thing come first.
                    let rank = u8::from(counted_agree == Some(true)) * 2 + u8::from(events_agree == Some(true));
                    ok.then_some((*c, *v2, *a2, n2, *u2, rank))
                }
                _ => None,
            });
            let mut candidates: Vec<_> = compatible.collect();
            candidates.sort_by_key(|x| std::cmp::Reverse(x.5));
            // A range reads the same only with the same bounds.
            // A figure given as an estimate is roughly that figure, "about" or not ("estimated
            // that 38 million" for "an estimated 38 million").
            let rough = |a: &Approximator| matches!(a, Approximator::Exactly | Approximator::About);
            let estimated = given_as_estimate(&r_sentence, number.start);
            let reads_alike = |a2: &Approximator, n2: &Span| {
                a2 == approximator
                    || (rough(a2) && rough(approximator) && (estimated || given_as_estimate(&ref_sentence, n2.start)))
            };
            if candidates.iter().any(|(_, v2, a2, n2, u2, _)| v2 == value && reads_alike(a2, n2) && u2 == upper) {
                continue;
            }
            let Some(figure) = Figure::of(q) else { continue };
            // The figure as the reference states it in another sentence: the same figure
            // moved, unless the reference gives it for another event ("That flood covered
            // about 1,800 hectares", of a flood years before).
            if !candidates.is_empty() && stated_in(vref.claims, &figure) {
                if let Some(other) = self.figure_of_another_time(rf, s_ref, &figure) {
                    let expl = format!(
                        "{} gives “{}” here, a figure {} reports for another event: “{}”",
                        vr.name(),
                        q.text,
                        vref.name(),
                        vref.article.sentences[other.sentence].text
                    );
                    let span = Span { start: q.start, end: q.end, text: q.text.clone() };
                    let ev = vec![
                        evidence(vref, &Span { start: other.start, end: other.end, text: other.text.clone() }),
                        evidence(vref, &ref_sentence),
                    ];
                    out.push(self.drift(r, DriftKind::EventConflated, span, ev, expl));
                }
                continue;
            }
            if let Some((c, v2, a2, n2, u2, _)) = candidates.first() {
                let what = if v2 != value {
                    "value"
                } else if u2 != upper {
                    "range"
                } else {
                    "approximator"
                };
                let expl = format!(
                    "{} says “{}” where {} says “{}” ({} changed).",
                    vr.name(),
                    quantity_phrase(*approximator, &number.text),
                    vref.name(),
                    quantity_phrase(*a2, &n2.text),
                    what
                );
                let span = Span { start: q.start, end: q.end, text: q.text.clone() };
                let ev = Span { start: c.start, end: c.end, text: c.text.clone() };
                out.push(self.drift(r, DriftKind::NumberChanged, span, vec![evidence(vref, &ev)], expl));
            } else if value.is_some()
                && !share.as_ref().is_some_and(|s| self.share_elsewhere(r, s))
                && !self.value_elsewhere(r, *value, counted.as_ref())
            {
                let span = Span { start: q.start, end: q.end, text: q.text.clone() };
                // In place of the reference's figure for the same thing, wherever it stands.
                if let Some(c) = replaced(vref.claims, vr.claims, &figure) {
                    let Some(f) = Figure::of(c) else { continue };
                    let ClaimDetail::Quantity { number: n2, .. } = &c.detail else { continue };
                    let expl = format!(
                        "{} says “{}” where {} says “{}” (value changed).",
                        vr.name(),
                        quantity_phrase(*approximator, &number.text),
                        vref.name(),
                        quantity_phrase(f.approximator, &n2.text),
                    );
                    let ev = Span { start: c.start, end: c.end, text: c.text.clone() };
                    out.push(self.drift(r, DriftKind::NumberChanged, span, vec![evidence(vref, &ev)], expl));
                    continue;
                }
                let expl = format!("{} adds “{}”, a figure no other version reports.", vr.name(), q.text);
                out.push(self.drift(r, DriftKind::DetailAdded, span, vec![evidence(vref, &ref_sentence)], expl));
            }
        }

        // Attributions.
        let names = |cs: &[&Claim]| -> Vec<(String, Span)> {
            cs.iter()
                .filter_map(|c| match &c.detail {
                    ClaimDetail::Attribution { source, .. } => Some((source.name.clone(), source.span.clone())),
                    _ => None,
                })
                .collect()
        };
        // A pronoun beside a name in the same sentence stands for that name ("Ferrant said …
        // “…,” she said"): only the names are compared.
        let named_only = |mut v: Vec<(String, Span)>| {
            if v.iter().any(|(n, _)| !is_pronoun_source(n)) {
                v.retain(|(n, _)| !is_pronoun_source(n));
            }
            v
        };
        let (aref, ar) =
            (named_only(self.resolved(rf, s_ref, names(cref))), named_only(self.resolved(r, s_r, names(cr))));
        if !aref.is_empty() {
            // A source is dropped from what the rewrite keeps of its words: a credit whose
            // words the rewrite leaves out ("…, where the hospital declared a major incident")
            // goes with them.
            let said_here = content_stems(&r_sentence.text);
            let kept = |span: &Span| {
                cref.iter().any(|c| match &c.detail {
                    ClaimDetail::Attribution { source, content, .. } if source.span.start == span.start => {
                        content.as_ref().is_none_or(|ct| {
                            let words = content_stems(&ct.text);
                            words.is_empty()
                                || 2 * words.iter().filter(|w| said_here.contains(w)).count() >= words.len()
                        })
                    }
                    _ => false,
                })
            };
            let credited: Vec<&(String, Span)> = aref.iter().filter(|(_, sp)| kept(sp)).collect();
            if ar.is_empty() && credited.is_empty() {
                // Nothing credited is kept: nothing to drop.
            } else if ar.is_empty() {
                let aref: Vec<(String, Span)> = credited.into_iter().cloned().collect();
                let nearby = self.carried_from_neighbour(r, s_r, &aref);
                let lower = r_sentence.text.to_lowercase();
                let named = aref.iter().any(|(n, _)| lower.contains(&n.to_lowercase()));
                // The rest of a quotation opened in an earlier sentence is credited there.
                let continued = {
                    let open = r_sentence.text.find(['“', '"']);
                    let close = r_sentence.text.rfind(['”', '"']);
                    r_sentence.text.contains('”') && !r_sentence.text.contains('“') || open.is_some() && open == close
                };
                if !nearby && !named && !continued {
                    let expl =
                        format!("{} drops the source: {} credits this to {}.", vr.name(), vref.name(), aref[0].0);
                    out.push(self.drift(
                        r,
                        DriftKind::AttributionDropped,
                        r_sentence.clone(),
                        vec![evidence(vref, &aref[0].1)],
                        expl,
                    ));
                }
            } else if !ar.iter().any(|(x, _)| aref.iter().any(|(y, _)| same_source(x, y) || both_public_bodies(x, y)))
                && !self.source_in_sentence(&ar, &ref_sentence)
                && !self.source_in_sentence(&aref, &r_sentence)
                && !self.refers_back(r, &ar, &aref)
                && !self.refers_back(rf, &aref, &ar)
                && !self.credited_beside(rf, s_ref, r, s_r, &ar)
            {
                let expl = format!(
                    "{} credits this to {} where {} credits it to {}.",
                    vr.name(),
                    ar[0].0,
                    vref.name(),
                    aref[0].0
                );
                out.push(self.drift(
                    r,
                    DriftKind::AttributionChanged,
                    ar[0].1.clone(),
                    vec![evidence(vref, &aref[0].1)],
                    expl,
                ));
            }
        }

        // Quotes: against every quote of the reference.
        for q in cr {
            let ClaimDetail::Quote { content, .. } = &q.detail else { continue };
            let wq = words(&content.text);
            if wq.len() < 2 {
                continue;
            }
            let mut best: Option<(f64, &Claim)> = None;
            let mut partial = false;
            for c in vref.claims {
                let ClaimDetail::Quote { content: rc, .. } = &c.detail else { continue };
                let wr = words(&rc.text);
                if wr == wq || wr.windows(wq.len()).any(|w| w == wq.as_slice()) {
                    partial = true;
                    break;
                }
                let ops = capture_diff_slices(similar::Algorithm::Myers, &wr, &wq);
                let ratio = f64::from(diff_ratio(&ops, wr.len(), wq.len()));
                if best.is_none_or(|(b, _)| ratio > b) {
                    best = Some((ratio, c));
                }
            }
            if partial {
                continue;
            }
            if let Some((ratio, c)) = best.filter(|(ratio, _)| *ratio >= 0.5) {
                let ClaimDetail::Quote { content: rc, .. } = &c.detail else { continue };
                let expl = format!(
                    "{} quotes “{}” where {} quotes “{}” ({:.0}% of the words match).",
                    vr.name(),
                    content.text,
                    vref.name(),
                    rc.text,
                    ratio * 100.0
                );
                out.push(self.drift(r, DriftKind::QuoteAltered, content.clone(), vec![evidence(vref, rc)], expl));
            }
        }

        // Hedges, with the neighbouring sentences allowed to carry them.
        let hedges = |cs: &[&Claim]| -> Vec<(String, Span)> {
            cs.iter()
                .filter_map(|c| match &c.detail {
                    ClaimDetail::Hedge { cue, norm, .. } => Some((norm.clone(), cue.clone())),
                    _ => None,
                })
                .collect()
        };
        let (href, hr) = (hedges(cref), hedges(cr));
        // A neighbouring sentence may carry the same hedge ("The footage could not be verified.").
        let hedged_near = |v: usize, s: usize, like: &[(String, Span)]| {
            self.neighbour_claims(v, s)
                .any(|c| matches!(&c.detail, ClaimDetail::Hedge { norm, .. } if like.iter().any(|(n, _)| n == norm)))
        };
        // A hedge is dropped only if what it qualified is kept ("…, and firms have reportedly
        // diverted cargo" cut down to its first clause loses the clause, not the hedge).
        let kept = href.iter().any(|(_, cue)| scope_kept(&ref_sentence, cue, &r_sentence));
        // An estimate is a figure someone gives, roughly: the same as one credited to a source
        // ("put the number at more than 120" for "said more than 120") or given as
        // approximate ("an estimated 38 million").
        let estimate_only = |hs: &[(String, Span)]| hs.iter().all(|(n, _)| n == "estimated");
        let credited_or_rough = |cs: &[&Claim]| {
            cs.iter().any(|c| match &c.detail {
                ClaimDetail::Attribution { .. } => true,
                ClaimDetail::Quantity { approximator, .. } => *approximator != Approximator::Exactly,
                _ => false,
            })
        };
        let estimate_given_otherwise_r = estimate_only(&href) && credited_or_rough(cr);
        let estimate_given_otherwise_ref = estimate_only(&hr) && credited_or_rough(cref);
        if !href.is_empty() && hr.is_empty() && !hedged_near(r, s_r, &href) && kept && !estimate_given_otherwise_r {
            let expl =
                format!("{} states this without the hedge “{}” that {} has.", vr.name(), href[0].1.text, vref.name());
            out.push(self.drift(
                r,
                DriftKind::HedgeDropped,
                r_sentence.clone(),
                vec![evidence(vref, &href[0].1)],
                expl,
            ));
        }
        if href.is_empty()
            && !hr.is_empty()
            && !estimate_given_otherwise_ref
            && !hedged_near(rf, s_ref, &hr)
            && !self.hedged_elsewhere(r, s_r, rf)
            && hr.iter().any(|(_, cue)| scope_kept(&r_sentence, cue, &ref_sentence))
        {
            let expl = format!("{} adds the hedge “{}”; {} states this plainly.", vr.name(), hr[0].1.text, vref.name());
            out.push(self.drift(r, DriftKind::HedgeAdded, hr[0].1.clone(), vec![evidence(vref, &ref_sentence)], expl));
        }

        // Meaning: an unknown cause made known (or the reverse), or a negation flipped.
        let (uref, ur) = (UNKNOWN.is_match(&ref_sentence.text), UNKNOWN.is_match(&r_sentence.text));
        let (kref, kr) = (CAUSAL.is_match(&ref_sentence.text), CAUSAL.is_match(&r_sentence.text));
        let shifted = (uref && !ur && kr)
            || (ur && !uref && kref)
            || self.negation_flip(&ref_sentence.text, &r_sentence.text, &href, &hr);
        if shifted {
            let expl =
                format!("{} says “{}” where {} says “{}”.", vr.name(), r_sentence.text, vref.name(), ref_sentence.text);
            out.push(self.drift(
                r,
                DriftKind::MeaningShifted,
                r_sentence.clone(),
                vec![evidence(vref, &ref_sentence)],
                expl,
            ));
        }

        // Stance: "declined to comment" made "rejected", "suspended" made "expelled".
        if let Some(stances) = stance_shift(&ref_sentence.text, &r_sentence.text) {
            out.push(self.stance_drift(rf, s_ref, r, s_r, stances));
        }

        // Places: a detail placed somewhere else than in the reference's paragraph.
        self.conflation(rf, s_ref, r, s_r, out);
    }

    /// Flags `s_r` as a `meaning_shifted` when it takes a stance that conflicts with one of
    /// reference sentence `s_ref` and the two share two content words or more; says whether
    /// it did.
    fn reversed_stance(&self, rf: usize, s_ref: usize, r: usize, s_r: usize, out: &mut Vec<Drift>) -> bool {
        let (vref, vr) = (&self.versions[rf], &self.versions[r]);
        let (a, b) = (&vref.article.sentences[s_ref].text, &vr.article.sentences[s_r].text);
        let Some((x, y)) = stance_shift(a, b) else { return false };
        let theirs: HashSet<String> = content_stems(b).into_iter().collect();
        let shared: HashSet<String> = content_stems(a).into_iter().filter(|w| theirs.contains(w)).collect();
        if shared.len() < 2 {
            return false;
        }
        out.push(self.stance_drift(rf, s_ref, r, s_r, (x, y)));
        true
    }

    /// The `meaning_shifted` of sentence `s_r` of `r`, which takes stance `y` where reference
    /// sentence `s_ref` takes `x`.
    fn stance_drift(&self, rf: usize, s_ref: usize, r: usize, s_r: usize, (x, y): (&str, &str)) -> Drift {
        let (vref, vr) = (&self.versions[rf], &self.versions[r]);
        let expl = format!("{} says the {} where {} says the {}.", vr.name(), y, vref.name(), x);
        let ev = vec![evidence(vref, &vref.sentence_span(s_ref))];
        self.drift(r, DriftKind::MeaningShifted, vr.sentence_span(s_r), ev, expl)
    }

    /// A stance of reference sentence `next` (beside `s_ref`) reversed in a clause merged into
    /// `s_r`, the counterpart of `s_ref`: "… the blaze, which had been put out by midday" for
    /// "… the blaze. By midday the fire had been brought under control …". The merged clause
    /// is too short for `next` to count as carried, so it is recognised by a conflicting stance
    /// and two content words of `next` that `s_ref` does not have.
    fn merged_stance(&self, rf: usize, s_ref: usize, next: usize, r: usize, s_r: usize, out: &mut Vec<Drift>) {
        let (vref, vr) = (&self.versions[rf], &self.versions[r]);
        let (own, merged, sentence) =
            (&vref.article.sentences[s_ref].text, &vref.article.sentences[next].text, &vr.article.sentences[s_r].text);
        let Some((x, y)) = stance_shift(merged, sentence) else { return };
        // (the aligned sentence may take that stance itself: "… was finally extinguished").
        if stances(own).contains(y) {
            return;
        }
        let own: HashSet<String> = content_stems(own).into_iter().collect();
        let theirs: HashSet<String> = content_stems(sentence).into_iter().collect();
        let specific: HashSet<String> =
            content_stems(merged).into_iter().filter(|w| !own.contains(w) && theirs.contains(w)).collect();
        if specific.len() < 2 {
            return;
        }
        out.push(self.stance_drift(rf, next, r, s_r, (x, y)));
    }

    /// Names and dates that no other version gives, in the sentences of `r` that another
    /// version carries (a detail attached to a shared claim; a sentence nobody else has is an
    /// unsupported claim instead).
    fn details(&self, alignments: &HashMap<(usize, usize), Alignment>, r: usize, rf: usize, out: &mut Vec<Drift>) {
        let vr = &self.versions[r];
        let by_version = links_by_version(alignments, r, self.versions.len());
        let mut shared: Vec<bool> = vec![false; vr.article.sentences.len()];
        for (s, _) in by_version.iter().flatten() {
            shared[*s] = true;
        }
        for (s_r, is_shared) in shared.into_iter().enumerate() {
            if !is_shared && self.support.best(r, s_r, &by_version) < SUPPORTED {
                continue;
            }
            let cr = self.claims(r, s_r);
            // The other versions' sentence that best carries it (the reference's first), as
            // evidence.
            let Some((vref, t)) = std::iter::once(rf)
                .chain(0..self.versions.len())
                .filter(|&o| o != r)
                .filter_map(|o| self.support.best_in(r, s_r, o).map(|(t, score)| (o, t, score)))
                .fold(None, |best: Option<(usize, usize, f64)>, x| match best {
                    Some(b) if b.2 >= x.2 => Some(b),
                    _ => Some(x),
                })
                .map(|(o, t, _)| (&self.versions[o], t))
            else {
                continue;
            };
            let ref_sentence = vref.sentence_span(t);
            // Names no other version carries.
            for c in cr {
                let ClaimDetail::Entity { entity_type, name } = &c.detail else { continue };
                // The outlet naming itself ("Meridane Today could not verify …") or the agency it
                // credits ("(Continental Press Bureau) —") adds nothing.
                let own = [vr.article.outlet.as_deref(), vr.article.agency.as_deref()]
                    .into_iter()
                    .flatten()
                    .any(|o| words(o) == words(name));
                if entity_type == "place" || name.split_whitespace().count() < 2 || own {
                    continue;
                }
                // A longer name is known elsewhere by its last two words too ("UN World Heritage
                // Site" and "UNESCO World Heritage Site", "U.S. Africa Command").
                let w = words(name);
                let mut forms = vec![format!(" {} ", w.join(" "))];
                if w.len() >= 3 {
                    forms.push(format!(" {} ", w[w.len() - 2..].join(" ")));
                }
                let elsewhere = (0..self.versions.len())
                    .any(|k| k != r && forms.iter().any(|f| self.folded[k].contains(f.as_str())));
                // A source put in another's place is an attribution changed, not a detail added.
                let changed_source = out.iter().any(|d| {
                    d.document == vr.article.id
                        && d.kind == DriftKind::AttributionChanged
                        && d.start <= c.start
                        && c.end <= d.end
                });
                if !elsewhere && !changed_source {
                    let span = Span { start: c.start, end: c.end, text: c.text.clone() };
                    let expl = format!("{} names “{}”, which no other version mentions.", vr.name(), name);
                    out.push(self.drift(r, DriftKind::DetailAdded, span, vec![evidence(vref, &ref_sentence)], expl));
                }
            }

            // Dates no other version gives: compared by the day or span they resolve to (so that
            // "on Sunday" and "on June 1" agree), else by their words.
            for c in cr {
                let ClaimDetail::Time { value } = &c.detail else { continue };
                let w = words(&c.text);
                let wanted = format!(" {} ", w.join(" "));
                // The same date under another preposition ("since November 2019", "in
                // November 2019") is the same date.
                let bare = match w.split_first() {
                    Some((first, rest)) if !rest.is_empty() && TIME_PREPOSITIONS.contains(&first.as_str()) => {
                        Some(format!(" {} ", rest.join(" ")))
                    }
                    _ => None,
                };
                let elsewhere = (0..self.versions.len()).filter(|&k| k != r).any(|k| {
                    self.folded[k].contains(&wanted)
                        || bare.as_ref().is_some_and(|b| self.folded[k].contains(b))
                        || self.versions[k].claims.iter().any(|o| match (&o.detail, value) {
                            (ClaimDetail::Time { value: Some(v) }, Some(w)) => {
                                v == w || year_edge_of(v, w) || year_edge_of(w, v)
                            }
                            _ => false,
                        })
                });
                if !elsewhere {
                    let span = Span { start: c.start, end: c.end, text: c.text.clone() };
                    let expl = format!("{} dates this “{}”, a date no other version gives.", vr.name(), c.text);
                    out.push(self.drift(r, DriftKind::DetailAdded, span, vec![evidence(vref, &ref_sentence)], expl));
                }
            }

            // A circumstance added in words no other version uses ("on a military cargo flight").
            let known = |w: &str| {
                let forms = [w.to_string(), format!("{w}s"), w.strip_suffix('s').unwrap_or(w).to_string()];
                (0..self.versions.len())
                    .filter(|&k| k != r)
                    .any(|k| forms.iter().any(|f| self.folded[k].contains(&format!(" {f} "))))
            };
            let sentence = &vr.article.sentences[s_r];
            if let Some((a, b)) = added_phrase(&sentence.text, &vref.article.sentences[t].text, known) {
                let start = sentence.start + sentence.text[..a].chars().count();
                let end = start + sentence.text[a..b].chars().count();
                let taken = out.iter().any(|d| d.document == vr.article.id && d.start < end && start < d.end);
                if !taken {
                    let text = sentence.text[a..b].to_string();
                    let expl = format!("{} adds “{}”, which no other version reports.", vr.name(), text);
                    out.push(self.drift(
                        r,
                        DriftKind::DetailAdded,
                        Span { start, end, text },
                        vec![evidence(vref, &ref_sentence)],
                        expl,
                    ));
                }
            }
        }
    }

    /// Quotations of `r` reworded from a quotation that two other versions agree on (or the
    /// reference gives), wherever they are in the story: "defended itself vigorously" where
    /// two versions quote "reacted vigorously". Quotations are matched by their content stems.
    fn reworded_quotes(&self, r: usize, out: &mut Vec<Drift>) {
        let quotes = |v: usize| -> Vec<QuoteWords<'_>> {
            self.versions[v]
                .claims
                .iter()
                .filter_map(|c| match &c.detail {
                    ClaimDetail::Quote { content, .. } => {
                        Some((content, words(&content.text), content_stems(&content.text)))
                    }
                    _ => None,
                })
                .collect()
        };
        let inside = |a: &[String], b: &[String]| !a.is_empty() && b.windows(a.len()).any(|w| w == a);
        let others: Vec<(usize, Vec<QuoteWords<'_>>)> =
            (0..self.versions.len()).filter(|&o| o != r).map(|o| (o, quotes(o))).collect();
        let own = quotes(r);
        for (span, w, st) in &own {
            let (span, w, st) = (*span, w, st);
            if st.is_empty()
                || out.iter().any(|d| {
                    d.document == self.versions[r].article.id
                        && d.start < span.end
                        && span.start < d.end
                        && d.kind == DriftKind::QuoteAltered
                })
            {
                continue;
            }
            // Quoted as another version quotes it (in part): not reworded.
            if others.iter().any(|(_, qs)| qs.iter().any(|(_, w2, _)| inside(w, w2) || inside(w2, w))) {
                continue;
            }
            let dice = |b: &[String]| {
                let shared = st.iter().filter(|x| b.contains(x)).count();
                2.0 * shared as f64 / (st.len() + b.len()) as f64
            };
            let best = others
                .iter()
                .flat_map(|(o, qs)| qs.iter().map(move |q| (*o, q)))
                .filter(|(_, (_, _, st2))| !st2.is_empty())
                .map(|(o, q)| (dice(&q.2), o, q))
                .max_by(|a, b| a.0.total_cmp(&b.0));
            // One part of a quotation reworded beside a part quoted word for word: the
            // reference's part in the same place is the one it stands for.
            if best.as_ref().is_none_or(|b| b.0 < 0.4) {
                if let Some(other) = self.part_beside_kept_part(r, span) {
                    let (vr, vf) = (&self.versions[r], &self.versions[self.reference_hint]);
                    let expl = format!(
                        "{} quotes “{}” where {} quotes “{}”, in the same quotation.",
                        vr.name(),
                        span.text,
                        vf.name(),
                        other.text
                    );
                    out.push(self.drift(r, DriftKind::QuoteAltered, span.clone(), vec![evidence(vf, other)], expl));
                }
                continue;
            }
            let Some((score, o, (other, w2, _))) = best else { continue };
            // The other wording is the story's: the reference's, or quoted by a third version.
            let agreed = o == self.reference_hint
                || others.iter().any(|(k, qs)| *k != o && qs.iter().any(|(_, w3, _)| inside(w2, w3)))
                || own.iter().any(|(s2, w3, _)| s2.start != span.start && inside(w2, w3));
            if !agreed {
                continue;
            }
            let (vr, vo) = (&self.versions[r], &self.versions[o]);
            let expl = format!(
                "{} quotes “{}” where {} quotes “{}” ({:.0}% of the content words match).",
                vr.name(),
                span.text,
                vo.name(),
                other.text,
                score * 100.0
            );
            out.push(self.drift(r, DriftKind::QuoteAltered, span.clone(), vec![evidence(vo, other)], expl));
        }
    }

    /// The reference's sentence a caption describes, and the year it gives, when that year is
    /// none of the story's: the sentence sharing most content words with the caption (three at
    /// least), where every sentence sharing as many is dated to another year ("protesters in
    /// Cathedral Square during the fuel-price demonstrations" for "shaken in 2023 by protests
    /// over fuel prices centred on Cathedral Square").
    fn earlier_event_described(
        &self,
        caption: &str,
        years: &std::collections::BTreeMap<String, Option<Evidence>>,
    ) -> Option<(usize, String)> {
        if years.is_empty() {
            return None;
        }
        let vf = &self.versions[self.reference_hint];
        let words: HashSet<String> = content_stems(caption).into_iter().collect();
        let shared = |t: &str| content_stems(t).into_iter().collect::<HashSet<_>>().intersection(&words).count();
        let scored: Vec<(usize, usize)> =
            vf.article.sentences.iter().enumerate().map(|(k, t)| (k, shared(&t.text))).collect();
        let most = scored.iter().map(|&(_, n)| n).max().filter(|&n| n >= CAPTION_SHARED)?;
        let stale_year = |k: usize| {
            YEAR.find_iter(&vf.article.sentences[k].text)
                .map(|m| m.as_str())
                .find(|y| !years.contains_key(*y))
                .map(str::to_string)
        };
        let best: Vec<usize> = scored.iter().filter(|&&(_, n)| n == most).map(|&(k, _)| k).collect();
        let dated: Vec<(usize, String)> = best.iter().filter_map(|&k| Some((k, stale_year(k)?))).collect();
        (dated.len() == best.len()).then(|| dated.into_iter().next()).flatten()
    }

    /// The reference's part of a quotation that part `span` of a quotation of `r` stands for:
    /// the next part of `r`'s quotation (same speaker) is quoted word for word by the
    /// reference, and the reference's part just before that one, by the same speaker, is
    /// quoted by no other version.
    fn part_beside_kept_part(&self, r: usize, span: &Span) -> Option<&Span> {
        let parts = |v: usize| -> Vec<(&Span, Option<usize>)> {
            self.versions[v]
                .claims
                .iter()
                .filter_map(|c| match &c.detail {
                    ClaimDetail::Quote { content, speaker } => Some((content, speaker.as_ref().map(|s| s.start))),
                    _ => None,
                })
                .collect()
        };
        let rf = self.reference_hint;
        if rf == r {
            return None;
        }
        let (own, theirs) = (parts(r), parts(rf));
        let k = own.iter().position(|(c, _)| c.start == span.start)?;
        let (next, _) = own.get(k + 1).filter(|(_, s)| s.is_some() && *s == own[k].1)?;
        let j = theirs.iter().position(|(c, _)| words(&c.text) == words(&next.text))?;
        let (before, their_speaker) = theirs.get(j.checked_sub(1)?)?;
        let quoted_by_r = own.iter().any(|(c, _)| words(&c.text) == words(&before.text));
        (their_speaker.is_some() && *their_speaker == theirs[j].1 && !quoted_by_r).then_some(*before)
    }

    /// The years the story is from: those of the versions' dates.
    fn story_years(&self) -> HashSet<&str> {
        self.versions.iter().filter_map(|w| w.article.date.as_deref().and_then(|d| d.get(..4))).collect()
    }

    /// Whether paragraph `block` of version `v` dates something to a year the story is not
    /// from ("since March 2011, when a levee failed …").
    fn of_another_time(&self, v: usize, block: usize, years: &HashSet<&str>) -> bool {
        self.versions[v]
            .article
            .sentences
            .iter()
            .filter(|t| t.block == block)
            .any(|t| YEAR.find_iter(&t.text).any(|y| !years.contains(y.as_str())))
    }

    /// The reference's statement of `figure` in a paragraph about another time, when the
    /// paragraph of reference sentence `s_ref`, where the rewrite puts it, is not one.
    fn figure_of_another_time(&self, rf: usize, s_ref: usize, figure: &Figure<'_>) -> Option<&Claim> {
        let years = self.story_years();
        let sentences = &self.versions[rf].article.sentences;
        if years.is_empty() || self.of_another_time(rf, sentences[s_ref].block, &years) {
            return None;
        }
        let mut stated = stating(self.versions[rf].claims, figure);
        let first = stated.next()?;
        let all_other =
            std::iter::once(first).chain(stated).all(|c| self.of_another_time(rf, sentences[c.sentence].block, &years));
        all_other.then_some(first)
    }

    /// Whether a version other than `r` and the reference hedges its counterpart of sentence
    /// `s` of `r` too: then the hedge is not `r`'s addition.
    fn hedged_elsewhere(&self, r: usize, s: usize, rf: usize) -> bool {
        (0..self.versions.len()).filter(|&o| o != r && o != rf).any(|o| {
            self.support.best_in(r, s, o).is_some_and(|(t, score)| {
                score >= COUNTERPART && self.claims(o, t).iter().any(|c| matches!(c.detail, ClaimDetail::Hedge { .. }))
            })
        })
    }

    /// Whether the other sentence names one of these sources anywhere ("…, with residents
    /// reporting gunfire" carries the residents even when its claim is credited to others),
    /// other than as the place where something was done ("treated at St. Amalia University
    /// Hospital").
    fn source_in_sentence(&self, sources: &[(String, Span)], sentence: &Span) -> bool {
        // Names are compared without determiners, as sources are named without them.
        let content = |t: &str| -> Vec<String> {
            words(t).into_iter().filter(|w| !crate::attribution::DETERMINERS.contains(&w.as_str())).collect()
        };
        let folded = content(&sentence.text);
        sources.iter().any(|(name, _)| {
            let w = content(name);
            !w.is_empty()
                && !is_pronoun_source(name)
                && folded.windows(w.len()).enumerate().any(|(k, win)| {
                    win == w.as_slice()
                        && !(k >= 2
                            && matches!(folded[k - 1].as_str(), "at" | "in" | "into" | "to")
                            && folded[k - 2].ends_with("ed"))
                })
        })
    }

    /// Whether a sentence of the reference beside `s_ref` credits one of `sources` with what
    /// sentence `s_r` of version `r` says: two reference sentences told as one ("…, with the
    /// board saying the bacterium may have spread"), each keeping its source.
    fn credited_beside(&self, rf: usize, s_ref: usize, r: usize, s_r: usize, sources: &[(String, Span)]) -> bool {
        let lo = s_ref.saturating_sub(1);
        (lo..=s_ref + 1).filter(|&t| t != s_ref).any(|t| {
            self.claims(rf, t).iter().any(|c| {
                matches!(&c.detail, ClaimDetail::Attribution { source, .. }
                    if sources.iter().any(|(n, _)| same_source(n, &source.name)))
            }) && self.support.shared_except(r, s_r, rf, t, &self.credits(r, s_r)) >= SUPPORTED
        })
    }

    /// Whether version `r`'s sources are descriptions ("the company") or pronouns ("her") of a
    /// source the other version names, which `r` names too somewhere in its story.
    fn refers_back(&self, r: usize, sources: &[(String, Span)], named: &[(String, Span)]) -> bool {
        sources.iter().all(|(s, _)| is_description(s) || is_pronoun_source(s))
            && named.iter().any(|(n, _)| {
                let w = words(n);
                !w.is_empty() && self.folded[r].contains(&format!(" {} ", w.join(" ")))
            })
    }

    /// Whether two shares in compared sentences (each with its claim) can be the same
    /// figure: of the same whole, or, when either does not say, equal or in the same frame.
    /// Gives whether they are equal, and the rank of the match.
    fn compatible_shares(
        &self,
        a: &Share,
        b: &Share,
        (sa, ca): (&Span, &Claim),
        (sb, cb): (&Span, &Claim),
    ) -> Option<(bool, u8)> {
        let same = a.same(b);
        let ok = match a.same_whole(b) {
            Some(agree) => agree,
            None => {
                let (fa, fb) = (frame(sa, ca.start, ca.end), frame(sb, cb.start, cb.end));
                same || (!fa.0.is_empty() && fa.0 == fb.0) || (!fa.1.is_empty() && fa.1 == fb.1)
            }
        };
        ok.then_some((same, if a.same_whole(b) == Some(true) { 2 } else { 0 }))
    }

    /// Whether another version states the same share of the same whole (or of a whole it
    /// does not name).
    fn share_elsewhere(&self, r: usize, share: &Share) -> bool {
        self.versions.iter().enumerate().filter(|(k, _)| *k != r).any(|(_, v)| {
            v.claims.iter().any(|c| match &c.detail {
                // Only a value near the share (as a per cent or a fraction) is read further.
                ClaimDetail::Quantity { value: Some(x), number, counted, .. }
                    if (x - share.percent).abs() < 1.0 || (x * 100.0 - share.percent).abs() < 1.0 =>
                {
                    share_of(Some(*x), number, counted.as_ref(), &v.sentence_span(c.sentence))
                        .is_some_and(|other| other.same(share) && other.same_whole(share) != Some(false))
                }
                _ => false,
            })
        })
    }

    /// Whether another version reports a quantity with this value
    /// (in basis points or percentage points alike), counting the same thing when both say
    /// what they count.
    fn value_elsewhere(&self, r: usize, value: Option<f64>, counted: Option<&Span>) -> bool {
        self.versions.iter().enumerate().filter(|(k, _)| *k != r).any(|(_, v)| {
            v.claims.iter().filter_map(Figure::of).any(|f| f.value == value && same_thing(f.counted, counted))
        })
    }

    /// A word negated in one sentence and asserted in the other.
    fn negation_flip(&self, a: &str, b: &str, ha: &[(String, Span)], hb: &[(String, Span)]) -> bool {
        // "no fewer than 14" is a bound on a figure ("at least 14"), not a negation.
        let negation = |toks: &[wiretrace_parse::Token], i: usize| {
            NEGATION.contains(toks[i].norm.as_str())
                && !(matches!(toks.get(i + 1).map(|t| t.norm.as_str()), Some("fewer" | "more" | "less"))
                    && toks.get(i + 2).is_some_and(|t| t.norm == "than"))
        };
        let negated = |text: &str, hedges: &[(String, Span)]| -> (HashSet<String>, HashSet<String>) {
            let toks = tokenize(text);
            let mut neg = HashSet::new();
            let mut plain = HashSet::new();
            let in_hedge = |t: &wiretrace_parse::Token| {
                let cue_words: Vec<String> = hedges.iter().flat_map(|h| words(&h.1.text)).collect();
                cue_words.contains(&t.norm)
            };
            for (i, t) in toks.iter().enumerate() {
                if wiretrace_similarity::stopwords::is_stopword(&t.norm) && !NEGATION.contains(t.norm.as_str()) {
                    continue;
                }
                if NEGATION.contains(t.norm.as_str()) {
                    continue;
                }
                let stem = STEMMER.stem(&t.norm).into_owned();
                // "not just in X but across Y" and "not only" are not negations.
                let first = i.saturating_sub(3);
                let window = &toks[first..i];
                // Only the first content word after the negation is negated: in "not to return
                // home" the return is, not the home.
                let negated = window.iter().enumerate().any(|(k, p)| {
                    negation(&toks, first + k)
                        && !in_hedge(p)
                        && !window
                            .get(k + 1)
                            .is_some_and(|q| matches!(q.norm.as_str(), "just" | "only" | "merely" | "simply" | "least"))
                        && window[k + 1..].iter().all(|q| {
                            wiretrace_similarity::stopwords::is_stopword(&q.norm) || NEGATION.contains(q.norm.as_str())
                        })
                });
                if negated {
                    neg.insert(stem);
                } else {
                    plain.insert(stem);
                }
            }
            (neg, plain)
        };
        // As many negations on both sides: a word seen as negated on one side only was
        // reworded around the same negation ("will not go back to work", "will not return to
        // work"), not flipped.
        let negations = |text: &str, hedges: &[(String, Span)]| {
            let in_hedges: usize = hedges
                .iter()
                .map(|h| tokenize(&h.1.text).iter().filter(|t| NEGATION.contains(t.norm.as_str())).count())
                .sum();
            let toks = tokenize(text);
            (0..toks.len()).filter(|&i| negation(&toks, i)).count().saturating_sub(in_hedges)
        };
        if negations(a, ha) == negations(b, hb) {
            return false;
        }
        let (na, pa) = negated(a, ha);
        let (nb, pb) = negated(b, hb);
        // A sentence that negates with a verb ("barred him from holding") is no flip of one
        // that negates with "not".
        let implicit = |text: &str| words(text).iter().any(|w| IMPLICIT_NEGATIONS.contains(&w.as_str()));
        (na.iter().any(|w| pb.contains(w) && !nb.contains(w)) && !implicit(b))
            || (nb.iter().any(|w| pa.contains(w) && !na.contains(w)) && !implicit(a))
    }

    /// Entities of a sentence that name one of the story's places; with `locative`, only those
    /// used as a place in this sentence ("in Kessling").
    fn places_in(&self, v: usize, s: usize, locative: bool) -> Vec<&Claim> {
        self.claims(v, s)
            .iter()
            .copied()
            .filter(|c| match &c.detail {
                ClaimDetail::Entity { name, entity_type } => {
                    self.places.contains(&words(name).join(" ")) && (!locative || entity_type == "place")
                }
                _ => false,
            })
            .collect()
    }

    /// Whether one place is written as part of the other somewhere in the story ("Fenhollow,
    /// Norland"): then naming one for the other is not a move to another place.
    fn nested_places(&self, a: &str, b: &str) -> bool {
        let (a, b) = (a.to_lowercase(), b.to_lowercase());
        self.versions.iter().any(|v| {
            let mut t = story_text(v).to_lowercase();
            if let Some(d) = &v.article.dateline {
                t.push('\n');
                t.push_str(&d.to_lowercase());
            }
            t.contains(&format!("{a}, {b}")) || t.contains(&format!("{b}, {a}"))
        })
    }

    /// The place of the paragraph of sentence `s` of version `v`: its first place named as one
    /// ("in Kessling"), else the first place the sentence names ("the village of Marrow Ford").
    fn paragraph_place(&self, v: usize, s: usize) -> Option<&Claim> {
        let sentences = &self.versions[v].article.sentences;
        let block = sentences[s].block;
        // The country of the dateline holds the story's other places: a paragraph that names
        // one of those is about it.
        let country = dateline_country(self.versions[v].article);
        let local = |c: &&&Claim| !country.as_deref().is_some_and(|k| names_country(&c.text, k));
        let named: Vec<&Claim> = (0..sentences.len())
            .filter(|&k| sentences[k].block == block)
            .flat_map(|k| self.places_in(v, k, true))
            .collect();
        named.iter().find(local).or(named.first()).copied().or_else(|| self.places_in(v, s, false).into_iter().next())
    }

    /// Whether version `v` names the place `key` (its words, joined) in paragraphs other than
    /// `block`, and neither in `block` nor in the paragraph before it (which the paragraph
    /// may go on about: "Four of them remain in a critical condition" after "… taken to the
    /// hospital in Dunmar").
    fn named_in_other_paragraphs_only(&self, v: usize, block: usize, key: &str) -> bool {
        let sentences = &self.versions[v].article.sentences;
        let names = |k: usize| {
            self.places_in(v, k, false).iter().any(|c| match &c.detail {
                ClaimDetail::Entity { name, .. } => words(name).join(" ") == key,
                _ => false,
            })
        };
        // (in the paragraph, by its words: a name that opens a sentence is no entity).
        let in_words = |k: usize| format!(" {} ", words(&sentences[k].text).join(" ")).contains(&format!(" {key} "));
        let before = sentences.iter().map(|s| s.block).filter(|&b| b < block).max();
        let (here, elsewhere): (Vec<usize>, Vec<usize>) =
            (0..sentences.len()).partition(|&k| sentences[k].block == block || Some(sentences[k].block) == before);
        !here.into_iter().any(in_words) && elsewhere.into_iter().any(names)
    }

    fn conflation(&self, rf: usize, s_ref: usize, r: usize, s_r: usize, out: &mut Vec<Drift>) {
        let vref = &self.versions[rf];
        let block = vref.article.sentences[s_ref].block;
        // A paragraph that names no place is about the story's place, the first one it names
        // as a place; then only a place borrowed from another of its paragraphs counts as moved.
        let (topic, borrowed_only) = match self.paragraph_place(rf, s_ref) {
            Some(t) => (t, false),
            None => {
                let first =
                    (0..vref.article.sentences.len()).find_map(|k| self.places_in(rf, k, true).into_iter().next());
                let Some(t) = first else { return };
                (t, true)
            }
        };
        // A paragraph about the country of the dateline ("in Solvane", "the Solvanian
        // region") holds every place of the story: naming one narrows it and moves nothing.
        if dateline_country(vref.article).is_some_and(|c| names_country(&topic.text, &c)) {
            return;
        }
        // So does one named by its adjective when the reference names the country too ("in the
        // Pellandrian capital", where Pellandria is named elsewhere).
        if country_adjective(vref.article, &topic.text) {
            return;
        }
        let key = |c: &Claim| match &c.detail {
            ClaimDetail::Entity { name, .. } => words(name).join(" "),
            _ => words(&c.text).join(" "),
        };
        let ref_places: HashSet<String> = self.places_in(rf, s_ref, false).into_iter().map(key).collect();
        let r_names: HashSet<String> = self.places_in(r, s_r, false).into_iter().map(key).collect();
        if r_names.contains(&key(topic)) {
            return;
        }
        // "Tallow" for "Tallow Point" is the same place, shortened.
        let same_place =
            |a: &str, b: &str| a == b || a.starts_with(&format!("{b} ")) || b.starts_with(&format!("{a} "));
        let r_text = &self.versions[r].article.sentences[s_r].text;
        let block_sentences: Vec<&str> =
            vref.article.sentences.iter().filter(|x| x.block == block).map(|x| x.text.as_str()).collect();
        // The reference's sentences that name a place and tell what this sentence tells (the
        // same figure and four content words or more): the place came with its fact ("ballots
        // from 112 polling stations in Harnsby" where the wire names Harnsby two paragraphs
        // down).
        let r_stems: HashSet<String> = content_stems(r_text).into_iter().collect();
        // (a year is no figure of a fact: "in 2014" dates it.)
        let figure = |w: &String| {
            w.chars().any(|c| c.is_ascii_digit()) && !w.parse::<u32>().is_ok_and(|y| (1900..2100).contains(&y))
        };
        // In the paragraph itself, the shared words are enough ("hospitals in Brennock and
        // Corvain" for "hospitals in Brennock and in the nearby city of Corvain").
        // (The place's own words are not counted: they are what may have moved.)
        let told_there = |place: &str| {
            let own = content_stems(place);
            vref.article.sentences.iter().any(|t| {
                let shared: Vec<String> =
                    content_stems(&t.text).into_iter().filter(|w| r_stems.contains(w) && !own.contains(w)).collect();
                t.text.contains(place) && shared.len() >= TOLD_THERE && (t.block == block || shared.iter().any(figure))
            })
        };
        let moved = self.places_in(r, s_r, true).into_iter().find(|c| {
            let k = key(c);
            !told_there(&c.text)
                && !ref_places.iter().any(|p| same_place(p, &k))
                && !same_place(&k, &key(topic))
                && !self.nested_places(&c.text, &topic.text)
                && !block_sentences.iter().any(|t| mentioned_alike(t, r_text, &c.text))
                && (!borrowed_only || self.named_in_other_paragraphs_only(rf, block, &k))
        });
        if let Some(moved) = moved {
            let span = Span { start: moved.start, end: moved.end, text: moved.text.clone() };
            let ev = vec![
                evidence(vref, &vref.sentence_span(s_ref)),
                evidence(vref, &Span { start: topic.start, end: topic.end, text: topic.text.clone() }),
            ];
            let expl = format!(
                "{} places this in {} where {} reports it for {}.",
                self.versions[r].name(),
                moved.text,
                vref.name(),
                topic.text
            );
            out.push(self.drift(r, DriftKind::EventConflated, span, ev, expl));
            return;
        }
        // Or a site the reference names only in paragraphs about another place ("at the
        // police post" for a detail of an attack on a checkpoint in another village).
        let same_topic = |c: &Claim| same_place(&key(c), &key(topic)) || self.nested_places(&c.text, &topic.text);
        for site in sites(r_text) {
            if block_sentences.iter().any(|t| mentions_noun(t, site.noun())) {
                continue;
            }
            let elsewhere: Vec<usize> = (0..vref.article.sentences.len())
                .filter(|&k| vref.article.sentences[k].block != block && site.named_in(&vref.article.sentences[k].text))
                .collect();
            // (paragraphs that name no place say nothing either way).
            let places: Vec<&Claim> = elsewhere.iter().filter_map(|&k| self.paragraph_place(rf, k)).collect();
            if places.is_empty() || places.iter().any(|&c| same_topic(c)) {
                continue;
            }
            let sentence = &self.versions[r].article.sentences[s_r];
            let start = sentence.start + r_text[..site.start].chars().count();
            let end = start + r_text[site.start..site.end].chars().count();
            let text = r_text[site.start..site.end].to_string();
            let ev = vec![
                evidence(vref, &vref.sentence_span(s_ref)),
                evidence(vref, &Span { start: topic.start, end: topic.end, text: topic.text.clone() }),
                evidence(vref, &vref.sentence_span(elsewhere[0])),
            ];
            let expl = format!(
                "{} places this at the {} ({}) where {} reports it for {}.",
                self.versions[r].name(),
                text,
                places[0].text,
                vref.name(),
                topic.text
            );
            out.push(self.drift(r, DriftKind::EventConflated, Span { start, end, text }, ev, expl));
            return;
        }
    }

    /// A cause stated where the reference says it is not known, or the reverse, about the same
    /// event, whether or not the two sentences were aligned.
    fn cause_shifts(&self, rf: usize, r: usize, out: &mut Vec<Drift>) {
        let (vref, vr) = (&self.versions[rf], &self.versions[r]);
        let status = |text: &str| -> Option<(bool, HashSet<String>)> {
            let unknown = UNKNOWN.is_match(text);
            let causal = CAUSAL.is_match(text);
            let about_cause = causal || words(text).iter().any(|w| w.starts_with("caus"));
            if !(about_cause && (unknown ^ causal)) {
                return None;
            }
            let events: HashSet<String> = words(text)
                .iter()
                .map(|w| wiretrace_similarity::canonical(w).to_string())
                .filter(|w| EVENT_NOUNS.contains(&w.as_str()))
                .collect();
            (!events.is_empty()).then_some((unknown, events))
        };
        for (k, s) in vr.article.sentences.iter().enumerate() {
            let Some((r_unknown, r_events)) = status(&s.text) else { continue };
            let already = out
                .iter()
                .any(|d| d.document == vr.article.id && d.kind == DriftKind::MeaningShifted && d.start == s.start);
            if already {
                continue;
            }
            let hit = vref.article.sentences.iter().enumerate().find_map(|(j, t)| {
                let (ref_unknown, ref_events) = status(&t.text)?;
                (ref_unknown != r_unknown && !ref_events.is_disjoint(&r_events)).then_some(j)
            });
            if let Some(j) = hit {
                let ev = vref.sentence_span(j);
                let expl = if r_unknown {
                    format!("{} says the cause is not known, but {} states it: “{}”.", vr.name(), vref.name(), ev.text)
                } else {
                    format!(
                        "{} states a cause (“{}”) where {} says it is not yet known.",
                        vr.name(),
                        s.text,
                        vref.name()
                    )
                };
                out.push(self.drift(
                    r,
                    DriftKind::MeaningShifted,
                    vr.sentence_span(k),
                    vec![evidence(vref, &ev)],
                    expl,
                ));
            }
        }
    }

    fn unsupported(&self, alignments: &HashMap<(usize, usize), Alignment>, r: usize, out: &mut Vec<Drift>) {
        let v = &self.versions[r];
        // A sentence whose claim was matched otherwise (a shifted cause, a reworded part of a
        // quotation) has a counterpart.
        let matched: Vec<(usize, usize)> = out
            .iter()
            .filter(|d| {
                d.document == v.article.id && matches!(d.kind, DriftKind::MeaningShifted | DriftKind::QuoteAltered)
            })
            .map(|d| (d.start, d.end))
            .collect();
        let mut linked: Vec<bool> =
            v.article.sentences.iter().map(|s| matched.iter().any(|&(a, b)| s.start <= a && b <= s.end)).collect();
        let by_version = links_by_version(alignments, r, self.versions.len());
        for (s, _) in by_version.iter().flatten() {
            linked[*s] = true;
        }
        for (k, is_linked) in linked.into_iter().enumerate() {
            let s = &v.article.sentences[k];
            if is_linked || s.text.split_whitespace().count() < 5 || self.support.best(r, k, &by_version) >= SUPPORTED {
                continue;
            }
            let expl = format!("No other version of the story ({} in all) carries this sentence.", self.versions.len());
            out.push(self.drift(r, DriftKind::UnsupportedClaim, v.sentence_span(k), Vec::new(), expl));
        }
    }

    fn captions(&self, r: usize, out: &mut Vec<Drift>) {
        let v = &self.versions[r];
        // The story's years, from the versions' dates; the evidence is each date line (a date
        // read from page metadata has no span in the text and is named in the explanation).
        let mut years: std::collections::BTreeMap<String, Option<Evidence>> = std::collections::BTreeMap::new();
        for w in self.versions {
            if let Some(d) = &w.article.date {
                let block = w.article.blocks.iter().find(|b| b.role == Role::Date);
                let ev = block.map(|b| Evidence {
                    document: w.article.id.clone(),
                    start: b.start,
                    end: b.end,
                    text: b.text.clone(),
                });
                let slot = years.entry(d[..4].to_string()).or_insert(None);
                if slot.is_none() {
                    *slot = ev;
                }
            }
        }
        for b in v.article.blocks.iter().filter(|b| b.role == Role::Caption) {
            let caption_years: Vec<&str> = YEAR.find_iter(&b.text).map(|m| m.as_str()).collect();
            let stale = caption_years.iter().find(|y| !years.is_empty() && !years.contains_key(**y));
            let file_photo = FILE_PHOTO.find(&b.text);
            if stale.is_none() && file_photo.is_none() {
                if let Some((s, year)) = self.earlier_event_described(&b.text, &years) {
                    let vf = &self.versions[self.reference_hint];
                    let expl = format!(
                        "The caption describes what {} reports for {year}, not this story: “{}”",
                        vf.name(),
                        vf.article.sentences[s].text
                    );
                    let span = Span { start: b.start, end: b.end, text: b.text.clone() };
                    out.push(self.drift(
                        r,
                        DriftKind::CaptionMismatch,
                        span,
                        vec![evidence(vf, &vf.sentence_span(s))],
                        expl,
                    ));
                }
                continue;
            }
            let evidence: Vec<Evidence> = years.values().flatten().take(3).cloned().collect();
            let mut story_years: Vec<&String> = years.keys().collect();
            story_years.sort();
            let expl = match (stale, file_photo) {
                (Some(y), _) => format!(
                    "The caption dates the image to {y}, but the story is from {}.",
                    story_years.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ")
                ),
                (None, Some(m)) => {
                    format!("The caption marks the image as “{}”: it shows an earlier event.", m.as_str())
                }
                _ => unreachable!(),
            };
            let span = Span { start: b.start, end: b.end, text: b.text.clone() };
            out.push(self.drift(r, DriftKind::CaptionMismatch, span, evidence, expl));
        }
    }
}
