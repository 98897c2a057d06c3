//! Compares the two HTML parsers considered for main-content extraction: `scraper`
//! (html5ever, the HTML5 parsing algorithm of browsers) and `tl` (a fast DOM parser that does
//! not follow the HTML5 algorithm). Prints parse times on a folder of pages and how each
//! parser reads malformed markup, against what the HTML5 algorithm prescribes.
//!
//! ```text
//! python bench/boilerplate/run.py --write /tmp/pages
//! cargo run --release -p wiretrace-parse --example html_parsers -- /tmp/pages
//! ```

use std::time::Instant;

/// Paragraph texts by scraper.
fn scraper_paragraphs(html: &str) -> Vec<String> {
    let doc = scraper::Html::parse_document(html);
    let p = scraper::Selector::parse("p").unwrap();
    doc.select(&p).map(|e| e.text().collect::<String>().split_whitespace().collect::<Vec<_>>().join(" ")).collect()
}

/// Paragraph texts by tl.
fn tl_paragraphs(html: &str) -> Vec<String> {
    let Ok(dom) = tl::parse(html, tl::ParserOptions::default()) else { return vec!["<parse error>".into()] };
    let parser = dom.parser();
    dom.query_selector("p")
        .map(|it| {
            it.filter_map(|h| h.get(parser))
                .map(|n| n.inner_text(parser).split_whitespace().collect::<Vec<_>>().join(" "))
                .collect()
        })
        .unwrap_or_default()
}

/// Malformed markup and the paragraphs the HTML5 algorithm (what browsers show) yields.
const MALFORMED: &[(&str, &str, &[&str])] = &[
    ("unclosed paragraphs", "<body><p>One<p>Two<p>Three</body>", &["One", "Two", "Three"]),
    // Text is compared with white space collapsed, so the no-break space reads as a space.
    ("entities", "<p>Fish &amp; chips &mdash; 3&nbsp;km</p>", &["Fish & chips — 3 km"]),
    ("misnested inline tags", "<p>A <b>bold <i>and</b> italic</i> word</p>", &["A bold and italic word"]),
    ("stray end tags", "<div><p>Kept</p></span></div></div><p>Also kept</p>", &["Kept", "Also kept"]),
    ("paragraph closed by a div", "<p>First part<div>block</div>after</p>", &["First part", ""]),
    ("unquoted attributes", "<p class=lede id=x1>Lede text</p>", &["Lede text"]),
    ("script containing tags", "<script>var s = '<p>not text</p>';</script><p>Real</p>", &["Real"]),
    ("comment containing tags", "<!-- <p>hidden</p> --><p>Shown</p>", &["Shown"]),
];

fn main() {
    println!("How each parser reads malformed markup (expected: what the HTML5 algorithm gives):");
    let (mut ok_scraper, mut ok_tl) = (0, 0);
    for (name, html, want) in MALFORMED {
        let want: Vec<String> = want.iter().map(|s| s.to_string()).collect();
        let (s, t) = (scraper_paragraphs(html), tl_paragraphs(html));
        ok_scraper += usize::from(s == want);
        ok_tl += usize::from(t == want);
        println!("  {name:<28} scraper {:<5} tl {:<5} (tl read {t:?})", s == want, t == want);
    }
    println!("  agreement with the HTML5 algorithm: scraper {ok_scraper}/{n}, tl {ok_tl}/{n}", n = MALFORMED.len());

    let Some(dir) = std::env::args().nth(1) else {
        println!("(pass a folder of .html pages to time the parsers)");
        return;
    };
    let mut pages = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("a folder of pages") {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) == Some("html") {
            pages.push(std::fs::read_to_string(path).unwrap());
        }
    }
    let bytes: usize = pages.iter().map(String::len).sum();
    let time = |f: &dyn Fn(&str) -> usize| {
        let mut best = f64::MAX;
        let mut n = 0;
        for _ in 0..5 {
            let t0 = Instant::now();
            n = pages.iter().map(|p| f(p)).sum();
            best = best.min(t0.elapsed().as_secs_f64());
        }
        (best, n)
    };
    let (ts, ns) = time(&|p| scraper_paragraphs(p).len());
    let (tt, nt) = time(&|p| tl_paragraphs(p).len());
    let (tw, nw) = time(&|p| wiretrace_parse::parse_html("page", p).sentences.len());
    let agree = pages.iter().filter(|p| scraper_paragraphs(p) == tl_paragraphs(p)).count();
    println!("{} pages, {:.2} MB; parse and read all <p> (best of 5):", pages.len(), bytes as f64 / 1e6);
    println!(
        "  scraper: {:>8.1} pages/s {:>7.1} MB/s ({ns} paragraphs)",
        pages.len() as f64 / ts,
        bytes as f64 / 1e6 / ts
    );
    println!(
        "  tl:      {:>8.1} pages/s {:>7.1} MB/s ({nt} paragraphs)",
        pages.len() as f64 / tt,
        bytes as f64 / 1e6 / tt
    );
    println!("  pages where both read the same paragraphs: {agree}/{}", pages.len());
    println!(
        "wiretrace parse_html (scraper, extraction, metadata, sentences): {:>8.1} pages/s {:>7.1} MB/s ({nw} sentences)",
        pages.len() as f64 / tw,
        bytes as f64 / 1e6 / tw
    );
}
