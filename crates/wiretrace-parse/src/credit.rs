//! The wire agency an article credits: in its dateline ("PARIS (AFP) –"), byline ("By Ana
//! Ruiz, Reuters"), credit and sign-off lines ("(Reporting by …)", "— AP", "SOURCE: AFP",
//! "© Reuters 2025", "Reuters contributed to this report").

use crate::model::{Article, Role};

/// Agencies recognised by default: (canonical name, other names). Matching is on whole words;
/// names in capitals only match in capitals.
pub const DEFAULT_AGENCIES: &[(&str, &[&str])] = &[
    ("Reuters", &["Thomson Reuters"]),
    ("AP", &["Associated Press"]),
    ("AFP", &["Agence France-Presse", "Agence France Presse", "AFPTV", "AFP-TV"]),
    ("Bloomberg", &[]),
    ("Xinhua", &["Xinhua News Agency"]),
    ("dpa", &["Deutsche Presse-Agentur", "DPA"]),
    ("ANSA", &[]),
    ("EFE", &[]),
    ("Kyodo", &["Kyodo News"]),
    ("Yonhap", &[]),
    ("PTI", &["Press Trust of India"]),
    ("ANI", &[]),
    ("IANS", &[]),
    ("UPI", &["United Press International"]),
    ("TASS", &[]),
    ("Anadolu", &["Anadolu Agency"]),
    ("PA", &["PA Media", "Press Association"]),
    ("AAP", &["Australian Associated Press"]),
    ("CP", &["Canadian Press", "The Canadian Press"]),
];

/// The agencies to look for: the defaults plus names a user adds.
#[derive(Debug, Clone)]
pub struct Agencies {
    names: Vec<(String, String)>,
}

impl Default for Agencies {
    fn default() -> Self {
        Self::with_extra::<&str>(&[])
    }
}

impl Agencies {
    /// The default agencies and `extra` names (each its own canonical name).
    pub fn with_extra<S: AsRef<str>>(extra: &[S]) -> Self {
        let mut names = Vec::new();
        for (canon, others) in DEFAULT_AGENCIES {
            names.push(((*canon).to_string(), (*canon).to_string()));
            for o in *others {
                names.push(((*o).to_string(), (*canon).to_string()));
            }
        }
        for e in extra {
            let e = e.as_ref().trim();
            if !e.is_empty() {
                names.push((e.to_string(), e.to_string()));
            }
        }
        // Longest names first, so "Associated Press" wins over "AP".
        names.sort_by_key(|n| std::cmp::Reverse(n.0.len()));
        Self { names }
    }

    /// The canonical name of the first agency named in `text`, if any.
    pub fn find(&self, text: &str) -> Option<String> {
        let mut best: Option<(usize, &str)> = None;
        for (name, canon) in &self.names {
            let caps = name.chars().all(|c| !c.is_lowercase());
            if let Some(pos) = find_word(text, name, !caps) {
                if best.is_none_or(|(p, _)| pos < p) {
                    best = Some((pos, canon));
                }
            }
        }
        best.map(|(_, c)| c.to_string())
    }

    /// The canonical name of an agency named exactly (ignoring case and punctuation around it).
    pub fn canonical(&self, name: &str) -> Option<String> {
        let n = name.trim().trim_matches(|c: char| !c.is_alphanumeric());
        self.names.iter().find(|(k, _)| k.eq_ignore_ascii_case(n)).map(|(_, c)| c.clone())
    }
}

/// Byte position of `word` in `text` as a whole word.
fn find_word(text: &str, word: &str, ignore_case: bool) -> Option<usize> {
    let (hay, needle) =
        if ignore_case { (text.to_lowercase(), word.to_lowercase()) } else { (text.to_string(), word.to_string()) };
    let mut from = 0;
    while let Some(i) = hay[from..].find(&needle) {
        let start = from + i;
        let end = start + needle.len();
        let before = hay[..start].chars().next_back();
        let after = hay[end..].chars().next();
        let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
        if boundary(before) && boundary(after) {
            return Some(start);
        }
        from = start + needle.len().max(1);
    }
    None
}

