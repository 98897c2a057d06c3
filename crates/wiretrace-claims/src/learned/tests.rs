//! A model trained on a small annotated set written here learns a cue the rules do not know.

use super::*;
use crate::model::ClaimDetail;
use wiretrace_parse::{parse, Format};

const PEOPLE: [&str; 6] =
    ["The harbour master", "A council spokeswoman", "The ferry operator", "Ms Varga", "The union", "Mr Okafor"];
const CONTENTS: [&str; 5] = [
    "that the timetable was out of date",
    "that the pier needed repairs",
    "that fares would rise in spring",
    "that the night crossing would end",
    "that two boats were idle",
];

/// Builds an article from sentences, each with its source, cue and content, and returns it
/// with the annotated spans.
fn annotated(id: &str, sentences: &[(&str, &str, &str)], filler: &str) -> Annotated {
    let mut text = String::new();
    let mut spans = RoleSpans::default();
    for (source, cue, content) in sentences {
        let start = text.len();
        text += &format!("{source} {cue} {content}. ");
        let s = (start, start + source.len());
        let c = (s.1 + 1, s.1 + 1 + cue.len());
        spans.sources.push(s);
        spans.cues.push(c);
        spans.contents.push((c.1 + 1, c.1 + 1 + content.len()));
    }
    text += filler;
    Annotated { article: parse(id, None, text, Format::Text), spans }
}

fn training_set() -> Vec<Annotated> {
    let mut docs = Vec::new();
    for i in 0..30 {
        let (p, q) = (PEOPLE[i % 6], PEOPLE[(i + 2) % 6]);
        let (x, y) = (CONTENTS[i % 5], CONTENTS[(i + 3) % 5]);
        let filler = ["The port opened in 1890.", "Boats left at dawn.", "Rain fell all week."][i % 3];
        docs.push(annotated(&format!("d{i}"), &[(p, "lamented", x), (q, "said", y)], filler));
    }
    docs
}

#[test]
fn learns_a_cue_the_rules_do_not_know() {
    let model = AttributionModel::train(&training_set(), TrainOptions::default()).expect("trained");
    let text = "The mayor lamented that the bridge was closed. The bridge opened in 1931.".to_string();
    let article = parse("new", None, text, Format::Text);
    let rules = crate::extract::extract_article(&article);
    assert!(!rules.iter().any(|c| matches!(c.detail, ClaimDetail::Attribution { .. })), "{rules:#?}");
    let claims = extract_article_learned(&article, None, &model);
    let found: Vec<(&str, &str, Option<&str>)> = claims
        .iter()
        .filter_map(|c| match &c.detail {
            ClaimDetail::Attribution { source, cue, content } => {
                Some((source.span.text.as_str(), cue.text.as_str(), content.as_ref().map(|c| c.text.as_str())))
            }
            _ => None,
        })
        .collect();
    assert_eq!(found, [("The mayor", "lamented", Some("that the bridge was closed"))]);
    // The other claims are the rules' own, and the identifiers run in order.
    let others = |cs: &[crate::model::Claim]| -> Vec<(usize, usize, String)> {
        cs.iter()
            .filter(|c| !matches!(c.detail, ClaimDetail::Attribution { .. }))
            .map(|c| (c.start, c.end, format!("{:?}", c.detail)))
            .collect()
    };
    assert!(!others(&rules).is_empty());
    assert_eq!(others(&claims), others(&rules));
    assert!(claims.iter().enumerate().all(|(i, c)| c.id == format!("new:c{i}")));
}

#[test]
fn a_model_survives_the_disk_and_bad_files_are_named() {
    let model = AttributionModel::train(&training_set(), TrainOptions { epochs: 2, seed: 7 }).expect("trained");
    let bytes = model.to_bytes();
    assert_eq!(AttributionModel::from_bytes(&bytes).expect("read back"), model);
    let err = AttributionModel::from_bytes(&bytes[..bytes.len() - 3]).unwrap_err();
    assert!(err.contains("cut short"), "{err}");
    let err = AttributionModel::from_bytes(b"{\"not\": \"a model\"}").unwrap_err();
    assert!(err.contains("not a wiretrace attribution model"), "{err}");
    let dir = std::env::temp_dir().join(format!("wiretrace-model-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("attribution.model");
    model.save(&path).expect("saved");
    assert_eq!(AttributionModel::load(&path).expect("loaded"), model);
    std::fs::write(&path, b"garbage").expect("written");
    let err = AttributionModel::load(&path).unwrap_err();
    assert!(err.starts_with(&path.display().to_string()) && err.contains("not a wiretrace"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
    assert!(AttributionModel::train(&[], TrainOptions::default()).unwrap_err().contains("no annotated article"));
}

#[test]
fn training_is_repeatable() {
    let docs = training_set();
    let a = AttributionModel::train(&docs, TrainOptions { epochs: 3, seed: 5 }).expect("trained");
    let b = AttributionModel::train(&docs, TrainOptions { epochs: 3, seed: 5 }).expect("trained");
    assert_eq!(a, b);
}
