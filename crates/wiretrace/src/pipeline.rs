//! The corpus pipeline: parse, group into stories, align, extract claims, flag drifts.

use crate::clustering::{candidate_pairs, sketch_all, ClusterOptions};
use crate::report::{Cluster, CopyShare, DerivationRecord, LinkRecord, Pair, Report, UnitVariant, SCHEMA};
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use wiretrace_claims::learned::{extract_article_learned, AttributionModel};
use wiretrace_claims::{extract_article_dated, find_drifts, Claim, Version};
use wiretrace_parse::{
    mark_repeated_lines, parse_record, read_paths, Agencies, Article, ReadOptions, Record, RecordError,
};
use wiretrace_similarity::{
    align, clusters, collate, containment, jaccard, word_diff, AlignOptions, Alignment, DocFeatures, Idf, Link,
    LinkKind,
};

/// Settings of an analysis; the defaults suit news text.
#[derive(Debug, Clone)]
pub struct Options {
    /// Words per shingle for Jaccard and containment.
    pub shingle_size: usize,
    /// Sentence alignment thresholds.
    pub align: AlignOptions,
    /// Containment (either direction) above which two documents are one story.
    pub min_containment: f64,
    /// Share of the shorter document's sentences that must be linked for two documents to be
    /// one story when their containment is lower (heavy rewrites).
    pub min_link_share: f64,
    /// Minimum number of sentence links for the link-share rule.
    pub min_links: usize,
    /// Corpora of up to this many documents compare every pair; larger ones compare the pairs
    /// MinHash/LSH proposes.
    pub exhaustive_up_to: usize,
    /// How to read corpus files (column mapping, size limit).
    pub read: ReadOptions,
    /// Wire agencies whose credit is recorded (the defaults plus any added).
    pub agencies: Agencies,
    /// A line one outlet prints in this many of its different stories is its boilerplate
    /// (0 turns the corpus-aware cleaning off).
    pub repeated_line_docs: usize,
    /// A trained attribution model (see [`wiretrace_claims::learned`]): when set, it reads the
    /// attributions instead of the rules.
    pub attribution_model: Option<Arc<AttributionModel>>,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            shingle_size: 3,
            align: AlignOptions::default(),
            min_containment: 0.25,
            min_link_share: 0.2,
            min_links: 3,
            exhaustive_up_to: 64,
            read: ReadOptions::default(),
            agencies: Agencies::default(),
            repeated_line_docs: 3,
            attribution_model: None,
        }
    }
}

/// Analyses files and directories: plain text, HTML, JSONL, CSV/TSV and WARC.
pub fn analyze_paths(paths: &[PathBuf], opts: &Options) -> Report {
    analyze_paths_with_progress(paths, opts, &|_, _, _| {})
}

