//! What outlets do to wire sentences, as operations on token lists: edits of a few words,
//! paraphrase-like rewrites, merges, splits and number changes.

use super::language::{Language, Token};
use super::Rng;

/// Prepositions a sentence can be turned around.
const PREPOSITION_WORDS: &[&str] =
    &["in", "on", "at", "for", "with", "after", "from", "over", "near", "against", "under"];

fn plain_words(tokens: &[Token]) -> Vec<usize> {
    tokens.iter().enumerate().filter(|(_, t)| t.is_plain_word()).map(|(i, _)| i).collect()
}

/// A few word-level changes of the kind sub-editors make (a synonym, an added or dropped
/// modifier, another article); the sentence always changes.
pub(crate) fn edit(tokens: &[Token], rng: &mut Rng, lang: &Language) -> Vec<Token> {
    let mut out = tokens.to_vec();
    let ops = 1 + rng.below(3);
    for _ in 0..ops {
        let words = plain_words(&out);
        if words.is_empty() {
            break;
        }
        let at = words[rng.below(words.len())];
        match rng.below(4) {
            0 | 1 => {
                if let Token::Word(w) = out[at] {
                    out[at] = Token::Word(lang.synonym(w));
                }
            }
            2 => out.insert(at, Token::Word(lang.common(rng))),
            _ => {
                if words.len() > 3 && at > 0 && out[at - 1].is_plain_word() {
                    out.remove(at);
                } else if let Token::Word(w) = out[at] {
                    out[at] = Token::Word(lang.synonym(w));
                }
            }
        }
    }
    if out == tokens {
        if let Some(&at) = plain_words(&out).first() {
            if let Token::Word(w) = out[at] {
                out[at] = Token::Word(lang.synonym(w));
            }
        } else {
            out.insert(0, Token::Function("then"));
        }
    }
    out
}

/// Where a closing attribution (", X said") starts, if the sentence has one.
fn attribution_start(tokens: &[Token]) -> Option<usize> {
    let last = tokens.len().checked_sub(1)?;
    let saying = matches!(&tokens[last], Token::Function(w) if w.starts_with("said") || w.starts_with("told")
        || *w == "confirmed" || *w == "announced");
    if !saying || tokens.iter().any(|t| matches!(t, Token::Quote(_))) {
        return None;
    }
    tokens[..last].iter().rposition(|t| *t == Token::Comma)
}

/// A paraphrase-like rewrite: the attribution moved to the front, or a phrase moved, or the
/// sentence turned around a preposition; most content words replaced by synonyms, some
/// function words dropped. Names and numbers are kept.
pub(crate) fn paraphrase(tokens: &[Token], rng: &mut Rng, lang: &Language) -> Vec<Token> {
    let mut body = tokens.to_vec();
    let mut lead = Vec::new();
    if let Some(c) = attribution_start(&body) {
        let attribution: Vec<Token> = body.drain(c..).skip(1).collect();
        lead = attribution;
        lead.push(Token::Function("that"));
    }
    // Move a comma-delimited phrase to the front.
    let commas: Vec<usize> = body.iter().enumerate().filter(|(_, t)| **t == Token::Comma).map(|(i, _)| i).collect();
    if commas.len() >= 2 && lead.is_empty() && commas[1] > commas[0] + 1 {
        let (a, b) = (commas[0], commas[1]);
        let phrase: Vec<Token> = body[a + 1..b].to_vec();
        body.drain(a..b);
        let mut front = phrase;
        front.push(Token::Comma);
        front.append(&mut body);
        body = front;
    } else if lead.is_empty() {
        // Turn the sentence around its last preposition in the second half.
        let n = body.len();
        if let Some(p) = (n / 2..n.saturating_sub(2))
            .rev()
            .find(|&i| matches!(body[i], Token::Function(w) if PREPOSITION_WORDS.contains(&w)))
        {
            let mut front: Vec<Token> = body.drain(p..).filter(|t| *t != Token::Comma).collect();
            front.push(Token::Comma);
            front.append(&mut body);
            body = front;
        }
    }
    let mut out = lead;
    out.extend(body);
    let mut changed = 0;
    let mut i = 0;
    while i < out.len() {
        match &out[i] {
            Token::Word(w) if rng.chance(0.6) => {
                out[i] = Token::Word(lang.synonym(*w));
                changed += 1;
            }
            Token::Function("the") if rng.chance(0.2) && i + 1 < out.len() && out[i + 1].is_plain_word() => {
                out.remove(i);
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    if changed == 0 {
        return edit(&out, rng, lang);
    }
    out
}

/// Two sentences joined into one.
pub(crate) fn merge(a: &[Token], b: &[Token]) -> Vec<Token> {
    let mut out = a.to_vec();
    out.push(Token::Comma);
    out.push(Token::Function("and"));
    out.extend_from_slice(b);
    out
}

/// One sentence cut in two at a conjunction or preposition near its middle.
pub(crate) fn split(tokens: &[Token]) -> Option<(Vec<Token>, Vec<Token>)> {
    let n = tokens.len();
    if tokens.iter().any(|t| matches!(t, Token::Quote(_))) {
        return None;
    }
    let at = (n * 2 / 5..n * 7 / 10)
        .find(|&i| matches!(tokens[i], Token::Function("and") | Token::Function("which") | Token::Function("that")))?;
    let first = tokens[..at].iter().filter(|t| **t != Token::Comma).cloned().collect::<Vec<_>>();
    let mut second = vec![Token::Function("this")];
    let rest: Vec<Token> = tokens[at + 1..].to_vec();
    if rest.len() < 3 || first.len() < 4 {
        return None;
    }
    second.extend(rest);
    Some((first, second))
}

/// Replaces every occurrence of the number `from` by `to`; whether any was there.
pub(crate) fn change_number(tokens: &mut [Token], from: u32, to: u32) -> bool {
    let mut any = false;
    for t in tokens.iter_mut() {
        if *t == Token::Number(from) {
            *t = Token::Number(to);
            any = true;
        }
    }
    any
}
