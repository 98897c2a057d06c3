//! Quantity extraction against the quantulum3 test fixtures (`quantities.json`: a sentence
//! and the quantities in it, each with its value and the surface it was read from).
//!
//! quantulum3 reads measurements with units ("2 1/2 in", "£2,000"); wiretrace reads counts
//! of things for news claims ("at least 12 soldiers"). Each gold quantity is looked up by
//! where its surface lies in the sentence: it is **found** when an extracted quantity's
//! number lies inside that surface; its **value** is right when the found quantity has the
//! same value (for a range, quantulum3 gives the midpoint, so the midpoint of wiretrace's two
//! bounds is compared); its **surface** is right when the extracted number, or the number with what it
//! counts, reads exactly as the gold surface. Extracted quantities that lie in no gold surface
//! count against precision.

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::ratio;
use wiretrace_claims::{extract_sentence, ClaimDetail};

/// One fixture case.
#[derive(Debug, Deserialize)]
struct Case {
    req: String,
    res: Vec<Expected>,
}

/// One expected quantity.
#[derive(Debug, Deserialize)]
struct Expected {
    value: f64,
    surface: String,
}

/// The scores over the fixtures.
#[derive(Debug, Clone, Default, Serialize)]
pub struct QuantityScore {
    /// Sentences read.
    pub sentences: usize,
    /// Expected quantities.
    pub expected: usize,
    /// Quantities extracted.
    pub extracted: usize,
    /// Expected quantities found (an extracted number inside their surface).
    pub found: usize,
    /// Found with the right value.
    pub value_right: usize,
    /// Found with exactly the right surface.
    pub surface_right: usize,
    /// Extracted quantities inside some expected surface.
    pub extracted_expected: usize,
    /// `value_right / expected`.
    pub value_accuracy: f64,
    /// `surface_right / expected`.
    pub surface_accuracy: f64,
    /// `found / expected`.
    pub recall: f64,
    /// `extracted_expected / extracted`.
    pub precision: f64,
    /// Time to extract every claim of every sentence, in seconds.
    pub seconds: f64,
    /// The expected quantities not found or read differently: (sentence, surface, expected
    /// value, what was extracted there).
    pub misses: Vec<(String, String, f64, String)>,
}

impl QuantityScore {
    /// A plain-text table.
    pub fn table(&self) -> String {
        let mut out = format!(
            "{} sentences, {} expected quantities, {} extracted; claims extracted in {:.1} ms\n",
            self.sentences,
            self.expected,
            self.extracted,
            self.seconds * 1e3
        );
        out += &format!(
            "value accuracy {:.3} ({} of {})\nsurface accuracy {:.3} ({})\nfound (recall) {:.3} ({})\nprecision {:.3} ({} of {})\n",
            self.value_accuracy,
            self.value_right,
            self.expected,
            self.surface_accuracy,
            self.surface_right,
            self.recall,
            self.found,
            self.precision,
            self.extracted_expected,
            self.extracted
        );
        for (sentence, surface, value, got) in &self.misses {
            out += &format!("miss: {surface:?} = {value} in {sentence:?}: {got}\n");
        }
        out
    }
}

/// An extracted quantity: its value, the char range of its number, and its surface variants.
struct Found {
    value: Option<f64>,
    /// The upper bound of a range.
    upper: Option<f64>,
    number: (usize, usize),
    surfaces: Vec<String>,
}

fn quantities(sentence: &str) -> Vec<Found> {
    extract_sentence(sentence, 0, None)
        .into_iter()
        .filter_map(|(detail, span)| match detail {
            ClaimDetail::Quantity { value, upper, number, counted, .. } => {
                let mut surfaces = vec![number.text.clone(), span.text.clone()];
                if let Some(c) = counted {
                    let chars: Vec<char> = sentence.chars().collect();
                    surfaces.push(chars[number.start..c.end.min(chars.len())].iter().collect());
                    // The number with the first word of what it counts ("two meters").
                    let first = c.text.split_whitespace().next().unwrap_or("");
                    surfaces.push(format!("{} {first}", number.text));
                }
                Some(Found { value, upper, number: (number.start, number.end), surfaces })
            }
            _ => None,
        })
        .collect()
}

