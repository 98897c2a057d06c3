//! Quotations that run over more than one sentence of a paragraph, read at the article
//! level: the rest of a quotation opened in an earlier sentence is a quote too, and the
//! speaker named where it closes ("“We will rebuild every house. It will take years,” the
//! mayor said.") is the speaker of every part. A sentence that is only a quotation, right
//! after a quotation with a speaker, continues that speaker ("“It is a sad day,” he said.
//! “We mourn with the families.”").

use wiretrace_parse::Sentence;

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
pub(crate) fn link_quotes(sentences: &[Sentence], claims: &mut [SentenceClaims]) {
    // (sentence, index of its opening quote claim) of a quotation still open.
    let mut open: Option<(usize, usize)> = None;
    for i in 0..sentences.len() {
        let s = &sentences[i];
        let chars: Vec<char> = s.text.chars().collect();
        let mut from = 0;
        if let Some((j, q)) = open.filter(|&(j, _)| sentences[j].block == s.block) {
            let close = closing_mark(&chars);
            let end = close.unwrap_or(chars.len());
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
}
