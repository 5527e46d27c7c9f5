//! "Cite this view": the view on screen as a plain-text citation, a BibTeX entry and a
//! CSL-JSON item, each pinned to the data release it shows (`SITE/v/RELEASE/?QUERY`), with
//! the release date, the day it was accessed and the sources behind the figures in view.
//! Pure formatting: the page and the tests call the same functions.

use crate::aggregate;
use crate::json::Writer;
use crate::model::{Date, SourceKind};
use crate::phrase::{self, fill, t};
use crate::pipeline::Selection;
use crate::release;

/// Publishers named in a citation before the rest are counted ("and 40 others").
const PUBLISHERS_NAMED: usize = 6;

/// Who the citation names as the author and publisher of the dataset.
const PROJECT: &str = "Heist Ledger";

/// The view cited three ways.
#[derive(Debug, Clone, PartialEq)]
pub struct Citation {
    /// The view's address, pinned to its release when the data is the site's own.
    pub permalink: String,
    /// True when `permalink` points into the release's immutable folder.
    pub pinned: bool,
    /// One paragraph for a footnote or a reference list.
    pub text: String,
    /// A `@misc` entry.
    pub bibtex: String,
    /// A CSL-JSON array holding one `dataset` item.
    pub csl: String,
}

/// The sources behind the figures in view: how many documents, their publishers, and the
/// main voices behind the figures.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceSummary {
    /// Distinct source documents.
    pub documents: usize,
    /// Publishers with how many of those documents each, most first (then A to Z).
    pub publishers: Vec<(String, usize)>,
    /// The main publishers a reader would name, most cited first (then A to Z): who
    /// attributed each theft in view, who published each figure in view, and who wrote the
    /// primary documents (a government's, court's or firm's own page), each counted once per
    /// record citing them. News outlets that relay them are not among these.
    pub main: Vec<(String, usize)>,
}

