//! Invariants of the similarity measures.

use wiretrace_similarity::{
    align, containment, jaccard, score_sentences, AlignOptions, DocFeatures, Idf, LinkKind, SentenceFeatures,
};

const TEXTS: &[&str] = &[
    "An explosion tore through a chemical plant in Havenport late on Monday, killing at least 12 people.",
    "A blast ripped through a chemical factory in Havenport on Monday night, leaving at least 12 dead.",
    "The town council approved a budget for new cycling lanes on Tuesday.",
    "",
    "Norland’s coast guard said it “responded quickly” before withdrawing.",
];

#[test]
fn scores_are_bounded_and_identity_is_one() {
    let feats: Vec<DocFeatures> = TEXTS.iter().map(|t| DocFeatures::new(&[*t], 3)).collect();
    let idf = Idf::from_docs(feats.iter());
    for a in &feats {
        for b in &feats {
            for v in [jaccard(&a.shingles, &b.shingles), containment(&a.shingles, &b.shingles)] {
                assert!((0.0..=1.0).contains(&v));
            }
            let s = score_sentences(&a.sentences[0], &b.sentences[0], &idf);
            assert!((0.0..=1.0).contains(&s.sequence) && (0.0..=1.0 + 1e-9).contains(&s.content));
        }
        if !a.shingles.is_empty() {
            assert_eq!(jaccard(&a.shingles, &a.shingles), 1.0);
            assert_eq!(containment(&a.shingles, &a.shingles), 1.0);
        }
    }
}

#[test]
fn containment_is_asymmetric_for_a_short_rewrite_inside_a_long_story() {
    let long = DocFeatures::new(&[TEXTS[0], TEXTS[2], TEXTS[4]], 3);
    let short = DocFeatures::new(&[TEXTS[0]], 3);
    assert_eq!(containment(&short.shingles, &long.shingles), 1.0);
    assert!(containment(&long.shingles, &short.shingles) < 0.5);
}

#[test]
fn paraphrase_edit_and_unrelated_are_told_apart() {
    let a = DocFeatures::new(&[TEXTS[0], TEXTS[2]], 3);
    let b = DocFeatures::new(
        &[
            "An explosion tore through a chemical plant in Havenport late on Monday, killing 12 people.",
            "A fire at a depot in Kessling forced 200 residents to leave their homes.",
        ],
        3,
    );
    let c = DocFeatures::new(&[TEXTS[1]], 3);
    let idf = Idf::from_docs([&a, &b, &c]);
    let ab = align(&a, &b, &idf, &AlignOptions::default());
    assert_eq!(ab.links.len(), 1);
    assert_eq!((ab.links[0].a, ab.links[0].b, ab.links[0].kind), (0, 0, LinkKind::Edited));
    assert_eq!((ab.only_a.clone(), ab.only_b.clone()), (vec![1], vec![1]));
    let ac = align(&a, &c, &idf, &AlignOptions::default());
    assert_eq!(ac.links.len(), 1);
    assert_eq!(ac.links[0].kind, LinkKind::Paraphrase);
    let s = score_sentences(&SentenceFeatures::new(TEXTS[0]), &SentenceFeatures::new(TEXTS[2]), &idf);
    assert!(s.score() < AlignOptions::default().min_score);
}
