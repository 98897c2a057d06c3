//! Reading inputs: files and directories of `.txt` and `.html` articles, or texts in memory.

use std::path::{Path, PathBuf};
use wiretrace_parse::{decode, Format};

/// One article to analyse, decoded.
#[derive(Debug, Clone)]
pub struct Input {
    /// Identifier (the file name without extension, made unique in the corpus).
    pub id: String,
    /// Where it was read from.
    pub path: Option<String>,
    /// Plain text or HTML.
    pub format: Format,
    /// The decoded text.
    pub text: String,
}

impl Input {
    /// An input from text in memory; the format is detected from the content.
    pub fn from_text(id: impl Into<String>, text: impl Into<String>) -> Self {
        let (id, text) = (id.into(), text.into());
        let format = Format::detect("", &text);
        Self { id, path: None, format, text }
    }
}

/// An input that could not be read, with the reason.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct InputError {
    /// The input (a path or an identifier).
    pub input: String,
    /// What was wrong with it and what to do.
    pub message: String,
}

/// File extensions read from directories.
pub const EXTENSIONS: &[&str] = &["txt", "text", "html", "htm", "xhtml"];

fn accepted(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// Expands files and directories (recursively, in name order) into article files; a path that
/// does not exist is reported as an error.
pub fn expand_paths(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<InputError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        if p.is_dir() {
            walk(p, &mut files, &mut errors);
        } else if p.is_file() {
            files.push(p.clone());
        } else {
            errors.push(InputError {
                input: p.display().to_string(),
                message: "no such file or directory; check the path".to_string(),
            });
        }
    }
    (files, errors)
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>, errors: &mut Vec<InputError>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            errors.push(InputError {
                input: dir.display().to_string(),
                message: format!("cannot read the directory: {e}"),
            });
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        let hidden = p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        if p.is_dir() {
            walk(&p, files, errors);
        } else if accepted(&p) {
            files.push(p);
        }
    }
}

/// Reads and decodes files; returns the inputs read and an error for each file that could not be.
pub fn read_files(files: &[PathBuf]) -> (Vec<Input>, Vec<InputError>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    let mut used: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for path in files {
        let shown = path.display().to_string();
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                errors.push(InputError { input: shown, message: format!("cannot read the file: {e}") });
                continue;
            }
        };
        let text = match decode(&shown, &bytes) {
            Ok(t) => t,
            Err(e) => {
                let full = e.to_string();
                let message = full.strip_prefix(&format!("{shown}: ")).unwrap_or(&full).to_string();
                errors.push(InputError { input: shown, message });
                continue;
            }
        };
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("document").to_string();
        let n = used.entry(stem.clone()).or_insert(0);
        *n += 1;
        let id = if *n == 1 { stem } else { format!("{stem}-{n}") };
        let format = Format::detect(&shown, &text);
        inputs.push(Input { id, path: Some(shown), format, text });
    }
    (inputs, errors)
}