/// The documents behind what the view shows: every incident in view, the published figures
/// beside the yearly bars for the years in view, and the figures on the published-figures
/// chart.
pub fn sources_in_view(sel: &Selection) -> SourceSummary {
    let data = &sel.data;
    let incidents = sel.incidents();
    let mut ids: Vec<&str> = incidents.iter().flat_map(|i| i.sources.iter().map(String::as_str)).collect();
    let yearly = aggregate::yearly(data, &incidents, sel.span, sel.filtered(), None, false);
    ids.extend(yearly.reported.iter().map(|m| m.source.as_str()));
    let published = aggregate::published(data, sel.figures_year());
    ids.extend(published.points.iter().map(|p| p.source.as_str()));
    crate::sort::unique(&mut ids);
    let mut names: Vec<&str> =
        ids.iter().filter_map(|id| data.source(id)).map(|s| s.publisher.as_str()).collect();
    let documents = names.len();
    crate::sort::by(&mut names, &|a, b| a.cmp(b));
    // Each publisher once, with how many documents it has.
    let mut publishers: Vec<(String, usize)> = Vec::new();
    for name in names {
        match publishers.last_mut() {
            Some((last, n)) if last == name => *n += 1,
            _ => publishers.push((name.to_string(), 1)),
        }
    }
    crate::sort::by(&mut publishers, &|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    // The main voices: attributors, figures' publishers, primary documents' publishers.
    let mut voices: Vec<String> = Vec::new();
    for i in &incidents {
        voices.extend(i.attribution.by.iter().cloned());
        let primary =
            i.sources.iter().filter_map(|id| data.source(id)).filter(|s| s.kind == SourceKind::Primary);
        voices.extend(primary.map(|s| crate::pipeline::plain_publisher(&s.publisher).to_string()));
    }
    voices.extend(yearly.reported.iter().map(|m| m.publisher.clone()));
    voices.extend(published.points.iter().map(|p| p.publisher.clone()));
    crate::sort::by(&mut voices, &|a, b| a.cmp(b));
    let mut main: Vec<(String, usize)> = Vec::new();
    for name in voices.into_iter().filter(|v| !v.trim().is_empty()) {
        match main.last_mut() {
            Some((last, n)) if *last == name => *n += 1,
            _ => main.push((name, 1)),
        }
    }
    crate::sort::by(&mut main, &|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    SourceSummary { documents, publishers, main }
}

impl SourceSummary {
    /// "412 source documents from 95 publishers, chiefly Chainalysis, Elliptic, TRM Labs, …":
    /// the main publishers ([`SourceSummary::main`]) named, not the outlets that relay them.
    /// In the words in force, counts grouped as the locale groups them.
    pub fn words(&self) -> String {
        let n = |k: usize| phrase::integer(k as i64);
        let docs = if self.documents == 1 {
            t("cite.documents_one")
        } else {
            fill("cite.documents", &[("n", &n(self.documents))])
        };
        let docs = match self.publishers.len() {
            0 => docs,
            1 => fill("cite.from_one", &[("documents", &docs)]),
            k => fill("cite.from", &[("documents", &docs), ("n", &n(k))]),
        };
        let named: Vec<&str> = self.main.iter().take(PUBLISHERS_NAMED).map(|(p, _)| p.as_str()).collect();
        let names = match named.as_slice() {
            [] => return docs,
            [one] => one.to_string(),
            [first @ .., last] => {
                fill("cite.and", &[("first", &first.join(&t("export.list_separator"))), ("last", last)])
            }
        };
        fill("cite.chiefly", &[("documents", &docs), ("names", &names)])
    }
}

/// The site root with exactly one trailing slash.
fn root(site: &str) -> String {
    format!("{}/", site.trim_end_matches('/'))
}

/// The view's address. For the site's own data it is pinned to the release's folder, which
/// never changes: `SITE/v/RELEASE/?QUERY` (theme left out: it is the reader's, not the
/// view's). A dataset loaded with `?data=` has no release folder: its address keeps `data=`.
pub fn permalink(sel: &Selection, site: &str) -> (String, bool) {
    (crate::pipeline::address(sel, &root(site), crate::pipeline::Address::Pinned), sel.view.data.is_none())
}

/// What the view shows, in words: the filter, the years once ("2024–2026", or the brushed
/// dates), the incident open in the detail panel and the flow drawn, when there are.
pub fn view_in_words(sel: &Selection) -> String {
    let data = &sel.data;
    let open = sel.view.incident.as_deref().and_then(|id| data.incident(id));
    let flow = sel.view.flow.as_deref().and_then(|id| data.incident(id));
    phrase::view::words(&phrase::view::View {
        filter: &sel.view.filter,
        years: phrase::view::Years::Once(sel.span),
        open: open.map(|i| (i.victim.as_str(), i.date)),
        flow: flow.map(|i| i.victim.as_str()),
    })
}

/// "compared with release 2026-12-01, published 1 Dec 2026", for a view compared with an
/// earlier release (`?since=`): a citation names both releases.
pub(crate) fn compared_words(sel: &Selection) -> Option<String> {
    let id = sel.view.since.as_deref()?;
    let date = sel
        .data
        .changes
        .iter()
        .find(|c| c.release == id)
        .map(|c| fill("cite.published", &[("date", &phrase::date(c.date))]))
        .unwrap_or_default();
    Some(fill("cite.compared", &[("release", id), ("published", &date)]))
}

/// Cites the view on screen. `site` is the site root's absolute address
/// (`https://example.github.io/heist-ledger/`); `today` is the access date.
pub fn cite(sel: &Selection, site: &str, today: Date) -> Citation {
    let data = &sel.data;
    let (permalink, pinned) = permalink(sel, site);
    let sources = sources_in_view(sel);
    let full_list = match &sel.view.data {
        None => format!("{}{}data/incidents.json", root(site), release::path_of(&data.release.id)),
        Some(d) => d.clone(),
    };
    let what = view_in_words(sel);
    let horizon = data
        .evidence_horizon
        .map(|h| fill("cite.horizon", &[("date", &phrase::date(h))]))
        .unwrap_or_default();
    let compared = compared_words(sel).map(|c| fill("cite.then", &[("words", &c)])).unwrap_or_default();
    let release_words = fill(
        "cite.release",
        &[
            ("release", &data.release.id),
            ("published", &phrase::date(data.release.date)),
            ("as_of", &phrase::date(data.as_of)),
            ("horizon", &horizon),
            ("compared", &compared),
        ],
    );
    let sources_words = fill("cite.sources", &[("summary", &sources.words()), ("list", &full_list)]);
    let text = fill(
        "cite.text",
        &[
            ("title", &data.title),
            ("release", &release_words),
            ("view", &what),
            ("link", &permalink),
            ("accessed", &phrase::date(today)),
            ("sources", &sources_words),
        ],
    );
    let note = fill(
        "cite.note",
        &[("id", &data.release.id), ("release", &release_words), ("sources", &sources_words)],
    );
    // Outside English the words are a machine translation, and the citation says so.
    let (text, note) = if phrase::is_english() {
        (text, note)
    } else {
        let mt = t("export.machine_note");
        (format!("{text} {mt}"), format!("{note} {mt}"))
    };
    Citation {
        bibtex: bibtex(
            sel,
            &fill("cite.title", &[("title", &data.title), ("view", &what)]),
            &permalink,
            &note,
            today,
        ),
        csl: csl(
            sel,
            &fill("cite.title", &[("title", &data.title), ("view", &what)]),
            &permalink,
            &note,
            today,
        ),
        permalink,
        pinned,
        text,
    }
}

/// biblatex's `langid` for a language other than English (its babel/polyglossia name).
fn langid(l: crate::lang::Locale) -> Option<&'static str> {
    use crate::lang::Locale;
    match l {
        Locale::En => None,
        Locale::Ko => Some("korean"),
        Locale::Ja => Some("japanese"),
        Locale::Fr => Some("french"),
        Locale::De => Some("ngerman"),
        Locale::It => Some("italian"),
    }
}

/// A citation key BibTeX accepts: letters, digits and `-` only.
fn key(release: &str) -> String {
    let id: String = release.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }).collect();
    format!("heistledger-{id}")
}

