//! JSONL and CSV exports: one article per line or row, fields found through [`Columns`].

use super::{Columns, ReadOptions, Record, RecordError};
use crate::assemble::Metadata;
use crate::dates::parse_date;
use crate::Format;
use serde_json::value::RawValue;
use std::collections::HashMap;
use std::io::BufRead;

/// The fields of one row, by column name.
trait Row {
    fn get(&self, column: &str) -> Option<String>;
}

impl Row for serde_json::Map<String, serde_json::Value> {
    fn get(&self, column: &str) -> Option<String> {
        match self.get(column)? {
            serde_json::Value::String(s) => Some(s.clone()),
            serde_json::Value::Number(n) => Some(n.to_string()),
            _ => None,
        }
    }
}

/// A JSON object read without building its values: each field is kept as its raw JSON text
/// and only the fields asked for are decoded (a row's other fields, such as long arrays, cost
/// nothing). Objects whose keys have escapes are read as [`serde_json::Map`] instead.
struct RawRow<'a>(HashMap<&'a str, &'a RawValue>);

impl Row for RawRow<'_> {
    fn get(&self, column: &str) -> Option<String> {
        let raw = self.0.get(column)?.get();
        match raw.as_bytes().first()? {
            b'"' => serde_json::from_str::<String>(raw).ok(),
            b'-' | b'0'..=b'9' => Some(raw.to_string()),
            _ => None,
        }
    }
}

struct CsvRow<'a> {
    headers: &'a csv::StringRecord,
    record: &'a csv::StringRecord,
}

impl Row for CsvRow<'_> {
    fn get(&self, column: &str) -> Option<String> {
        let i = self.headers.iter().position(|h| h.trim() == column)?;
        self.record.get(i).map(str::to_string)
    }
}

/// Builds a record from a row, or says why it cannot be one.
fn record_from_row(row: &dyn Row, fallback_id: String, source: String, opts: &ReadOptions) -> Result<Record, String> {
    let c: &Columns = &opts.columns;
    let nonempty = |col: &str| row.get(col).filter(|v| !v.trim().is_empty());
    let (text, format) = match (nonempty(&c.text), nonempty(&c.html)) {
        (Some(t), _) => {
            let f = Format::detect("", &t);
            (t, f)
        }
        (None, Some(h)) => (h, Format::Html),
        (None, None) => {
            return Err(format!(
            "no article text: neither '{}' nor '{}' holds text; name the columns with --text-column or --html-column",
            c.text, c.html
        ))
        }
    };
    if let Some(reason) = crate::decode::binary_text_reason(&text) {
        return Err(format!("the text looks binary, not an article ({reason})"));
    }
    if text.len() as u64 > opts.max_bytes {
        return Err(format!(
            "{} bytes is more than the {}-byte limit for one article; raise the limit (--max-size)",
            text.len(),
            opts.max_bytes
        ));
    }
    let url = nonempty(&c.url);
    let meta = Metadata {
        outlet: nonempty(&c.outlet),
        headline: nonempty(&c.title),
        date: nonempty(&c.date).and_then(|d| parse_date(&d)),
        url,
        ..Metadata::default()
    };
    Ok(Record { id: nonempty(&c.id).unwrap_or(fallback_id), source, format, text, meta })
}

/// Reads one line into `buf`, keeping at most `limit` bytes of it; returns the bytes consumed
/// (0 at the end of input) and whether the line was longer than the limit.
fn read_line_bounded(reader: &mut dyn BufRead, buf: &mut Vec<u8>, limit: usize) -> std::io::Result<(usize, bool)> {
    buf.clear();
    let (mut consumed, mut overflow) = (0, false);
    loop {
        let chunk = reader.fill_buf()?;
        if chunk.is_empty() {
            return Ok((consumed, overflow));
        }
        let (take, done) = match memchr::memchr(b'\n', chunk) {
            Some(i) => (i + 1, true),
            None => (chunk.len(), false),
        };
        if buf.len() + take <= limit {
            buf.extend_from_slice(&chunk[..take]);
        } else {
            overflow = true;
        }
        reader.consume(take);
        consumed += take;
        if done {
            return Ok((consumed, overflow));
        }
    }
}

