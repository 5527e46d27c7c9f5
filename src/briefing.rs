//! The printed briefing pack as markup: the headline and the filters in words first, each
//! chart drawn light at a print size as a framed image (title, view, sources, release,
//! permalink) on a page of its own, then the documents behind the charts, the published
//! figures and the incidents with their sources as compact lists (tables of eight columns
//! squeeze to unreadable strips on A4), every outbound link carrying its short address. Pure, so the browser's
//! print layer (`crate::web`, built for the browser only) and the native tests build the same pack.

use std::fmt::Write;

use crate::html;
use crate::phrase::{self, fill, t};
use crate::pipeline::{self, ChartData, ChartKind, Selection, SourceLink};
use crate::render::export;
use crate::render::svg::escape;
use crate::render::Size;
use crate::tables::{self, Table};
use crate::view::Theme;

/// What a print carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PrintMode {
    /// The briefing pack: headline and filters, each chart on its own page, then the
    /// published figures and the incidents with their sources.
    Pack,
    /// The headline line and the charts with their source lines, nothing else.
    ChartsOnly,
}

impl PrintMode {
    /// The `data-print` value on `<html>` and on the page's print buttons.
    pub fn slug(self) -> &'static str {
        match self {
            PrintMode::Pack => "pack",
            PrintMode::ChartsOnly => "charts",
        }
    }

    /// The mode a `data-print` value names.
    pub fn from_slug(s: &str) -> Option<PrintMode> {
        match s {
            "pack" => Some(PrintMode::Pack),
            "charts" => Some(PrintMode::ChartsOnly),
            _ => None,
        }
    }
}

/// The size every chart is drawn at for paper. The smallest chart text is 9 px; A4 at the
/// stylesheet's 15 mm margins is 680 CSS px wide (US Letter 702), so a drawing 560 px wide
/// prints at 1.21 times (1.25 on Letter) and its 9 px text at 10.9 px = 8.2 pt or more.
/// Drawn at the screen's width (up to 1232 px) the same text printed at about 4 pt.
pub const PRINT_CHART: Size = Size { width: 560, height: 440 };

/// The print size of a chart: [`PRINT_CHART`], except the Sankey, drawn taller to hold its
/// numbered list of every node (its keys are its smallest text: at this width they print at 8 pt).
pub fn print_size(kind: ChartKind) -> Size {
    match kind {
        ChartKind::Flows => Size { width: 620, height: 600 },
        _ => PRINT_CHART,
    }
}

/// Longest short address printed after a link, in characters.
const SHORT_MAX: usize = 64;

/// An http(s) address as it prints: host and path, without the scheme, a leading `www.`,
/// the query, the fragment or a trailing slash; cut to `SHORT_MAX` characters with an
/// ellipsis. `None` for anything else (a page-internal link).
pub fn short_url(url: &str) -> Option<String> {
    // The host as the address bar shows it: a look-alike prints as the `xn--` host the link
    // really leads to, and a user name before the host is dropped.
    let url = crate::address::display_url(url);
    let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://"))?;
    let end = rest.find(['?', '#']).unwrap_or(rest.len());
    let bare = rest[..end].trim_end_matches('/');
    let bare = bare.strip_prefix("www.").unwrap_or(bare);
    if bare.is_empty() {
        return None;
    }
    if bare.chars().count() <= SHORT_MAX {
        return Some(bare.to_string());
    }
    let cut: String = bare.chars().take(SHORT_MAX - 1).collect();
    Some(format!("{cut}…"))
}

