//! The invented language of synthetic stories: a vocabulary of made-up content words with a
//! Zipf distribution of use, topics (pools of words stories on one subject share), synonym
//! partners for rewrites, and a sentence grammar of English function words around them.
//!
//! Stories drawn from it share what real news stories share (function words, the most frequent
//! content words, a topic's vocabulary) and little else: their names, numbers and word
//! sequences are their own.

use std::sync::OnceLock;

use super::Rng;

const SYLLABLES: &[&str] = &[
    "ba", "ven", "kes", "ling", "nor", "dal", "mer", "id", "tor", "va", "ren", "sta", "drun", "lind", "qu", "or",
    "vik", "cal", "der", "bran", "mo", "rel", "asp", "ek", "vor", "tal", "ben", "sil", "gar", "um", "fen", "hol",
    "pra", "nis", "tu", "gel", "ox", "ram", "pi", "sem", "dro", "ul", "kan", "fi", "bez", "rho", "lu", "mat",
];

/// English function words, with rough relative frequencies.
const FUNCTION: &[(&str, u32)] = &[
    ("the", 60),
    ("of", 30),
    ("to", 26),
    ("in", 22),
    ("and", 22),
    ("a", 20),
    ("for", 9),
    ("on", 8),
    ("that", 8),
    ("with", 7),
    ("was", 7),
    ("by", 5),
    ("at", 5),
    ("from", 5),
    ("as", 5),
    ("has", 4),
    ("have", 4),
    ("were", 4),
    ("is", 4),
    ("its", 3),
    ("after", 3),
    ("but", 3),
    ("not", 2),
    ("had", 3),
    ("will", 3),
    ("their", 2),
    ("which", 2),
    ("more", 2),
    ("than", 2),
    ("over", 2),
    ("into", 2),
    ("about", 2),
    ("while", 1),
    ("this", 2),
    ("been", 2),
    ("would", 2),
];
/// Prepositions that open a phrase.
const PREPOSITIONS: &[&str] = &["in", "on", "at", "for", "with", "after", "from", "over", "near", "against", "under"];
/// Verbs of attribution.
const SAYING: &[&str] = &["said", "told reporters", "said in a statement", "confirmed", "announced"];
/// Auxiliaries before a verb-like content word.
const AUXILIARIES: &[&str] = &["has", "had", "was", "will", "would", "could", "is expected to", "has been"];

/// Size of the vocabulary.
const VOCABULARY: usize = 40_000;
/// Number of topics.
const TOPICS: usize = 400;
/// Words in a topic's pool.
const TOPIC_WORDS: usize = 120;

/// One token of a generated sentence.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Token {
    /// A function word.
    Function(&'static str),
    /// A content word (index into the vocabulary).
    Word(u32),
    /// A name (person, place, organisation), capitalised.
    Name(String),
    /// A number (one of the story's facts).
    Number(u32),
    /// A comma.
    Comma,
    /// Opening or closing quotation mark.
    Quote(bool),
}

impl Token {
    /// Whether a rewrite may replace or drop this token without changing the facts.
    pub(crate) fn is_plain_word(&self) -> bool {
        matches!(self, Token::Word(_))
    }
}

/// The shared language: vocabulary, frequencies, topics and synonyms.
pub(crate) struct Language {
    words: Vec<String>,
    cumulative: Vec<f64>,
    topics: Vec<Vec<u32>>,
    synonyms: Vec<u32>,
    function_cumulative: Vec<u32>,
}

/// The language (built once, the same for every corpus).
pub(crate) fn language() -> &'static Language {
    static LANGUAGE: OnceLock<Language> = OnceLock::new();
    LANGUAGE.get_or_init(Language::build)
}

impl Language {
    fn build() -> Self {
        let mut rng = Rng::new(0x1A96_0A6E);
        let mut seen = std::collections::HashSet::new();
        let mut words = Vec::with_capacity(VOCABULARY);
        while words.len() < VOCABULARY {
            let parts = [2, 2, 2, 3, 3, 3, 3, 4][rng.below(8)];
            let w: String = (0..parts).map(|_| *rng.pick(SYLLABLES)).collect();
            if FUNCTION.iter().any(|(f, _)| *f == w) || !seen.insert(w.clone()) {
                continue;
            }
            words.push(w);
        }
        // Zipf (s = 1) over ranks.
        let mut cumulative = Vec::with_capacity(VOCABULARY);
        let mut total = 0.0;
        for r in 0..VOCABULARY {
            total += 1.0 / (r as f64 + 2.7);
            cumulative.push(total);
        }
        for c in &mut cumulative {
            *c /= total;
        }
        // Topic pools from the middle of the distribution: neither everywhere nor unheard of.
        let topics = (0..TOPICS)
            .map(|_| (0..TOPIC_WORDS).map(|_| (300 + rng.below(VOCABULARY - 300)) as u32).collect())
            .collect();
        // Synonyms: a partner of similar frequency.
        let synonyms = (0..VOCABULARY)
            .map(|i| {
                let spread = (i / 4).max(8);
                let j = (i + 1 + rng.below(spread)) % VOCABULARY;
                j as u32
            })
            .collect();
        let mut function_cumulative = Vec::new();
        let mut t = 0;
        for (_, f) in FUNCTION {
            t += f;
            function_cumulative.push(t);
        }
        Self { words, cumulative, topics, synonyms, function_cumulative }
    }

