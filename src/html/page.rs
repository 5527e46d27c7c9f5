//! The page's frame: header, footer, the sections and slots the live page fills, and the
//! whole page, static (the first view) or empty (the live page's root).

use std::fmt::Write;

use crate::html::action::Action;
use crate::html::after;
use crate::html::common::bdi;
use crate::html::figure::{caption, figure, figure_head, svg_host, table, DRAWING_PENDING};
use crate::html::filters::filters;
use crate::html::incidents::incident_table;
use crate::html::summary::{changes, headline, published_figures};
use crate::lang::Locale;
use crate::model::Dataset;
use crate::phrase::{self, t};
use crate::pipeline::{ChartData, ChartKind, Figure, Selection};
use crate::render::svg::escape;

/// True for an address that can only lead to this site: a path, relative or from the
/// site's root, with no scheme, no `//` host, no backslash (browsers read `\` as `/`, so
/// `/\host/x.json` is another site) and no space or control character (browsers drop tabs
/// and newlines, so `/\t/host` is one too).
pub fn is_site_path(url: &str) -> bool {
    !url.is_empty()
        && !url.contains('\\')
        && !url.starts_with("//")
        && !url.chars().any(|c| c.is_control() || c.is_whitespace())
        && !url.split(['/', '?', '#']).next().unwrap_or_default().contains(':')
}