/// Gives every outbound link in `markup` (as [`crate::html`] writes them: `<a href="…"`)
/// a `data-short` attribute with its [`short_url`], which the print stylesheet prints
/// after the link.
pub(crate) fn with_short_urls(markup: &str) -> String {
    const OPEN: &str = "<a href=\"";
    let mut out = String::with_capacity(markup.len() + markup.len() / 8);
    let mut rest = markup;
    while let Some(k) = rest.find(OPEN) {
        out.push_str(&rest[..k]);
        let after = &rest[k + OPEN.len()..];
        let href = after.split('"').next().unwrap_or_default();
        match short_url(&unescape(href)) {
            Some(s) => {
                let _ = write!(out, r#"<a data-short="{}" href=""#, escape(&s));
            }
            None => out.push_str(OPEN),
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

/// The text of an attribute value [`escape`] wrote.
fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// The filters in force, in words: "2022 to 2024" or "none", with the years and the count.
pub fn filters_in_words(sel: &Selection) -> String {
    let filters = if sel.filtered() {
        pipeline::view_words(sel, crate::phrase::view::Years::AsFiltered)
    } else {
        t("print.none")
    };
    let count = sel.count();
    fill(
        if count == 1 { "print.filters_one" } else { "print.filters" },
        &[
            ("filters", &filters),
            ("count", &phrase::integer(count as i64)),
            ("span", &phrase::year_span(sel.span.0, sel.span.1)),
        ],
    )
}

/// The headline figures on one line: "Stolen, 2022–2024 $3.1B · Incidents 26 · …".
fn headline_line(sel: &Selection) -> String {
    let parts: Vec<String> = pipeline::headline(sel)
        .iter()
        .map(|f| {
            let detail = f.detail.as_deref().map(|d| format!(" ({})", escape(d))).unwrap_or_default();
            format!("{} <strong>{}</strong>{detail}", escape(&f.label), escape(&f.value))
        })
        .collect();
    format!(r#"<p class="print-headline-line">{}</p>"#, parts.join(" · "))
}

/// The opening lines: title, the filters in words, the release and the permalink.
fn cover(sel: &Selection, mode: PrintMode, page_url: &str) -> String {
    let title = t(match mode {
        PrintMode::Pack => "print.title_pack",
        PrintMode::ChartsOnly => "print.title_charts",
    });
    // Outside English the pack's words are a machine translation, and its cover says so.
    let note = if phrase::is_english() {
        String::new()
    } else {
        format!(r#"<p class="print-meta" data-machine-translation>{}</p>"#, escape(&t("export.machine_note")))
    };
    let meta = fill(
        "print.meta",
        &[("dated", &pipeline::dated(&sel.data)), ("link", &pipeline::view_link(sel, page_url))],
    );
    format!(
        r#"<header class="print-cover"><h1>{}</h1><p class="print-filters" data-print-filters>{}</p><p class="print-meta" data-evidence="{}">{}</p>{note}</header>"#,
        escape(&title),
        escape(&filters_in_words(sel)),
        sel.data.evidence_horizon.map(|h| h.to_string()).unwrap_or_default(),
        escape(&meta),
    )
}

/// Most publishers named on a chart's printed page; the rest are counted, and every one is
/// listed in full under "Sources of the charts" (a page's source line must not push the
/// chart off a US Letter page).
const PRINTED_PUBLISHERS: usize = 8;

/// The printed source line: the first publishers, then how many more and where they are.
fn short_sources(chart: &ChartData) -> String {
    let mut publishers: Vec<&str> = chart.sources().iter().map(|s| s.publisher.as_str()).collect();
    crate::sort::unique(&mut publishers);
    let list = |names: &[&str]| names.join(&t("export.list_separator"));
    match publishers.len() {
        0 => t("print.sources_none"),
        n if n <= PRINTED_PUBLISHERS => fill("frame.sources", &[("names", &list(&publishers))]),
        n => fill(
            "print.sources_more",
            &[
                ("names", &list(&publishers[..PRINTED_PUBLISHERS])),
                ("more", &phrase::integer((n - PRINTED_PUBLISHERS) as i64)),
            ],
        ),
    }
}

/// One chart on its own page: the framed image drawn light at [`PRINT_CHART`], which
/// carries its title, the view, its source line, the release and the permalink.
fn chart_page(light: &Selection, chart: &ChartData, page_url: &str, mode: PrintMode, first: bool) -> String {
    let kind = chart.kind();
    let name = kind.name();
    let image = match chart.draw(print_size(kind), Theme::Light) {
        Ok(svg) => {
            let mut frame = pipeline::export_frame(light, chart, page_url);
            // Charts only has no list after the charts: each names every publisher.
            if mode == PrintMode::Pack {
                frame.sources = short_sources(chart);
            }
            let drawn = chart.drawn_size(print_size(kind));
            let (framed, _) = export::standalone(&svg, drawn, Theme::Light, &frame, None);
            unique_ids(&pipeline::with_lang(framed), name)
        }
        Err(e) => format!(
            r#"<p class="chart-error">{}</p>"#,
            escape(&fill("print.chart_error", &[("chart", &kind.heading()), ("error", &e)]))
        ),
    };
    // The first chart follows the cover on page 1 when it fits (the stylesheet starts each
    // other chart on a page of its own), so page 1 is not left mostly blank.
    let first = if first { " data-print-first" } else { "" };
    format!(r#"<section class="print-chart" data-print-chart="{name}"{first}>{image}</section>"#)
}

/// A source as it prints: title (linked), publisher and kind.
fn source_item(s: &SourceLink) -> String {
    let title = escape(&s.title);
    let link = if s.url.starts_with("https://") || s.url.starts_with("http://") {
        format!(r#"<a href="{}">{title}</a>"#, escape(&s.url))
    } else {
        title
    };
    format!("{link} ({}, {})", escape(&s.publisher), escape(&phrase::source_kind(s.kind)))
}

/// The documents behind the charts, after them: each listed once, under the first chart
/// that cites it.
fn chart_sources(charts: &[ChartData], cited: &[&str]) -> String {
    // Documents the published figures below cite are listed there.
    let mut seen: Vec<&str> = cited.to_vec();
    let mut out =
        format!(r#"<section class="print-chart-sources"><h2>{}</h2>"#, escape(&t("print.chart_sources")));
    for c in charts {
        let items: Vec<String> = c
            .sources()
            .iter()
            .filter(|s| {
                let new = !seen.contains(&s.url.as_str());
                if new {
                    seen.push(&s.url);
                }
                new
            })
            .map(|s| format!("<li>{}</li>", source_item(s)))
            .collect();
        let listed = if items.is_empty() {
            format!("<p>{}</p>", escape(&t("print.listed_below")))
        } else {
            format!(r#"<ul class="print-list">{}</ul>"#, items.concat())
        };
        let kind = c.kind();
        // Paper lists the incidents, with their sources, at the end: there is no table.
        let label = match kind {
            ChartKind::Timeline => t("print.timeline_sources"),
            _ => kind.sources_label(),
        };
        let _ = write!(out, "<h3>{}: {}</h3>{listed}", escape(&kind.heading()), escape(&label));
    }
    out.push_str("</section>");
    out
}

/// The charts' notes, unfolded for paper: why each year's listed sum and the publishers'
/// figures part, and why a flow does not add up to its theft (`[data-print-notes]`).
/// Their `[source-id]` citations print as the sources' publishers: paper has no use for ids.
fn chart_notes(data: &crate::model::Dataset, charts: &[ChartData]) -> String {
    let items: String = charts
        .iter()
        .flat_map(|c| c.notes())
        .map(|n| {
            let text = pipeline::named_citations(data, &n.text);
            format!(r#"<li data-{}="{}">{}</li>"#, n.hook, escape(&n.key), escape(&text))
        })
        .collect();
    if items.is_empty() {
        return String::new();
    }
    format!(
        r#"<section class="print-notes" data-print-notes><h2>{}</h2><ul class="print-list">{items}</ul></section>"#,
        escape(&t("print.notes"))
    )
}

/// The published figures the pack lists: all of them for the whole dataset, else those
/// whose period overlaps the years in view (a briefing on 2022–2024 need not carry the
/// 2018 figures). The heading says which.
fn published_in_view(sel: &Selection) -> (String, Table) {
    let all = sel.data.reported_totals.len();
    if !sel.filtered() {
        return (
            fill("print.figures_all", &[("all", &phrase::integer(all as i64))]),
            tables::reported(&sel.data),
        );
    }
    let (a, b) = sel.span;
    let mut data = (*sel.data).clone();
    data.reported_totals.retain(|t| t.period_start.year() <= b && t.period_end.year() >= a);
    let heading = fill(
        "print.figures_about",
        &[
            ("span", &phrase::year_span(a, b)),
            ("n", &phrase::integer(data.reported_totals.len() as i64)),
            ("all", &phrase::integer(all as i64)),
        ],
    );
    (heading, tables::reported(&data))
}

/// A table as a compact list for paper: per row, the first cell in bold, then each other
/// cell as "Header: value" (empty and "—" cells left out); linked cells stay links.
/// Citations in the cells' text print as publishers, not ids.
fn table_as_list(data: &crate::model::Dataset, t: &Table) -> String {
    let mut out = format!(r#"<ul class="print-list" data-print-list="{}">"#, escape(&t.name));
    for row in &t.rows {
        let parts: Vec<String> = row
            .iter()
            .enumerate()
            .filter(|(_, c)| !c.text.trim().is_empty() && c.text != "—")
            .map(|(k, c)| {
                let text = escape(&pipeline::named_citations(data, &c.text));
                let value = match c.href.as_deref() {
                    Some(h) if h.starts_with("https://") || h.starts_with("http://") => {
                        format!(r#"<a href="{}">{text}</a>"#, escape(h))
                    }
                    _ => text,
                };
                match (k, t.headers.get(k)) {
                    (0, _) => format!("<strong>{value}</strong>"),
                    (_, Some(h)) => fill("print.cell", &[("header", &escape(h)), ("value", &value)]),
                    (_, None) => value,
                }
            })
            .collect();
        let _ = write!(out, "<li>{}</li>", parts.join(" · "));
    }
    out.push_str("</ul>");
    out
}

/// The incidents in view, in the view's order, one compact line each with their sources
/// (the first two, as the screen's table shows them).
fn incident_list(sel: &Selection) -> String {
    let rows = sel.sorted();
    let mut out = format!(
        r#"<section class="print-incidents"><h2>{}</h2><ul class="print-list" data-print-list="incidents">"#,
        escape(&fill("print.incidents", &[("n", &phrase::integer(rows.len() as i64))]))
    );
    for i in rows {
        let sources: Vec<String> = sel
            .data
            .strongest_first(&i.sources)
            .into_iter()
            .take(2)
            .filter_map(|id| pipeline::source_link(&sel.data, id))
            .map(|s| source_item(&s))
            .collect();
        let _ = write!(
            out,
            "<li><strong>{}</strong>, {} · {} · {} · {} · {}{} · {}</li>",
            escape(&i.victim),
            escape(&phrase::date(i.date)),
            escape(&phrase::category(i.category)),
            escape(&phrase::money(i.usd)),
            escape(&i.actor),
            escape(&phrase::confidence(i.attribution.confidence)),
            if i.attribution.contested { escape(&t("print.contested")) } else { String::new() },
            fill("print.incident_sources", &[("list", &sources.join("; "))])
        );
    }
    let _ = write!(out, r#"</ul><p class="print-note">{}</p></section>"#, html::footer_note());
    out
}

/// The headline for paper: its figures without the release line (the cover already says
/// "Data as of …" once), and the total's note pointing at the incident list the pack ends
/// with, not at the screen's table.
fn print_headline(sel: &Selection) -> String {
    let mut figures = pipeline::headline(sel);
    for f in &mut figures {
        if f.hook == Some("total") {
            f.note = Some(t("print.total_note"));
        }
    }
    let markup = html::headline(&sel.data, &figures);
    let Some(start) = markup.find(r#"<p class="as-of""#) else { return markup };
    match markup[start..].find("</p>") {
        Some(end) => format!("{}{}", &markup[..start], &markup[start + end + 4..]),
        None => markup,
    }
}

/// The print drawing sits on the page beside the screen's: give its title and description
/// ids of their own.
fn unique_ids(svg: &str, name: &str) -> String {
    let (title, desc) = (format!("{name}-title"), format!("{name}-desc"));
    svg.replacen(
        &format!(r#"aria-labelledby="{title} {desc}""#),
        &format!(r#"aria-labelledby="print-{title} print-{desc}""#),
        1,
    )
    .replacen(&format!(r#"id="{title}""#), &format!(r#"id="print-{title}""#), 1)
    .replacen(&format!(r#"id="{desc}""#), &format!(r#"id="print-{desc}""#), 1)
}

/// The whole print for the selection in force (whatever its theme: paper is always light).
/// `page_url` is the page's address without a query, for the permalinks.
pub fn pack(sel: &Selection, mode: PrintMode, page_url: &str) -> String {
    let light = sel.with_theme(Theme::Light);
    let mut out = cover(&light, mode, page_url);
    match mode {
        PrintMode::Pack => {
            let _ = write!(out, r#"<section class="headline">{}</section>"#, print_headline(&light));
            out.push_str(&html::outlook_list(&light.data));
            out.push_str(&html::diff::panel(&light, true));
        }
        PrintMode::ChartsOnly => out.push_str(&headline_line(&light)),
    }
    let charts: Vec<ChartData> = ChartKind::ALL.iter().map(|&k| ChartData::new(&light, k)).collect();
    for (k, c) in charts.iter().enumerate() {
        out.push_str(&chart_page(&light, c, page_url, mode, k == 0));
    }
    if mode == PrintMode::Pack {
        let (heading, figures) = published_in_view(&light);
        let cited: Vec<&str> = figures.rows.iter().flatten().filter_map(|c| c.href.as_deref()).collect();
        out.push_str(&chart_sources(&charts, &cited));
        out.push_str(&chart_notes(&light.data, &charts));
        let _ = write!(
            out,
            r#"<section class="print-figures"><h2>{}</h2>{}</section>"#,
            escape(&heading),
            table_as_list(&light.data, &figures)
        );
        out.push_str(&incident_list(&light));
    }
    with_short_urls(&out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_url_keeps_host_and_path_and_drops_the_rest() {
        assert_eq!(
            short_url("https://www.example.org/news/a-story/?utm_source=x&b=2#top").as_deref(),
            Some("example.org/news/a-story")
        );
        assert_eq!(short_url("http://example.org").as_deref(), Some("example.org"));
        assert_eq!(short_url("#changes"), None);
        assert_eq!(short_url("data/incidents.json"), None);
    }

    #[test]
    fn a_long_short_url_is_cut_with_an_ellipsis() {
        let long = format!("https://example.org/{}", "é".repeat(200));
        let short = short_url(&long).unwrap_or_default();
        assert_eq!(short.chars().count(), SHORT_MAX);
        assert!(short.ends_with('…'));
    }

    #[test]
    fn every_outbound_link_gets_its_short_address_and_others_are_left_alone() {
        let markup = r##"<a href="https://x.org/a?q=1&amp;r=2" target="_blank">A</a> <a href="#changes">B</a> <a href="https://y.org/&quot;b">C</a>"##;
        let out = with_short_urls(markup);
        assert!(out.contains(r#"<a data-short="x.org/a" href="https://x.org/a?q=1&amp;r=2""#), "{out}");
        assert!(out.contains(r##"<a href="#changes">B</a>"##), "{out}");
        assert!(out.contains(r#"data-short="y.org/&quot;b""#), "{out}");
        assert_eq!(out.matches("<a ").count(), 3);
    }

    #[test]
    fn print_modes_round_trip_through_their_slugs() {
        for m in [PrintMode::Pack, PrintMode::ChartsOnly] {
            assert_eq!(PrintMode::from_slug(m.slug()), Some(m));
        }
        assert_eq!(PrintMode::from_slug("all"), None);
    }
}
