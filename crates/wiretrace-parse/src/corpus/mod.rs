//! Corpus readers: files and directories of plain text and HTML, JSONL and CSV exports with a
//! column mapping, and WARC crawls; one [`Record`] per article, one [`RecordError`] per record
//! that cannot be read (the rest are still read).

mod tabular;
mod warc;

use crate::assemble::Metadata;
use crate::decode::decode;
use crate::error::Error;
use crate::Format;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// One article to parse.
#[derive(Debug, Clone)]
pub struct Record {
    /// Identifier, unique in the corpus once [`read_paths`] has made it so.
    pub id: String,
    /// Where it came from: a path, or a path with a line or record number.
    pub source: String,
    /// Plain text or HTML.
    pub format: Format,
    /// The decoded text.
    pub text: String,
    /// Metadata given by the data (outlet, URL, date, title); the parser fills the rest.
    pub meta: Metadata,
}

impl Record {
    /// A record from text in memory; the format is detected from the content.
    pub fn from_text(id: impl Into<String>, text: impl Into<String>) -> Self {
        let (id, text) = (id.into(), text.into());
        let format = Format::detect("", &text);
        Self { source: id.clone(), id, format, text, meta: Metadata::default() }
    }
}

/// A record that could not be read, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordError {
    /// The input: a path, or a path with a line or record number ("export.jsonl:12").
    pub input: String,
    /// What was wrong with it and what to do.
    pub message: String,
}

impl RecordError {
    /// An error for `input`.
    pub fn new(input: impl Into<String>, message: impl Into<String>) -> Self {
        Self { input: input.into(), message: message.into() }
    }

    fn from_error(input: &str, e: &Error) -> Self {
        let full = e.to_string();
        let message = full.strip_prefix(&format!("{input}: ")).unwrap_or(&full).to_string();
        Self::new(input, message)
    }
}

/// Which columns (CSV) or keys (JSONL) hold what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Columns {
    /// Identifier column (default `id`); when absent, `<file>-<line>`.
    pub id: String,
    /// Plain-text column (default `text`).
    pub text: String,
    /// HTML column (default `html`), used when the text column is absent or empty.
    pub html: String,
    /// Outlet column (default `outlet`); when absent, the URL's host.
    pub outlet: String,
    /// URL column (default `url`).
    pub url: String,
    /// Publication date column (default `date`).
    pub date: String,
    /// Headline column (default `title`).
    pub title: String,
}

impl Default for Columns {
    fn default() -> Self {
        Self {
            id: "id".into(),
            text: "text".into(),
            html: "html".into(),
            outlet: "outlet".into(),
            url: "url".into(),
            date: "date".into(),
            title: "title".into(),
        }
    }
}

/// How to read a corpus.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// Column mapping for JSONL and CSV.
    pub columns: Columns,
    /// Largest article accepted, in bytes; a larger one is an error for that record.
    pub max_bytes: u64,
}

impl Default for ReadOptions {
    fn default() -> Self {
        Self { columns: Columns::default(), max_bytes: DEFAULT_MAX_BYTES }
    }
}

/// Default size limit of one article: 16 MiB (news articles are a few kilobytes).
pub const DEFAULT_MAX_BYTES: u64 = 16 * 1024 * 1024;

/// The kinds of file a directory is searched for, by extension.
pub const EXTENSIONS: &[&str] = &["txt", "text", "html", "htm", "xhtml", "jsonl", "ndjson", "csv", "tsv", "warc", "gz"];

/// What a file holds, from its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FileKind {
    Text,
    Html,
    Jsonl,
    Csv { delimiter: u8 },
    Warc,
}

fn file_kind(path: &Path) -> Option<(FileKind, bool)> {
    let name = path.file_name()?.to_str()?.to_ascii_lowercase();
    let (name, gz) = match name.strip_suffix(".gz") {
        Some(stem) => (stem.to_string(), true),
        None => (name, false),
    };
    let ext = name.rsplit_once('.').map(|(_, e)| e)?;
    let kind = match ext {
        "txt" | "text" => FileKind::Text,
        "html" | "htm" | "xhtml" => FileKind::Html,
        "jsonl" | "ndjson" => FileKind::Jsonl,
        "csv" => FileKind::Csv { delimiter: b',' },
        "tsv" => FileKind::Csv { delimiter: b'\t' },
        "warc" => FileKind::Warc,
        _ => return None,
    };
    Some((kind, gz))
}

