//! Figures given in two systems of measurement: "about 140 kilometres" and "87 miles", "80
//! km/h (about 50 mph)", "4 tonnes" and "8,800 pounds" are one figure converted, not a figure
//! changed or added. A converted figure is rounded, so the two need only agree within a few
//! per cent.

use crate::figures::Figure;
use crate::model::{Approximator, Claim, Span};
use crate::rules::counted_stems;

/// What a unit measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dimension {
    Length,
    Area,
    Mass,
    Volume,
    Temperature,
    Speed,
}

/// Units by the stem of their name (abbreviations are read as their names, see
/// [`crate::lexicon::UNIT_ABBREVIATIONS`]), with what they measure and their size in the base
/// unit (metre, kilogram, litre). "mph" and "km/h" read as miles and kilometres, whose ratio
/// is theirs. Tons, gallons and ounces are left out: each has two sizes.
const UNITS: &[(&str, Dimension, f64)] = &[
    ("kilometr", Dimension::Length, 1000.0),
    ("metr", Dimension::Length, 1.0),
    ("meter", Dimension::Length, 1.0),
    ("centimetr", Dimension::Length, 0.01),
    ("millimetr", Dimension::Length, 0.001),
    ("mile", Dimension::Length, 1609.344),
    ("feet", Dimension::Length, 0.3048),
    ("foot", Dimension::Length, 0.3048),
    ("yard", Dimension::Length, 0.9144),
    ("inch", Dimension::Length, 0.0254),
    ("hectar", Dimension::Area, 10_000.0),
    ("acr", Dimension::Area, 4_046.856_422_4),
    ("kilogram", Dimension::Mass, 1.0),
    ("kilo", Dimension::Mass, 1.0),
    ("gram", Dimension::Mass, 0.001),
    ("tonn", Dimension::Mass, 1000.0),
    ("pound", Dimension::Mass, 0.453_592_37),
    ("stone", Dimension::Mass, 6.350_293_18),
    ("litr", Dimension::Volume, 1.0),
    ("liter", Dimension::Volume, 1.0),
    ("millilitr", Dimension::Volume, 0.001),
];

/// A measurement: what it measures, its value in the base unit (degrees Celsius for
/// temperatures) and the size of its unit (one unit written two ways, "metres" and
/// "meters", has one size).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Measure {
    dimension: Dimension,
    base: f64,
    size: f64,
}

/// The measurement a figure states, when what it counts begins with a unit ("kilometres
/// north", "square miles", "degrees Fahrenheit").
fn measure(value: f64, counted: &Span) -> Option<Measure> {
    let stems = counted_stems(&counted.text);
    let mut words = stems.iter().map(String::as_str).peekable();
    let square = words.next_if(|w| *w == "squar").is_some();
    let first = words.next()?;
    if first == "degre" || first == "°" {
        return match words.next() {
            Some("celsius" | "centigrad" | "c") => {
                Some(Measure { dimension: Dimension::Temperature, base: value, size: 1.0 })
            }
            Some("fahrenheit" | "f") => {
                Some(Measure { dimension: Dimension::Temperature, base: (value - 32.0) * 5.0 / 9.0, size: 5.0 / 9.0 })
            }
            _ => None,
        };
    }
    let &(_, dimension, size) = UNITS.iter().find(|(u, _, _)| *u == first)?;
    // "mph" and "kph" are speeds, whose units are lengths an hour. ("km/h" and "kilometres
    // per hour" are read as "km" and "kilometres", which may be either.)
    let lower = counted.text.to_lowercase();
    let speed = ["mph", "kph", "per hour", "an hour", "/h"].iter().any(|s| lower.contains(s));
    match (square, dimension) {
        (true, Dimension::Length) => {
            Some(Measure { dimension: Dimension::Area, base: value * size * size, size: size * size })
        }
        (true, _) => None,
        (false, Dimension::Length) if speed => Some(Measure { dimension: Dimension::Speed, base: value * size, size }),
        (false, _) => Some(Measure { dimension, base: value * size, size }),
    }
}