/// Sign-off and credit phrases that name the providing agency.
fn credit_phrase(line: &str) -> bool {
    let l = line.trim().to_lowercase();
    l.starts_with("source:")
        || l.starts_with("sources:")
        || l.starts_with('©')
        || l.starts_with("copyright")
        || l.starts_with("(c)")
        || l.contains("contributed to this report")
        || l.contains("contributed reporting")
        || l.starts_with('—')
        || l.starts_with("–")
        || l.starts_with("- ")
        || l.starts_with('(') && l.ends_with(')') && l.len() < 40
}

/// The agency the article credits as its provider, by priority: dateline, byline, credit
/// lines, a sign-off ending the body, source and copyright lines.
pub fn credited_agency(article: &Article, agencies: &Agencies) -> Option<String> {
    if let Some(a) = &article.agency {
        return Some(agencies.canonical(a).unwrap_or_else(|| a.clone()));
    }
    let of = |role: Role| article.blocks.iter().filter(move |b| b.role == role);
    // A photo credit ("Photo by …/AFP via Getty Images") names the photo's agency, not the story's.
    let photo = |t: &str| {
        let l = t.to_lowercase();
        ["photo", "image", "picture", "getty", "video", "graphic"].iter().any(|w| l.contains(w))
    };
    for b in of(Role::Byline).chain(of(Role::Credit)).filter(|b| !photo(&b.text)) {
        if let Some(a) = agencies.find(&b.text) {
            return Some(a);
        }
    }
    if let Some(a) = article.byline.as_deref().and_then(|b| agencies.find(b)) {
        return Some(a);
    }
    // "… the ministry said. — AFP" or "(AP)" closing the last body paragraph.
    if let Some(last) = article.blocks.iter().rev().find(|b| b.role == Role::Body) {
        let tail: String = last.text.chars().rev().take(40).collect::<Vec<_>>().into_iter().rev().collect();
        if let Some(i) = tail.rfind(['—', '–', '(']) {
            if let Some(a) = agencies.find(&tail[i..]) {
                return Some(a);
            }
        }
    }
    for b in article.blocks.iter().filter(|b| matches!(b.role, Role::Boilerplate | Role::Body | Role::Caption)) {
        if credit_phrase(&b.text) && !photo(&b.text) {
            if let Some(a) = agencies.find(&b.text) {
                return Some(a);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse_text;

    fn agency(text: &str) -> Option<String> {
        credited_agency(&parse_text("t", text.to_string()), &Agencies::default())
    }

    #[test]
    fn credits_in_datelines_bylines_and_sign_offs() {
        let body = "The ministry said the talks would resume on Monday after a pause of two weeks.";
        assert_eq!(
            agency(&format!("Talks to resume next week in Geneva\n\nGENEVA (Agence France-Presse) – {body}"))
                .as_deref(),
            Some("AFP")
        );
        assert_eq!(
            agency(&format!("Talks to resume next week in Geneva\n\nBy Ana Ruiz, Reuters\n\n{body}")).as_deref(),
            Some("Reuters")
        );
        assert_eq!(agency(&format!("Talks to resume next week in Geneva\n\n{body} — AP")).as_deref(), Some("AP"));
        assert_eq!(
            agency(&format!(
                "Talks to resume next week in Geneva\n\n{body}\n\nThe Associated Press contributed to this report."
            ))
            .as_deref(),
            Some("AP")
        );
        assert_eq!(
            agency(&format!("Talks to resume next week in Geneva\n\n{body}\n\nSOURCE: AFP")).as_deref(),
            Some("AFP")
        );
        assert_eq!(agency(&format!("Talks to resume next week in Geneva\n\n{body}")), None);
    }

    #[test]
    fn extra_agencies_and_whole_words() {
        let a = Agencies::with_extra(&["Meridian Wire"]);
        assert_eq!(a.find("By Tomas Verrell, Meridian Wire").as_deref(), Some("Meridian Wire"));
        assert_eq!(a.find("APPLE shares rose; mapping the AFPX index"), None);
        assert_eq!(a.canonical("Associated Press").as_deref(), Some("AP"));
    }
}
