//! Plain-text articles: every non-blank line gets a role.
//!
//! A scraped news text is a header (section, headline, dek, byline, date, captions; sometimes a
//! summary paragraph above the headline), a body (paragraphs, subheads, captions, inline
//! promotion) and a footer (author box, comment prompts, social links). The classifier reads
//! the lines in order with line patterns ([`crate::boilerplate`]) and the shape of each line
//! (sentence-like or title-like, its length, what follows it).

use crate::assemble::{assemble, Metadata, RawBlock};
use crate::boilerplate::{classify_line, LineKind};
use crate::dateline::split_dateline;
use crate::dates::parse_date_line;
use crate::model::{Article, Role};
use crate::sentences::split_sentences;
use regex::Regex;
use std::sync::LazyLock;

/// How many non-blank lines may stand before the headline.
const HEADER_WINDOW: usize = 8;
/// Under a list title, a sentence needs this many words to resume the story (footer lines such
/// as "The Courier is a member of the Press Council." are shorter).
const LIST_END_WORDS: usize = 15;
/// After a footer line, a line needs this many words to count as story text again.
const FOOTER_BODY_WORDS: usize = 40;

struct Line<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

fn lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut pos = 0;
    for raw in text.split_inclusive('\n') {
        let content = raw.trim_end_matches(['\n', '\r']);
        let lead = content.len() - content.trim_start().len();
        let t = content.trim();
        if !t.is_empty() {
            out.push(Line { start: pos + lead, end: pos + lead + t.len(), text: t });
        }
        pos += raw.len();
    }
    out
}

/// The words of `s`, counted no further than `limit` (each test below needs only a bound).
fn words(s: &str, limit: usize) -> usize {
    crate::tokens::count_words(s, limit)
}

/// Ends like a sentence: `.`, `!`, `?`, `…`, possibly followed by closing quotes.
pub(crate) fn ends_like_sentence(s: &str) -> bool {
    let t = s.trim_end_matches(['"', '”', '’', '\'', ')', ']', '»', ' ']);
    t.ends_with(['.', '!', '?', '…'])
}

/// A short line without final punctuation, starting with a capital, that reads as a title.
fn is_title_like(s: &str) -> bool {
    // The cheap tests first: most lines are paragraphs, turned away by length or by their
    // final punctuation.
    if s.len() > 4 * 250
        || !s.chars().find(|c| c.is_alphanumeric()).is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    {
        return false;
    }
    // Final punctuation counts inside closing quotes too (“It is a tough charge,” he said. “But…”);
    // a full stop ends a title only in headline case ("Senate Passes Budget Bill.").
    let end = s.trim_end().trim_end_matches(['"', '”', '’', '\'', ')', ']', '»']);
    if end.ends_with([',', ';', ':', '!']) || !(2..=30).contains(&words(s, 31)) || s.chars().count() > 250 {
        return false;
    }
    !end.ends_with('.') || is_headline_case(end)
}

/// Headline case: one sentence of four words or more whose words of four letters or more all
/// start with a capital.
fn is_headline_case(s: &str) -> bool {
    let body = s.trim_end_matches('.');
    if words(body, 4) < 4 || body.contains(". ") {
        return false;
    }
    let mut long = 0;
    for w in body.split_whitespace().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric())) {
        if w.chars().filter(|c| c.is_alphabetic()).count() >= 4 {
            if !w.starts_with(char::is_uppercase) {
                return false;
            }
            long += 1;
        }
    }
    long >= 2
}

/// A one-to-four word label ("World", "Africa World").
fn is_section_label(s: &str) -> bool {
    let w = words(s, 5);
    (1..=4).contains(&w)
        && s.chars().count() <= 40
        && s.chars().all(|c| c.is_alphabetic() || matches!(c, ' ' | '&' | '-' | '/' | '\''))
        && s.split_whitespace().all(|w| w.chars().next().is_some_and(|c| c.is_uppercase() || c == '&'))
}

