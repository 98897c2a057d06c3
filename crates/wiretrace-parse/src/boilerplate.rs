//! Line-level patterns of non-story text: boilerplate, footers, captions and credit lines.

use aho_corasick::AhoCorasick;
use regex::{Regex, RegexSet};
use std::sync::LazyLock;

/// What a line-pattern says about a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// Promotion, navigation, share bars, separators, links: this line only.
    Boilerplate,
    /// A line that starts the page footer: it and every short line after it are boilerplate.
    Footer,
    /// The title of a list of links ("Most read", "Related stories"): the headline-like lines
    /// under it are boilerplate until the story resumes.
    ListHeader,
    /// A photo or video caption.
    Caption,
    /// A credit line ("(Reporting by …; Editing by …)").
    Credit,
}

/// Single lines of boilerplate (matched case-insensitively against the trimmed line) whose
/// every pattern is anchored at the line's start, so that a story line fails within a few
/// bytes.
static BOILERPLATE: LazyLock<RegexSet> = LazyLock::new(|| {
    RegexSet::new([
        r"(?i)^\d+\s*(?:-\s*)?min(?:ute)?s?\.?\s+read$",
        r"(?i)^(?:reading time|read time|estimated reading time)(?-u:\b).{0,20}$",
        r"^[\s_\-=*~•·—–#+.]{3,}$",
        r"(?i)^(?:https?://|www\.)\S+$",
        r"(?i)^(?:home|news)\s*(?:>|›|»|/|\|)\s*\S.*$",
        r"(?i)^advertisement$|^sponsored(?: content)?$|^ad$|^story continues below(?: advertisement)?$",
        r"(?i)^(?:share|share this|share this (?:article|story|post)|share on)(?-u:\b).{0,80}$",
        r"(?i)^(?:read more|read also|also read|see also|related|related stories|related articles|recommended|watch|listen)\s*[:|›»>-].*$",
        r"(?i)^(?:tags?|topics?|filed under|categories)\s*:.*$",
        r"(?i)^(?:get|receive) (?:our|the) .{0,60}newsletter",
        r"(?i)^(?:click here to|tap here to)(?-u:\b)",
        r"(?i)^(?:follow us|follow)(?-u:\b).{0,60}(?-u:\b)(?:on|at)(?-u:\b).{0,40}$",
        r"(?i)^(?:whatsapp|twitter|facebook|youtube|instagram|telegram|linkedin|x)\s*(?:channel)?\s*(?:\(click here\))?\s*:?$",
        r"(?i)^(?:\d+\s+)?comments?(?:\s*\(\d+\))?$|^(?:add|post|leave|show|view)\s+(?:a\s+)?comments?(?-u:\b)",
        r"(?i)^(?:print|email|save|bookmark)(?:\s*(?:\||·)\s*(?:print|email|save|bookmark|share))+$",
        r"(?i)^(?:image|photo|picture|video)s?\s*(?:credit)?\s*:?\s*(?:getty|afp|ap|reuters|epa|shutterstock)(?-u:\b).{0,40}$",
        r"(?i)^source\s*:\s*.{0,80}$",
        r"(?i)^(?:skip to (?:main )?content|listen to this article|back to top|read next|newsletter|print this page|about us|contact us|ad feedback)$",
        r"(?i)^(?:listen to (?:this|the) (?:article|story)|audio)\s*[·•|:(-]?\s*\d{1,3}\s*(?:min|mins|minutes?)\.?\)?$",
        r"(?i)^(?:updated|posted|published)\s+\d+\s+(?:minutes?|hours?|days?)\s+ago$",
        // A row of bracketed buttons: "[Facebook] [X] [WhatsApp] [Copy link]".
        r"^(?:\[[^\]\[]{1,24}\]\s*){2,}$",
        // Notes on the story itself: "The Islander will update this story as …", "This is a
        // developing story."
        r"(?i)^(?:the [\p{L}’' ]{1,40}|we|this (?:story|article|page|report)) will (?:be )?updated?(?: this (?:story|article|page|report))?(?: as| when| with| once)(?-u:\b).{0,80}$",
        r"(?i)^this (?:is a (?:developing|breaking) (?:story|news story)|(?:story|article) (?:is developing|has been updated)).{0,80}$",
        // A link to another story under a label: "Profile: who is Mirela Dastrov?".
        r"(?i)^(?:profile|explainer|analysis|opinion|video|watch|podcast|factbox|timeline|in pictures|q&a|read|more|related)\s*:\s*[^.!]{3,80}\?$",
        r"(?i)^a version of this (?:article|story) (?:appears|appeared) in print",
        // Notes on the article's own history: "Editor's note: An earlier version of this
        // article misspelt …", "Correction: This story has been updated to …".
        r"(?i)^(?:editor['’]?s['’]? note|correction|clarification|update)\s*:\s*(?:an? (?:earlier|previous) version of this (?:article|story|report|piece)|this (?:article|story|report|piece) (?:has been|was) (?:updated|amended|corrected|changed))(?-u:\b).{0,200}$",
        r"(?i)^(?:key events|show key events only|summary|live updates?|live)$",
        // Appeals to readers: "Are you affected by the strike? Email newsdesk@… or message us".
        r"(?i)^(?:are|were|have|do|did) you(?-u:\b).{0,80}\?\s*(?:e-?mail|contact|message|tell|write|send|get in touch|call|share)(?-u:\b)",
        r"(?i)^(?:got|have) a (?:news )?(?:tip|story)(?-u:\b).{0,40}\?",
        r"(?i)^(?:e-?mail|contact|message|write to|tell) (?:us|the newsdesk|our newsdesk|newsdesk)(?-u:\b).{0,80}$",
    ])
    .unwrap()
});

