//! WARC crawls: every `response` record whose HTTP payload is an HTML page becomes an article
//! (the outlet is the URL's host); other records (requests, metadata, images) are passed over.

use super::{ReadOptions, Record, RecordError};
use crate::assemble::Metadata;
use crate::Format;
use std::io::{BufRead, Read};
use warc::{RecordType, WarcHeader, WarcReader};

/// Reads the HTML responses of a WARC file (already decompressed).
pub(super) fn read_warc(
    reader: Box<dyn BufRead>,
    shown: &str,
    opts: &ReadOptions,
    sink: &mut dyn FnMut(Record),
    errors: &mut Vec<RecordError>,
) {
    let stem = super::stem_of(std::path::Path::new(shown));
    let mut n = 0usize;
    for item in WarcReader::new(reader).iter_records() {
        n += 1;
        let source = format!("{shown}#{n}");
        let record = match item {
            Ok(r) => r,
            Err(e) => {
                // After a framing error the reader cannot find the next record.
                errors.push(RecordError::new(
                    source,
                    format!("malformed WARC record: {e}; the rest of the file is skipped"),
                ));
                return;
            }
        };
        if *record.warc_type() != RecordType::Response {
            continue;
        }
        let url = record.header(WarcHeader::TargetURI).map(|u| u.trim_matches(['<', '>']).to_string());
        let source = url.as_ref().map_or(source.clone(), |u| format!("{source} ({u})"));
        match http_html(record.body(), opts.max_bytes) {
            Ok(None) => {}
            Ok(Some(html)) => sink(Record {
                id: format!("{stem}-{n}"),
                source,
                format: Format::Html,
                text: html,
                meta: Metadata { url, ..Metadata::default() },
            }),
            Err(m) => errors.push(RecordError::new(source, m)),
        }
    }
}

/// The HTML page of an HTTP response, decoded; `None` when the response is not an HTML page.
fn http_html(payload: &[u8], limit: u64) -> Result<Option<String>, String> {
    let split = find(payload, b"\r\n\r\n").map(|i| (i, i + 4)).or_else(|| find(payload, b"\n\n").map(|i| (i, i + 2)));
    let Some((head_end, body_start)) = split else {
        return Err("the HTTP response has no end of headers".to_string());
    };
    let head = String::from_utf8_lossy(&payload[..head_end]);
    let mut lines = head.lines();
    let status = lines.next().unwrap_or("");
    if !status.starts_with("HTTP/") {
        return Err(format!("not an HTTP response (starts with {:?})", status.chars().take(20).collect::<String>()));
    }
    let code: u16 = status.split_whitespace().nth(1).and_then(|c| c.parse().ok()).unwrap_or(0);
    let header = |name: &str| {
        head.lines().skip(1).find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.trim().eq_ignore_ascii_case(name).then(|| v.trim().to_ascii_lowercase())
        })
    };
    let content_type = header("content-type").unwrap_or_default();
    if code != 200 || !(content_type.contains("text/html") || content_type.contains("application/xhtml")) {
        return Ok(None);
    }
    let mut body = payload[body_start..].to_vec();
    if header("transfer-encoding").is_some_and(|t| t.contains("chunked")) {
        body = dechunk(&body).ok_or("the chunked HTTP body is malformed")?;
    }
    match header("content-encoding").as_deref() {
        Some("gzip" | "x-gzip") => body = inflate(flate2::read::MultiGzDecoder::new(&body[..]), limit)?,
        Some("deflate") => body = inflate(flate2::read::ZlibDecoder::new(&body[..]), limit)?,
        _ => {}
    }
    if body.len() as u64 > limit {
        return Err(format!("the page is {} bytes, more than the {limit}-byte limit (--max-size)", body.len()));
    }
    let declared = content_type
        .split(';')
        .find_map(|p| p.trim().strip_prefix("charset="))
        .map(|c| c.trim_matches('"').to_string())
        .or_else(|| meta_charset(&body));
    let html = match declared.and_then(|label| encoding_rs::Encoding::for_label(label.as_bytes())) {
        Some(enc) => enc.decode_with_bom_removal(&body).0.into_owned(),
        None => crate::decode::decode("page", &body).map_err(|e| e.to_string().replacen("page: ", "", 1))?,
    };
    if let Some(reason) = crate::decode::binary_text_reason(&html) {
        return Err(format!("the page looks binary, not HTML ({reason})"));
    }
    Ok(Some(html))
}