/// A byline line: "By …", at most twelve words, not a sentence.
pub(crate) fn is_byline(s: &str) -> bool {
    let t = s.trim();
    (t.starts_with("By ") || t.starts_with("BY ")) && words(t, 13) <= 12 && !ends_like_sentence(t.trim_end_matches('.'))
}

/// A staff line crediting a wire agency beside the outlet's own people: "Daily Post
/// Reporter, with Meridian Press Agency", "Newsline Solvane with CPB". Capitalised words on
/// both sides of a lower-case "with", eight words at most.
fn is_staff_credit(s: &str) -> bool {
    static STAFF: LazyLock<Regex> = LazyLock::new(|| {
        let name = r"[\p{Lu}][\p{L}’'.&-]*";
        Regex::new(&format!(r"^{name}(?:\s+{name}){{0,3}},?\s+with\s+(?:the\s+)?{name}(?:\s+{name}){{0,3}}$")).unwrap()
    });
    let t = s.trim();
    words(t, 9) <= 8 && STAFF.is_match(t)
}

/// A paragraph of the story: sentence-like and long enough.
fn is_paragraph(s: &str) -> bool {
    let w = words(s, 40);
    (ends_like_sentence(s) && w >= 8) || w >= 40
}

/// Parses a plain-text article.
pub fn parse_text(id: &str, text: String) -> Article {
    parse_text_with(id, None, text, Metadata::default())
}

/// Parses a plain-text article with a path and known metadata.
pub fn parse_text_with(id: &str, path: Option<String>, text: String, meta: Metadata) -> Article {
    let raw = classify(&text);
    assemble(id.to_string(), path, text, raw, meta)
}

fn classify(text: &str) -> Vec<RawBlock> {
    let ls = lines(text);
    let n = ls.len();
    let pattern: Vec<Option<LineKind>> = ls.iter().map(|l| classify_line(l.text)).collect();
    let mut roles: Vec<Option<Role>> = vec![None; n];

    // The headline: the first title-like line of four words or more near the top that has a
    // story paragraph somewhere after it.
    let headline = (0..n.min(HEADER_WINDOW)).find(|&i| {
        pattern[i].is_none()
            && words(ls[i].text, 4) >= 4
            && is_title_like(ls[i].text)
            && parse_date_line(ls[i].text).is_none()
            && !is_byline(ls[i].text)
            && ls[i + 1..].iter().any(|l| is_paragraph(l.text))
    });

    let mut body_start = 0;
    if let Some(h) = headline {
        roles[h] = Some(Role::Headline);
        for i in 0..h {
            roles[i] = Some(header_role(ls[i].text, pattern[i], true));
        }
        // A standfirst sits right under the headline, before any byline or date line.
        let mut dek_seen = false;
        let mut i = h + 1;
        while i < n {
            let t = ls[i].text;
            if let Some(kind) = pattern[i] {
                roles[i] = Some(kind_role(kind));
            } else if t.eq_ignore_ascii_case(ls[h].text) {
                roles[i] = Some(Role::Boilerplate);
            } else if is_byline(t) || is_staff_credit(t) {
                roles[i] = Some(Role::Byline);
                dek_seen = true;
            } else if parse_date_line(t).is_some() {
                roles[i] = Some(Role::Date);
                dek_seen = true;
            } else if is_section_label(t) && words(t, 4) <= 3 {
                roles[i] = Some(Role::Section);
            } else if !dek_seen
                && (is_dek(t) || is_dek_above_credits(&ls, i))
                && ls[i + 1..].iter().any(|l| is_paragraph(l.text))
            {
                // (A standfirst stands above a story: a lone paragraph is the story.)
                roles[i] = Some(Role::Dek);
                dek_seen = true;
            } else {
                break;
            }
            i += 1;
        }
        body_start = i;
    }

    // The body, link lists inside it, and the footer.
    #[derive(PartialEq)]
    enum Mode {
        Story,
        List,
        Footer,
    }
    let mut mode = Mode::Story;
    for i in body_start..n {
        let t = ls[i].text;
        let role = match pattern[i] {
            Some(LineKind::Footer) => {
                mode = Mode::Footer;
                Role::Boilerplate
            }
            Some(LineKind::ListHeader) => {
                if mode == Mode::Story {
                    mode = Mode::List;
                }
                Role::Boilerplate
            }
            Some(kind) => kind_role(kind),
            // Author boxes and comment rules are short; a long paragraph means the story resumed.
            None if mode == Mode::Footer && words(t, FOOTER_BODY_WORDS) < FOOTER_BODY_WORDS => Role::Boilerplate,
            // Under a list title, headline-like lines are the list; a story sentence ends it.
            None if mode == Mode::List
                && !(ends_like_sentence(t) && !t.ends_with('?') && words(t, LIST_END_WORDS) >= LIST_END_WORDS) =>
            {
                Role::Boilerplate
            }
            None => {
                if mode == Mode::List {
                    mode = Mode::Story;
                }
                if i > body_start && parse_date_line(t).is_some() {
                    Role::Date
                } else if i > body_start && is_subhead(&ls, &pattern, i) {
                    Role::Subhead
                } else {
                    Role::Body
                }
            }
        };
        roles[i] = Some(role);
    }

    ls.iter()
        .zip(roles)
        .map(|(l, r)| RawBlock { role: r.unwrap_or(Role::Body), start: l.start, end: l.end, source: None })
        .collect()
}