/// Single lines of boilerplate found anywhere in the line. They are tried only when the
/// lower-cased line holds one of their words ([`Cue::Floating`]): scanned on every line, they
/// cost more than all the other tests together.
static FLOATING_BOILERPLATE: LazyLock<RegexSet> = LazyLock::new(|| {
    RegexSet::new([
        r"(?i)(?-u:\b)(?:facebook|twitter|whatsapp|linkedin|telegram|instagram|youtube|email)(?-u:\b).{0,20}(?:\||·|•)\s*.{0,60}$",
        r"(?i)\(click here\)",
        r"(?i)(?-u:\b)(?:sign up|subscribe)(?-u:\b).{0,80}(?-u:\b)(?:newsletter|updates|inbox|briefing)(?-u:\b)",
        r"(?i)^©|\(c\)\s*\d{4}|^copyright(?-u:\b)|all rights reserved",
        r"(?i)think your friends would be interested|share this story!?$",
        r"(?i)your email address will not be published|required fields are marked",
        r"(?i)(?-u:\b)join the (?:conversation|discussion|debate)(?-u:\b)|(?-u:\b)comments are (?:open|closed)(?-u:\b)|^what do you think\?|(?-u:\b)have your say(?-u:\b)",
    ])
    .unwrap()
});

/// Lines that open a page footer: after them, only footer matter follows.
static FOOTER: LazyLock<RegexSet> = LazyLock::new(|| {
    RegexSet::new([
        r"(?i)^about the author$",
        r"(?i)^(?:leave|post|add) (?:a |your )?(?:reply|comment)s?(?-u:\b).{0,40}$",
        r"^FOLLOW\s+[\p{Lu}\s]{3,40}:?$",
        r"(?i)^follow us(?: on)?\s*:?$",
        r"(?i)^comments\s*:?$",
    ])
    .unwrap()
});

/// Titles of link lists.
static LIST_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:more from(?: [\p{L} ]{1,30})?|most read|most popular|most viewed|related|related stories|related articles|related content|related coverage|more on this story|more on [\p{L} ]{1,30}:|more coverage|further reading|you may also like|you might also like|recommended(?: for you)?|trending(?: now)?|top stories|editor'?s picks|more stories|read more|also read|read also|latest news|popular now|in other news)\s*:?$").unwrap()
});

