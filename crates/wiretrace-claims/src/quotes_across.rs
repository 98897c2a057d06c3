//! Quotations that run over more than one sentence of a paragraph, read at the article
//! level: the rest of a quotation opened in an earlier sentence is a quote too, and the
//! speaker named where it closes ("“We will rebuild every house. It will take years,” the
//! mayor said.") is the speaker of every part. A sentence that is only a quotation, right
//! after a quotation with a speaker, continues that speaker ("“It is a sad day,” he said.
//! “We mourn with the families.”").

use wiretrace_parse::{Article, Sentence};

use crate::model::{ClaimDetail, Span};

/// The claims of one sentence, as sentence-level extraction gives them.
pub(crate) type SentenceClaims = Vec<(ClaimDetail, Span)>;

/// The char index where a quotation left open before this sentence closes in it, if it does.
fn closing_mark(chars: &[char]) -> Option<usize> {
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '“' => return None,
            '"' | '”' => return Some(i),
            _ => {}
        }
    }
    None
}

/// Whether a sentence leaves a quotation open (after any continuation it closes at `from`).
fn leaves_open(chars: &[char], from: usize) -> bool {
    let rest = &chars[from.min(chars.len())..];
    let curly_open = rest.iter().rposition(|&c| c == '“');
    let curly_close = rest.iter().rposition(|&c| c == '”');
    let straight = rest.iter().filter(|&&c| c == '"').count();
    match (curly_open, curly_close) {
        (Some(o), Some(cl)) => o > cl,
        (Some(_), None) => true,
        _ => straight % 2 == 1,
    }
}

fn span_of(sentence: &Sentence, chars: &[char], from: usize, to: usize) -> Span {
    Span { start: sentence.start + from, end: sentence.start + to, text: chars[from..to].iter().collect() }
}

/// The quoted words between `from` and `to`, without the white space and the punctuation that
/// joins them to the rest ("…do it,” → "…do it").
fn trimmed(chars: &[char], from: usize, to: usize) -> Option<(usize, usize)> {
    let mut a = from;
    let mut b = to;
    while a < b && chars[a].is_whitespace() {
        a += 1;
    }
    while b > a && (chars[b - 1].is_whitespace() || matches!(chars[b - 1], ',' | '.' | '?' | '!' | ';' | ':')) {
        b -= 1;
    }
    (b > a).then_some((a, b))
}

/// Adds the continuations of quotations opened in earlier sentences and the speakers they
/// close with, and carries a speaker to the next sentence when it is only a quotation.
///
/// Returns, for each sentence that closes a quotation opened before it, the sentence and the
/// char offsets (in the article) of the quotation's opening mark and of the end of its
/// closing mark.
pub(crate) fn link_quotes(sentences: &[Sentence], claims: &mut [SentenceClaims]) -> Vec<(usize, usize, usize)> {
    let mut closed = Vec::new();
    // (sentence, index of its opening quote claim) of a quotation still open.
    let mut open: Option<(usize, usize)> = None;
    for i in 0..sentences.len() {
        let s = &sentences[i];
        let chars: Vec<char> = s.text.chars().collect();
        let mut from = 0;
        if let Some((j, q)) = open.filter(|&(j, _)| sentences[j].block == s.block) {
            let close = closing_mark(&chars);
            let end = close.unwrap_or(chars.len());
            // A straight mark that closes the quotation opened before opens none: the
            // sentence-level quote read from it to the sentence's end is no quote.
            if let Some(c) = close {
                let mark = s.start + c;
                claims[i].retain(|(d, whole)| !(matches!(d, ClaimDetail::Quote { .. }) && whole.start == mark));
            }
            // The speaker: the first source named after the closing mark.
            let speaker = close.and_then(|c| {
                claims[i].iter().find_map(|(d, _)| match d {
                    ClaimDetail::Attribution { source, .. } if source.span.start >= s.start + c => {
                        Some(source.span.clone())
                    }
                    _ => None,
                })
            });
            if let Some((a, b)) = trimmed(&chars, 0, end) {
                let content = span_of(s, &chars, a, b);
                let whole = span_of(s, &chars, 0, close.map_or(end, |c| c + 1));
                claims[i].push((ClaimDetail::Quote { content, speaker: speaker.clone() }, whole));
            }
            if let Some(sp) = speaker {
                if let Some((ClaimDetail::Quote { speaker: opening, .. }, _)) = claims[j].get_mut(q) {
                    if opening.is_none() {
                        *opening = Some(sp);
                    }
                }
            }
            if let Some(c) = close {
                let opened = claims[j].get(q).map_or(s.start, |(_, whole)| whole.start);
                closed.push((i, opened, s.start + c + 1));
            }
            from = close.map_or(chars.len(), |c| c + 1);
            open = if close.is_some() { None } else { Some((j, q)) };
        } else {
            open = None;
        }
        if open.is_none() && leaves_open(&chars, from) {
            let last_quote = claims[i].iter().rposition(|(d, _)| matches!(d, ClaimDetail::Quote { .. }));
            open = last_quote.map(|q| (i, q));
        }
        // A sentence that is only a quotation continues the speaker of the quotation before.
        if i > 0 && sentences[i - 1].block == s.block && s.text.trim_start().starts_with(['“', '"']) {
            let before = claims[i - 1].iter().rev().find_map(|(d, _)| match d {
                ClaimDetail::Quote { speaker: Some(sp), .. } => Some(sp.clone()),
                _ => None,
            });
            let has_source = claims[i].iter().any(|(d, _)| matches!(d, ClaimDetail::Attribution { .. }));
            if let (Some(sp), false) = (before, has_source) {
                for (d, _) in claims[i].iter_mut() {
                    if let ClaimDetail::Quote { speaker: speaker @ None, .. } = d {
                        *speaker = Some(sp.clone());
                    }
                }
            }
        }
    }
    closed
}