fn inflate(mut r: impl Read, limit: u64) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    (&mut r).take(limit + 1).read_to_end(&mut out).map_err(|e| format!("cannot decompress the HTTP body: {e}"))?;
    Ok(out)
}

/// `<meta charset="…">` or `<meta http-equiv="Content-Type" content="…; charset=…">` in the
/// first kilobytes of a page.
fn meta_charset(body: &[u8]) -> Option<String> {
    let head = String::from_utf8_lossy(&body[..body.len().min(4096)]).to_ascii_lowercase();
    let at = head.find("charset=")? + "charset=".len();
    let rest = head[at..].trim_start_matches(['"', '\'']);
    let label: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_')).collect();
    (!label.is_empty()).then_some(label)
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn dechunk(mut body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let line_end = find(body, b"\r\n")?;
        let size_text = std::str::from_utf8(&body[..line_end]).ok()?;
        let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
        body = &body[line_end + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(body.get(..size)?);
        body = body.get(size + 2..)?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A WARC record of the given type carrying `payload`.
    pub(crate) fn warc_record(kind: &str, uri: &str, payload: &[u8]) -> Vec<u8> {
        let mut out = format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{:08x}-0000-4000-8000-000000000000>\r\nWARC-Date: 2025-11-04T12:00:00Z\r\nWARC-Target-URI: {uri}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
            payload.len(),
            payload.len()
        )
        .into_bytes();
        out.extend_from_slice(payload);
        out.extend_from_slice(b"\r\n\r\n");
        out
    }

    #[test]
    fn html_responses_become_records() {
        let page = "<html><head><meta charset=\"windows-1252\"></head><body><article><h1>Caf\u{e9} reopens after the works</h1><p>The caf\u{e9} reopened on Monday, the owner said.</p></article></body></html>";
        let (encoded, _, _) = encoding_rs::WINDOWS_1252.encode(page);
        let mut http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n".to_vec();
        http.extend_from_slice(&encoded);
        let mut data = warc_record("response", "https://www.gazette.example/cafe", &http);
        data.extend(warc_record(
            "response",
            "https://www.gazette.example/logo.png",
            b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG",
        ));
        data.extend(warc_record("request", "https://www.gazette.example/cafe", b"GET /cafe HTTP/1.1\r\n\r\n"));
        let (mut records, mut errors) = (Vec::new(), Vec::new());
        let reader: Box<dyn BufRead> = Box::new(std::io::Cursor::new(data));
        read_warc(reader, "crawl.warc", &ReadOptions::default(), &mut |r| records.push(r), &mut errors);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(records.len(), 1);
        assert_eq!(records[0].meta.url.as_deref(), Some("https://www.gazette.example/cafe"));
        assert!(records[0].text.contains("Café reopens"));
    }

    #[test]
    fn chunked_and_gzip_bodies() {
        use std::io::Write;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(b"<html><body><p>Chunked and compressed.</p></body></html>").unwrap();
        let compressed = gz.finish().unwrap();
        let mut http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n".to_vec();
        let (a, b) = compressed.split_at(10);
        for part in [a, b] {
            http.extend_from_slice(format!("{:x}\r\n", part.len()).as_bytes());
            http.extend_from_slice(part);
            http.extend_from_slice(b"\r\n");
        }
        http.extend_from_slice(b"0\r\n\r\n");
        assert_eq!(
            http_html(&http, 1 << 20).unwrap().unwrap(),
            "<html><body><p>Chunked and compressed.</p></body></html>"
        );
    }
}
