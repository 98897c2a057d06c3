//! Claims and drifts as they appear in reports.

use serde::{Deserialize, Serialize};

/// A span of a document: code-point offsets into the document text and the text itself.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Span {
    /// Start offset in code points.
    pub start: usize,
    /// End offset (exclusive) in code points.
    pub end: usize,
    /// The text of the span.
    pub text: String,
}

/// How a quantity is qualified.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Approximator {
    /// No qualifier: the number as stated.
    Exactly,
    /// "about", "around", "nearly", "some", "roughly".
    About,
    /// "at least", "no fewer than".
    AtLeast,
    /// "more than", "over", "upwards of".
    MoreThan,
    /// "up to", "as many as", "as much as".
    UpTo,
    /// "fewer than", "less than", "under".
    FewerThan,
}

impl Approximator {
    /// The name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Approximator::Exactly => "exactly",
            Approximator::About => "about",
            Approximator::AtLeast => "at_least",
            Approximator::MoreThan => "more_than",
            Approximator::UpTo => "up_to",
            Approximator::FewerThan => "fewer_than",
        }
    }

    /// The words a reader sees ("more than"; empty for `exactly`).
    pub fn phrase(self) -> &'static str {
        match self {
            Approximator::Exactly => "",
            Approximator::About => "about",
            Approximator::AtLeast => "at least",
            Approximator::MoreThan => "more than",
            Approximator::UpTo => "up to",
            Approximator::FewerThan => "fewer than",
        }
    }
}

/// The normalised source of an attribution.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Source {
    /// The source phrase as written, with what describes the name ("Craig Minassian, a
    /// spokesman for the foundation,", "three officials who spoke to Reuters").
    #[serde(flatten)]
    pub span: Span,
    /// Normalised name, from the name in the phrase ("Reuters", "Dorin Maskell", "regional
    /// health ministry").
    pub name: String,
}

/// The event a quantity counts.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Event {
    /// Where the event is named ("were killed").
    #[serde(flatten)]
    pub span: Span,
    /// Normalised name: `killed`, `injured`, `arrested`, `seized`, `evacuated`, `missing`,
    /// `displaced` or `rescued`.
    pub name: String,
}

/// What a claim says, by kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ClaimDetail {
    /// A number of something.
    Quantity {
        /// The value (`None` for vague amounts such as "dozens"); for a range ("30 to 40",
        /// "between 30 and 40"), its lower bound.
        value: Option<f64>,
        /// The upper bound of a range.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        upper: Option<f64>,
        /// How the number is qualified.
        approximator: Approximator,
        /// The number as written.
        number: Span,
        /// What is counted ("border guards").
        counted: Option<Span>,
        /// The event: where it is named, and its normalised name ("killed", "injured",
        /// "arrested", …).
        event: Option<Event>,
    },
    /// Words inside quotation marks.
    Quote {
        /// The quoted words, marks excluded.
        content: Span,
        /// The speaker, when the sentence names one.
        speaker: Option<Span>,
    },
    /// Who says the sentence's content.
    Attribution {
        /// The source with its normalised name.
        source: Source,
        /// The cue ("said", "according to").
        cue: Span,
        /// What is attributed.
        content: Option<Span>,
    },
    /// An expression of uncertainty.
    Hedge {
        /// The cue ("reportedly", "could not be independently verified").
        cue: Span,
        /// What the hedge applies to (the sentence).
        scope: Span,
        /// The cue's normalised form.
        norm: String,
    },
    /// A name of a person, place or organisation.
    Entity {
        /// Coarse type: `place`, `person`, `org` or `name` when unknown.
        #[serde(rename = "type")]
        entity_type: String,
        /// The name as written.
        name: String,
    },
    /// A time expression.
    Time {
        /// ISO date (or `start/end` interval) when it can be resolved against the article date.
        value: Option<String>,
    },
}

impl ClaimDetail {
    /// The kind name used in reports.
    pub fn kind(&self) -> &'static str {
        match self {
            ClaimDetail::Quantity { .. } => "quantity",
            ClaimDetail::Quote { .. } => "quote",
            ClaimDetail::Attribution { .. } => "attribution",
            ClaimDetail::Hedge { .. } => "hedge",
            ClaimDetail::Entity { .. } => "entity",
            ClaimDetail::Time { .. } => "time",
        }
    }
}

/// One claim of one sentence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// Identifier, unique in a report (`"<document>:c<n>"`).
    pub id: String,
    /// The document's identifier.
    pub document: String,
    /// Index of the sentence in the document's sentences.
    pub sentence: usize,
    /// Start offset of the whole claim in code points.
    pub start: usize,
    /// End offset in code points.
    pub end: usize,
    /// The claim's text.
    pub text: String,
    /// Kind and fields.
    #[serde(flatten)]
    pub detail: ClaimDetail,
}

/// The kinds of drift between versions of a story.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DriftKind {
    /// A value or its approximator changed.
    NumberChanged,
    /// The same claim is credited to a different source.
    AttributionChanged,
    /// The source of a claim was removed.
    AttributionDropped,
    /// The words inside quotation marks differ from another version's quote.
    QuoteAltered,
    /// Uncertainty was removed.
    HedgeDropped,
    /// Uncertainty was added.
    HedgeAdded,
    /// A number, name or clause no other version carries, attached to a shared claim.
    DetailAdded,
    /// A sentence with no counterpart in any other version.
    UnsupportedClaim,
    /// The same claim with a changed substance.
    MeaningShifted,
    /// A detail moved to another event or place.
    EventConflated,
    /// A caption that belongs to another time or event.
    CaptionMismatch,
}

impl DriftKind {
    /// All kinds, in report order.
    pub const ALL: [DriftKind; 11] = [
        DriftKind::NumberChanged,
        DriftKind::AttributionChanged,
        DriftKind::AttributionDropped,
        DriftKind::QuoteAltered,
        DriftKind::HedgeDropped,
        DriftKind::HedgeAdded,
        DriftKind::DetailAdded,
        DriftKind::UnsupportedClaim,
        DriftKind::MeaningShifted,
        DriftKind::EventConflated,
        DriftKind::CaptionMismatch,
    ];

    /// The name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            DriftKind::NumberChanged => "number_changed",
            DriftKind::AttributionChanged => "attribution_changed",
            DriftKind::AttributionDropped => "attribution_dropped",
            DriftKind::QuoteAltered => "quote_altered",
            DriftKind::HedgeDropped => "hedge_dropped",
            DriftKind::HedgeAdded => "hedge_added",
            DriftKind::DetailAdded => "detail_added",
            DriftKind::UnsupportedClaim => "unsupported_claim",
            DriftKind::MeaningShifted => "meaning_shifted",
            DriftKind::EventConflated => "event_conflated",
            DriftKind::CaptionMismatch => "caption_mismatch",
        }
    }
}

/// What another version says at the place of a drift.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// The other document.
    pub document: String,
    /// Start offset in that document's text.
    pub start: usize,
    /// End offset.
    pub end: usize,
    /// The text there.
    pub text: String,
}

/// A change of a claim between versions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Drift {
    /// The document that carries the changed reading.
    pub document: String,
    /// What changed.
    pub kind: DriftKind,
    /// Start offset of the changed span in the document.
    pub start: usize,
    /// End offset.
    pub end: usize,
    /// The changed span's text.
    pub text: String,
    /// What the other versions say.
    pub evidence: Vec<Evidence>,
    /// One line a journalist would accept.
    pub explanation: String,
}