/// Whether no quotation mark is left in a sentence after char `from` (what follows a
/// quotation is only who said it, and how).
fn unquoted_after(text: &str, from: usize) -> bool {
    let rest: String = text.chars().skip(from).collect();
    !rest.contains(['“', '”', '"']) && !rest.contains("''")
}

/// Stretches the content of an attribution over the whole of a quotation that its cue
/// interrupts across sentences, as the attribution covers all of it: from where the quotation
/// opened in an earlier sentence (`closed`, from [`link_quotes`]), and on over the quotation
/// that follows a sentence which goes on only with its source and cue ("“A,” Priebus said.
/// “B.”"), up to the mark that closes it, when no other source is named in between.
pub(crate) fn quoted_contents(article: &Article, closed: &[(usize, usize, usize)], claims: &mut [SentenceClaims]) {
    let sentences = &article.sentences;
    for &(i, opened, closes) in closed {
        let start = sentences[i].start;
        let lead = sentences[i].text.chars().take_while(|c| c.is_whitespace()).count();
        for (d, _) in claims[i].iter_mut() {
            if let ClaimDetail::Attribution { content: Some(c), .. } = d {
                if c.start == start + lead && c.end <= closes {
                    *c = Span { start: opened, end: closes, text: article.slice(opened, closes) };
                }
            }
        }
    }
    for i in 0..sentences.len().saturating_sub(1) {
        let s = &sentences[i];
        let Some(k) = claims[i].iter().position(|(d, _)| match d {
            ClaimDetail::Attribution { content: Some(c), cue, .. } => {
                c.end <= cue.start && c.text.starts_with(['“', '"', '\'']) && unquoted_after(&s.text, c.end - s.start)
            }
            _ => false,
        }) else {
            continue;
        };
        // The quotation that follows, to the sentence where it closes.
        let mut end = None;
        for (m, next) in sentences.iter().enumerate().skip(i + 1).take(6) {
            let attributed = claims[m].iter().any(|(d, _)| matches!(d, ClaimDetail::Attribution { .. }));
            let text: Vec<char> = next.text.chars().collect();
            let skip = if m == i + 1 {
                let lead = text.iter().take_while(|c| c.is_whitespace()).count();
                let opens = match text.get(lead..lead + 2) {
                    Some(['\'', '\'']) => 2,
                    Some(['“' | '"', _]) => 1,
                    _ => 0,
                };
                if opens == 0 {
                    break;
                }
                lead + opens
            } else {
                0
            };
            if next.block != s.block || attributed {
                break;
            }
            let rest = &text[skip..];
            let mark = rest.iter().position(|&c| matches!(c, '”' | '"'));
            let doubled = rest.windows(2).position(|w| w == ['\'', '\'']);
            let close = match (mark, doubled) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
            if let Some(at) = close {
                let width = if text[skip + at] == '\'' { 2 } else { 1 };
                end = Some(next.start + skip + at + width);
                break;
            }
        }
        if let (Some(end), ClaimDetail::Attribution { content: Some(c), .. }) = (end, &mut claims[i][k].0) {
            *c = Span { start: c.start, end, text: article.slice(c.start, end) };
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{extract_article, ClaimDetail};

    #[test]
    fn quotations_over_two_sentences_share_their_speaker() {
        let text = "Mayor says town will rebuild\n\nHAVENPORT, Norland (Meridian Wire) – The mayor spoke on Monday.\n\n“We will rebuild every house. It will take years, but we will do it,” Mayor Dorin Maskell said.\n\n\"It is a sad day,\" he said. \"We mourn with the families.\"\n\n“A new paragraph quote.”\n";
        let article = wiretrace_parse::parse_text("t", text.to_string());
        let quotes: Vec<(String, Option<String>)> = extract_article(&article)
            .into_iter()
            .filter_map(|c| match c.detail {
                ClaimDetail::Quote { content, speaker } => Some((content.text, speaker.map(|s| s.text))),
                _ => None,
            })
            .collect();
        let mayor = Some("Mayor Dorin Maskell".to_string());
        assert_eq!(
            quotes,
            vec![
                ("We will rebuild every house".to_string(), mayor.clone()),
                ("It will take years, but we will do it".to_string(), mayor),
                ("It is a sad day".to_string(), Some("he".to_string())),
                ("We mourn with the families".to_string(), Some("he".to_string())),
                // Another paragraph: no speaker carried over.
                ("A new paragraph quote".to_string(), None),
            ]
        );
    }

    #[test]
    fn a_straight_mark_closing_a_quotation_opens_none() {
        let text = "Count to be redone\n\nTARROWGATE, Solvane (Meridian Wire) – The count will be redone.\n\nThe chairman said it could take five days. \"The commission has nothing to hide. If there were errors, the recount will find them,\" he told a news conference in Tarrowgate.\n";
        let article = wiretrace_parse::parse_text("t", text.to_string());
        let quotes: Vec<String> = extract_article(&article)
            .into_iter()
            .filter_map(|c| match c.detail {
                ClaimDetail::Quote { content, .. } => Some(content.text),
                _ => None,
            })
            .collect();
        assert_eq!(
            quotes,
            vec!["The commission has nothing to hide", "If there were errors, the recount will find them"],
            "{quotes:?}"
        );
    }

    #[test]
    fn a_quotation_interrupted_by_its_cue_is_one_content() {
        let text = "Mayor says town will rebuild\n\nHAVENPORT, Norland (Meridian Wire) – The mayor spoke on Monday.\n\n“We will rebuild every house. It will take years,” Mayor Dorin Maskell said.\n\n\"It is a sad day,\" he said at the town hall. \"We mourn with the families. They will not be forgotten.\" The flags flew at half-mast.\n\n“We are safe,” a resident said. “The river fell,” her neighbour added.\n\n“Help came,” the chief said.\n\n“It is over. We lost,” Ada Quist, who chairs the panel, told reporters.\n\n“Another paragraph.”\n";
        let article = wiretrace_parse::parse_text("t", text.to_string());
        let contents: Vec<String> = extract_article(&article)
            .into_iter()
            .filter_map(|c| match c.detail {
                ClaimDetail::Attribution { content, .. } => content.map(|c| c.text),
                _ => None,
            })
            .collect();
        assert_eq!(
            contents,
            vec![
                // From where the quotation opened, sentences before the cue.
                "“We will rebuild every house. It will take years,”".to_string(),
                // On to where the quotation that follows the cue closes.
                "\"It is a sad day,\" he said at the town hall. \"We mourn with the families. They will not be forgotten.\""
                    .to_string(),
                // Not over a quotation with a source of its own, nor into another paragraph.
                "“We are safe,”".to_string(),
                "“The river fell,”".to_string(),
                "“Help came,”".to_string(),
                // A source with its description after the end of a quotation.
                "“It is over. We lost,”".to_string(),
            ]
        );
    }
}
