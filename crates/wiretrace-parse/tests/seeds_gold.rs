//! Every line of the seed articles gets the role in `../shared/gold/seeds-structure.json`, and
//! headline, dek, date, section and dateline match. Skips with a message when `../shared` is
//! absent (the seeds are not part of the repository).

use std::collections::BTreeMap;
use std::path::PathBuf;
use wiretrace_parse::{decode, parse_text, Role};

fn shared() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    if dir.join("gold/seeds-structure.json").is_file() {
        Some(dir)
    } else {
        eprintln!("SKIPPED: ../shared (seeds and gold) is not beside the repository");
        None
    }
}

fn line_of(text: &str, char_offset: usize) -> usize {
    text.chars().take(char_offset).filter(|&c| c == '\n').count() + 1
}

#[test]
fn seed_lines_get_gold_roles_and_metadata() {
    let Some(shared) = shared() else { return };
    let gold: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(shared.join("gold/seeds-structure.json")).unwrap()).unwrap();
    let mut failures = Vec::new();
    for (file, expect) in gold["documents"].as_object().unwrap() {
        let bytes = std::fs::read(shared.join("seeds").join(file)).unwrap();
        let text = decode(file, &bytes).unwrap();
        let article = parse_text(file, text.clone());
        // Role of each line: the role of the blocks on it, a dateline prefix aside.
        let mut got: BTreeMap<usize, Role> = BTreeMap::new();
        for b in &article.blocks {
            if b.role != Role::Dateline {
                got.insert(line_of(&article.text, b.start), b.role);
            }
        }
        let roles = expect["roles"].as_object().unwrap();
        for (i, line) in text.lines().enumerate() {
            let n = i + 1;
            if line.trim().is_empty() {
                continue;
            }
            let want = roles.get(&n.to_string()).and_then(|v| v.as_str()).unwrap_or("body");
            let have = got.get(&n).map(|r| r.as_str()).unwrap_or("none");
            if want != have {
                failures.push(format!("{file}:{n}: want {want}, got {have}: {:.60}", line.trim()));
            }
        }
        for field in ["headline", "dek", "date", "dateline", "section"] {
            let want = expect[field].as_str();
            let have = match field {
                "headline" => article.headline.as_deref(),
                "dek" => article.dek.as_deref(),
                "date" => article.date.as_deref(),
                "dateline" => article.dateline.as_deref(),
                _ => article.section.as_deref(),
            };
            if want != have {
                failures.push(format!("{file}: {field}: want {want:?}, got {have:?}"));
            }
        }
    }
    assert!(failures.is_empty(), "{} mismatches:\n{}", failures.len(), failures.join("\n"));
}