/// Reads a JSONL export: one JSON object a line.
pub(super) fn read_jsonl(
    mut reader: Box<dyn BufRead>,
    shown: &str,
    stem: &str,
    opts: &ReadOptions,
    sink: &mut dyn FnMut(Record),
    errors: &mut Vec<RecordError>,
) {
    let limit = usize::try_from(opts.max_bytes).unwrap_or(usize::MAX).saturating_mul(2);
    let mut buf = Vec::new();
    let mut line = 0usize;
    loop {
        line += 1;
        let source = format!("{shown}:{line}");
        let (n, overflow) = match read_line_bounded(&mut *reader, &mut buf, limit) {
            Ok(x) => x,
            Err(e) => {
                errors.push(RecordError::new(source, format!("cannot read the file: {e}")));
                return;
            }
        };
        if n == 0 {
            return;
        }
        if overflow {
            errors.push(RecordError::new(
                source,
                format!("the line is longer than the {limit}-byte limit; raise the limit (--max-size)"),
            ));
            continue;
        }
        // A byte-order mark may open the file.
        let bytes = if line == 1 { buf.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&buf) } else { &buf[..] };
        let Ok(text) = std::str::from_utf8(bytes) else {
            errors.push(RecordError::new(source, "the line is not valid UTF-8 (JSONL must be UTF-8)"));
            continue;
        };
        if text.trim().is_empty() {
            continue;
        }
        let fallback_id = format!("{stem}-{line}");
        let built = if let Ok(fields) = serde_json::from_str::<HashMap<&str, &RawValue>>(text) {
            record_from_row(&RawRow(fields), fallback_id, source.clone(), opts)
        } else {
            // Not a plain object (or keys with escapes): the general reader says which.
            match serde_json::from_str::<serde_json::Value>(text) {
                Err(e) => Err(format!("invalid JSON: {e}")),
                Ok(serde_json::Value::Object(obj)) => record_from_row(&obj, fallback_id, source.clone(), opts),
                Ok(_) => Err("not a JSON object; each line must be one {...} article".to_string()),
            }
        };
        match built {
            Ok(r) => sink(r),
            Err(m) => errors.push(RecordError::new(source, m)),
        }
    }
}

/// Counts the quote characters of a stream as it is read.
struct QuoteCounter {
    inner: Box<dyn BufRead>,
    quotes: std::rc::Rc<std::cell::Cell<usize>>,
}

impl std::io::Read for QuoteCounter {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.quotes.set(self.quotes.get() + buf[..n].iter().filter(|&&b| b == b'"').count());
        Ok(n)
    }
}