/// Escapes text for a braced BibTeX field: LaTeX's special characters become their
/// commands, so a hostile title can neither close the field nor run a macro; line breaks
/// and other control characters become spaces.
pub(crate) fn bibtex_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str(r"\textbackslash{}"),
            '{' | '}' | '%' | '&' | '$' | '#' | '_' => {
                out.push('\\');
                out.push(c);
            }
            '^' => out.push_str(r"\^{}"),
            '~' => out.push_str(r"\~{}"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A URL for a BibTeX `url` field, which is read verbatim: braces, backslashes and spaces
/// percent-encoded so the field always closes where it should.
fn bibtex_url(url: &str) -> String {
    url.chars()
        .map(|c| match c {
            '{' => "%7B".to_string(),
            '}' => "%7D".to_string(),
            '\\' => "%5C".to_string(),
            c if c.is_whitespace() || c.is_control() => "%20".to_string(),
            c => c.to_string(),
        })
        .collect()
}

fn bibtex(sel: &Selection, title: &str, url: &str, note: &str, today: Date) -> String {
    let r = &sel.data.release;
    let entry = format!(
        "@misc{{{},\n  author = {{{{{PROJECT}}}}},\n  title = {{{}}},\n  year = {{{}}},\n  month = {{{}}},\n  version = {{{}}},\n  howpublished = {{\\url{{{url}}}}},\n  url = {{{url}}},\n  urldate = {{{today}}},\n  note = {{{}}}\n}}\n",
        key(&r.id),
        bibtex_escape(title),
        r.date.year(),
        r.date.month(),
        bibtex_escape(&r.id),
        bibtex_escape(note),
        url = bibtex_url(url),
    );
    // Outside English, biblatex's `langid` names the language the title and note are in.
    match langid(phrase::locale()) {
        Some(language) => entry.replacen("\n}\n", &format!(",\n  langid = {{{language}}}\n}}\n"), 1),
        None => entry,
    }
}

/// `{"date-parts": [[y, m, d]]}`.
fn csl_date(w: &mut Writer, d: Date) {
    w.open_object().key("date-parts").open_array().element().open_array();
    for n in [d.year(), i32::from(d.month()), i32::from(d.day())] {
        w.element().number(f64::from(n));
    }
    w.close(']').close(']').close('}');
}

fn csl(sel: &Selection, title: &str, url: &str, note: &str, today: Date) -> String {
    let r = &sel.data.release;
    let mut w = Writer::new();
    w.open_array().element().open_object();
    w.key("id").string(&key(&r.id));
    w.key("type").string("dataset");
    w.key("title").string(title);
    w.key("author").open_array().element().open_object().key("literal").string(PROJECT).close('}').close(']');
    w.key("publisher").string(PROJECT);
    w.key("version").string(&r.id);
    w.key("issued");
    csl_date(&mut w, r.date);
    w.key("accessed");
    csl_date(&mut w, today);
    w.key("URL").string(url);
    w.key("note").string(note);
    if !phrase::is_english() {
        w.key("language").string(phrase::locale().html_lang());
    }
    w.close('}').close(']');
    w.finish()
}