/// Reports of how far an analysis has got: the step ("reading", "parsing", "aligning",
/// "claims", "stories"), the items done in it and their total (0 when not known yet).
pub type Progress<'a> = &'a (dyn Fn(&'static str, usize, usize) + Sync);

/// [`analyze_paths`], telling `progress` how far it has got.
pub fn analyze_paths_with_progress(paths: &[PathBuf], opts: &Options, progress: Progress<'_>) -> Report {
    progress("reading", 0, 0);
    let (records, errors) = read_paths(paths, &opts.read);
    analyze_with_progress(records, errors, opts, progress)
}

/// Analyses texts in memory, given as (identifier, text) pairs; HTML is detected by content.
pub fn analyze_texts(texts: Vec<(String, String)>, opts: &Options) -> Report {
    let mut errors = Vec::new();
    let mut inputs = Vec::new();
    for (id, text) in texts {
        if text.trim().is_empty() {
            errors.push(RecordError::new(id, "the input is empty (no text to analyse)"));
        } else {
            inputs.push(Record::from_text(id, text));
        }
    }
    analyze(inputs, errors, opts)
}

fn slug(s: &str) -> String {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join("-")
}

/// How an article ranks as the wire agency's own copy, or `None` when it cannot be one.
///
/// An agency's copy credits the agency (dateline, byline, credit line) and is either
/// published under the agency's name (outlet, identifier or a masthead line) or clean of page furniture: an
/// outlet that reprints wire copy keeps the dateline but adds its share bars, promotions and
/// captions. Higher ranks first: named as the agency, fewer non-story blocks, a wire credit
/// line ("(Reporting by …)"), then the earlier date.
fn wire_rank(a: &Article) -> Option<(bool, std::cmp::Reverse<usize>, bool, std::cmp::Reverse<String>)> {
    use wiretrace_parse::Role;
    let agency = a.agency.as_deref().map(slug).filter(|s| !s.is_empty())?;
    let own = [a.outlet.as_deref().map(slug), Some(slug(&a.id))];
    // The agency's name alone on a line above the story is its masthead.
    let masthead = |b: &wiretrace_parse::Block| b.role == Role::Section && slug(&b.text) == agency;
    let named = own.iter().flatten().any(|o| *o == agency || o.starts_with(&agency)) || a.blocks.iter().any(masthead);
    let furniture = a
        .blocks
        .iter()
        .filter(|b| matches!(b.role, Role::Boilerplate | Role::Section | Role::Caption) && !masthead(b))
        .count();
    if !named && furniture > 0 {
        return None;
    }
    let credit = a.blocks.iter().any(|b| b.role == Role::Credit);
    let date = a.date.clone().unwrap_or_else(|| "9999".to_string());
    Some((named, std::cmp::Reverse(furniture), credit, std::cmp::Reverse(date)))
}

/// Runs the whole pipeline on records; `errors` (records that could not be read) are carried
/// into the report.
pub fn analyze(records: Vec<Record>, errors: Vec<RecordError>, opts: &Options) -> Report {
    analyze_with_progress(records, errors, opts, &|_, _, _| {})
}

/// [`analyze`], telling `progress` how far it has got.
pub fn analyze_with_progress(
    mut records: Vec<Record>,
    mut errors: Vec<RecordError>,
    opts: &Options,
    progress: Progress<'_>,
) -> Report {
    wiretrace_parse::corpus::make_ids_unique(&mut records);
    progress("parsing", 0, records.len());
    let mut parsed: Vec<Article> = records.into_par_iter().map(|r| parse_record(r, &opts.agencies)).collect();
    if opts.repeated_line_docs > 0 {
        mark_repeated_lines(&mut parsed, opts.repeated_line_docs);
    }
    let mut articles = Vec::with_capacity(parsed.len());
    for a in parsed {
        if a.sentences.is_empty() {
            errors.push(RecordError::new(
                a.path.clone().unwrap_or_else(|| a.id.clone()),
                "no article text found (no body sentences after removing boilerplate)",
            ));
        } else {
            articles.push(a);
        }
    }
    let n = articles.len();
    progress("parsing", n, n);
    let features: Vec<DocFeatures> = articles
        .par_iter()
        .map(|a| {
            let texts: Vec<&str> = a.sentences.iter().map(|s| s.text.as_str()).collect();
            DocFeatures::new(&texts, opts.shingle_size)
        })
        .collect();
    let idf = Idf::from_docs(features.iter());

    // Same-story pairs: every pair of a small corpus; in a larger one, the pairs MinHash/LSH
    // proposes (see `clustering`), each then checked by sentence alignment.
    let all_pairs: Vec<(usize, usize)> = if n <= opts.exhaustive_up_to {
        (0..n).flat_map(|i| (i + 1..n).map(move |j| (i, j))).collect()
    } else {
        let copts = ClusterOptions::default();
        candidate_pairs(&sketch_all(&articles, &copts), &copts)
    };
    progress("aligning", 0, all_pairs.len());
    let judged: Vec<((usize, usize), Alignment, bool)> = all_pairs
        .par_iter()
        .map(|&(i, j)| {
            let (fa, fb) = (&features[i], &features[j]);
            let c = containment(&fa.shingles, &fb.shingles).max(containment(&fb.shingles, &fa.shingles));
            let al = align(fa, fb, &idf, &opts.align);
            let linked = al.links.len();
            let shorter = fa.sentences.len().min(fb.sentences.len()).max(1);
            let same = c >= opts.min_containment
                || (linked >= opts.min_links && linked as f64 / shorter as f64 >= opts.min_link_share);
            ((i, j), al, same)
        })
        .collect();
    let groups = clusters(n, judged.iter().filter(|(_, _, same)| *same).map(|(p, _, _)| *p));
    let mut alignments: HashMap<(usize, usize), Alignment> = judged.into_iter().map(|(p, al, _)| (p, al)).collect();
    // Pairs of a cluster joined only through others still need their alignment.
    let missing: Vec<(usize, usize)> = groups
        .iter()
        .flat_map(|g| g.iter().enumerate().flat_map(move |(x, &i)| g[x + 1..].iter().map(move |&j| (i, j))))
        .filter(|p| !alignments.contains_key(p))
        .collect();
    let extra: Vec<((usize, usize), Alignment)> =
        missing.par_iter().map(|&(i, j)| ((i, j), align(&features[i], &features[j], &idf, &opts.align))).collect();
    alignments.extend(extra);

    progress("claims", 0, n);
    let extract = |a: &Article, date: Option<&str>| match &opts.attribution_model {
        Some(model) => extract_article_learned(a, date, model),
        None => extract_article_dated(a, date),
    };
    let mut claims: Vec<Vec<Claim>> = articles.par_iter().map(|a| extract(a, None)).collect();
    // Versions without a date resolve "on Sunday" or "since last month" against the earliest
    // date of the other versions of their story.
    for members in &groups {
        let story_date = members.iter().filter_map(|&d| articles[d].date.as_deref()).min();
        if story_date.is_none() {
            continue;
        }
        for &d in members.iter().filter(|&&d| articles[d].date.is_none()) {
            claims[d] = extract(&articles[d], story_date);
        }
    }

    let mut report_clusters = Vec::new();
    let mut pairs = Vec::new();
    let mut drifts = Vec::new();
    for (ci, members) in groups.iter().enumerate() {
        progress("stories", ci, groups.len());
        let source = members
            .iter()
            .copied()
            .filter_map(|d| wire_rank(&articles[d]).map(|r| (r, d)))
            .max_by(|(ra, x), (rb, y)| {
                ra.cmp(rb)
                    .then(contained_from(*x, members, &features).total_cmp(&contained_from(*y, members, &features)))
                    .then(y.cmp(x))
            })
            .map(|(_, d)| d);
        let reference = source.or_else(|| {
            members.iter().copied().max_by(|&x, &y| {
                link_weight(x, members, &alignments).total_cmp(&link_weight(y, members, &alignments)).then(y.cmp(&x))
            })
        });
        // Pairs, with local indices for the drift finder.
        let mut local: HashMap<(usize, usize), Alignment> = HashMap::new();
        for (li, &i) in members.iter().enumerate() {
            for (lj, &j) in members.iter().enumerate().skip(li + 1) {
                let al = &alignments[&(i, j)];
                let (fa, fb) = (&features[i], &features[j]);
                pairs.push(Pair {
                    a: articles[i].id.clone(),
                    b: articles[j].id.clone(),
                    jaccard: jaccard(&fa.shingles, &fb.shingles),
                    containment_a_in_b: containment(&fa.shingles, &fb.shingles),
                    containment_b_in_a: containment(&fb.shingles, &fa.shingles),
                    links: al.links.iter().map(|l| link_record(l, &articles[i], &articles[j])).collect(),
                    a_only: al.only_a.clone(),
                    b_only: al.only_b.clone(),
                });
                local.insert((li, lj), al.clone());
            }
        }
        let copy = reference
            .map(|rf| {
                members
                    .iter()
                    .copied()
                    .filter(|&d| d != rf)
                    .map(|d| copy_share(&articles[d], d, rf, &alignments))
                    .collect()
            })
            .unwrap_or_default();
        if members.len() > 1 {
            let versions: Vec<Version<'_>> =
                members.iter().map(|&d| Version { article: &articles[d], claims: &claims[d] }).collect();
            let rf_local = members.iter().position(|&d| Some(d) == reference).unwrap_or(0);
            drifts.extend(find_drifts(&versions, &local, rf_local, source.is_some()));
        }
        let (units, reconstructed_source, derivation) = if members.len() > 1 {
            collation(members, &articles, &features, &local, reference)
        } else {
            (Vec::new(), None, Vec::new())
        };
        let claim_table = if members.len() > 1 {
            let docs: HashMap<&str, &Article> =
                members.iter().map(|&d| (articles[d].id.as_str(), &articles[d])).collect();
            let by_doc: HashMap<&str, &[Claim]> =
                members.iter().map(|&d| (articles[d].id.as_str(), claims[d].as_slice())).collect();
            let mine: Vec<_> = drifts.iter().filter(|d| docs.contains_key(d.document.as_str())).cloned().collect();
            let rf = reference.map(|d| articles[d].id.as_str());
            crate::claim_table::claim_table(&format!("c{ci}"), &units, &docs, &by_doc, &mine, rf)
        } else {
            Vec::new()
        };
        report_clusters.push(Cluster {
            claim_table,
            units,
            reconstructed_source,
            derivation,
            id: format!("c{ci}"),
            documents: members.iter().map(|&d| articles[d].id.clone()).collect(),
            source: source.map(|d| articles[d].id.clone()),
            reference: reference.filter(|_| members.len() > 1).map(|d| articles[d].id.clone()),
            copy,
        });
    }
    progress("stories", groups.len(), groups.len());
    Report {
        schema: SCHEMA.to_string(),
        documents: articles,
        clusters: report_clusters,
        pairs,
        claims: claims.into_iter().flatten().collect(),
        drifts,
        errors,
        attribution_model: opts.attribution_model.as_ref().map(|m| m.info().clone()),
    }
}

/// The collation of a cluster (units, reconstructed source, derivation).
fn collation(
    members: &[usize],
    articles: &[Article],
    features: &[DocFeatures],
    local: &HashMap<(usize, usize), Alignment>,
    reference: Option<usize>,
) -> (Vec<Vec<UnitVariant>>, Option<Vec<UnitVariant>>, Vec<DerivationRecord>) {
    let feats: Vec<&DocFeatures> = members.iter().map(|&d| &features[d]).collect();
    let units = collate::collate(&feats, local);
    let variant = |v: &collate::Variant| UnitVariant {
        document: articles[members[v.doc]].id.clone(),
        sentences: v.sentences.clone(),
    };
    let records: Vec<Vec<UnitVariant>> = units.iter().map(|u| u.variants.iter().map(variant).collect()).collect();
    let rebuilt =
        Some(collate::reconstruct(&feats, &units).into_iter().map(|(k, v)| variant(&units[k].variants[v])).collect());
    let rf = reference.and_then(|r| members.iter().position(|&d| d == r)).unwrap_or(0);
    let dates: Vec<Option<String>> = members.iter().map(|&d| articles[d].date.clone()).collect();
    let derivation = collate::derive(&feats, &units, rf, &dates)
        .into_iter()
        .map(|x| DerivationRecord {
            document: articles[members[x.doc]].id.clone(),
            parent: x.parent.map(|p| articles[members[p]].id.clone()),
            shared_deviations: x.shared_deviations,
            contained_in_parent: round(x.contained_in_parent),
            parent_contained: round(x.parent_contained),
        })
        .collect();
    (records, rebuilt, derivation)
}

/// The report's record of a link, with the word-level diff of an `edited` one in document
/// offsets.
pub fn link_record(l: &Link, a: &Article, b: &Article) -> LinkRecord {
    let diff = if l.kind == LinkKind::Edited {
        let (sa, sb) = (&a.sentences[l.a], &b.sentences[l.b]);
        word_diff(&sa.text, &sb.text)
            .into_iter()
            .map(|mut e| {
                e.a_start += sa.start;
                e.a_end += sa.start;
                e.b_start += sb.start;
                e.b_end += sb.start;
                e
            })
            .collect()
    } else {
        Vec::new()
    };
    LinkRecord {
        a_sentence: l.a,
        b_sentence: l.b,
        kind: l.kind.as_str().to_string(),
        score: round(l.score),
        shape: l.shape.as_str().to_string(),
        moved: l.moved,
        diff,
    }
}

fn round(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// How much of the other members' text is found in `d` (sum of their containments in `d`).
fn contained_from(d: usize, members: &[usize], features: &[DocFeatures]) -> f64 {
    members.iter().filter(|&&o| o != d).map(|&o| containment(&features[o].shingles, &features[d].shingles)).sum()
}

/// Sum of link scores between `d` and the other members.
fn link_weight(d: usize, members: &[usize], alignments: &HashMap<(usize, usize), Alignment>) -> f64 {
    members
        .iter()
        .filter(|&&o| o != d)
        .map(|&o| {
            alignments.get(&(d.min(o), d.max(o))).map(|a| a.links.iter().map(|l| l.score).sum::<f64>()).unwrap_or(0.0)
        })
        .sum()
}

fn copy_share(article: &Article, d: usize, rf: usize, alignments: &HashMap<(usize, usize), Alignment>) -> CopyShare {
    let al = &alignments[&(d.min(rf), d.max(rf))];
    let total = article.sentences.len().max(1) as f64;
    // Distinct sentences of `d` (a merge or split links one sentence more than once).
    let count = |k: LinkKind| {
        let mut own: Vec<usize> =
            al.links.iter().filter(|l| l.kind == k).map(|l| if d < rf { l.a } else { l.b }).collect();
        own.sort_unstable();
        own.dedup();
        own.len() as f64 / total
    };
    let (verbatim, edited, paraphrase) =
        (count(LinkKind::Verbatim), count(LinkKind::Edited), count(LinkKind::Paraphrase));
    CopyShare {
        document: article.id.clone(),
        verbatim: round(verbatim),
        edited: round(edited),
        paraphrase: round(paraphrase),
        added: round((1.0 - verbatim - edited - paraphrase).max(0.0)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_agency_page_under_its_own_masthead_is_the_wire() {
        let story = "Recount ordered at 112 polling stations in the north\n\nBy Ana Ruiz\n\nHARNSBY, Solvane (Meridian Press Bureau) — Ballots from 112 polling stations will be recounted by hand from Thursday, the commission said on Wednesday.\n\nThe count could take up to five days, its chairman said.\n";
        let read = |id: &str, text: String| wiretrace_parse::parse(id, None, text, wiretrace_parse::Format::Text);
        let own = read("page-1", format!("Meridian Press Bureau\n\n{story}"));
        let rank = wire_rank(&own).expect("the agency's own page");
        assert!(rank.0, "named by its masthead");
        assert_eq!(rank.1, std::cmp::Reverse(0), "a masthead is no page furniture");
        // An outlet's page that reprints the story under its own section line is not.
        let outlet = read("page-2", format!("Politics | Harnsby Courier\n\n{story}"));
        assert!(wire_rank(&outlet).is_none());
    }

    #[test]
    fn progress_goes_through_every_step_in_order_and_ends_complete() {
        let seen = std::sync::Mutex::new(Vec::new());
        let report = analyze_with_progress(crate::demo::inputs(), Vec::new(), &Options::default(), &|s, d, t| {
            seen.lock().unwrap().push((s, d, t))
        });
        let seen = seen.into_inner().unwrap();
        let steps: Vec<&str> = seen.iter().map(|(s, _, _)| *s).fold(Vec::new(), |mut v, s| {
            if v.last() != Some(&s) {
                v.push(s);
            }
            v
        });
        assert_eq!(steps, ["parsing", "aligning", "claims", "stories"]);
        assert_eq!(seen.last(), Some(&("stories", report.clusters.len(), report.clusters.len())));
        assert!(seen.iter().all(|(_, d, t)| d <= t));
    }
}
