//! Every kind of boilerplate the plain-text parser must recognise, in one fictional article:
//! breadcrumbs, reading time, share bars, "Read more", "Most read" lists, newsletter prompts,
//! tags, copyright and privacy lines, separators, URLs, comment prompts, photo lines, agency
//! credit lines and bylines.

use wiretrace_parse::{parse_text, Role};

#[test]
fn each_line_gets_its_role() {
    let text = include_str!("fixtures/boilerplate-kinds.txt");
    let a = parse_text("storm", text.to_string());
    let got: Vec<(Role, String)> = a.blocks.iter().map(|b| (b.role, b.text.chars().take(30).collect())).collect();
    use Role::*;
    let want = [
        Boilerplate, // breadcrumbs
        Headline,
        Boilerplate, // reading time
        Byline,
        Date,
        Boilerplate, // share bar
        Dateline,
        Body,
        Caption, // photo line
        Body,
        Boilerplate, // Read more
        Boilerplate, // Most read
        Boilerplate,
        Boilerplate,
        Boilerplate,
        Body,        // the story resumes after the list
        Boilerplate, // newsletter prompt
        Body,
        Boilerplate, // advertisement
        Boilerplate, // separator
        Boilerplate, // URL
        Credit,
        Boilerplate, // tags
        Boilerplate, // copyright and privacy
        Boilerplate, // comments
        Boilerplate, // comment prompt
    ];
    let roles: Vec<Role> = got.iter().map(|(r, _)| *r).collect();
    assert_eq!(roles, want, "{got:#?}");
    assert_eq!(a.byline.as_deref(), Some("Ana Ruiz and Tom Berg"));
    assert_eq!(a.date.as_deref(), Some("2026-03-03"));
    assert_eq!((a.dateline.as_deref(), a.agency.as_deref()), (Some("Lindqvist, Norland"), Some("Meridian Wire")));
    assert_eq!(a.sentences.len(), 4);
    assert_eq!(
        a.sentences[2].text,
        "\"We had no time to take anything with us,\" said Elin Varg, who lives on the quay."
    );
}