    /// The spelling of a vocabulary word.
    pub(crate) fn word(&self, i: u32) -> &str {
        &self.words[i as usize]
    }

    /// A content word from the whole vocabulary, by frequency.
    pub(crate) fn common(&self, rng: &mut Rng) -> u32 {
        let x = rng.unit();
        self.cumulative.partition_point(|&c| c < x).min(VOCABULARY - 1) as u32
    }

    /// A content word of a topic.
    pub(crate) fn topical(&self, rng: &mut Rng, topic: usize) -> u32 {
        let pool = &self.topics[topic % TOPICS];
        // Earlier words of the pool are the topic's staples.
        let i = (rng.unit() * rng.unit() * pool.len() as f64) as usize;
        pool[i.min(pool.len() - 1)]
    }

    /// The synonym partner of a word.
    pub(crate) fn synonym(&self, i: u32) -> u32 {
        self.synonyms[i as usize]
    }

    /// A function word, by frequency.
    pub(crate) fn function(&self, rng: &mut Rng) -> &'static str {
        let total = *self.function_cumulative.last().unwrap_or(&1);
        let x = rng.below(total as usize) as u32;
        let i = self.function_cumulative.partition_point(|&c| c <= x);
        FUNCTION[i.min(FUNCTION.len() - 1)].0
    }

    /// Number of topics.
    pub(crate) fn topics(&self) -> usize {
        TOPICS
    }
}

/// A made-up proper name of `parts` syllables.
pub(crate) fn proper_name(rng: &mut Rng, parts: usize) -> String {
    let s: String = (0..parts).map(|_| *rng.pick(SYLLABLES)).collect();
    capitalise(&s)
}

/// The first letter in upper case.
pub(crate) fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or_default()
}

/// What a story's sentences are made of: its topic, names and numbers.
#[derive(Debug, Clone)]
pub(crate) struct StoryModel {
    /// Topic index.
    pub topic: usize,
    /// People.
    pub people: Vec<String>,
    /// Places and organisations.
    pub places: Vec<String>,
    /// The story's numbers.
    pub numbers: Vec<u32>,
    /// The story's own salient words (used again and again, as a story repeats its subject).
    pub salient: Vec<u32>,
}

impl StoryModel {
    /// A new story's model.
    pub(crate) fn new(rng: &mut Rng, lang: &Language) -> Self {
        let topic = rng.below(lang.topics());
        let people =
            (0..3 + rng.below(4)).map(|_| format!("{} {}", proper_name(rng, 2), proper_name(rng, 3))).collect();
        let places = (0..2 + rng.below(4))
            .map(|_| {
                let parts = 2 + rng.below(2);
                proper_name(rng, parts)
            })
            .collect();
        let numbers = (0..3 + rng.below(5)).map(|_| 2 + rng.below(900) as u32).collect();
        let salient = (0..6).map(|_| lang.topical(rng, topic)).collect();
        Self { topic, people, places, numbers, salient }
    }

    fn content(&self, rng: &mut Rng, lang: &Language) -> Token {
        let x = rng.unit();
        Token::Word(if x < 0.22 {
            *rng.pick(&self.salient)
        } else if x < 0.55 {
            lang.topical(rng, self.topic)
        } else {
            lang.common(rng)
        })
    }

    fn noun_phrase(&self, rng: &mut Rng, lang: &Language, out: &mut Vec<Token>) {
        let x = rng.unit();
        if x < 0.12 {
            out.push(Token::Name(rng.pick(&self.places).clone()));
            return;
        }
        if x < 0.2 {
            out.push(Token::Number(*rng.pick(&self.numbers)));
            out.push(self.content(rng, lang));
            return;
        }
        out.push(Token::Function(if rng.chance(0.7) { "the" } else { "a" }));
        if rng.chance(0.4) {
            out.push(self.content(rng, lang));
        }
        out.push(self.content(rng, lang));
        if rng.chance(0.25) {
            out.push(Token::Function("of"));
            out.push(Token::Function("the"));
            out.push(self.content(rng, lang));
        }
    }