/// Reads a CSV (or TSV) export with a header row.
pub(super) fn read_csv(
    reader: Box<dyn BufRead>,
    delimiter: u8,
    shown: &str,
    stem: &str,
    opts: &ReadOptions,
    sink: &mut dyn FnMut(Record),
    errors: &mut Vec<RecordError>,
) {
    // The last row is held back until the end: an unclosed quote makes it swallow the rest.
    let mut pending: Option<Record> = None;
    let quotes = std::rc::Rc::new(std::cell::Cell::new(0usize));
    let counted = QuoteCounter { inner: reader, quotes: quotes.clone() };
    let mut csv = csv::ReaderBuilder::new().delimiter(delimiter).flexible(false).from_reader(counted);
    let headers = match csv.headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            errors.push(RecordError::new(shown, format!("cannot read the header row: {e}")));
            return;
        }
    };
    let c = &opts.columns;
    if !headers.iter().any(|h| h.trim() == c.text || h.trim() == c.html) {
        let have: Vec<&str> = headers.iter().collect();
        errors.push(RecordError::new(
            shown,
            format!(
                "no '{}' or '{}' column (columns: {}); name the text column with --text-column or --html-column",
                c.text,
                c.html,
                have.join(", ")
            ),
        ));
        return;
    }
    let mut record = csv::StringRecord::new();
    let mut row = 0usize;
    loop {
        row += 1;
        let line = csv.position().line() + u64::from(row == 1 && csv.position().line() == 0);
        match csv.read_record(&mut record) {
            Ok(false) => {
                // An odd number of quote characters and a last row spanning several lines: a
                // quote was never closed and the rest of the file was read as one field.
                let spans = pending.as_ref().is_some_and(|r| r.text.contains('\n'));
                match pending.take() {
                    Some(r) if quotes.get() % 2 == 1 && spans => errors.push(RecordError::new(
                        r.source,
                        "a quote opened in this row is never closed, so the rest of the file was read as one field; fix the quoting",
                    )),
                    Some(r) => sink(r),
                    None => {}
                }
                return;
            }
            Ok(true) => {
                let line = record.position().map_or(line, |p| p.line());
                let source = format!("{shown}:{line}");
                let r = CsvRow { headers: &headers, record: &record };
                match record_from_row(&r, format!("{stem}-{row}"), source.clone(), opts) {
                    Ok(rec) => {
                        if let Some(previous) = pending.replace(rec) {
                            sink(previous);
                        }
                    }
                    Err(m) => errors.push(RecordError::new(source, m)),
                }
            }
            Err(e) => {
                let line = e.position().map_or(line, |p| p.line());
                let message = match e.kind() {
                    csv::ErrorKind::UnequalLengths { expected_len, len, .. } => {
                        format!("the row has {len} fields where the header has {expected_len}")
                    }
                    csv::ErrorKind::Utf8 { .. } => "the row is not valid UTF-8 (CSV must be UTF-8)".to_string(),
                    _ => format!("cannot read the row: {e}"),
                };
                errors.push(RecordError::new(format!("{shown}:{line}"), message));
                if !matches!(e.kind(), csv::ErrorKind::UnequalLengths { .. } | csv::ErrorKind::Utf8 { .. }) {
                    return;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(kind: &str, data: &str) -> (Vec<Record>, Vec<RecordError>) {
        let (mut records, mut errors) = (Vec::new(), Vec::new());
        let reader: Box<dyn BufRead> = Box::new(std::io::Cursor::new(data.as_bytes().to_vec()));
        let opts = ReadOptions::default();
        if kind == "jsonl" {
            read_jsonl(reader, "x.jsonl", "x", &opts, &mut |r| records.push(r), &mut errors);
        } else {
            read_csv(reader, b',', "x.csv", "x", &opts, &mut |r| records.push(r), &mut errors);
        }
        (records, errors)
    }

    #[test]
    fn jsonl_records_metadata_and_per_line_errors() {
        let data = concat!(
            "\u{FEFF}",
            r#"{"id": "a1", "text": "Ferry sinks\n\nA ferry sank on Tuesday, officials said.", "url": "https://www.the-post.example/a1", "date": "2025-11-04T10:00:00Z"}"#,
            "\n{broken json\n",
            r#"{"html": "<html><body><article><h1>Title here now</h1><p>Body text of the page.</p></article></body></html>", "outlet": "The Gazette"}"#,
            "\n[1, 2]\n",
            r#"{"id": 7, "title": "no text here"}"#,
            "\n\n"
        );
        let (records, errors) = read("jsonl", data);
        assert_eq!(records.len(), 2);
        assert_eq!(records[0].id, "a1");
        assert_eq!(records[0].meta.url.as_deref(), Some("https://www.the-post.example/a1"));
        assert_eq!(records[0].meta.date.as_deref(), Some("2025-11-04"));
        assert_eq!((records[1].id.as_str(), records[1].format), ("x-3", Format::Html));
        assert_eq!(records[1].meta.outlet.as_deref(), Some("The Gazette"));
        let inputs: Vec<&str> = errors.iter().map(|e| e.input.as_str()).collect();
        assert_eq!(inputs, vec!["x.jsonl:2", "x.jsonl:4", "x.jsonl:5"]);
        assert!(errors[0].message.starts_with("invalid JSON"));
        assert!(errors[2].message.contains("no article text"));
    }

    #[test]
    fn jsonl_fields_of_any_shape_and_escaped_keys() {
        let data = concat!(
            r#"{"id": 12, "sentences": [["nested"], {"a": 1}], "is_wire": true, "text": "A ferry sank.\nDivers \u0022searched\u0022."}"#,
            "\n",
            r#"{"i\u0064": "escaped-key", "te\u0078t": "Rescuers searched the hull, the coast guard said."}"#,
            "\n",
            r#"{"id": null, "text": ["not", "a", "string"]}"#,
            "\n"
        );
        let (records, errors) = read("jsonl", data);
        assert_eq!(records.len(), 2, "{errors:?}");
        assert_eq!((records[0].id.as_str(), records[0].text.as_str()), ("12", "A ferry sank.\nDivers \"searched\"."));
        let second = (records[1].id.as_str(), records[1].text.as_str());
        assert_eq!(second, ("escaped-key", "Rescuers searched the hull, the coast guard said."));
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].input, "x.jsonl:3");
        assert!(errors[0].message.contains("no article text"), "{}", errors[0].message);
    }

    #[test]
    fn an_unclosed_quote_is_reported() {
        let data = "id,text\nr1,\"A ferry sank on Tuesday, officials said.\"\nr2,\"Rescuers searched the hull, the coast guard said.\nr3,\"Divers found the wreck.\"\n";
        let (records, errors) = read("csv", data);
        assert_eq!(records.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(), vec!["r1"]);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(errors[0].input, "x.csv:3");
        assert!(errors[0].message.contains("never closed"));
    }

    #[test]
    fn junk_text_fields_are_refused() {
        let junk: String = (0..400).map(|i| if i % 3 == 0 { '\u{1}' } else { 'x' }).collect();
        let line = serde_json::json!({"id": "j", "text": junk}).to_string();
        let (records, errors) = read("jsonl", &format!("{line}\n"));
        assert!(records.is_empty());
        assert!(errors[0].message.contains("looks binary"), "{}", errors[0].message);
    }

    #[test]
    fn csv_rows_and_broken_rows() {
        let data = "id,outlet,text\nr1,Post,\"A ferry sank on Tuesday, officials said.\"\nr2,Post\nr3,Herald,\"Rescuers searched, the coast guard said.\"\n";
        let (records, errors) = read("csv", data);
        assert_eq!(records.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(), vec!["r1", "r3"]);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].input, "x.csv:3");
        assert!(errors[0].message.contains("2 fields where the header has 3"), "{}", errors[0].message);
        let (_, errors) = read("csv", "id,body\n1,x\n");
        assert!(errors[0].message.contains("columns: id, body"));
    }
}
