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

fn group_of(a: &Article) -> Option<String> {
    a.outlet.as_ref().map(|o| o.trim().to_lowercase())
}

fn key(text: &str) -> String {
    text.split_whitespace()
        .map(|w| w.chars().map(|c| if c.is_ascii_digit() { '0' } else { c.to_ascii_lowercase() }).collect::<String>())
        .collect::<Vec<_>>()
        .join(" ")
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
        // line key -> (documents, headlines)
        let mut seen: HashMap<String, (HashSet<usize>, HashSet<String>)> = HashMap::new();
        for &d in members {
            let headline = articles[d].headline.clone().unwrap_or_else(|| articles[d].id.clone());
            for b in &articles[d].blocks {
                if matches!(b.role, Role::Body | Role::Subhead | Role::Dek | Role::Caption | Role::Credit)
                    && b.text.chars().count() <= MAX_LEN
                {
                    let entry = seen.entry(key(&b.text)).or_default();
                    entry.0.insert(d);
                    entry.1.insert(headline.to_lowercase());
                }
            }
        }
        let repeated: HashSet<&String> = seen
            .iter()
            .filter(|(_, (docs, heads))| docs.len() >= min_docs && heads.len() >= min_docs)
            .map(|(k, _)| k)
            .collect();
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
        let text = format!("{headline}\n\n{body}\n\nThe Gazette has served the Eastmere valley since 1921.\n");
        parse_text_with(id, None, text, Metadata { outlet: Some(outlet.into()), ..Metadata::default() })
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
            assert!(d.sentences.iter().all(|s| !s.text.contains("since 1921")));
        }
        // The wire sentence in three outlets stays story text; the single outlets keep their line.
        assert!(docs[2..].iter().all(|d| d.sentences.iter().any(|s| s.text == wire)));
        assert_eq!(docs[3].blocks.last().unwrap().role, Role::Body);
    }
}