    /// A headline: a short clause about the story.
    pub(crate) fn headline(&self, rng: &mut Rng, lang: &Language) -> Vec<Token> {
        let mut out = Vec::new();
        self.noun_phrase(rng, lang, &mut out);
        out.push(self.content(rng, lang));
        self.noun_phrase(rng, lang, &mut out);
        out.retain(|t| !matches!(t, Token::Function("the") | Token::Function("a")));
        out
    }

    /// A new sentence about the story.
    pub(crate) fn sentence(&self, rng: &mut Rng, lang: &Language) -> Vec<Token> {
        let mut out = Vec::new();
        let quoted = rng.chance(0.1);
        if quoted {
            out.push(Token::Quote(true));
        }
        self.noun_phrase(rng, lang, &mut out);
        if rng.chance(0.6) {
            out.push(Token::Function(one_of(rng, AUXILIARIES)));
        }
        out.push(self.content(rng, lang));
        self.noun_phrase(rng, lang, &mut out);
        let target = 12 + rng.below(16);
        while out.len() < target {
            match rng.below(6) {
                0 | 1 => {
                    out.push(Token::Function(one_of(rng, PREPOSITIONS)));
                    self.noun_phrase(rng, lang, &mut out);
                }
                2 => {
                    out.push(Token::Function("and"));
                    self.noun_phrase(rng, lang, &mut out);
                }
                3 => {
                    out.push(Token::Function(if rng.chance(0.5) { "that" } else { "which" }));
                    out.push(Token::Function(lang.function(rng)));
                    out.push(self.content(rng, lang));
                    self.noun_phrase(rng, lang, &mut out);
                }
                4 => {
                    if out.last() != Some(&Token::Comma) {
                        out.push(Token::Comma);
                    }
                    out.push(Token::Function(one_of(rng, PREPOSITIONS)));
                    self.noun_phrase(rng, lang, &mut out);
                    out.push(Token::Comma);
                }
                _ => {
                    out.push(Token::Function(lang.function(rng)));
                    out.push(self.content(rng, lang));
                }
            }
        }
        if out.last() == Some(&Token::Comma) {
            out.pop();
        }
        if quoted {
            out.push(Token::Comma);
            out.push(Token::Quote(false));
            out.push(Token::Name(rng.pick(&self.people).clone()));
            out.push(Token::Function("said"));
        } else if rng.chance(0.4) {
            out.push(Token::Comma);
            if rng.chance(0.5) {
                out.push(Token::Name(rng.pick(&self.people).clone()));
            } else {
                out.push(Token::Function("the"));
                out.push(self.content(rng, lang));
                out.push(self.content(rng, lang));
            }
            out.push(Token::Function(one_of(rng, SAYING)));
        }
        out
    }
}

/// The text of a sentence: words joined, first letter capitalised, a full stop at the end.
pub(crate) fn render(tokens: &[Token], lang: &Language) -> String {
    let mut s = String::with_capacity(tokens.len() * 8);
    let mut open_quote = false;
    for t in tokens {
        match t {
            Token::Comma => {
                s.push(',');
                continue;
            }
            Token::Quote(false) => {
                s.push('”');
                continue;
            }
            _ => {}
        }
        if !s.is_empty() && !open_quote {
            s.push(' ');
        }
        open_quote = false;
        match t {
            Token::Function(w) => s.push_str(w),
            Token::Word(i) => s.push_str(lang.word(*i)),
            Token::Name(n) => s.push_str(n),
            Token::Number(n) => s.push_str(&n.to_string()),
            Token::Quote(true) => {
                s.push('“');
                open_quote = true;
            }
            Token::Comma | Token::Quote(false) => {}
        }
    }
    // Capitalise the first letter (after an opening quotation mark).
    let mut out = String::with_capacity(s.len() + 1);
    let mut done = false;
    for c in s.chars() {
        if !done && c.is_alphanumeric() {
            out.extend(c.to_uppercase());
            done = true;
        } else {
            out.push(c);
        }
    }
    if out.ends_with('”') {
        // A quotation ends its sentence inside the mark only when nothing follows it.
        out.insert(out.len() - '”'.len_utf8(), '.');
    } else {
        out.push('.');
    }
    out
}

/// One word of a list, at random.
fn one_of(rng: &mut Rng, words: &[&'static str]) -> &'static str {
    words[rng.below(words.len())]
}