/// What the footer says about the dataset on screen. `data_url` is the address that
/// dataset was loaded from (the live page passes it resolved to a path on this site); the
/// download link is only built for a path on this site ([`is_site_path`]).
pub fn footer_about(data: &Dataset, data_url: &str) -> String {
    let download = if is_site_path(data_url) {
        format!(
            r#"<a href="{}" download="heist-ledger-incidents-{}.json">{}</a> · "#,
            escape(data_url),
            escape(&data.release.id),
            t("footer.download")
        )
    } else {
        String::new()
    };
    // The release's data package sits beside its page (the build writes one per release);
    // another dataset has none.
    let package = if is_site_path(data_url) && data_url.ends_with("data/incidents.json") {
        format!(
            r#"<a href="package/{}" data-export="package">{}</a> · "#,
            escape(&crate::release::package_name(&data.release.id)),
            t("footer.package")
        )
    } else {
        String::new()
    };
    let horizon = data
        .evidence_horizon
        .map(|h| phrase::fill("footer.horizon", &[("date", &phrase::date(h))]))
        .unwrap_or_default();
    let about = phrase::fill(
        "footer.about",
        &[
            ("title", &format!("<strong>{}</strong>", bdi(&data.title))),
            ("date", &phrase::date(data.as_of)),
            ("release", &escape(&data.release.id)),
            ("horizon", &horizon),
            ("incidents", &phrase::integer(data.incidents.len() as i64)),
            ("sources", &phrase::integer(data.sources.len() as i64)),
        ],
    );
    let mut out = format!(
        r#"<p>{about} {download}{package}<a href="data/incidents.schema.json">{}</a></p>"#,
        t("footer.schema")
    );
    if let Some(n) = &data.notes {
        let _ = write!(out, r#"<p class="notes">{}</p>"#, bdi(n));
    }
    out
}

/// The page header: title, tagline, the language picker, the print buttons (kept invisible
/// until the live page can act on them) and the theme button (its label follows the theme
/// in force through the stylesheet, so the static page and the live one read the same).
pub fn header() -> String {
    format!(
        r#"<div class="title"><h1>{}</h1><p class="tagline">{}</p>{}</div>{}<div class="print-controls" role="group" aria-label="{}"><button type="button" data-print="pack">{}</button><button type="button" data-print="charts">{}</button></div><button type="button" class="theme-toggle"{}><span class="when-light">{}</span><span class="when-dark">{}</span></button>"#,
        t("header.title"),
        t("header.tagline"),
        machine_note(),
        language_picker(phrase::locale()),
        t("header.print_group"),
        t("header.print_pack"),
        t("header.print_charts"),
        Action::Theme.attr(),
        t("header.dark_theme"),
        t("header.light_theme"),
    )
}

/// On a page in another language than English, the line that says its words are a machine
/// translation, not reviewed (in that language); nothing on the English page.
pub fn machine_note() -> String {
    if phrase::is_english() {
        return String::new();
    }
    format!(r#"<p class="machine-note" data-machine-translation>{}</p>"#, t("header.machine_note"))
}

/// The `<link rel="alternate" hreflang>` set every page in a language carries: one per
/// language at its static first view under `site` (the site's address, ending in `/`), and
/// `x-default` at the English root, so a search engine offers a reader their own.
pub fn hreflang_links(site: &str) -> String {
    let mut out = String::new();
    for l in Locale::ALL {
        let _ = write!(
            out,
            r#"<link rel="alternate" hreflang="{}" href="{}{}" />"#,
            l.html_lang(),
            escape(site),
            phrase::page_path(l)
        );
    }
    let _ = write!(out, r#"<link rel="alternate" hreflang="x-default" href="{}" />"#, escape(site));
    out
}

/// The language picker: a link per language to its static first view (`ko/`, relative to
/// the site root the page's `<base>` names), which works without JavaScript; the live page
/// turns a click into `?lang=` on the view in force, so the rest of the view is kept. Each
/// language is named in itself and marked so (`lang`, `hreflang`); the one in force is
/// `aria-current`.
pub fn language_picker(current: Locale) -> String {
    let mut out = format!(r#"<nav class="lang-picker" aria-label="{}"><ul>"#, t("header.language"));
    for l in Locale::ALL {
        let here = if l == current { r#" aria-current="true""# } else { "" };
        let href = match phrase::page_path(l) {
            p if p.is_empty() => "./".to_string(),
            p => p,
        };
        let _ = write!(
            out,
            r#"<li><a href="{href}" hreflang="{code}" lang="{code}" data-lang="{code}"{here}><span class="lang-name">{}</span></a></li>"#,
            l.name(),
            code = l.code()
        );
    }
    out.push_str("</ul></nav>");
    out
}

/// The skip link and the page header, which stay on the page from the first view on (the
/// live app attaches to them rather than drawing them again).
pub fn page_header() -> String {
    format!(
        r##"<a class="skip" href="#charts">{}</a><header class="page-header">{}</header>"##,
        t("page.skip"),
        header()
    )
}

/// The form that loads another dataset.
pub fn data_form(data_url: &str) -> String {
    format!(
        r#"<form class="data-source"><label>{} <input type="text" name="data" value="{}" spellcheck="false"></label><button type="submit">{}</button></form>"#,
        t("footer.load_label"),
        escape(data_url),
        t("footer.load_button")
    )
}

/// The closing line of the footer, in the words in force.
pub fn footer_note() -> String {
    t("footer.note")
}

/// The screen classes the first view draws each chart for, light: the class of its drawing's
/// box and the chart box's width there. 1,216 px is the box on a 1280 px laptop screen and
/// 388 px on a 412 px phone (Lighthouse's mobile screen); the stylesheet shows the first
/// above 600 px and the second below. A live page whose box has one of these widths keeps
/// the first view's drawing; any other width is drawn anew, at the box's own size.
pub const FIRST_VIEW_WIDTHS: [(&str, u32); 2] = [("v-light-wide", 1216), ("v-light-narrow", 388)];

/// One chart as the static page shows it: its data (caption and table come from it) and
/// its SVG drawn for each screen class (`v-light-wide`, `v-light-narrow`).
pub struct StaticChart {
    /// The chart's data for the default view.
    pub data: ChartData,
    /// (class, svg) per variant.
    pub svgs: Vec<(&'static str, String)>,
}

/// The page's blocks, each in the element that holds it on both pages: the static first
/// view is written with them, and the live page replaces what is inside.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// The release line and the headline figures.
    Headline,
    /// The filter controls.
    Filters,
    /// Each year's thefts beside what was frozen, seized, recovered and returned of them.
    After,
    /// Every published figure, folded.
    Published,
    /// The release log, folded.
    Changes,
    /// The incident table and its downloads.
    Incidents,
    /// The data box and what the dataset on screen is.
    Footer,
}

impl Section {
    /// Every section, in page order.
    pub const ALL: [Section; 7] = [
        Section::Headline,
        Section::Filters,
        Section::After,
        Section::Published,
        Section::Changes,
        Section::Incidents,
        Section::Footer,
    ];

    /// The element's opening and closing tags.
    fn tags(self) -> (String, &'static str) {
        let fixed = |open: &str, close| (open.to_string(), close);
        match self {
            Section::Headline => (
                format!(r#"<section class="headline" aria-label="{}">"#, t("section.headline")),
                "</section>",
            ),
            Section::Filters => (
                format!(r#"<section id="filters" class="filters" aria-label="{}">"#, t("section.filters")),
                "</section>",
            ),
            Section::After => {
                fixed(r#"<section class="after" data-after aria-labelledby="after-heading">"#, "</section>")
            }
            Section::Published => fixed(r#"<details class="published-figures">"#, "</details>"),
            Section::Changes => fixed(r#"<details id="changes" class="changes">"#, "</details>"),
            Section::Incidents => {
                fixed(r#"<section class="incidents" aria-labelledby="incidents-heading">"#, "</section>")
            }
            Section::Footer => fixed(r#"<footer class="page-footer">"#, "</footer>"),
        }
    }

    /// A CSS selector that finds the element on the page.
    pub fn selector(self) -> &'static str {
        match self {
            Section::Headline => "section.headline",
            Section::Filters => "section.filters",
            Section::After => "section[data-after]",
            Section::Published => "details.published-figures",
            Section::Changes => "details#changes",
            Section::Incidents => "section.incidents",
            Section::Footer => "footer.page-footer",
        }
    }
}

/// A section's element holding `inner`.
pub fn section(which: Section, inner: &str) -> String {
    let (open, close) = which.tags();
    format!("{open}{inner}{close}")
}

/// The inside of the footer: the data box holding the address asked for, what the dataset
/// on screen is (with a link to `shown`, the address it came from: never a failed one), the
/// closing note.
pub fn footer(data: Option<&Dataset>, shown: &str, asked: &str) -> String {
    let about = data.map(|d| footer_about(d, shown)).unwrap_or_default();
    // The closing note only where the dataset's notes do not already say it, in more words.
    let note = if about.contains("Amounts are US dollars") {
        String::new()
    } else {
        format!("<p>{}</p>", footer_note())
    };
    format!(r#"<div>{}</div><div class="about">{about}</div>{note}"#, data_form(asked))
}

/// Where the live page puts what only it shows; empty (and taking no room) in the first view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    /// "A newer release exists".
    Release,
    /// What the address held that was not understood.
    Notices,
    /// The dataset arriving.
    Progress,
    /// Why the data could not be shown.
    Error,
    /// What changed in the view since the release it is compared with (`?since=`).
    Diff,
    /// The selected incident's details.
    Detail,
    /// "Cite this view".
    Cite,
}

impl Slot {
    /// The `data-slot` word.
    pub fn name(self) -> &'static str {
        match self {
            Slot::Release => "release",
            Slot::Notices => "notices",
            Slot::Progress => "progress",
            Slot::Error => "error",
            Slot::Diff => "diff",
            Slot::Detail => "detail",
            Slot::Cite => "cite",
        }
    }

    /// An empty slot.
    pub fn empty(self) -> String {
        format!(r#"<div data-slot="{}"></div>"#, self.name())
    }
}

/// The page below the header: `blocks` holds each section's inside and the charts' figures,
/// in page order, written into the elements both pages share.
fn page(headline: &str, filters: &str, figures: &str, sel: Option<&Selection>, data_url: &str) -> String {
    let mut out = String::from(r#"<main id="main">"#);
    let _ = write!(out, r#"<noscript><p class="notices">{}</p></noscript>"#, t("page.noscript"));
    for slot in [Slot::Release, Slot::Notices, Slot::Progress, Slot::Error] {
        out.push_str(&slot.empty());
    }
    out.push_str(&section(Section::Headline, headline));
    // On a phone the header's print and theme buttons stand here, after the headline.
    out.push_str(r#"<div class="phone-tools" data-phone-tools></div>"#);
    out.push_str(&Slot::Diff.empty());
    // On a phone the filters fold behind this button, which names the filter in force.
    let _ = write!(
        out,
        r#"<button type="button" class="filters-toggle" aria-expanded="false" aria-controls="filters">{} <span data-filter-summary>{}</span></button>"#,
        t("page.filters_toggle"),
        t("page.all_incidents")
    );
    out.push_str(&section(Section::Filters, filters));
    let _ = write!(
        out,
        r#"<section id="charts" class="charts" aria-label="{}" tabindex="-1">{figures}</section>"#,
        t("section.charts")
    );
    out.push_str(&section(Section::After, &sel.map(after::years).unwrap_or_default()));
    let data = sel.map(|s| &*s.data);
    out.push_str(&section(Section::Published, &data.map(published_figures).unwrap_or_default()));
    out.push_str(&section(Section::Changes, &data.map(changes).unwrap_or_default()));
    out.push_str(&section(Section::Incidents, &sel.map(|s| incident_table(s, false)).unwrap_or_default()));
    out.push_str(&Slot::Detail.empty());
    out.push_str(&Slot::Cite.empty());
    out.push_str("</main>");
    out.push_str(&section(Section::Footer, &footer(data, data_url, data_url)));
    out
}

/// The first view below the header: what a reader sees before any WebAssembly runs, and
/// all they get with JavaScript off.
pub fn static_page(sel: &Selection, charts: &[StaticChart], figures: &[Figure], data_url: &str) -> String {
    let mut drawn = String::new();
    for c in charts {
        let kind = c.data.kind();
        let hosts: String = c.svgs.iter().map(|(class, svg)| svg_host(class, svg)).collect();
        drawn.push_str(&figure(
            kind,
            &figure_head(kind, sel, false),
            &hosts,
            &caption(&c.data),
            &table(&c.data.table(crate::tables::FOLDED_ROWS)),
        ));
    }
    page(&headline(&sel.data, figures), &filters(sel), &drawn, Some(sel), data_url)
}

/// The page's frame before any data: every section and figure there, empty, for the live
/// page to fill (the development server serves no first view).
pub fn empty_page(data_url: &str) -> String {
    let figures: String =
        ChartKind::ALL.into_iter().map(|k| figure(k, "", DRAWING_PENDING, "", "")).collect();
    page("", "", &figures, None, data_url)
}

/// The page of one chart or a briefing deck, before its content: the status lines in a
/// `main` the live page fills.
pub fn live_root() -> String {
    let mut out = String::from(r#"<main id="main">"#);
    for slot in [Slot::Release, Slot::Notices, Slot::Progress, Slot::Error] {
        out.push_str(&slot.empty());
    }
    out.push_str("</main>");
    out
}

/// The element the first view lives in. `drawn_from` is the fingerprint of the dataset it
/// was drawn from ([`crate::load::fingerprint`]) and `data_url` its address, so the live
/// page knows whether what is on screen is what it would draw.
pub fn root(body: &str, drawn_from: Option<&str>, data_url: &str) -> String {
    // The language it is written in, so the live page adopts it only for the same language.
    let lang = phrase::locale().code();
    match drawn_from {
        Some(f) => format!(
            r#"<div id="static" data-drawn-from="{}" data-source="{}" data-lang="{lang}">{body}</div>"#,
            escape(f),
            escape(data_url)
        ),
        None => format!(r#"<div id="static" data-lang="{lang}">{body}</div>"#),
    }
}
