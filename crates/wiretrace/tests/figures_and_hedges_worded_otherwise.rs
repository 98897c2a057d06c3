//! Figures, estimates and dates worded otherwise are the same: "no fewer than 14" is "at
//! least 14" (a bound, not a negation), "estimated the closure could cost" keeps the estimate
//! of "estimated that the closure could cost", 150 "staff" are 150 "workers", and "the end of
//! next year" in a story of 2024 is "the end of 2025". An outlet naming itself ("Harbour Daily
//! could not verify …") adds no detail.

mod common;

use common::analyze;

const WIRE: &str = "Steelworks to close, cutting 1,200 jobs

BRENNMOOR, Kavria, March 14 (Lantern Wire) – Ostrel Steel will close its Brennmoor plant by September, cutting 1,200 jobs, the company said on Thursday.

At least 14 workers were injured in a blast at the plant last year, the labour inspectorate said. The figure could not be independently verified.

Ana Ruiz, an analyst at Fenwick Capital, estimated that the closure could cost the region 300 million crowns a year.

The company said about 150 workers would stay on at Brennmoor until the end of 2025 to take the furnace apart.
";

const REWRITE: &str = "<html><head><meta property=\"og:site_name\" content=\"Harbour Daily\"></head><body><article>
<h1>Ostrel Steel to shut Brennmoor plant</h1>
<p class=date>14 March 2024</p>
<p>Ostrel Steel will shut its Brennmoor plant by September, with the loss of 1,200 jobs, the company said on Thursday.</p>
<figure><img src=a.jpg><figcaption>The Brennmoor plant, where Ostrel Steel will cut 1,200 jobs. Photo: Tom Berg / Harbour Daily</figcaption></figure>
<p>No fewer than 14 workers were injured in a blast at the plant last year, the labour inspectorate said. Harbour Daily could not independently verify the figure.</p>
<p>Fenwick Capital analyst Ana Ruiz estimated the closure could cost the region 300 million crowns a year.</p>
<p>Around 150 staff will remain at Brennmoor until the end of next year to take the furnace apart, the company said.</p>
</article></body></html>";

#[test]
fn the_same_figures_estimates_and_dates_worded_otherwise_are_no_drift() {
    let report = analyze(&[("wire", WIRE), ("daily", REWRITE)]);
    assert!(report.drifts.is_empty(), "{:#?}", report.drifts);
}
