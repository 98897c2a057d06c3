//! Synthetic wire stories and their rewrites, with known ground truth, for evaluation at any
//! scale (`wiretrace synth`).
//!
//! A story is a set of facts (invented places, people, organisations, numbers, an event) told
//! in sentences built from templates; each sentence template has variants that say the same
//! facts in other words. An outlet's version of a story applies, with recorded provenance, the
//! operations outlets apply to wire copy: keep a sentence verbatim, edit a few words, rewrite
//! it in another variant (a paraphrase), merge two sentences, split one, drop sentences,
//! reorder, add material of its own, change a number, and wrap the story in boilerplate.
//!
//! Limitation of this first version: every story is told with the same twelve sentence
//! frames, so different stories share much of their wording (more than real stories do). It
//! suits alignment and drift checks within a story, not clustering figures across stories.

use serde::Serialize;
use wiretrace_similarity::minhash::mix64;

/// A small deterministic random generator (SplitMix64).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(1);
        mix64(self.0)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const SYLLABLES: &[&str] = &[
    "ha", "ven", "kes", "ling", "nor", "dal", "mer", "id", "tor", "va", "ren", "sta", "drun", "lind", "qvist", "or",
    "svik", "cal", "der", "bran", "mo", "rel", "asp", "ek", "vor", "tal", "ben", "sil", "gar", "um", "fen", "hol",
];
const EVENTS: &[(&str, &str, &str)] = &[
    ("explosion", "blast", "chemical plant"),
    ("fire", "blaze", "warehouse"),
    ("flood", "flooding", "river district"),
    ("collapse", "cave-in", "apartment block"),
    ("attack", "assault", "army base"),
    ("derailment", "train crash", "rail junction"),
    ("landslide", "mudslide", "mountain road"),
    ("storm", "cyclone", "coastal town"),
];
const COUNTED: &[(&str, &str)] = &[
    ("people", "killed"),
    ("workers", "injured"),
    ("residents", "evacuated"),
    ("soldiers", "killed"),
    ("suspects", "arrested"),
    ("families", "displaced"),
];
const SOURCES: &[&str] = &[
    "the regional health ministry",
    "police",
    "the fire service",
    "local officials",
    "the army",
    "a government spokesman",
    "the civil protection agency",
];
const WEEKDAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const BOILERPLATE: &[&str] = &[
    "Share this article: Facebook | X | Email",
    "Sign up for our morning newsletter",
    "Advertisement",
    "Read more: Council approves new budget for the harbour",
    "Most read",
    "© 2025 The Daily Example. All rights reserved.",
    "Leave a comment",
];
const FILLER: &[&str] = &[
    "Regional authorities have faced criticism over safety inspections in recent years.",
    "The area has a long history of industrial accidents, critics say.",
    "Opposition lawmakers called for an independent inquiry into the response.",
    "Insurance companies said it was too early to estimate the cost of the damage.",
    "Local businesses said they expected to stay closed for several days.",
    "Schools in the district would remain shut until further notice, the mayor's office said.",
];

fn name(rng: &mut Rng, parts: usize) -> String {
    let mut s: String = (0..parts).map(|_| *rng.pick(SYLLABLES)).collect();
    if let Some(first) = s.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    s
}

