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
    align_featured(a, &features(a, 3), b, &features(b, 3), opts)
}

/// Aligns many pairs of articles (indices into `articles`), each as [`align_articles`] would,
/// in parallel: each article is featured once however many pairs it is in (a wire story
/// aligned with all its rewrites is read once). The results follow `pairs`.
///
/// # Panics
/// If a pair names an article that is not in `articles`.
pub fn align_many(articles: &[Article], pairs: &[(usize, usize)], opts: &AlignOptions) -> Vec<PairAlignment> {
    use rayon::prelude::*;
    let mut used = vec![false; articles.len()];
    for &(i, j) in pairs {
        used[i] = true;
        used[j] = true;
    }
    let feats: Vec<Option<DocFeatures>> =
        articles.par_iter().zip(used).map(|(a, used)| used.then(|| features(a, 3))).collect();
    pairs
        .par_iter()
        .map(|&(i, j)| {
            let (fa, fb) = (feats[i].as_ref().expect("featured"), feats[j].as_ref().expect("featured"));
            align_featured(&articles[i], fa, &articles[j], fb, opts)
        })
        .collect()
}

fn align_featured(a: &Article, fa: &DocFeatures, b: &Article, fb: &DocFeatures, opts: &AlignOptions) -> PairAlignment {
    let idf = Idf::from_docs([fa, fb]);
    let al = align(fa, fb, &idf, opts);
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

    #[test]
    fn many_pairs_align_as_each_pair_alone() {
        let texts = [
            "Dam repairs delayed\n\nRepairs to the Orsk dam will take two more years, the water board said on Monday. The cost has doubled to 40 million crowns. Residents downstream were told to keep their flood barriers.",
            "Orsk dam repairs to take two more years\n\nRepairs to the Orsk dam will take two more years, the water board said. The cost has doubled to 40 million crowns, it added.",
            "Water board: dam work delayed\n\nThe cost of repairing the Orsk dam has doubled to 40 million crowns. Work will take two more years.",
        ];
        let arts: Vec<Article> =
            texts.iter().enumerate().map(|(i, t)| parse(&i.to_string(), None, (*t).into(), Format::Text)).collect();
        let pairs = [(0, 1), (0, 2), (1, 2), (2, 0)];
        let many = align_many(&arts, &pairs, &AlignOptions::default());
        assert_eq!(many.len(), pairs.len());
        for (&(i, j), got) in pairs.iter().zip(&many) {
            let alone = align_articles(&arts[i], &arts[j], &AlignOptions::default());
            assert_eq!(serde_json::to_value(got).unwrap(), serde_json::to_value(&alone).unwrap());
            assert!(!got.links.is_empty(), "{i}-{j}");
        }
    }
}
