//! Two versions compared on their own, outside a corpus: sentence alignment with merges,
//! splits, moves and word-level diffs (what `wiretrace.align` shows in Python).

use serde::Serialize;
use wiretrace_parse::Article;
use wiretrace_similarity::{align, containment, jaccard, AlignOptions, DocFeatures, Idf};

use crate::pipeline::link_record;
use crate::report::LinkRecord;

/// The alignment of two parsed articles.
#[derive(Debug, Clone, Serialize)]
pub struct PairAlignment {
    /// Jaccard similarity of their word 3-gram shingles.
    pub jaccard: f64,
    /// Share of `a`'s shingles found in `b`.
    pub containment_a_in_b: f64,
    /// Share of `b`'s shingles found in `a`.
    pub containment_b_in_a: f64,
    /// Sentence links (sorted by `a`'s sentence), with word-level diffs of the edited ones.
    pub links: Vec<LinkRecord>,
    /// Sentences of `a` with no counterpart in `b` (dropped by `b`).
    pub a_only: Vec<usize>,
    /// Sentences of `b` with no counterpart in `a` (added by `b`).
    pub b_only: Vec<usize>,
}

/// The features of an article's body, as the aligner compares them.
pub fn features(article: &Article, shingle_size: usize) -> DocFeatures {
    let texts: Vec<&str> = article.sentences.iter().map(|s| s.text.as_str()).collect();
    DocFeatures::new(&texts, shingle_size)
}

/// Aligns two articles; word rarity (idf) is taken from the two of them.
pub fn align_articles(a: &Article, b: &Article, opts: &AlignOptions) -> PairAlignment {
    let (fa, fb) = (features(a, 3), features(b, 3));
    let idf = Idf::from_docs([&fa, &fb]);
    let al = align(&fa, &fb, &idf, opts);
    PairAlignment {
        jaccard: jaccard(&fa.shingles, &fb.shingles),
        containment_a_in_b: containment(&fa.shingles, &fb.shingles),
        containment_b_in_a: containment(&fb.shingles, &fa.shingles),
        links: al.links.iter().map(|l| link_record(l, a, b)).collect(),
        a_only: al.only_a,
        b_only: al.only_b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wiretrace_parse::{parse, Format};

    #[test]
    fn merges_splits_moves_drops_and_diffs() {
        let wire = "Harbour fire closes Velmont docks\n\n\
            A fire broke out at the Velmont container docks on Tuesday night, the port authority said. \
            Firefighters fought the blaze for six hours before bringing it under control. \
            No one was injured, according to a spokeswoman for the fire brigade. \
            Shipping companies were told to divert vessels to the northern terminal. \
            The cause of the fire is being investigated by the police. \
            The docks handle about a third of the region's freight.";
        let rewrite = "Velmont docks shut by fire\n\n\
            A fire broke out at the Velmont container docks late on Tuesday, the port authority said. \
            The docks handle about a third of the region's freight. \
            Firefighters fought the blaze for six hours before bringing it under control, and no one was injured, according to a spokeswoman for the fire brigade. \
            Police are investigating. \
            Mayor Ilse Damerow called the fire a warning for the whole harbour district.";
        let a = parse("wire", None, wire.into(), Format::Text);
        let b = parse("rewrite", None, rewrite.into(), Format::Text);
        let al = align_articles(&a, &b, &AlignOptions::default());
        let link = |x: usize, y: usize| al.links.iter().find(|l| l.a_sentence == x && l.b_sentence == y);
        // Sentence 0 edited, with a word diff in document offsets.
        let first = link(0, 0).expect("first sentence linked");
        assert_eq!(first.kind, "edited");
        assert!(!first.diff.is_empty());
        for e in &first.diff {
            let got: String = b.text.chars().skip(e.b_start).take(e.b_end - e.b_start).collect();
            assert_eq!(got, e.b_text);
            let got: String = a.text.chars().skip(e.a_start).take(e.a_end - e.a_start).collect();
            assert_eq!(got, e.a_text);
        }
        // Sentences 1 and 2 merged into the rewrite's sentence 2.
        assert_eq!(link(1, 2).map(|l| l.shape.as_str()), Some("merged"));
        assert_eq!(link(2, 2).map(|l| l.shape.as_str()), Some("merged"));
        // The freight sentence moved up.
        assert!(link(5, 1).is_some_and(|l| l.moved && l.kind == "verbatim"));
        // Shipping dropped, the mayor added.
        assert!(al.a_only.contains(&3));
        assert!(al.b_only.contains(&4));
    }
}