/// Expands files and directories (recursively, in name order, hidden entries skipped) into the
/// files wiretrace reads; a path that does not exist is an error.
pub fn expand_paths(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<RecordError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        if p.is_dir() {
            let before = files.len();
            let mut visited = std::collections::HashSet::new();
            walk(p, &mut files, &mut errors, &mut visited);
            if files.len() == before {
                errors.push(RecordError::new(
                    p.display().to_string(),
                    "no article files in this directory (.txt, .html, .jsonl, .csv, .tsv, .warc, optionally .gz)",
                ));
            }
        } else if p.is_file() {
            files.push(p.clone());
        } else {
            errors.push(RecordError::new(p.display().to_string(), "no such file or directory; check the path"));
        }
    }
    (files, errors)
}

fn walk(
    dir: &Path,
    files: &mut Vec<PathBuf>,
    errors: &mut Vec<RecordError>,
    visited: &mut std::collections::HashSet<PathBuf>,
) {
    // A directory reached twice (through a symbolic link back up the tree) is read once.
    if let Ok(real) = std::fs::canonicalize(dir) {
        if !visited.insert(real) {
            return;
        }
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            errors.push(RecordError::new(dir.display().to_string(), format!("cannot read the directory: {e}")));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        if p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.')) {
            continue;
        }
        if p.is_dir() {
            walk(&p, files, errors, visited);
        } else if file_kind(&p).is_some() {
            files.push(p);
        }
    }
}

/// Reads every article of the given files and directories.
pub fn read_paths(paths: &[PathBuf], opts: &ReadOptions) -> (Vec<Record>, Vec<RecordError>) {
    let (files, mut errors) = expand_paths(paths);
    let mut records = Vec::new();
    for f in &files {
        read_file(f, opts, &mut records, &mut errors);
    }
    make_ids_unique(&mut records);
    (records, errors)
}

/// Reads one file into `records`, errors into `errors`.
pub fn read_file(path: &Path, opts: &ReadOptions, records: &mut Vec<Record>, errors: &mut Vec<RecordError>) {
    read_file_with(path, opts, &mut |r| records.push(r), errors);
}

/// Reads the given files and directories one record at a time, in reading order, without
/// holding the corpus in memory: `on_record` gets each article as it is read (identifiers
/// made unique as by [`make_ids_unique`], against the identifiers seen so far), and the
/// unreadable inputs and records are returned.
pub fn for_each_record(paths: &[PathBuf], opts: &ReadOptions, mut on_record: impl FnMut(Record)) -> Vec<RecordError> {
    use std::collections::HashSet;
    let (files, mut errors) = expand_paths(paths);
    let mut seen: HashSet<String> = HashSet::new();
    for f in &files {
        read_file_with(
            f,
            opts,
            &mut |mut r: Record| {
                if !seen.insert(r.id.clone()) {
                    let base = r.id.clone();
                    let mut n = 2;
                    while seen.contains(&format!("{base}-{n}")) {
                        n += 1;
                    }
                    r.id = format!("{base}-{n}");
                    seen.insert(r.id.clone());
                }
                on_record(r);
            },
            &mut errors,
        );
    }
    errors
}

/// Reads one file, giving each record to `sink` as it is read and errors to `errors`.
pub fn read_file_with(path: &Path, opts: &ReadOptions, sink: &mut dyn FnMut(Record), errors: &mut Vec<RecordError>) {
    let shown = path.display().to_string();
    let Some((kind, gz)) = file_kind(path) else {
        errors.push(RecordError::new(
            &shown,
            "unknown kind of file; wiretrace reads .txt, .html, .jsonl, .csv, .tsv and .warc (optionally .gz)",
        ));
        return;
    };
    let stem = stem_of(path);
    match kind {
        FileKind::Text | FileKind::Html => match read_bytes(path, gz, opts.max_bytes) {
            Err(e) => errors.push(e),
            Ok(bytes) => match decode(&shown, &bytes) {
                Err(e) => errors.push(RecordError::from_error(&shown, &e)),
                Ok(text) => {
                    let format = if kind == FileKind::Html { Format::Html } else { Format::detect(&shown, &text) };
                    sink(Record { id: stem, source: shown, format, text, meta: Metadata::default() });
                }
            },
        },
        FileKind::Jsonl => match open(path, gz) {
            Err(e) => errors.push(e),
            Ok(reader) => tabular::read_jsonl(reader, &shown, &stem, opts, sink, errors),
        },
        FileKind::Csv { delimiter } => match open(path, gz) {
            Err(e) => errors.push(e),
            Ok(reader) => tabular::read_csv(reader, delimiter, &shown, &stem, opts, sink, errors),
        },
        FileKind::Warc => match open(path, gz) {
            Err(e) => errors.push(e),
            Ok(reader) => warc::read_warc(reader, &shown, opts, sink, errors),
        },
    }
}