fn kind_role(kind: LineKind) -> Role {
    match kind {
        LineKind::Boilerplate | LineKind::Footer | LineKind::ListHeader => Role::Boilerplate,
        LineKind::Caption => Role::Caption,
        LineKind::Credit => Role::Credit,
    }
}

/// Role of a line above the headline.
fn header_role(t: &str, pattern: Option<LineKind>, _above: bool) -> Role {
    if let Some(kind) = pattern {
        return kind_role(kind);
    }
    if parse_date_line(t).is_some() {
        Role::Date
    } else if is_byline(t) {
        Role::Byline
    } else if is_section_label(t) {
        Role::Section
    } else if is_paragraph(t) {
        Role::Summary
    } else {
        Role::Boilerplate
    }
}

/// A standfirst: one sentence (or one title-like line) right below the headline that is not the
/// lede of a wire story.
fn is_dek(t: &str) -> bool {
    let one_sentence = split_sentences(t).len() == 1;
    // A lede tells who, how many and when; a standfirst sums up. Digits, a weekday or an
    // attribution mark a lede.
    let lede_like = split_dateline(t).is_some()
        || [" said", " told ", "according to", " says"].iter().any(|cue| t.contains(cue))
        || t.chars().any(|c| c.is_ascii_digit())
        || ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", " yesterday", " today"]
            .iter()
            .any(|d| t.contains(d));
    one_sentence && !lede_like && (5..=45).contains(&words(t, 46))
}