/// Caption patterns. Tried one by one: as a `RegexSet` they ran eight times slower, as the
/// combined automaton loses each pattern's literal prefilter.
static CAPTION: LazyLock<[Regex; 4]> = LazyLock::new(|| {
    [
        r"(?i)^(?:image|photo|picture|pictured|caption|file photo|photograph)\s*[:|–—-]",
        r"(?i)^(?:this|a|the|an)\s+(?:screengrab|screenshot|photo|photograph|picture|image|still|handout photo|file photo|video grab)(?-u:\b)",
        r"(?i)(?-u:\b)(?:screengrab|file photo|file picture|photo taken|picture taken|handout photo)(?-u:\b).*[\])]$",
        r"(?i)(?-u:\b)(?:pictured|seen|shown)(?-u:\b).{0,120}\((?:photo|image|picture)(?-u:\b)[^)]*\)$",
    ]
    .map(|p| Regex::new(p).expect("the caption patterns are valid"))
});

fn is_caption(line: &str) -> bool {
    CAPTION.iter().any(|r| r.is_match(line))
}

/// Whether a line labelled "Photo:" describes what the image shows ("Photo: Riot police
/// confront strikers at the port gates.") rather than naming who took it ("Photo: Jane
/// Doe/Reuters", "Photo: courtesy of the family"): three lower-case words of four letters
/// or more after the label.
fn describes_scene(line: &str) -> bool {
    let rest = line.split_once([':', '|', '–', '—', '-']).map_or("", |(_, r)| r);
    rest.split_whitespace()
        .filter(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphabetic());
            w.chars().count() >= 4 && w.chars().all(char::is_lowercase)
        })
        .count()
        >= 3
}

/// Agency photo credits: "REUTERS/Jane Doe", "AFP/Getty Images", "AP Photo/Ana Ruiz".
static PHOTO_CREDIT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:[A-Z]{2,}|AP Photo)\s*/\s*[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3}$").unwrap());

static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\(?\s*(?:(?-i:\p{Lu})[\p{L}’'.-]*(?:\s+[\p{L}’'.&-]+){0,5},\s+[\p{L}’'&\s-]{0,30}(?:editor|reporter|correspondent|writer|desk|staff|producer|journalist)\.\s+)?(?:with\s+)?(?:(?:additional )?(?:reporting|writing|editing|compiled|photos?|graphics?)(?: (?:by|from)(?-u:\b)|\s*:)|(?:this|the) (?:article|story|report) (?:includes|contains|is based on|draws on|uses) (?:additional )?(?:reporting|material|information) (?:by|from)(?-u:\b))[^()]{0,120}\)?$",
    )
    .unwrap()
});

/// Groups of phrases looked for inside a lower-cased line (padded with spaces).
#[derive(Debug, Clone, Copy)]
#[repr(u8)]
enum Cue {
    /// Privacy, cookies, terms.
    PolicyTopic = 1,
    /// A banner's address to the reader ("we", "you", "accept").
    PolicyAddress = 2,
    /// Subscriptions, newsletters, apps, donations.
    Promo = 4,
    /// The reader addressed by a promotion.
    PromoReader = 8,
    /// A journalist's role ("correspondent").
    BioRole = 16,
    /// A journalist's beat ("covers").
    BioBeat = 32,
    /// "is a", "is the".
    BioIsA = 64,
    /// A word without which no [`FLOATING_BOILERPLATE`] pattern matches.
    Floating = 128,
}