fn stem_of(path: &Path) -> String {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("document");
    let name = name.strip_suffix(".gz").unwrap_or(name);
    name.rsplit_once('.').map_or(name, |(s, _)| s).to_string()
}

fn open(path: &Path, gz: bool) -> Result<Box<dyn std::io::BufRead>, RecordError> {
    let f = std::fs::File::open(path)
        .map_err(|e| RecordError::new(path.display().to_string(), format!("cannot read the file: {e}")))?;
    // Large reads: an article is several kilobytes, more than the default buffer.
    const BUFFER: usize = 256 * 1024;
    Ok(if gz {
        Box::new(std::io::BufReader::with_capacity(BUFFER, flate2::read::MultiGzDecoder::new(f)))
    } else {
        Box::new(std::io::BufReader::with_capacity(BUFFER, f))
    })
}

/// Reads a whole file (decompressed), refusing files larger than `limit` before reading them.
fn read_bytes(path: &Path, gz: bool, limit: u64) -> Result<Vec<u8>, RecordError> {
    use std::io::Read;
    let shown = path.display().to_string();
    let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    if size > limit {
        return Err(RecordError::from_error(&shown, &Error::TooLarge { input: shown.clone(), size, limit }));
    }
    let mut bytes = Vec::new();
    let reader = open(path, gz)?;
    reader
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| RecordError::new(&shown, format!("cannot read the file: {e}")))?;
    if bytes.len() as u64 > limit {
        return Err(RecordError::from_error(
            &shown,
            &Error::TooLarge { input: shown.clone(), size: bytes.len() as u64, limit },
        ));
    }
    Ok(bytes)
}

/// The outlet a URL belongs to: its host without `www.` ("https://www.example.com/a" gives
/// "example.com").
pub fn outlet_from_url(url: &str) -> Option<String> {
    let parsed = url::Url::parse(url.trim()).ok()?;
    let host = parsed.host_str()?.to_ascii_lowercase();
    Some(host.strip_prefix("www.").unwrap_or(&host).to_string())
}

/// Gives a record whose identifier is already taken the first free suffix `-2`, `-3`, … in
/// reading order (an identifier some other record has is never given out).
pub fn make_ids_unique(records: &mut [Record]) {
    use std::collections::HashSet;
    let original: HashSet<String> = records.iter().map(|r| r.id.clone()).collect();
    let mut taken: HashSet<String> = HashSet::new();
    for r in records.iter_mut() {
        if taken.insert(r.id.clone()) {
            continue;
        }
        let mut n = 2;
        loop {
            let candidate = format!("{}-{n}", r.id);
            if !original.contains(&candidate) && !taken.contains(&candidate) {
                taken.insert(candidate.clone());
                r.id = candidate;
                break;
            }
            n += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outlets_from_urls() {
        assert_eq!(outlet_from_url("https://www.example-news.com/world/a.html").as_deref(), Some("example-news.com"));
        assert_eq!(outlet_from_url("http://News.Example.org").as_deref(), Some("news.example.org"));
        assert_eq!(outlet_from_url("not a url"), None);
    }

    #[test]
    fn identifiers_never_collide() {
        let mut records: Vec<Record> =
            ["story", "story", "story-2", "story"].iter().map(|id| Record::from_text(*id, "text")).collect();
        make_ids_unique(&mut records);
        let ids: Vec<&str> = records.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, vec!["story", "story-3", "story-2", "story-4"]);
    }

    #[test]
    fn file_kinds_by_name() {
        assert_eq!(file_kind(Path::new("a/b.HTML")), Some((FileKind::Html, false)));
        assert_eq!(file_kind(Path::new("crawl.warc.gz")), Some((FileKind::Warc, true)));
        assert_eq!(file_kind(Path::new("x.tsv")), Some((FileKind::Csv { delimiter: b'\t' }, false)));
        assert_eq!(file_kind(Path::new("notes.md")), None);
        assert_eq!(stem_of(Path::new("dir/export.jsonl.gz")), "export");
    }
}