/// The value, approximator and counted words of a quantity claim that is no range.
fn quantity(claim: &Claim) -> Option<(f64, Approximator, &Span)> {
    let f = Figure::of(claim)?;
    Some((f.value?, f.approximator, f.counted?)).filter(|_| f.upper.is_none())
}

/// Whether two quantity claims state one measurement in different units: the same
/// dimension, values within 5% of each other once converted (10% when either is approximate,
/// as "about 50 mph" for 80 km/h), and approximators that agree on direction (an "at least"
/// is not converted into an "at most").
pub(crate) fn converted(a: &Claim, b: &Claim) -> bool {
    let (Some((va, aa, ca)), Some((vb, ab, cb))) = (quantity(a), quantity(b)) else { return false };
    let (Some(ma), Some(mb)) = (measure(va, ca), measure(vb, cb)) else { return false };
    let length_or_speed = |d: Dimension| matches!(d, Dimension::Length | Dimension::Speed);
    let comparable = ma.dimension == mb.dimension || (length_or_speed(ma.dimension) && length_or_speed(mb.dimension));
    if !comparable || ma.size == mb.size {
        return false;
    }
    let loose = |x: Approximator| matches!(x, Approximator::Exactly | Approximator::About);
    if !(aa == ab || (loose(aa) && loose(ab))) {
        return false;
    }
    let tolerance = if aa == Approximator::Exactly && ab == Approximator::Exactly { 0.05 } else { 0.10 };
    let scale = if ma.dimension == Dimension::Temperature {
        // Degrees: tolerance on the Celsius difference, as a share of a 30-degree span.
        30.0
    } else {
        ma.base.abs().max(mb.base.abs())
    };
    scale > 0.0 && (ma.base - mb.base).abs() <= tolerance * scale
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::extract_article;
    use wiretrace_parse::{parse, Format};

    fn quantities(text: &str) -> Vec<Claim> {
        extract_article(&parse("t", None, text.to_string(), Format::Text))
            .into_iter()
            .filter(|c| c.detail.kind() == "quantity")
            .collect()
    }

    fn pair(a: &str, b: &str) -> bool {
        let (qa, qb) = (quantities(a), quantities(b));
        converted(&qa[0], &qb[0])
    }

    #[test]
    fn one_measurement_in_two_systems() {
        assert!(pair("The town is about 140 kilometres north of the capital.", "It lies roughly 87 miles north."));
        assert!(pair("The limit is 80 km/h on the bridge.", "The limit is about 50 mph on the bridge."));
        assert!(pair("The ship carried 4 tonnes of grain.", "The ship carried 8,800 pounds of grain."));
        assert!(pair("The fire burned 2,000 hectares of forest.", "The fire burned nearly 5,000 acres of forest."));
        assert!(pair("It reached 40 degrees Celsius on Monday.", "It reached 104 degrees Fahrenheit on Monday."));
        assert!(pair("The wall is 3 metres high.", "The wall is about 10 feet high."));
    }

    #[test]
    fn other_figures_are_not_conversions() {
        // A changed value, the same unit, another dimension, an approximator turned around.
        assert!(!pair("The town is about 140 kilometres north.", "The town is about 140 miles north."));
        assert!(!pair("The wall is 3 metres high.", "The wall is 3.1 meters high."), "one unit spelt two ways");
        assert!(!pair("The ship carried 4 tonnes of grain.", "The ship sailed 4 kilometres."));
        assert!(!pair("At least 140 kilometres of road were shut.", "Up to 87 miles of road were shut."));
        assert!(!pair("The limit is 80 km/h on the bridge.", "The limit is 30 mph on the bridge."));
        assert!(!pair("Police detained 140 people.", "Police detained 87 people."));
    }
}