/// The phrases of each [`Cue`].
const CUE_PHRASES: &[(Cue, &[&str])] = &[
    (Cue::PolicyTopic, &["privacy", "cookie", "terms of use", "terms of service"]),
    (Cue::PolicyAddress, &[" we ", " you ", " your ", " our ", " accept", " consent", " agree"]),
    (
        Cue::Promo,
        &[
            "subscrib",
            "newsletter",
            "briefing",
            "inbox",
            "membership",
            " member ",
            "unlimited access",
            "free for",
            "cancel anytime",
            "our app",
            "the app",
            "sign up",
            "premium",
            "donate",
            "support our journalism",
            "support independent",
        ],
    ),
    (Cue::PromoReader, &[" you ", " your ", " you’", " you'", " our "]),
    (Cue::BioRole, &["correspondent", "reporter", "editor", "writer", "columnist", "journalist"]),
    (Cue::BioBeat, &[" writes about ", " reports on ", " covers ", " has covered ", " writes on "]),
    (Cue::BioIsA, &[" is the ", " is a ", " is an "]),
    (
        Cue::Floating,
        &[
            "facebook",
            "twitter",
            "whatsapp",
            "linkedin",
            "telegram",
            "instagram",
            "youtube",
            "email",
            "(click here)",
            "sign up",
            "subscribe",
            "©",
            "(c)",
            "copyright",
            "all rights reserved",
            "think your friends would be interested",
            "share this story",
            "your email address will not be published",
            "required fields are marked",
            "join the",
            "comments are",
            "what do you think?",
            "have your say",
            // Case-insensitive matching takes "ſ" for "s", which lower-casing keeps: a line
            // with one is tried whatever its words.
            "ſ",
        ],
    ),
];

/// One automaton for every cue phrase, with the cues each distinct phrase belongs to.
static CUE_FINDER: LazyLock<(AhoCorasick, Vec<u8>)> = LazyLock::new(|| {
    let mut phrases: Vec<&str> = Vec::new();
    let mut cues: Vec<u8> = Vec::new();
    for (cue, list) in CUE_PHRASES {
        for phrase in *list {
            match phrases.iter().position(|p| p == phrase) {
                Some(i) => cues[i] |= *cue as u8,
                None => {
                    phrases.push(phrase);
                    cues.push(*cue as u8);
                }
            }
        }
    }
    (AhoCorasick::new(phrases).expect("the cue phrases are valid"), cues)
});

/// The cues whose phrases occur in `l`, as a bit set of [`Cue`] values (one pass over `l`).
fn cues_in(l: &str) -> u8 {
    let (finder, cues) = &*CUE_FINDER;
    finder.find_overlapping_iter(l).fold(0, |set, m| set | cues[m.pattern().as_usize()])
}

fn has(set: u8, cue: Cue) -> bool {
    set & cue as u8 != 0
}

/// Promotion: sponsored labels, and subscription or membership prompts that address the reader.
fn is_promo_line(l: &str, words: usize, cues: u8) -> bool {
    if words > 40 {
        return false;
    }
    let labelled = [
        "sponsored",
        "promoted",
        "paid content",
        "paid partner content",
        "partner content",
        "advertorial",
        "ad feedback",
    ]
    .iter()
    .any(|k| l.trim_start().starts_with(k));
    let first = l.split_whitespace().next().unwrap_or("").trim_matches(|c: char| !c.is_alphanumeric());
    let imperative = [
        "subscribe",
        "sign",
        "join",
        "get",
        "try",
        "become",
        "start",
        "download",
        "register",
        "support",
        "follow",
        "thanks",
        "thank",
        "want",
        "don't",
        "never",
    ]
    .contains(&first);
    labelled || (has(cues, Cue::Promo) && (imperative || has(cues, Cue::PromoReader)))
}

/// A journalist's bio ("Ana Ruiz covers the courts for the Herald.").
fn is_author_bio(line: &str, n: usize, cues: u8) -> bool {
    if !(5..=50).contains(&n) || !line.split_whitespace().take(2).all(|w| w.starts_with(char::is_uppercase)) {
        return false;
    }
    let beat = has(cues, Cue::BioBeat);
    beat || (has(cues, Cue::BioRole) && has(cues, Cue::BioIsA))
}

/// How many times the separators occur in `line`, counted on bytes (a char's UTF-8 bytes
/// cannot occur inside another char's, so this is the count of the chars).
fn occurrences(line: &str, separators: &[&str]) -> usize {
    separators.iter().map(|s| memchr::memmem::find_iter(line.as_bytes(), s.as_bytes()).count()).sum()
}

