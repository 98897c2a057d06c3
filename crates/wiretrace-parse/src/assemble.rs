//! Turning role-tagged byte ranges into an [`Article`]: dateline split, metadata, sentences,
//! code-point offsets. Shared by the plain-text and HTML parsers.

use crate::dateline::split_dateline;
use crate::dates::parse_date_line;
use crate::model::{Article, Block, Role, Sentence};
use crate::offsets::CharIndex;
use crate::sentences::split_sentences;

/// A block before assembly: a role and a byte range of the text.
#[derive(Debug, Clone)]
pub(crate) struct RawBlock {
    pub role: Role,
    pub start: usize,
    pub end: usize,
    pub source: Option<String>,
}

/// Metadata known from outside the text (HTML meta tags, corpus columns).
#[derive(Debug, Clone, Default)]
pub struct Metadata {
    /// Outlet name.
    pub outlet: Option<String>,
    /// Headline.
    pub headline: Option<String>,
    /// Standfirst.
    pub dek: Option<String>,
    /// Date, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Byline.
    pub byline: Option<String>,
    /// Section.
    pub section: Option<String>,
    /// The page's URL.
    pub url: Option<String>,
}

fn clean_byline(s: &str) -> String {
    let s = s.trim();
    let s = s.strip_prefix("By ").or_else(|| s.strip_prefix("BY ")).or_else(|| s.strip_prefix("by ")).unwrap_or(s);
    s.trim().trim_end_matches(['.', ',']).to_string()
}

pub(crate) fn assemble(id: String, path: Option<String>, text: String, raw: Vec<RawBlock>, meta: Metadata) -> Article {
    let mut blocks_b: Vec<RawBlock> = Vec::with_capacity(raw.len() + 1);
    let mut dateline = None;
    let mut agency = None;
    // The dateline opens the lede: the first body paragraph of some length (short lines such as
    // "Updated 2 hours ago" read as body can come before it).
    let mut seen_body = false;
    for b in raw {
        if b.role == Role::Body && !seen_body && crate::tokens::count_words(&text[b.start..b.end], 12) >= 12 {
            seen_body = true;
            if let Some(d) = split_dateline(&text[b.start..b.end]) {
                if b.start + d.len < b.end {
                    blocks_b.push(RawBlock {
                        role: Role::Dateline,
                        start: b.start,
                        end: b.start + d.text_len,
                        source: b.source.clone(),
                    });
                    blocks_b.push(RawBlock { role: Role::Body, start: b.start + d.len, end: b.end, source: b.source });
                    dateline = Some(d.place);
                    agency = d.agency;
                    continue;
                }
            }
        }
        blocks_b.push(b);
    }
    let first = |role: Role| blocks_b.iter().find(|b| b.role == role).map(|b| text[b.start..b.end].trim().to_string());
    let headline = meta.headline.or_else(|| first(Role::Headline));
    let dek = meta.dek.or_else(|| first(Role::Dek));
    let section = meta.section.or_else(|| first(Role::Section));
    let byline = meta.byline.or_else(|| first(Role::Byline)).map(|b| clean_byline(&b));
    let date = meta.date.or_else(|| {
        blocks_b.iter().filter(|b| b.role == Role::Date).find_map(|b| parse_date_line(&text[b.start..b.end]))
    });

    let index = CharIndex::new(&text);
    let mut blocks = Vec::with_capacity(blocks_b.len());
    let mut sentences = Vec::new();
    for (bi, b) in blocks_b.iter().enumerate() {
        let btext = &text[b.start..b.end];
        if b.role == Role::Body {
            for (s, e) in split_sentences(btext) {
                sentences.push(Sentence {
                    start: index.char_of(b.start + s),
                    end: index.char_of(b.start + e),
                    text: btext[s..e].to_string(),
                    block: bi,
                });
            }
        }
        blocks.push(Block {
            role: b.role,
            start: index.char_of(b.start),
            end: index.char_of(b.end),
            text: btext.to_string(),
            source: b.source.clone(),
        });
    }
    Article {
        id,
        path,
        outlet: meta.outlet,
        headline,
        dek,
        date,
        dateline,
        byline,
        section,
        agency,
        url: meta.url,
        text,
        blocks,
        sentences,
    }
}