/// A standfirst that reads like a lede (figures, a weekday) but is set as a title: no closing
/// full stop, and a byline or date line right under it ("Steelmaker's shares rise 3.2% after
/// it confirms 1,840 job cuts", then "14.03.2024, 18:10"). A lede ends like a sentence.
fn is_dek_above_credits(ls: &[Line<'_>], i: usize) -> bool {
    let t = ls[i].text;
    let next = ls.get(i + 1).map(|l| l.text);
    !ends_like_sentence(t)
        && (5..=45).contains(&words(t, 46))
        && next.is_some_and(|n| parse_date_line(n).is_some() || is_byline(n) || is_staff_credit(n))
}

/// An in-body title: title-like, at most twelve words, followed by a story paragraph.
fn is_subhead(ls: &[Line<'_>], pattern: &[Option<LineKind>], i: usize) -> bool {
    let t = ls[i].text;
    if !(is_title_like(t) && words(t, 13) <= 12) {
        return false;
    }
    let next = (i + 1..ls.len()).find(|&j| pattern[j].is_none());
    next.is_some_and(|j| is_paragraph(ls[j].text))
}

/// Lines of at least this many words that end like a sentence are taken as story by
/// [`story_lines`] without further checks.
const STORY_LINE_WORDS: usize = 25;

/// The lines of a plain-text article that can belong to its story, joined by newlines: a fast
/// path for corpus-scale work that needs the words, not the structure. Lines
/// [`classify_line`](crate::boilerplate::classify_line) marks as boilerplate, credits or
/// captions are left out, so are the headline-like lines after a list header ("Read more:") and
/// everything after a footer line. Headline, dateline and byline lines are kept.
///
/// ```
/// let text = "Ferry sinks off Lindqvist\n\nHOME > WORLD\n\nA ferry sank on Tuesday, the coast guard said.\n\n\
///             Advertisement\n\nRead more:\nFloods hit the coast\n\nDivers searched the hull.";
/// assert_eq!(
///     wiretrace_parse::plain::story_lines(text),
///     "Ferry sinks off Lindqvist\nA ferry sank on Tuesday, the coast guard said.\nDivers searched the hull.\n"
/// );
/// ```
pub fn story_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_list = false;
    for line in text.lines() {
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        // Counted only as far as the tests below need.
        let n = crate::tokens::count_words(t, STORY_LINE_WORDS);
        // A list of links (headlines, no full stop) runs until the story resumes.
        if in_list && n < 12 && !ends_like_sentence(t) {
            continue;
        }
        in_list = false;
        // Furniture is short; a long line that reads as sentences is story (or, rarely, an
        // author box, whose repeated words corpus-wide frequencies then leave out).
        if n >= STORY_LINE_WORDS && ends_like_sentence(t) {
            out.push_str(t);
            out.push('\n');
            continue;
        }
        match classify_line(t) {
            Some(LineKind::Footer) => break,
            Some(LineKind::ListHeader) => in_list = true,
            Some(_) => {}
            None => {
                out.push_str(t);
                out.push('\n');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roles(text: &str) -> Vec<(Role, String)> {
        let a = parse_text("t", text.to_string());
        a.blocks.iter().map(|b| (b.role, b.text.clone())).collect()
    }

    #[test]
    fn header_body_and_footer() {
        let text = "World\n\nFerry capsizes off the coast of Lindqvist Island\n4 min read\nRescuers searched through the night for survivors.\nBy Ana Ruiz\nPublished 4 November 2025, 09:12 GMT\n\nLINDQVIST, Norland (Meridian Wire) – A ferry carrying 120 passengers capsized on Tuesday, the coast guard said. Divers were sent.\n\nRescue Efforts Continue\n\nThe coast guard said 30 people were still missing on Wednesday morning.\n(Reporting by Ana Ruiz; Editing by Tom Berg)\nAbout the author\nAna\nLeave a comment\n";
        let r = roles(text);
        let got: Vec<Role> = r.iter().map(|(role, _)| *role).collect();
        use Role::*;
        assert_eq!(
            got,
            vec![
                Section,
                Headline,
                Boilerplate,
                Dek,
                Byline,
                Date,
                Dateline,
                Body,
                Subhead,
                Body,
                Credit,
                Boilerplate,
                Boilerplate,
                Boilerplate
            ]
        );
        let a = parse_text("t", text.to_string());
        assert_eq!(a.dateline.as_deref(), Some("Lindqvist, Norland"));
        assert_eq!(a.agency.as_deref(), Some("Meridian Wire"));
        assert_eq!(a.date.as_deref(), Some("2025-11-04"));
        assert_eq!(a.byline.as_deref(), Some("Ana Ruiz"));
        assert_eq!(a.sentences[0].text, "A ferry carrying 120 passengers capsized on Tuesday, the coast guard said.");
        for s in &a.sentences {
            assert_eq!(a.slice(s.start, s.end), s.text);
        }
    }

    #[test]
    fn a_breadcrumb_with_a_year_a_staff_credit_and_a_dotted_date_are_header() {
        let text = "Harbour Courier › Politics › Election 2026\n\nRecount ordered at 112 polling stations in the north\n\nCourier Reporter, with Meridian Wire\nWed 14 Oct 2026 · 16:48 (last modified 17:32)\n\nListen to this article · 4 min\n\nBallots from 112 polling stations will be recounted by hand from Thursday, the commission said.\n\nThe count could take up to five days, its chairman said on Wednesday.\n";
        let a = parse_text("t", text.to_string());
        assert_eq!(a.headline.as_deref(), Some("Recount ordered at 112 polling stations in the north"));
        assert_eq!(a.date.as_deref(), Some("2026-10-14"));
        let got: Vec<Role> = a.blocks.iter().map(|b| b.role).collect();
        use Role::*;
        assert_eq!(got, vec![Boilerplate, Headline, Byline, Date, Boilerplate, Body, Body]);
        assert!(a.sentences[0].text.starts_with("Ballots from 112"));
        // A story sentence with "with" in it is no staff line.
        assert!(!is_staff_credit("Police clashed with protesters on Tuesday."));
        assert!(!is_staff_credit("Talks with Norland resume"));
        assert!(is_staff_credit("Newsline Solvane with CPB"));
    }

    #[test]
    fn a_standfirst_with_figures_above_a_numeric_date_is_header() {
        let text = "Carmaker shuts its Ostrel plant as losses mount\n\nShares rise 2.1% after it confirms 900 job cuts and a loss of 80m crowns\n\n14.03.2024, 18:10\n\nThe carmaker will close its Ostrel plant by June at a cost of 900 jobs, it said on Thursday.\n\nThe union called the decision a betrayal of the town.\n\nAna Ruiz, Industry Editor. Additional reporting by Meridian Wire.\n";
        let a = parse_text("t", text.to_string());
        let got: Vec<Role> = a.blocks.iter().map(|b| b.role).collect();
        use Role::*;
        assert_eq!(got, vec![Headline, Dek, Date, Body, Body, Credit]);
        assert_eq!(a.date.as_deref(), Some("2024-03-14"));
        assert!(a.sentences[0].text.starts_with("The carmaker will close"));
        // A lede ends like a sentence: it stays the story even above a date line.
        let lede = "Carmaker shuts its Ostrel plant as losses mount\n\nThe carmaker will close its Ostrel plant by June at a cost of 900 jobs, it said.\n\n14.03.2024, 18:10\n\nThe union called the decision a betrayal of the town.\n";
        let a = parse_text("t", lede.to_string());
        assert_eq!(a.blocks[1].role, Body);
    }

    #[test]
    fn crlf_line_endings_keep_offsets() {
        let text = "Ferry capsizes off the coast of Lindqvist Island\r\n\r\nA ferry carrying 120 passengers capsized on Tuesday, the coast guard said.\r\nDivers searched the hull for hours.\r\n";
        let a = parse_text("crlf", text.to_string());
        assert_eq!(a.headline.as_deref(), Some("Ferry capsizes off the coast of Lindqvist Island"));
        assert_eq!(a.sentences.len(), 2);
        for b in &a.blocks {
            assert!(!b.text.contains('\r'));
            assert_eq!(a.slice(b.start, b.end), b.text);
        }
    }

    #[test]
    fn text_without_headline_is_all_body() {
        let text = "The council approved the budget on Monday after a long debate. Members voted 7 to 2.\nThe plan adds 12 km of cycling lanes across the town centre by 2027.\n";
        assert!(roles(text).iter().all(|(r, _)| *r == Role::Body));
    }
}