/// A breadcrumb trail of any depth: "World > Africa > Ferries", "News › Politics",
/// "Courier › Politics › Election 2026".
fn is_breadcrumb(line: &str) -> bool {
    if occurrences(line, &[">", "›", "»"]) == 0 {
        return false;
    }
    let parts: Vec<&str> = line.split(['>', '›', '»']).map(str::trim).collect();
    parts.len() >= 2
        && parts.iter().all(|p| {
            !p.is_empty()
                && p.split_whitespace().count() <= 4
                && p.chars().all(|c| c.is_alphanumeric() || matches!(c, ' ' | '&' | '\'' | '’' | '-'))
                && p.chars().any(char::is_alphabetic)
        })
}

/// A section label and the site's name on one line: "Health | Tavrenne Today". The section
/// is one or two capitalised words and the name up to three, so a headline with the site's
/// name after it ("Ferry sinks off the coast | The Courier") is not one, nor is a byline
/// ("By Jane Doe | Reuters").
fn is_section_and_site(line: &str) -> bool {
    let Some((left, right)) = line.split_once(" | ") else {
        return false;
    };
    if left.starts_with("By ") || left.starts_with("BY ") {
        return false;
    }
    let label = |p: &str, most: usize| {
        let words: Vec<&str> = p.split_whitespace().collect();
        (1..=most).contains(&words.len())
            && words.iter().all(|w| {
                w.starts_with(char::is_uppercase)
                    && w.chars().all(|c| c.is_alphabetic() || matches!(c, '&' | '\'' | '’'))
            })
    };
    label(left, 2) && label(right, 3)
}

/// A short line about cookies, privacy or terms of use (not a story sentence that mentions them).
fn is_policy_line(words: usize, cues: u8) -> bool {
    // A banner addresses the reader; a story sentence about cookies reports on someone.
    words <= 30 && has(cues, Cue::PolicyTopic) && (words <= 6 || has(cues, Cue::PolicyAddress))
}

/// A line of three or more short labels separated by `|`, `·` or `•`: a menu or a share bar
/// ("Home | World | Business", "Copy link | Gift this article | Print").
fn is_label_bar(line: &str) -> bool {
    if occurrences(line, &["|", "·", "•"]) < 2 {
        return false;
    }
    let parts: Vec<&str> = line.split(['|', '·', '•']).map(str::trim).filter(|p| !p.is_empty()).collect();
    parts.len() >= 3 && parts.iter().all(|p| p.split_whitespace().count() <= 5 && !p.ends_with('.'))
}

/// Lines longer than this many words are story paragraphs or captions, never furniture.
const LONG_LINE_WORDS: usize = 50;

