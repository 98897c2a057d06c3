//! A model trained on a small annotated set written here learns a cue the rules do not know.

use super::*;
use crate::model::ClaimDetail;
use wiretrace_parse::{parse, Format};

const PEOPLE: [&str; 6] =
    ["The harbour master", "A council spokeswoman", "The ferry operator", "Ms Várga", "The union", "Mr Øyen"];
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
    // Offsets in code points, as annotation tools give them.
    let chars = |t: &str| t.chars().count();
    for (source, cue, content) in sentences {
        let start = chars(&text);
        text += &format!("{source} {cue} {content}. ");
        let s = (start, start + chars(source));
        let c = (s.1 + 1, s.1 + 1 + chars(cue));
        spans.sources.push(s);
        spans.links.push((spans.cues.len(), spans.contents.len()));
        spans.cues.push(c);
        spans.contents.push((c.1 + 1, c.1 + 1 + chars(content)));
    }
    text += filler;
    Annotated { article: parse(id, None, text, Format::Text), spans }
}

fn training_set() -> Vec<Annotated> {
    let mut docs = Vec::new();
    for i in 0..30 {
        let (p, q) = (PEOPLE[i % 6], PEOPLE[(i + 2) % 6]);
        let (x, y) = (CONTENTS[i % 5], CONTENTS[(i + 3) % 5]);
        let filler = ["The port opened in 1890.", "Boats left at dawn — early.", "Rain fell all week."][i % 3];
        docs.push(annotated(&format!("d{i}"), &[(p, "lamented", x), (q, "said", y)], filler));
    }
    docs
}

