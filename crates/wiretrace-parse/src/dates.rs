//! Publication dates in the forms news pages use, to ISO 8601.

use chrono::NaiveDate;
use regex::Regex;
use std::sync::LazyLock;

const MONTHS: &str = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

static DAY_MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)(?-u:\b)(\d{{1,2}})(?:st|nd|rd|th)?\.?\s+({MONTHS})\.?,?\s+(\d{{4}})(?-u:\b)")).unwrap()
});
static MONTH_DAY_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)(?-u:\b)({MONTHS})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?-u:\b)")).unwrap()
});
static GLUED: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(\d)([A-Z][a-z])").unwrap());
static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:(?P<y1>\d{4})[/.](?P<m1>\d{1,2})[/.](?P<d1>\d{1,2})|(?P<a>\d{1,2})(?P<sep>[./])(?P<b>\d{1,2})[./](?P<y2>\d{4}))(?-u:\b)").unwrap()
});
static ISO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?").unwrap());
/// Words that may surround a date on a date line.
static DATE_LINE_NOISE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:gmt|utc)\s*[+-]\s*\d{1,2}(?::?\d{2})?|(?-u:\b)(?:published|updated|posted|last updated|first published|last modified|modified|last edited|edited|date|on|at|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|gmt|utc|bst|cet|cest|est|edt|pst|pdt|et|am|pm|a\.m|p\.m|ist|eat|wat|cat|sast|aest|aedt|jst|kst|msk|hkt|sgt|wib)(?-u:\b)|\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?|[|,:;.\-–—/()·•]",
    )
    .unwrap()
});

fn month_number(name: &str) -> Option<u32> {
    let m = name.to_ascii_lowercase();
    let idx = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        .iter()
        .position(|p| m.starts_with(p))?;
    Some(idx as u32 + 1)
}

/// Finds the first date in `s`; returns it with the byte range it occupies.
pub fn find_date(s: &str) -> Option<(NaiveDate, usize, usize)> {
    let mut found: Vec<(NaiveDate, usize, usize)> = Vec::new();
    if let Some(c) = ISO.captures(s) {
        let m = c.get(0).unwrap();
        if let Some(d) = NaiveDate::from_ymd_opt(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?) {
            found.push((d, m.start(), m.end()));
        }
    }
    if let Some(c) = DAY_MONTH_YEAR.captures(s) {
        let m = c.get(0).unwrap();
        if let (Some(mo), Ok(day), Ok(year)) = (month_number(&c[2]), c[1].parse(), c[3].parse()) {
            if let Some(d) = NaiveDate::from_ymd_opt(year, mo, day) {
                found.push((d, m.start(), m.end()));
            }
        }
    }
    if let Some(c) = MONTH_DAY_YEAR.captures(s) {
        let m = c.get(0).unwrap();
        if let (Some(mo), Ok(day), Ok(year)) = (month_number(&c[1]), c[2].parse(), c[3].parse()) {
            if let Some(d) = NaiveDate::from_ymd_opt(year, mo, day) {
                found.push((d, m.start(), m.end()));
            }
        }
    }
    for c in NUMERIC.captures_iter(s) {
        let m = c.get(0).unwrap();
        let num = |k: &str| c.name(k).and_then(|x| x.as_str().parse::<u32>().ok());
        let date = if let (Some(y), Some(mo), Some(d)) = (num("y1"), num("m1"), num("d1")) {
            NaiveDate::from_ymd_opt(y as i32, mo, d)
        } else if let (Some(a), Some(b), Some(y)) = (num("a"), num("b"), num("y2")) {
            // 04.11.2025 is day.month (European); with slashes only an unambiguous order counts.
            let dotted = c.name("sep").is_some_and(|x| x.as_str() == ".");
            let (d, mo) = if a > 12 || dotted {
                (a, b)
            } else if b > 12 {
                (b, a)
            } else {
                continue;
            };
            NaiveDate::from_ymd_opt(y as i32, mo, d)
        } else {
            None
        };
        if let Some(d) = date {
            found.push((d, m.start(), m.end()));
            break;
        }
    }
    found.into_iter().min_by_key(|&(_, start, _)| start)
}

/// Parses a date found anywhere in `s` to `YYYY-MM-DD`.
pub fn parse_date(s: &str) -> Option<String> {
    find_date(s).map(|(d, _, _)| d.format("%Y-%m-%d").to_string())
}

