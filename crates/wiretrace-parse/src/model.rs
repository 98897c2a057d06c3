//! The parsed article: metadata, blocks with roles, sentences, all with code-point offsets.

use serde::{Deserialize, Serialize};

/// What a block of an article is: the roles of the `wiretrace.report/1` format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// The title of the article.
    Headline,
    /// The standfirst shown with the title.
    Dek,
    /// A summary set apart from the story: a paragraph above the title (often added by a
    /// scraper or aggregator) or a point of a "Key points" box.
    Summary,
    /// An outlet's section label ("World", "Foreign").
    Section,
    /// A publication-date line.
    Date,
    /// The place (and agency) prefix of the first body paragraph ("PARIS (Agency) –").
    Dateline,
    /// A byline ("By Jane Doe").
    Byline,
    /// An in-body section title.
    Subhead,
    /// A photo or video caption.
    Caption,
    /// A credit line ("(Reporting by …; Editing by …)", photo credits).
    Credit,
    /// Navigation, promotion, social links, comment prompts, separators, footers.
    Boilerplate,
    /// The story itself.
    Body,
}

impl Role {
    /// The lowercase name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Headline => "headline",
            Role::Dek => "dek",
            Role::Summary => "summary",
            Role::Section => "section",
            Role::Date => "date",
            Role::Dateline => "dateline",
            Role::Byline => "byline",
            Role::Subhead => "subhead",
            Role::Caption => "caption",
            Role::Credit => "credit",
            Role::Boilerplate => "boilerplate",
            Role::Body => "body",
        }
    }
}

impl std::fmt::Display for Role {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A contiguous part of the article text with one role.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Block {
    /// What the block is.
    pub role: Role,
    /// Start offset in code points into [`Article::text`].
    pub start: usize,
    /// End offset (exclusive) in code points into [`Article::text`].
    pub end: usize,
    /// The block's text (`text[start..end]`).
    pub text: String,
    /// For HTML input: the element the block came from (`"article > p:nth-of-type(3)"`-like path).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub source: Option<String>,
}

/// One sentence of the article body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sentence {
    /// Start offset in code points into [`Article::text`].
    pub start: usize,
    /// End offset (exclusive) in code points into [`Article::text`].
    pub end: usize,
    /// The sentence's text.
    pub text: String,
    /// Index of the block the sentence belongs to.
    pub block: usize,
}

/// A parsed news article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Identifier, unique in a corpus (by default the file name without extension).
    pub id: String,
    /// Where the article was read from, if anywhere.
    pub path: Option<String>,
    /// The outlet that published it, when known.
    pub outlet: Option<String>,
    /// The headline.
    pub headline: Option<String>,
    /// The standfirst.
    pub dek: Option<String>,
    /// Publication date, ISO 8601 (`YYYY-MM-DD`).
    pub date: Option<String>,
    /// Dateline place ("Staldrun, Norland").
    pub dateline: Option<String>,
    /// Byline ("Jane Doe").
    pub byline: Option<String>,
    /// Section label.
    pub section: Option<String>,
    /// The wire agency the article credits in its dateline or credit line, when any.
    pub agency: Option<String>,
    /// The page's URL, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The document as read (decoded; for HTML, the extracted text).
    pub text: String,
    /// Blocks in text order; together they cover every non-blank part of `text`.
    pub blocks: Vec<Block>,
    /// Sentences of the body blocks.
    pub sentences: Vec<Sentence>,
}

impl Article {
    /// The text between two code-point offsets.
    pub fn slice(&self, start: usize, end: usize) -> String {
        self.text.chars().skip(start).take(end.saturating_sub(start)).collect()
    }

    /// The blocks with a given role.
    pub fn blocks_with(&self, role: Role) -> impl Iterator<Item = &Block> {
        self.blocks.iter().filter(move |b| b.role == role)
    }
}
