//! Figures of one version looked up anywhere in another: a figure a rewrite moved to another
//! sentence is the same figure, and a figure that takes the place of the reference's figure
//! for the same thing is a changed one, wherever the two sentences stand.

use crate::model::{Approximator, Claim, ClaimDetail, Event, Span};
use crate::rules::{comparable_value, counted_stems};

/// A quantity as compared: its value (basis points as percentage points), upper bound,
/// approximator, what it counts and its event.
pub(crate) struct Figure<'a> {
    /// The value.
    pub(crate) value: Option<f64>,
    /// The upper bound of a range.
    pub(crate) upper: Option<f64>,
    /// How it is qualified.
    pub(crate) approximator: Approximator,
    /// What it counts.
    pub(crate) counted: Option<&'a Span>,
    /// Its event.
    pub(crate) event: Option<&'a Event>,
}

impl<'a> Figure<'a> {
    /// The figure of a quantity claim; `None` for other claims.
    pub(crate) fn of(claim: &'a Claim) -> Option<Self> {
        match &claim.detail {
            ClaimDetail::Quantity { value, upper, approximator, counted, event, .. } => Some(Self {
                value: comparable_value(*value, counted.as_ref()),
                upper: *upper,
                approximator: *approximator,
                counted: counted.as_ref(),
                event: event.as_ref(),
            }),
            _ => None,
        }
    }
}

/// Whether what two figures count can be the same thing: a shared word, people in general
/// on both sides ("residents", "people"), or a workforce on one side ("staff", "workers") and
/// a workforce or people in general on the other; a figure that names nothing it counts may be anything.
pub(crate) fn same_thing(a: Option<&Span>, b: Option<&Span>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => {
            let (sa, sb) = (counted_stems(&a.text), counted_stems(&b.text));
            let any = |s: &[String], nouns: &[&str]| s.iter().any(|w| nouns.contains(&w.as_str()));
            let people = |s: &[String]| any(s, crate::lexicon::PEOPLE_NOUNS);
            let staff = |s: &[String]| any(s, crate::lexicon::WORKFORCE_NOUNS);
            let general = |s: &[String]| any(s, &["peopl", "person", "individu"]);
            // A doer is counted as the work's workers ("rescuers", "rescue workers").
            let doer = |x: &[String], y: &[String]| {
                staff(y)
                    && x.iter()
                        .any(|w| w.strip_suffix("er").is_some_and(|base| base.len() > 3 && y.iter().any(|v| v == base)))
            };
            sa.iter().any(|w| sb.contains(w))
                || doer(&sa, &sb)
                || doer(&sb, &sa)
                || (people(&sa) && people(&sb))
                || (staff(&sa) && (staff(&sb) || general(&sb)))
                || (staff(&sb) && general(&sa))
        }
        _ => true,
    }
}

/// Whether `claims` state `figure` as it is: the same value, bounds and approximator, for what
/// may be the same thing, under no other event.
pub(crate) fn stated_in(claims: &[Claim], figure: &Figure<'_>) -> bool {
    stating(claims, figure).next().is_some()
}

/// The claims that state `figure` as it is (see [`stated_in`]).
pub(crate) fn stating<'c>(claims: &'c [Claim], figure: &Figure<'_>) -> impl Iterator<Item = &'c Claim> {
    let (value, upper, approximator) = (figure.value, figure.upper, figure.approximator);
    let (counted, event) = (figure.counted.cloned(), figure.event.map(|e| e.name.clone()));
    claims.iter().filter(move |c| {
        value.is_some()
            && Figure::of(c).is_some_and(|f| {
                f.value == value
                    && f.upper == upper
                    && f.approximator == approximator
                    && same_thing(f.counted, counted.as_ref())
                    && !matches!((f.event, &event), (Some(x), Some(y)) if &x.name != y)
            })
    })
}

/// The reference's quantity that `figure` of a rewrite takes the place of: one of the same event
/// (both named) or, with no event on either side, counting the same named thing, with
/// another value, a value the rewrite (`own`) states nowhere for that thing. The nearest value
/// wins; values more than ten times apart are not the same figure changed.
pub(crate) fn replaced<'c>(reference: &'c [Claim], own: &[Claim], figure: &Figure<'_>) -> Option<&'c Claim> {
    let value = figure.value.filter(|v| *v > 0.0)?;
    reference
        .iter()
        .filter_map(|c| Some((c, Figure::of(c)?)))
        .filter(|(_, f)| {
            let same = match (f.event, figure.event) {
                (Some(x), Some(y)) => x.name == y.name && same_thing(f.counted, figure.counted),
                (None, None) => {
                    f.counted.is_some() && figure.counted.is_some() && same_thing(f.counted, figure.counted)
                }
                _ => false,
            };
            same && f.value.is_some_and(|v| v > 0.0 && v != value && (v / value).max(value / v) <= 10.0)
        })
        .filter(|(_, f)| {
            !own.iter().filter_map(Figure::of).any(|o| o.value == f.value && same_thing(o.counted, f.counted))
        })
        .min_by(|(_, a), (_, b)| {
            let gap = |f: &Figure<'_>| (f.value.unwrap_or(0.0) / value).ln().abs();
            gap(a).total_cmp(&gap(b))
        })
        .map(|(c, _)| c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::extract_article;
    use wiretrace_parse::{parse, Format};

    fn claims(text: &str) -> Vec<Claim> {
        extract_article(&parse("t", None, text.to_string(), Format::Text))
    }

    fn first_figure(cs: &[Claim]) -> Figure<'_> {
        cs.iter().find_map(Figure::of).expect("a quantity")
    }

    #[test]
    fn a_workforce_is_people_but_not_patients() {
        let span = |t: &str| Span { start: 0, end: t.chars().count(), text: t.to_string() };
        let same = |a: &str, b: &str| same_thing(Some(&span(a)), Some(&span(b)));
        assert!(same("staff", "workers") && same("employees", "people") && same("people", "staff"));
        assert!(same("patients", "people") && same("residents", "villagers"));
        assert!(!same("staff", "patients") && !same("workers", "residents"));
        // A doer counts as the work's workers, not as anything named after the work.
        assert!(same("rescuers", "rescue workers"));
        assert!(!same("farmers", "farms") && !same("fighters", "days of fighting"));
    }

    #[test]
    fn a_figure_moved_to_another_sentence_is_stated() {
        let wire = claims("The ferry sank on Monday. Police detained 14 people. About 3,000 people protested.");
        let moved = claims("About 3,000 people protested after the vote.");
        assert!(stated_in(&wire, &first_figure(&moved)));
        let other = claims("At least 3,000 people protested after the vote.");
        assert!(!stated_in(&wire, &first_figure(&other)), "another approximator is another figure");
    }

    #[test]
    fn a_figure_in_place_of_the_references_one_for_the_same_event() {
        let wire = claims(
            "Turnout was high. Police detained 14 people after scuffles. Observers visited 40 polling stations.",
        );
        let rewrite = claims("Police detained 40 people after scuffles outside the offices.");
        let c = replaced(&wire, &rewrite, &first_figure(&rewrite)).expect("replaced");
        assert!(c.text.contains("14"), "{}", c.text);
        // A rewrite that also keeps the reference's figure adds one of its own.
        let both = claims("Police detained 40 people on Monday. Police detained 14 people after scuffles.");
        assert!(replaced(&wire, &both, &first_figure(&both)).is_none());
        // Something the reference does not count is no replacement.
        let new = claims("Volunteers handed out 40 blankets.");
        assert!(replaced(&wire, &new, &first_figure(&new)).is_none());
    }
}