/// The facts of one story.
#[derive(Debug, Clone)]
struct Facts {
    place: String,
    region: String,
    country: String,
    person: String,
    official: String,
    company: String,
    event: (&'static str, &'static str, &'static str),
    counts: Vec<(u32, &'static str, &'static str)>,
    source: &'static str,
    day: &'static str,
}

impl Facts {
    fn new(rng: &mut Rng) -> Self {
        let counts = (0..4)
            .map(|_| {
                let (what, event) = *rng.pick(COUNTED);
                (rng.below(400) as u32 + 3, what, event)
            })
            .collect();
        Self {
            place: name(rng, 3),
            region: name(rng, 2),
            country: name(rng, 2),
            person: format!("{} {}", name(rng, 2), name(rng, 3)),
            official: format!("{} {}", name(rng, 2), name(rng, 2)),
            company: format!("{} {}", name(rng, 2), rng.pick(&["Industries", "Holdings", "Group", "Logistics"])),
            event: *rng.pick(EVENTS),
            counts,
            source: *rng.pick(SOURCES),
            day: *rng.pick(WEEKDAYS),
        }
    }
}

/// Sentence templates: each a list of variants saying the same facts. `{n0}`… are counts.
const TEMPLATES: &[&[&str]] = &[
    &[
        "An {event} hit a {site} in {place} on {day}, killing {n0} {w0}, {source} said.",
        "{N0} {w0} were killed when an {event} struck a {site} in {place} on {day}, according to {source}.",
        "{Source} said {n0} {w0} died in {day}'s {event} at a {site} in {place}.",
    ],
    &[
        "At least {n1} {w1} were {e1} and rescue teams were searching the area, officials said.",
        "Officials said rescuers were still combing the area, with at least {n1} {w1} {e1}.",
        "Rescue teams combed the site as the number of {w1} {e1} rose to at least {n1}, officials said.",
    ],
    &[
        "The {site} is operated by {company}, which said it was cooperating with investigators.",
        "{Company}, which runs the {site}, said in a statement that it was working with investigators.",
        "Investigators were being helped by {company}, the operator of the {site}, the company said.",
    ],
    &[
        "“We heard a huge noise and then everything went dark,” said {person}, who lives nearby.",
        "{Person}, a resident, said: “There was a huge noise, then everything went dark.”",
        "“Everything went dark after a huge noise,” {person}, who lives close to the {site}, told reporters.",
    ],
    &[
        "{Official}, the mayor of {place}, said a crisis centre had been opened in the town hall.",
        "A crisis centre has been set up in the town hall, {place} mayor {official} said.",
        "Mayor {official} told reporters that the town hall in {place} now housed a crisis centre.",
    ],
    &[
        "About {n2} {w2} were {e2} from nearby streets as a precaution.",
        "As a precaution, some {n2} {w2} were {e2} from the surrounding streets.",
        "Nearby streets were cleared and about {n2} {w2} {e2}, as a precaution.",
    ],
    &[
        "The cause of the {event} is not yet known, and an investigation has been opened.",
        "Investigators have opened an inquiry; what caused the {event} is still unclear.",
        "It is not yet known what caused the {event}, and an inquiry is under way.",
    ],
    &[
        "{Place} lies in the {region} region of {country}, about 80 km from the capital.",
        "The {region} region of {country}, where {place} lies, is about 80 km from the capital.",
        "About 80 km from the capital, {place} is part of {country}'s {region} region.",
    ],
    &[
        "Unverified footage shared online appeared to show smoke rising above {place}.",
        "Footage posted online, which could not be verified, appeared to show smoke over {place}.",
        "Smoke could be seen rising over {place} in footage shared online that appeared genuine but was unverified.",
    ],
    &[
        "Hospitals in the {region} region said they had treated {n3} {w3}.",
        "{N3} {w3} were treated in hospitals across the {region} region, the hospitals said.",
        "The {region} region's hospitals reported treating {n3} {w3}.",
    ],
    &[
        "The government of {country} declared a day of mourning for {day}.",
        "A day of mourning was declared by {country}'s government for {day}.",
        "{Country}'s government said {day} would be a day of mourning.",
    ],
    &[
        "Emergency services from the neighbouring towns of {region}borg and {region}vik joined the operation.",
        "The operation was joined by emergency crews from {region}borg and {region}vik, neighbouring towns.",
        "Crews from the nearby towns of {region}borg and {region}vik were sent to help.",
    ],
];

fn cap(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or_default()
}

fn fill(template: &str, f: &Facts, counts: &[(u32, &str, &str)]) -> String {
    let mut s = template.to_string();
    for (i, (n, w, e)) in counts.iter().enumerate() {
        s = s.replace(&format!("{{N{i}}}"), &cap(&n.to_string())).replace(&format!("{{n{i}}}"), &n.to_string());
        s = s.replace(&format!("{{w{i}}}"), w).replace(&format!("{{e{i}}}"), e);
    }
    let article = if f.event.0.starts_with(['a', 'e', 'i', 'o', 'u']) { "an" } else { "a" };
    s.replace("An {event}", &cap(&format!("{article} {}", f.event.0)))
        .replace("an {event}", &format!("{article} {}", f.event.0))
        .replace("{event}", f.event.0)
        .replace("{site}", f.event.2)
        .replace("{Place}", &f.place)
        .replace("{place}", &f.place)
        .replace("{region}", &f.region)
        .replace("{Country}", &f.country)
        .replace("{country}", &f.country)
        .replace("{Person}", &f.person)
        .replace("{person}", &f.person)
        .replace("{Official}", &f.official)
        .replace("{official}", &f.official)
        .replace("{Company}", &f.company)
        .replace("{company}", &f.company)
        .replace("{Source}", &cap(f.source))
        .replace("{source}", f.source)
        .replace("{day}", f.day)
}

/// How a version's sentence came from the wire.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Provenance {
    /// Index of the sentence in the version.
    pub sentence: usize,
    /// Wire sentences it comes from (empty for added material).
    pub wire: Vec<usize>,
    /// `verbatim`, `edited`, `paraphrase`, `merged`, `split` or `added`.
    pub kind: &'static str,
    /// The version changed a number in it.
    pub number_changed: bool,
}