#[test]
fn learns_a_cue_the_rules_do_not_know() {
    let model = AttributionModel::train(&training_set(), TrainOptions::default()).expect("trained");
    let text =
        "Café owners waited — in vain. The mayor lamented that the bridge was closed. The bridge opened in 1931."
            .to_string();
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
    // Every span is a code-point slice of the text.
    for c in &claims {
        assert_eq!(c.text, article.slice(c.start, c.end));
        if let ClaimDetail::Attribution { source, cue, content } = &c.detail {
            for sp in [Some(&source.span), Some(cue), content.as_ref()].into_iter().flatten() {
                assert_eq!(sp.text, article.slice(sp.start, sp.end));
            }
        }
    }
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
fn a_model_records_how_it_was_made_and_other_formats_are_refused() {
    let model = AttributionModel::train(&training_set(), TrainOptions { epochs: 2, seed: 7 }).expect("trained");
    let info = model.info();
    assert_eq!((info.epochs, info.seed, info.articles), (2, 7, 30));
    assert_eq!(info.claims_version, env!("CARGO_PKG_VERSION"));
    assert_eq!(info.fingerprint.len(), 16);
    assert!(model.version_warning().is_none());
    let bytes = model.to_bytes();
    let text = String::from_utf8_lossy(&bytes[..80]).into_owned();
    assert!(text.starts_with("wiretrace attribution model 5\nclaims "), "{text}");
    // Another format, another version of the rules, a weight that is not a number.
    let other = [b"wiretrace attribution model 1\n".as_slice(), &bytes[30..]].concat();
    assert!(AttributionModel::from_bytes(&other).unwrap_err().contains("train the model again"));
    let header = bytes.iter().enumerate().filter(|(_, &b)| b == b'\n').nth(1).map(|(i, _)| i + 1).unwrap();
    let old_rules =
        [b"wiretrace attribution model 5\nclaims 0.0.1 epochs 2 seed 7 articles 30\n".as_slice(), &bytes[header..]];
    let old = AttributionModel::from_bytes(&old_rules.concat()).expect("read");
    assert!(old.version_warning().is_some_and(|w| w.contains("0.0.1")));
    assert_eq!(old.info().fingerprint, info.fingerprint);
    let mut nan = bytes.clone();
    // The first weight of the first row: after the header, buckets, labels, rows and index.
    nan[header + 16..header + 20].copy_from_slice(&f32::NAN.to_le_bytes());
    assert!(AttributionModel::from_bytes(&nan).unwrap_err().contains("not a number"));
}

#[test]
fn a_role_nobody_annotated_is_an_error_not_an_empty_model() {
    let mut docs = training_set();
    for d in &mut docs {
        d.spans.contents.clear();
    }
    let err = AttributionModel::train(&docs, TrainOptions::default()).unwrap_err();
    assert!(err.contains("no content span in the 30 annotated articles"), "{err}");
    let mut docs = training_set();
    for d in &mut docs {
        d.spans.links.clear();
    }
    let err = AttributionModel::train(&docs, TrainOptions::default()).unwrap_err();
    assert!(err.contains("no cue is linked to its content"), "{err}");
    let err = AttributionModel::train(&training_set(), TrainOptions { epochs: 0, seed: 1 }).unwrap_err();
    assert!(err.contains("epochs 0"), "{err}");
}

#[test]
fn training_is_repeatable() {
    let docs = training_set();
    let a = AttributionModel::train(&docs, TrainOptions { epochs: 3, seed: 5 }).expect("trained");
    let b = AttributionModel::train(&docs, TrainOptions { epochs: 3, seed: 5 }).expect("trained");
    assert_eq!(a, b);
    // The seed orders the articles, so another one gives other weights.
    let c = AttributionModel::train(&docs, TrainOptions { epochs: 3, seed: 6 }).expect("trained");
    assert_ne!(a.info().fingerprint, c.info().fingerprint);
}

#[test]
fn a_cue_never_seen_is_read_through_its_class() {
    // Stances credited to someone: the cues are verbs of support and opposition, each
    // followed by what is supported; other sentences have other verbs before the same words.
    let stances = [
        "backed",
        "opposed",
        "welcomed",
        "rejected",
        "praised",
        "condemned",
        "criticised",
        "supported",
        "applauded",
        "defended",
        "attacked",
        "blamed",
    ];
    let objects = ["the new timetable", "the plan to close the pier", "the fare rise", "the night crossing"];
    let others = ["painted", "repaired", "moored", "loaded", "cleaned", "towed", "sold", "bought", "launched"];
    let docs: Vec<Annotated> = (0..36)
        .map(|i| {
            let (p, o) = (PEOPLE[i % 6], objects[i % 4]);
            let filler =
                format!("The crew {} the old ferry. The tug {} the barge.", others[i % 9], others[(i + 4) % 9]);
            annotated(&format!("d{i}"), &[(p, stances[i % 12], o)], &filler)
        })
        .collect();
    let model = AttributionModel::train(&docs, TrainOptions::default()).expect("trained");
    let cues = |text: &str| -> Vec<String> {
        let article = parse("new", None, text.to_string(), Format::Text);
        model.spans(&article).cues.iter().map(|&(s, e)| article.slice(s, e).to_string()).collect()
    };
    // "endorsed" and "denounced" were never seen; their class was.
    assert_eq!(cues("The harbour master endorsed the fare rise. The crew scrubbed the old ferry."), ["endorsed"]);
    assert_eq!(cues("The union denounced the new timetable. The tug hauled the barge."), ["denounced"]);
}

#[test]
fn a_quotation_broken_by_its_cue_is_one_content() {
    // "“A,” X said. “B.”": annotators mark the content from the first quotation mark to the
    // last, over the cue and the sentence break.
    let quotes = [
        ("The pier is closing", "We were told nothing"),
        ("Fares will rise", "Nobody asked the crews"),
        ("The night boat is gone", "It ran for forty years"),
        ("Two boats are idle", "The harbour is quiet"),
        ("The timetable is wrong", "It has been wrong for months"),
    ];
    let docs: Vec<Annotated> = (0..30)
        .map(|i| {
            let (a, b) = quotes[i % 5];
            let who = PEOPLE[i % 6];
            let chars = |t: &str| t.chars().count();
            let lead = "The port opened in 1890. ";
            let text = format!("{lead}“{a},” {who} said. “{b}.” Rain fell all week.");
            let open = chars(lead);
            let s = open + chars(&format!("“{a},” "));
            let c = s + chars(who) + 1;
            let close = c + chars(&format!("said. “{b}.”"));
            let spans = RoleSpans {
                sources: vec![(s, s + chars(who))],
                cues: vec![(c, c + 4)],
                contents: vec![(open, close)],
                links: vec![(0, 0)],
            };
            Annotated { article: parse(&format!("q{i}"), None, text, Format::Text), spans }
        })
        .collect();
    let model = AttributionModel::train(&docs, TrainOptions::default()).expect("trained");
    let text = "The ferry left at dawn. “The bridge is shut,” the mayor said. “Use the boat.” Snow fell.".to_string();
    let article = parse("new", None, text, Format::Text);
    let spans = model.spans(&article);
    let contents: Vec<String> = spans.contents.iter().map(|&(s, e)| article.slice(s, e)).collect();
    assert_eq!(contents, ["“The bridge is shut,” the mayor said. “Use the boat.”"]);
    assert_eq!(spans.links, [(0, 0)]);
}