/// If the whole line is a publication-date line ("Mon 02 June 2025:", "Published 4 November
/// 2025, 09:12 GMT", "Nov 4, 2025 | 10:32 AM"), returns the date as `YYYY-MM-DD`.
pub fn parse_date_line(line: &str) -> Option<String> {
    if line.chars().count() > 120 {
        return None;
    }
    // Text from adjacent elements can arrive glued: "Published Oct. 24, 2024Updated …".
    let spaced;
    let line = if line
        .as_bytes()
        .windows(3)
        .any(|w| w[0].is_ascii_digit() && w[1].is_ascii_uppercase() && w[2].is_ascii_lowercase())
    {
        spaced = GLUED.replace_all(line, "$1 $2").into_owned();
        spaced.as_str()
    } else {
        line
    };
    // "The Commerce Record | March 18, 2026 | Updated 4:10 p.m.": a masthead line may name the
    // outlet (a short capitalised name) beside the date.
    let unlabelled;
    let line = if line.contains('|') {
        let is_name = |p: &str| {
            let w: Vec<&str> = p.split_whitespace().collect();
            !w.is_empty()
                && w.len() <= 5
                && !p.chars().any(|c| c.is_ascii_digit())
                && w.iter().all(|x| x.starts_with(char::is_uppercase) || matches!(*x, "of" | "the" | "&" | "and"))
                && find_date(p).is_none()
                && DATE_LINE_NOISE.replace_all(p, " ").trim() == p.trim()
        };
        unlabelled = line.split('|').filter(|p| !is_name(p)).collect::<Vec<_>>().join("|");
        unlabelled.as_str()
    } else {
        line
    };
    let (d, a, b) = find_date(line)?;
    // "Posted on 4 November 2025 by Ana Ruiz": a short byline may close a date line.
    let tail = &line[b..];
    let tail = match tail.find(" by ") {
        Some(i) if tail[i + 4..].split_whitespace().count() <= 4 => &tail[..i],
        _ => tail,
    };
    let mut rest = format!("{} {}", &line[..a], tail);
    // "Published … Updated …": further dates on the line are part of it.
    while let Some((_, x, y)) = find_date(&rest) {
        rest.replace_range(x..y, " ");
    }
    let rest = DATE_LINE_NOISE.replace_all(&rest, " ");
    rest.trim().is_empty().then(|| d.format("%Y-%m-%d").to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_lines_in_news_forms() {
        assert_eq!(parse_date_line("Mon 02 June 2025:").as_deref(), Some("2025-06-02"));
        assert_eq!(parse_date_line("Published 4 November 2025, 09:12 GMT").as_deref(), Some("2025-11-04"));
        assert_eq!(parse_date_line("Nov 4, 2025 | 10:32 AM").as_deref(), Some("2025-11-04"));
        assert_eq!(
            parse_date_line("The Harbour Herald | March 18, 2026 | Updated 4:10 p.m.").as_deref(),
            Some("2026-03-18")
        );
        assert_eq!(parse_date_line("Harbour Herald | March 18, 2026 | Fire kills two"), None);
        assert_eq!(parse_date_line("2025-11-04T10:32:00+01:00").as_deref(), Some("2025-11-04"));
        assert_eq!(parse_date_line("Updated: Tuesday, March 3rd, 2026 at 5.10pm").as_deref(), Some("2026-03-03"));
        // Middle dots between date and time, and a time of last change after it.
        assert_eq!(parse_date_line("18 April 2026 · 19:40 GMT").as_deref(), Some("2026-04-18"));
        assert_eq!(parse_date_line("Wed 14 Oct 2026 · 16:48 (last modified 17:32)").as_deref(), Some("2026-10-14"));
        assert_eq!(parse_date_line("14 Oct 2026 · Fire modified the coast"), None);
    }

    #[test]
    fn numeric_dates_zones_and_bylines() {
        assert_eq!(parse_date_line("Published: 04 Nov 2025, 10:32 IST").as_deref(), Some("2025-11-04"));
        assert_eq!(parse_date_line("04.11.2025 10:32 GMT+1").as_deref(), Some("2025-11-04"));
        assert_eq!(parse_date_line("2025/11/04").as_deref(), Some("2025-11-04"));
        assert_eq!(parse_date_line("11/24/2025").as_deref(), Some("2025-11-24"));
        assert_eq!(parse_date_line("04/11/2025"), None, "day and month cannot be told apart");
        assert_eq!(parse_date_line("Posted on 4 November 2025 by Ana Ruiz").as_deref(), Some("2025-11-04"));
        assert_eq!(
            parse_date_line("Published Oct. 24, 2024Updated Oct. 24, 2024, 2:02 p.m. ET").as_deref(),
            Some("2024-10-24")
        );
    }

    #[test]
    fn sentences_with_dates_are_not_date_lines() {
        assert_eq!(parse_date_line("The army said on 4 November 2025 that it withdrew."), None);
        assert_eq!(parse_date("The army said on 4 November 2025 that it withdrew.").as_deref(), Some("2025-11-04"));
        assert_eq!(parse_date_line("31 February 2025"), None);
    }
}