/// One generated article.
#[derive(Debug, Clone, Serialize)]
pub struct SynthArticle {
    /// Identifier.
    pub id: String,
    /// The story it tells (the cluster it belongs to).
    pub story: String,
    /// `wire` or an outlet name.
    pub outlet: String,
    /// The article text (headline, blank line, body paragraphs; boilerplate for outlets).
    pub text: String,
    /// Provenance of each body sentence (for outlets).
    pub truth: Vec<Provenance>,
    /// Whether the wire's version (the source) is this article.
    pub is_wire: bool,
}

/// Settings of the generator.
#[derive(Debug, Clone, Copy)]
pub struct SynthOptions {
    /// Outlet versions per story (besides the wire).
    pub versions: usize,
    /// Whether the wire itself is in the output.
    pub include_wire: bool,
    /// How heavily outlets rewrite: 0 copies, 1 rewrites nearly everything.
    pub rewrite: f64,
}

impl Default for SynthOptions {
    fn default() -> Self {
        Self { versions: 4, include_wire: true, rewrite: 0.5 }
    }
}

/// Generates story number `story` (the same number and seed always give the same articles).
pub fn story(seed: u64, story: usize, opts: &SynthOptions) -> Vec<SynthArticle> {
    let mut rng = Rng::new(mix64(seed ^ (story as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)));
    let facts = Facts::new(&mut rng);
    let order: Vec<usize> = (0..TEMPLATES.len()).collect();
    let wire: Vec<String> = order.iter().map(|&t| fill(TEMPLATES[t][0], &facts, &facts.counts)).collect();
    let headline = format!("{} in {} kills {}", cap(facts.event.0), facts.place, facts.counts[0].0);
    let sid = format!("s{story}");
    let mut out = Vec::new();
    if opts.include_wire {
        let text = format!(
            "{headline}\n\n{}, {} (Example Wire) – {}\n",
            facts.place.to_uppercase(),
            facts.country,
            wire.iter().map(String::as_str).collect::<Vec<_>>().join("\n\n")
        );
        out.push(SynthArticle {
            id: format!("{sid}-wire"),
            story: sid.clone(),
            outlet: "wire".into(),
            text,
            truth: Vec::new(),
            is_wire: true,
        });
    }
    for v in 0..opts.versions {
        let outlet = format!("outlet{}", rng.below(50));
        let rewrite = (opts.rewrite * (0.5 + rng.below(100) as f64 / 100.0)).min(1.0);
        let mut counts = facts.counts.clone();
        let mut changed_number = None;
        if rng.chance(0.3) {
            let i = rng.below(counts.len());
            counts[i].0 += 1 + rng.below(9) as u32;
            changed_number = Some(i);
        }
        let mut sentences: Vec<(String, Provenance)> = Vec::new();
        let mut keep: Vec<usize> = order.iter().copied().filter(|_| !rng.chance(0.25 * rewrite + 0.05)).collect();
        if keep.is_empty() {
            keep.push(0);
        }
        if rng.chance(0.5 * rewrite) && keep.len() > 3 {
            let (a, b) = (rng.below(keep.len()), rng.below(keep.len()));
            keep.swap(a, b);
        }
        let mut i = 0;
        while i < keep.len() {
            let t = keep[i];
            let uses = |k: usize| {
                TEMPLATES[k].iter().any(|x| changed_number.is_some_and(|c| x.contains(&format!("{{n{c}}}"))))
            };
            let roll = rng.below(1000) as f64 / 1000.0;
            if roll < 0.1 * rewrite && i + 1 < keep.len() {
                // Merge two sentences.
                let (a, b) = (fill(TEMPLATES[t][0], &facts, &counts), fill(TEMPLATES[keep[i + 1]][0], &facts, &counts));
                let text = format!("{}, and {}", a.trim_end_matches('.'), lower_first(&b));
                let nc = uses(t) || uses(keep[i + 1]);
                sentences.push((
                    text,
                    Provenance { sentence: 0, wire: vec![t, keep[i + 1]], kind: "merged", number_changed: nc },
                ));
                i += 2;
                continue;
            }
            let (text, kind) = if roll < 0.55 * rewrite {
                (fill(TEMPLATES[t][1 + rng.below(TEMPLATES[t].len() - 1)], &facts, &counts), "paraphrase")
            } else if roll < 0.9 * rewrite {
                (edit(&fill(TEMPLATES[t][0], &facts, &counts), &mut rng), "edited")
            } else {
                (fill(TEMPLATES[t][0], &facts, &counts), "verbatim")
            };
            let kind = if kind == "verbatim" && text != wire[t] { "edited" } else { kind };
            let nc = uses(t);
            if kind == "edited" && rng.chance(0.1 * rewrite) {
                if let Some((a, b)) = split(&text) {
                    sentences.push((a, Provenance { sentence: 0, wire: vec![t], kind: "split", number_changed: nc }));
                    sentences.push((b, Provenance { sentence: 0, wire: vec![t], kind: "split", number_changed: nc }));
                    i += 1;
                    continue;
                }
            }
            sentences.push((text, Provenance { sentence: 0, wire: vec![t], kind, number_changed: nc }));
            if rng.chance(0.15 * rewrite) {
                let filler = (*rng.pick(FILLER)).to_string();
                sentences
                    .push((filler, Provenance { sentence: 0, wire: Vec::new(), kind: "added", number_changed: false }));
            }
            i += 1;
        }
        for (k, (_, p)) in sentences.iter_mut().enumerate() {
            p.sentence = k;
        }
        let mut lines: Vec<String> = Vec::new();
        if rng.chance(0.7) {
            lines.push(format!("HOME > {}", rng.pick(&["WORLD", "NEWS", "REGION"])));
        }
        lines.push(if rng.chance(0.5) {
            headline.clone()
        } else {
            format!("{} leaves {} dead in {}", cap(facts.event.1), counts[0].0, facts.place)
        });
        if rng.chance(0.6) {
            lines.push(format!("{} min read", 2 + rng.below(6)));
        }
        let body: Vec<String> = sentences.iter().map(|(s, _)| s.clone()).collect();
        for chunk in body.chunks(1 + rng.below(2)) {
            lines.push(chunk.join(" "));
            if rng.chance(0.15) {
                lines.push((*rng.pick(BOILERPLATE)).to_string());
            }
        }
        lines.push((*rng.pick(BOILERPLATE)).to_string());
        out.push(SynthArticle {
            id: format!("{sid}-v{v}"),
            story: sid.clone(),
            outlet,
            text: lines.join("\n\n") + "\n",
            truth: sentences.into_iter().map(|(_, p)| p).collect(),
            is_wire: false,
        });
    }
    out
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) if s.split_whitespace().next().is_some_and(|w| w.chars().skip(1).all(|c| c.is_lowercase())) => {
            f.to_lowercase().collect::<String>() + c.as_str()
        }
        Some(f) => f.to_string() + c.as_str(),
        None => String::new(),
    }
}