/// Classifies one trimmed line by pattern alone; `None` when no pattern applies.
pub fn classify_line(line: &str) -> Option<LineKind> {
    let line = line.trim();
    // Every test below compares the count with at most LONG_LINE_WORDS.
    let words = crate::tokens::count_words(line, LONG_LINE_WORDS + 1);
    // Furniture lines are short; a long paragraph can only be a caption.
    if words > LONG_LINE_WORDS {
        return is_caption(line).then_some(LineKind::Caption);
    }
    let lower = format!(" {} ", line.to_lowercase());
    let cues = cues_in(&lower);
    if is_label_bar(line)
        || is_breadcrumb(line)
        || is_section_and_site(line)
        || is_policy_line(words, cues)
        || is_promo_line(&lower, words, cues)
        || is_author_bio(line, words, cues)
    {
        return Some(LineKind::Boilerplate);
    }
    if CAPTION[0].is_match(line) && describes_scene(line) {
        return Some(LineKind::Caption);
    }
    if CREDIT.is_match(line) || PHOTO_CREDIT.is_match(line) {
        return Some(LineKind::Credit);
    }
    if LIST_HEADER.is_match(line) {
        return Some(LineKind::ListHeader);
    }
    if FOOTER.is_match(line) {
        return Some(LineKind::Footer);
    }
    if is_caption(line) {
        return Some(LineKind::Caption);
    }
    if BOILERPLATE.is_match(line) || (has(cues, Cue::Floating) && FLOATING_BOILERPLATE.is_match(line)) {
        return Some(LineKind::Boilerplate);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_common_boilerplate() {
        for line in [
            "3 min read",
            "HOME > WORLD",
            "Share this article: Facebook | X | Email",
            "Read more: Floods hit the coast",
            "Sign up for our morning newsletter",
            "© 2025 Harbour Herald. All rights reserved.",
            "Tags: Norland, explosion",
            "https://example.com/channel/123",
            "__________________________________________",
            "TWITTER (CLICK HERE)",
            "Advertisement",
            "Copy link | Gift this article | Link copied to clipboard",
            "Home · World · Business · Sport",
            "What do you think? Join the conversation below. Comments are open for 48 hours.",
            // Patterns found anywhere in the line, each behind one of its words.
            "Posted in World · Share via Email | Print",
            "Full coverage of the election (click here)",
            "Don't miss out: subscribe to the Weekend Briefing newsletter",
            "Text and photos (c) 2024 Harbour Herald",
            "Think your friends would be interested? Share this story!",
            "Your email address will not be published. Required fields are marked *",
            "Readers, have your say in the comments",
            "Are you affected by the strike? Email newsdesk@example.org or message us on WhatsApp.",
            "Got a news tip? Send it to our desk.",
            "Contact us at tips@example.org with your story.",
            "Don't miss out: ſubscribe to the Weekend Briefing newsletter",
        ] {
            assert_eq!(classify_line(line), Some(LineKind::Boilerplate), "{line}");
        }
    }

    #[test]
    fn footers_captions_and_credits() {
        assert_eq!(classify_line("About the author"), Some(LineKind::Footer));
        assert_eq!(classify_line("This article includes reporting from Meridian Wire."), Some(LineKind::Credit));
        for credit in [
            "Reporting: Ana Ruiz, Health Reporter",
            "Ana Ruiz, Industry Editor. Additional reporting by Meridian Wire.",
            "Additional reporting by Meridian Wire",
            "With additional reporting by Meridian Wire",
        ] {
            assert_eq!(classify_line(credit), Some(LineKind::Credit), "{credit}");
        }
        for note in [
            "Editor's note: An earlier version of this article misspelt the surname of the inquiry's lead investigator.",
            "Correction: This story has been updated to give the correct date of the vote.",
        ] {
            assert_eq!(classify_line(note), Some(LineKind::Boilerplate), "{note}");
        }
        for story in [
            "Reporting the figures late, the ministry said, was an oversight.",
            "Correction of the count took four days, the commission said.",
            "The minister, a former editor. Additional staff were hired.",
            "Vollan was jailed in March, for fraud. Writing from prison, he said he had been framed.",
        ] {
            assert_eq!(classify_line(story), None, "{story}");
        }
        assert_eq!(classify_line("SOURCE: INDEPENDENT PRESS AND NEWS AGENCIES"), Some(LineKind::Boilerplate));
        assert_eq!(classify_line("FOLLOW INDEPENDENT PRESS:"), Some(LineKind::Footer));
        assert_eq!(classify_line("Follow the money"), None);
        assert_eq!(classify_line("World > Africa > Ferries"), Some(LineKind::Boilerplate));
        assert_eq!(classify_line("Harbour Courier › Politics › Election 2026"), Some(LineKind::Boilerplate));
        assert_eq!(classify_line("Listen to this article · 4 min"), Some(LineKind::Boilerplate));
        for line in [
            "[Facebook] [X] [WhatsApp] [Copy link]",
            "The Islander will update this story as more information becomes available.",
            "We will update this article when the count resumes.",
            "This is a developing story.",
            "Profile: who is Mirela Dastrov?",
        ] {
            assert_eq!(classify_line(line), Some(LineKind::Boilerplate), "{line}");
        }
        for line in [
            "The ministry will update parliament on the count as soon as it can.",
            "The commission said [sic] the count was over.",
            "Dastrov asked: who is counting the votes?",
        ] {
            assert_eq!(classify_line(line), None, "{line}");
        }
        assert_eq!(classify_line("Listen to the minister · 4 min"), None);
        assert_eq!(classify_line("Dow > 30000"), None);
        assert_eq!(classify_line("Health | Tavrenne Today"), Some(LineKind::Boilerplate));
        assert_eq!(classify_line("Ferry sinks off the northern coast | The Courier"), None);
        assert_eq!(classify_line("More on Health:"), Some(LineKind::ListHeader));
        assert_eq!(classify_line("More on Tuesday"), None);
        assert_eq!(classify_line("Inflation Slows Again | Tavrenne Today"), None);
        assert_ne!(classify_line("By Jane Doe | Reuters"), Some(LineKind::Boilerplate));
        assert_eq!(classify_line("The site uses cookies to track readers, the regulator said in a report on Monday about the firm's practices."), None);
        assert_eq!(
            classify_line("We use cookies to improve your experience. By continuing you accept our cookie policy."),
            Some(LineKind::Boilerplate)
        );
        assert_eq!(classify_line("Privacy policy | Terms"), Some(LineKind::Boilerplate));
        for promo in [
            "Sponsored: Save 20% on winter tyres this week.",
            "Join more than 200,000 readers who get our evening newsletter.",
            "Try the Times free for 30 days, then cancel anytime.",
            "Ana Ruiz covers the courts for the Herald. She lives in Staldrun.",
        ] {
            assert_eq!(classify_line(promo), Some(LineKind::Boilerplate), "{promo}");
        }
        for story in [
            "The newspaper lost 20,000 subscribers last year, its owner said.",
            "Ana Ruiz, the mayor, said the council would meet on Monday.",
            "Readers can subscribe to the paper's print edition from Monday, the publisher said.",
        ] {
            assert_eq!(classify_line(story), None, "{story}");
        }
        assert_eq!(classify_line("Leave a Reply"), Some(LineKind::Footer));
        assert_eq!(classify_line("Most read"), Some(LineKind::ListHeader));
        assert_eq!(classify_line("Related stories"), Some(LineKind::ListHeader));
        assert_eq!(classify_line("(Reporting by Ana Ruiz; Editing by Tom Berg)"), Some(LineKind::Credit));
        assert_eq!(classify_line("REUTERS/Jane Doe"), Some(LineKind::Credit));
        assert_eq!(classify_line("Photo: Jane Doe/Reuters"), Some(LineKind::Credit));
        assert_eq!(classify_line("Photo: courtesy of the family"), Some(LineKind::Credit));
        // A "Photo:" line that tells what the image shows is its caption.
        assert_eq!(
            classify_line("Photo: Riot police confront striking workers at the port gates in Tarn."),
            Some(LineKind::Caption)
        );
        assert_eq!(classify_line("AFP/Getty Images"), Some(LineKind::Credit));
        assert_eq!(classify_line("Image: Firefighters at the depot (file photo, 2019)"), Some(LineKind::Caption));
        assert_eq!(
            classify_line("This screengrab taken from a video on May 1, 2024, shows smoke over the city [TV]"),
            Some(LineKind::Caption)
        );
    }

    #[test]
    fn story_sentences_are_not_boilerplate() {
        for line in [
            "Residents said they heard explosions, according to the fire service.",
            "Police said the photo was taken on Monday.",
            "Related talks will resume in Geneva next week, officials said.",
            "The ministry said it had received the email on Monday and would reply within a week.",
            "Campaigners urged residents to join the protest against the copyright reform.",
            "Are you sure? the judge asked the witness.",
            "Police asked anyone with information to contact the incident room.",
            "Do you remember the floods of 1998? Residents of Pellam certainly do, officials said.",
        ] {
            assert_eq!(classify_line(line), None, "{line}");
        }
    }
}
