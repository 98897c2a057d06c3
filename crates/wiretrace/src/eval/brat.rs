//! Attribution annotations in BRAT standoff, as PolNeAR publishes them: a compartment folder
//! with `text/<article>.txt` and `attributions/<article>_<annotator>.ann`, whose `T` lines
//! are spans (`T1\tSource 110 112\twe`, character offsets into the article text) and whose
//! `E` lines are the relations.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use wiretrace_claims::learned::{Annotated, RoleSpans};
use wiretrace_parse::{parse, Format};

/// The roles of an attribution.
pub(crate) const ROLES: [&str; 3] = ["source", "cue", "content"];

/// The annotated spans of one article, per role, the number of relations, and which content
/// each cue's relation credits.
#[derive(Debug, Default)]
pub(crate) struct Gold {
    pub(crate) spans: BTreeMap<&'static str, Vec<(usize, usize)>>,
    pub(crate) relations: usize,
    /// (index of a cue in `spans["cue"]`, index of its content in `spans["content"]`).
    pub(crate) links: Vec<(usize, usize)>,
}

/// The cue and content span ids of a relation line (`E1\tAttribution:T4 Content:T3 Cue:T2
/// Source:T1`).
fn relation_ids(line: &str) -> (Option<&str>, Option<&str>) {
    let args = line.split('\t').nth(1).unwrap_or("");
    let id = |role: &str| {
        args.split(' ').find_map(|a| a.split_once(':').filter(|(r, _)| r.eq_ignore_ascii_case(role)).map(|(_, t)| t))
    };
    (id("cue"), id("content"))
}

/// Reads a BRAT standoff file: `T` lines of type Source, Cue or Content; `E` lines are the
/// relations, whose cue and content are linked. Lines that cannot be read, and spans beyond
/// the article's `chars` characters, are reported in `skipped`.
fn read_ann(path: &Path, chars: usize, skipped: &mut Vec<String>) -> Result<Gold, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let mut gold = Gold::default();
    // Each span id's role and index in that role's spans.
    let mut ids: BTreeMap<&str, (&'static str, usize)> = BTreeMap::new();
    let mut relations = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.starts_with('E') {
            gold.relations += 1;
            relations.push(relation_ids(line));
            continue;
        }
        if !line.starts_with('T') {
            continue;
        }
        let mut fields = line.split('\t');
        let (Some(id), Some(spec)) = (fields.next(), fields.next()) else {
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
        // Each fragment is a start and a greater end.
        let fragments_ok = offsets.as_ref().is_some_and(|o| o.len() % 2 == 0 && o.chunks(2).all(|f| f[0] < f[1]));
        match extent {
            Some((start, end)) if fragments_ok && end <= chars => {
                let spans = gold.spans.entry(role).or_default();
                ids.insert(id, (role, spans.len()));
                spans.push((start, end));
            }
            Some((_, end)) if fragments_ok => skipped.push(format!(
                "{}:{}: the span ends at {end}, after the article's end ({chars} characters)",
                path.display(),
                n + 1
            )),
            _ => skipped.push(format!("{}:{}: offsets unreadable: {spec}", path.display(), n + 1)),
        }
    }
    for (cue, content) in relations {
        if let (Some(&("cue", c)), Some(&("content", t))) =
            (cue.and_then(|id| ids.get(id)), content.and_then(|id| ids.get(id)))
        {
            gold.links.push((c, t));
        }
    }
    Ok(gold)
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

/// The articles of a compartment with their annotations, and what could not be read.
pub(crate) struct Compartment {
    /// (article name, text, annotations), by name.
    pub(crate) work: Vec<(String, String, Gold)>,
    /// Articles and annotation lines left out (path: reason).
    pub(crate) skipped: Vec<String>,
}

/// Reads a compartment (`limit`: the first N articles by name). Where several annotators
/// marked an article, the first annotation file by name is read, so that each article counts
/// once.
pub(crate) fn read_compartment(dir: &Path, limit: Option<usize>) -> Result<Compartment, String> {
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
        let gold = read_ann(&ann, text.chars().count(), &mut skipped)?;
        work.push((article, text, gold));
    }
    if work.is_empty() {
        return Err(format!("{}: no article with annotations", dir.display()));
    }
    Ok(Compartment { work, skipped })
}

/// The annotated articles of a compartment, parsed as plain text, to train a model on; and
/// the articles and annotation lines that could not be read.
///
/// # Errors
/// When `dir` is not a compartment or holds no annotated article.
pub fn training_set(dir: &Path, limit: Option<usize>) -> Result<(Vec<Annotated>, Vec<String>), String> {
    let Compartment { work, skipped } = read_compartment(dir, limit)?;
    let docs = work
        .into_iter()
        .map(|(id, text, gold)| Annotated { article: parse(&id, None, text, Format::Text), spans: gold.role_spans() })
        .collect();
    Ok((docs, skipped))
}

impl Gold {
    /// The spans by role.
    pub(crate) fn role_spans(&self) -> RoleSpans {
        let get = |role: &str| self.spans.get(role).cloned().unwrap_or_default();
        RoleSpans { sources: get("source"), cues: get("cue"), contents: get("content"), links: self.links.clone() }
    }
}