/// A few word substitutions of the kind sub-editors make.
fn edit(s: &str, rng: &mut Rng) -> String {
    const SUBS: &[(&str, &str)] = &[
        ("said", "stated"),
        ("killing", "leaving dead"),
        ("searching", "looking across"),
        ("nearby", "close by"),
        ("about", "around"),
        ("opened", "launched"),
        ("streets", "roads"),
        ("rising", "billowing"),
        ("treated", "cared for"),
        ("joined", "took part in"),
        ("officials", "authorities"),
        ("hit", "tore through"),
        ("as a precaution", "to be safe"),
    ];
    let mut out = s.to_string();
    let mut done = 0;
    for (a, b) in SUBS {
        if done < 2 && out.contains(&format!(" {a} ")) && rng.chance(0.6) {
            out = out.replacen(&format!(" {a} "), &format!(" {b} "), 1);
            done += 1;
        }
    }
    if done == 0 {
        out = out.replacen(" the ", " this ", 1);
    }
    out
}

fn split(s: &str) -> Option<(String, String)> {
    let at = s.find(", and ").or_else(|| s.find(", which "))?;
    let (a, b) = s.split_at(at);
    let b = b.trim_start_matches(", and ").trim_start_matches(", which ");
    Some((format!("{a}."), cap(b)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stories_are_deterministic_and_distinct() {
        let opts = SynthOptions::default();
        let a = story(1, 0, &opts);
        let b = story(1, 0, &opts);
        assert_eq!(a.iter().map(|x| &x.text).collect::<Vec<_>>(), b.iter().map(|x| &x.text).collect::<Vec<_>>());
        assert_eq!(a.len(), 5);
        assert_ne!(story(1, 1, &opts)[0].text, a[0].text);
        for v in &a[1..] {
            assert!(!v.truth.is_empty());
            assert!(v.truth.iter().all(|p| p.kind != "added" || p.wire.is_empty()));
        }
    }
}