/// Scores quantity extraction on the fixture file, or on `quantities.json` in a directory.
pub fn evaluate(path: &Path) -> Result<QuantityScore, String> {
    let file = if path.is_dir() { path.join("quantities.json") } else { path.to_path_buf() };
    let text = std::fs::read_to_string(&file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
    let cases: Vec<Case> = serde_json::from_str(&text)
        .map_err(|e| format!("{}: not quantulum3 fixtures (a list of {{req, res}}): {e}", file.display()))?;
    let start = std::time::Instant::now();
    let extracted: Vec<Vec<Found>> = cases.iter().map(|c| quantities(&c.req)).collect();
    let seconds = start.elapsed().as_secs_f64();
    let mut s = QuantityScore { sentences: cases.len(), seconds, ..Default::default() };
    for (case, found) in cases.iter().zip(&extracted) {
        let chars: Vec<char> = case.req.chars().collect();
        // Where each expected surface lies (in order, so repeated surfaces take successive places).
        let mut from = 0;
        let mut places: Vec<(usize, usize)> = Vec::new();
        for e in &case.res {
            let surface: Vec<char> = e.surface.chars().collect();
            let find = |range: std::ops::Range<usize>| range.into_iter().find(|&i| chars[i..].starts_with(&surface));
            let at = if surface.is_empty() { None } else { find(from..chars.len()).or_else(|| find(0..chars.len())) };
            let place = at.map_or((usize::MAX, usize::MAX), |i| (i, i + surface.len()));
            if let Some(i) = at {
                from = i + 1;
            }
            places.push(place);
        }
        s.expected += case.res.len();
        s.extracted += found.len();
        let inside = |f: &Found, p: &(usize, usize)| p.0 <= f.number.0 && f.number.1 <= p.1;
        s.extracted_expected += found.iter().filter(|f| places.iter().any(|p| inside(f, p))).count();
        for (e, p) in case.res.iter().zip(&places) {
            let here: Vec<&Found> = found.iter().filter(|f| inside(f, p)).collect();
            let same = |v: f64| (v - e.value).abs() <= 1e-9 * e.value.abs().max(1.0);
            let value_ok = here.iter().any(|f| {
                f.value.is_some_and(|v| match f.upper {
                    Some(u) => same((v + u) / 2.0),
                    None => same(v),
                })
            });
            let surface_ok = here.iter().any(|f| f.surfaces.iter().any(|x| x == &e.surface));
            s.found += usize::from(!here.is_empty());
            s.value_right += usize::from(value_ok);
            s.surface_right += usize::from(surface_ok);
            if !value_ok || !surface_ok {
                let got = if here.is_empty() {
                    "nothing".to_string()
                } else {
                    here.iter()
                        .map(|f| format!("{:?} = {:?}", f.surfaces.last().cloned().unwrap_or_default(), f.value))
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                s.misses.push((case.req.clone(), e.surface.clone(), e.value, got));
            }
        }
    }
    s.value_accuracy = ratio(s.value_right, s.expected);
    s.surface_accuracy = ratio(s.surface_right, s.expected);
    s.recall = ratio(s.found, s.expected);
    s.precision = ratio(s.extracted_expected, s.extracted);
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixtures_are_scored_by_place_value_and_surface() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("quantities.json");
        let cases = serde_json::json!([
            {"req": "At least 12 soldiers were killed and 40 were hurt.", "res": [
                {"value": 12, "unit": "dimensionless", "surface": "12"},
                {"value": 40, "unit": "dimensionless", "surface": "40"}]},
            {"req": "Nothing to count here.", "res": [{"value": 7, "unit": "dimensionless", "surface": "seven"}]},
            {"req": "Between 30 and 40 died.", "res": [{"value": 35, "unit": "dimensionless", "surface": "30 and 40"}]}
        ]);
        std::fs::write(&file, cases.to_string()).unwrap();
        let s = evaluate(dir.path()).expect("scored");
        assert_eq!((s.sentences, s.expected), (3, 4));
        // The range counts by its midpoint, as quantulum3 gives it.
        assert_eq!((s.found, s.value_right, s.surface_right), (3, 3, 3), "{}", s.table());
        assert_eq!(s.misses.len(), 1);
        assert!(s.precision > 0.99);
        std::fs::write(&file, "{}").unwrap();
        assert!(evaluate(&file).unwrap_err().contains("not quantulum3 fixtures"));
    }
}
