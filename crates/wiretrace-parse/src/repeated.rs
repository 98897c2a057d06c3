//! Corpus-aware cleaning: a line that one outlet prints in several of its different stories
//! ("The Gazette has served the valley since 1921.", "This story will be updated.") is that
//! outlet's boilerplate, even when no pattern knows it.
//!
//! Articles are grouped by outlet; articles whose outlet is unknown are left alone (a folder
//! often holds one story as printed by many outlets, where repeated lines are copied wire
//! text, not boilerplate). A short block whose text (case, spacing and digits folded) stands in at least `min_docs`
//! articles of a group, with at least `min_docs` different headlines among them, becomes
//! boilerplate. The same line in articles of different outlets — wire copy — is left alone.

use crate::model::{Article, Role};
use std::collections::{HashMap, HashSet};

/// Blocks longer than this are story paragraphs, never repeated boilerplate.
const MAX_LEN: usize = 300;
/// Two articles whose body words overlap this much (Jaccard) tell the same story.
const SAME_STORY: f64 = 0.3;

/// The words of an article's body, lines that are candidates for boilerplate left out.
fn body_words(a: &Article, candidates: &HashSet<&String>) -> HashSet<String> {
    a.blocks
        .iter()
        .filter(|b| b.role == Role::Body && !candidates.contains(&key(&b.text)))
        .flat_map(|b| b.text.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().count() >= 4)
        .map(str::to_lowercase)
        .collect()
}

fn jaccard(a: &HashSet<String>, b: &HashSet<String>) -> f64 {
    let inter = a.intersection(b).count();
    let union = a.len() + b.len() - inter;
    if union == 0 {
        0.0
    } else {
        inter as f64 / union as f64
    }
}

fn group_of(a: &Article) -> Option<String> {
    a.outlet.as_ref().map(|o| o.trim().to_lowercase())
}

fn key(text: &str) -> String {
    text.split_whitespace().map(str::to_lowercase).collect::<Vec<_>>().join(" ")
}

/// Lines that carry news — a number, a quotation, an attribution — are never taken for an
/// outlet's boilerplate, however often they repeat (follow-ups of one story repeat ledes).
fn carries_news(text: &str) -> bool {
    text.chars().any(|c| c.is_ascii_digit() || matches!(c, '“' | '”' | '"'))
        || [" said", " says", " told ", "according to", "reportedly"].iter().any(|w| text.contains(w))
}

/// Marks each outlet's repeated lines as boilerplate (and drops their sentences); returns how
/// many blocks changed role.
pub fn mark_repeated_lines(articles: &mut [Article], min_docs: usize) -> usize {
    let min_docs = min_docs.max(2);
    let mut groups: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, a) in articles.iter().enumerate() {
        if let Some(g) = group_of(a) {
            groups.entry(g).or_default().push(i);
        }
    }
    let mut changed = 0;
    for members in groups.values().filter(|m| m.len() >= min_docs) {
        // line key -> documents that carry it
        let mut seen: HashMap<String, Vec<usize>> = HashMap::new();
        for &d in members {
            for b in &articles[d].blocks {
                if matches!(b.role, Role::Body | Role::Subhead | Role::Dek | Role::Caption | Role::Credit)
                    && b.text.chars().count() <= MAX_LEN
                    && !carries_news(&b.text)
                {
                    let docs = seen.entry(key(&b.text)).or_default();
                    if docs.last() != Some(&d) {
                        docs.push(d);
                    }
                }
            }
        }
        let mut words: HashMap<usize, HashSet<String>> = HashMap::new();
        let mut repeated: HashSet<String> = HashSet::new();
        let mut keys: Vec<&String> = seen.iter().filter(|(_, docs)| docs.len() >= min_docs).map(|(k, _)| k).collect();
        keys.sort();
        let candidates: HashSet<&String> = keys.iter().copied().collect();
        for k in keys {
            // Count only articles that tell different stories from each other.
            let mut stories: Vec<usize> = Vec::new();
            for &d in &seen[k] {
                let wd = words.entry(d).or_insert_with(|| body_words(&articles[d], &candidates)).clone();
                let distinct = stories.iter().all(|s| jaccard(&wd, &words[s]) < SAME_STORY);
                if distinct {
                    stories.push(d);
                }
            }
            if stories.len() >= min_docs {
                repeated.insert(k.clone());
            }
        }
        if repeated.is_empty() {
            continue;
        }
        for &d in members {
            let a = &mut articles[d];
            let mut dropped = HashSet::new();
            for (bi, b) in a.blocks.iter_mut().enumerate() {
                if b.role != Role::Boilerplate && b.text.chars().count() <= MAX_LEN && repeated.contains(&key(&b.text))
                {
                    b.role = Role::Boilerplate;
                    dropped.insert(bi);
                    changed += 1;
                }
            }
            if !dropped.is_empty() {
                a.sentences.retain(|s| !dropped.contains(&s.block));
            }
        }
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{parse_text_with, Metadata};

    fn article(id: &str, outlet: &str, headline: &str, body: &str) -> Article {
        let text = format!("{headline}\n\n{body}\n\nThe Gazette has served the Eastmere valley for a century.\n");
        parse_text_with(id, None, text, Metadata { outlet: Some(outlet.into()), ..Metadata::default() })
    }

    #[test]
    fn follow_ups_keep_their_news() {
        let mut docs: Vec<Article> = [12, 20, 31]
            .iter()
            .enumerate()
            .map(|(i, n)| {
                let lede = format!("The death toll rose to {n}, the ministry said.");
                parse_text_with(
                    &format!("u{i}"),
                    None,
                    format!("Update {i} on the flood in the port town\n\n{lede}\n\nThe figure could not be independently verified.\n"),
                    Metadata { outlet: Some("The Gazette".into()), ..Metadata::default() },
                )
            })
            .collect();
        mark_repeated_lines(&mut docs, 3);
        for d in &docs {
            assert!(d.sentences.iter().any(|s| s.text.starts_with("The death toll")), "{}", d.id);
            assert!(d.sentences.iter().any(|s| s.text.contains("independently verified")), "{}", d.id);
        }
    }

    #[test]
    fn an_outlets_repeated_line_becomes_boilerplate_but_wire_copy_does_not() {
        let wire = "At least 12 people were killed in the explosion on Monday, the ministry said.";
        let mut docs = vec![
            article(
                "g1",
                "The Gazette",
                "Council approves the cycling budget",
                "The council voted 7 to 2 on Monday to fund new cycling lanes.",
            ),
            article(
                "g2",
                "The Gazette",
                "Ferry service resumes after storm",
                "The ferry to Lindqvist Island resumed on Tuesday, the operator said.",
            ),
            article("g3", "The Gazette", "Explosion at the Havenport plant", wire),
            article("p1", "The Post", "Explosion at the Havenport plant", wire),
            article("h1", "The Herald", "Blast at Havenport plant kills 12", wire),
        ];
        let changed = mark_repeated_lines(&mut docs, 3);
        assert_eq!(changed, 3);
        for d in &docs[..3] {
            let last = d.blocks.last().unwrap();
            assert_eq!(last.role, Role::Boilerplate, "{}", d.id);
            assert!(d.sentences.iter().all(|s| !s.text.contains("for a century")));
        }
        // The wire sentence in three outlets stays story text; the single outlets keep their line.
        assert!(docs[2..].iter().all(|d| d.sentences.iter().any(|s| s.text == wire)));
        assert_eq!(docs[3].blocks.last().unwrap().role, Role::Body);
    }
}
