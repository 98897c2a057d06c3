//! Attribution claims from the spans a model tags: each cue is given the nearest source of its
//! sentence (or, when the model tags none there, the source the rules read for the same cue)
//! and the content the model tagged for that cue. A cue with no source is
//! left out, as the rules leave it out: an attribution credits someone.

use super::{prepare, AttributionModel};
use crate::attribution::normalize_source;
use crate::model::{Claim, ClaimDetail, Source, Span};
use wiretrace_parse::Article;

/// The claims of an article, as [`crate::extract_article_dated`] reads them, with the
/// attributions read by a trained model instead of the rules.
///
/// ```no_run
/// use wiretrace_claims::learned::{extract_article_learned, AttributionModel};
/// let model = AttributionModel::load(std::path::Path::new("attribution.model")).unwrap();
/// let text = "The minister, speaking on radio, called for calm.".to_string();
/// let article = wiretrace_parse::parse("a", None, text, wiretrace_parse::Format::Text);
/// let claims = extract_article_learned(&article, None, &model);
/// ```
pub fn extract_article_learned(article: &Article, fallback: Option<&str>, model: &AttributionModel) -> Vec<Claim> {
    let claims = crate::extract::extract_article_dated(article, fallback);
    let spans = model.tag(&prepare(article, &claims));
    let bytes: Vec<usize> =
        article.text.char_indices().map(|(b, _)| b).chain(std::iter::once(article.text.len())).collect();
    let slice = |s: usize, e: usize| article.text[bytes[s]..bytes[e]].to_string();
    let span = |(s, e): (usize, usize)| Span { start: s, end: e, text: slice(s, e) };
    let sentence_of = |pos: usize| -> Option<usize> {
        let k = article.sentences.partition_point(|s| s.start <= pos).checked_sub(1)?;
        (pos < article.sentences[k].end).then_some(k)
    };
    let rule_sources: Vec<(usize, usize, Source)> = claims
        .iter()
        .filter_map(|c| match &c.detail {
            ClaimDetail::Attribution { source, cue, .. } => Some((cue.start, cue.end, source.clone())),
            _ => None,
        })
        .collect();
    let mut out: Vec<Claim> =
        claims.into_iter().filter(|c| !matches!(c.detail, ClaimDetail::Attribution { .. })).collect();
    for (k, &(cs, ce)) in spans.cues.iter().enumerate() {
        let Some(s) = sentence_of(cs) else { continue };
        // Characters between a span and the cue (0 when they overlap).
        let gap = |(a, b): (usize, usize)| if b <= cs { cs - b } else { a.saturating_sub(ce) };
        let tagged = spans.sources.iter().filter(|&&(a, _)| sentence_of(a) == Some(s)).min_by_key(|&&sp| gap(sp)).map(
            |&(a, b)| Source {
                span: span((a, b)),
                name: normalize_source(&slice(a, b), a == article.sentences[s].start),
            },
        );
        let source =
            tagged.or_else(|| rule_sources.iter().find(|(a, b, _)| *a < ce && cs < *b).map(|(_, _, src)| src.clone()));
        let Some(source) = source else { continue };
        let content = spans.links.iter().find(|&&(c, _)| c == k).map(|&(_, t)| span(spans.contents[t]));
        let (start, end) = (source.span.start.min(cs), source.span.end.max(ce));
        out.push(Claim {
            id: String::new(),
            document: article.id.clone(),
            sentence: s,
            start,
            end,
            text: slice(start, end),
            detail: ClaimDetail::Attribution { source, cue: span((cs, ce)), content },
        });
    }
    out.sort_by_key(|c| (c.sentence, c.start, c.end));
    for (n, c) in out.iter_mut().enumerate() {
        c.id = format!("{}:c{n}", article.id);
    }
    out
}
