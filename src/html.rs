//! The page's markup as HTML text, from the pipeline's output: headline, filters, chart
//! captions and tables, the incident table, the detail panel and the footer. The static
//! build writes it into `index.html` and the browser layer puts the same text on screen,
//! so the first view and the live page cannot drift apart. Every dataset string is escaped
//! and wrapped in `<bdi>`, so markup stays inert and right-to-left text cannot reorder the
//! page's own words beside it.

use std::fmt::Write;

use crate::format::{dollars_exact, money};
use crate::model::{Category, Confidence, Dataset, Incident, SourceKind};
use crate::pipeline::{Chart, ChartData, ChartKind, Figure, Selection, SourceLink};
use crate::render::svg::escape;
use crate::tables::Table;
use crate::view::SortKey;

mod action;
pub mod after;
pub mod diff;
pub mod live;

pub use action::Action;

/// Rows the incident table shows before "Show all".
pub const TABLE_PAGE: usize = 100;

/// Most flows the flow picker lists by name (the largest thefts; the rest are one click
/// away in the incident table, whose detail panel draws each one's flow).
pub const FLOW_CHOICES: usize = 200;

/// A dataset string: escaped and isolated.
fn bdi(s: &str) -> String {
    format!("<bdi>{}</bdi>", escape(s))
}

/// An outbound link, or plain text when the address is not http(s) (the validator refuses
/// those, but a link is never built from one).
fn a(url: &str, text_html: &str) -> String {
    if url.starts_with("https://") || url.starts_with("http://") {
        format!(r#"<a href="{}" target="_blank" rel="noopener noreferrer">{text_html}</a>"#, escape(url))
    } else {
        text_html.to_string()
    }
}

/// The kind of a source as a small tag beside its link.
fn kind_tag(kind: SourceKind) -> String {
    format!(r#" <span class="source-kind" data-source-kind="{}">{}</span>"#, kind.slug(), kind.label())
}

/// The kind tag of a source, a copy naming whose text it reproduces ("Copy of primary: FBI
/// PSA I-022625-PSA"), so a mirror reads as what it mirrors.
fn kind_tag_of(kind: SourceKind, copy_of: Option<&str>) -> String {
    match (kind, copy_of) {
        (SourceKind::Copy, Some(of)) => format!(
            r#" <span class="source-kind" data-source-kind="copy">{}: {}</span>"#,
            kind.label(),
            bdi(of)
        ),
        _ => kind_tag(kind),
    }
}

fn source(s: &SourceLink) -> String {
    format!(
        r#"{} <span class="publisher">({})</span>{}"#,
        a(&s.url, &bdi(&s.title)),
        bdi(&s.publisher),
        kind_tag_of(s.kind, s.copy_of.as_deref())
    )
}

/// The headline: the data's release line and evidence horizon, the publishers' outlook,
/// then the figures as a definition list.
pub fn headline(data: &Dataset, figures: &[Figure]) -> String {
    let mut out = release_line(data);
    out.push_str(&outlook(data));
    out.push_str("<dl>");
    for f in figures {
        let hook = f.hook.map(|h| format!(r#" data-headline="{h}""#)).unwrap_or_default();
        let _ = write!(
            out,
            r#"<div class="figure"><dt>{}</dt><dd><span class="value"{hook}>{}</span>"#,
            escape(&f.label),
            escape(&f.value)
        );
        if let Some(d) = &f.detail {
            let _ = write!(out, " {}", bdi(d));
        }
        out.push_str("</dd>");
        if let Some(n) = &f.note {
            let _ = write!(out, r#"<dd class="note">{}</dd>"#, escape(n));
        }
        if !f.sources.is_empty() {
            let links: Vec<String> = f.sources.iter().map(source).collect();
            let _ = write!(out, r#"<dd class="note">Source: {}</dd>"#, links.join("; "));
        }
        out.push_str("</div>");
    }
    out.push_str("</dl>");
    out
}

/// A chart's table. A folded one (holding only its first rows) says how many more
/// "Show table" lists (on screen: paper has no button, and says only how many it holds).
pub fn table(t: &Table) -> String {
    let mut out = format!(
        r#"<table data-table="{}"><caption>{}</caption><thead><tr>"#,
        escape(&t.name),
        escape(&t.caption)
    );
    for h in &t.headers {
        let _ = write!(out, r#"<th scope="col">{}</th>"#, escape(h));
    }
    out.push_str("</tr></thead><tbody>");
    for row in &t.rows {
        out.push_str("<tr>");
        for cell in row {
            let class = if cell.numeric { r#" class="num""# } else { "" };
            let text = bdi(&cell.text);
            let inner = cell.href.as_deref().map_or(text.clone(), |h| a(h, &text));
            let _ = write!(out, "<td{class}>{inner}</td>");
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>");
    if !t.is_whole() {
        let _ = write!(
            out,
            r#"<p class="table-more" data-table-more="{}">The first {} of {} rows.<span class="screen-only"> “Show table” lists them all.</span></p>"#,
            t.total - t.rows.len(),
            t.rows.len(),
            t.total
        );
    }
    out
}

/// A chart's caption: its notes (why a year's sum and the figures part, why a flow does
/// not add up), what its sources are for, the links (folded when long), and for one theft's
/// flow its published splits over time.
pub fn caption(chart: &ChartData) -> String {
    let (kind, sources, notes) = (chart.kind(), chart.sources(), chart.notes());
    let mut out = String::new();
    let items: String = notes
        .iter()
        .map(|n| format!(r#"<li data-{}="{}">{}</li>"#, n.hook, escape(&n.key), bdi(&n.text)))
        .collect();
    match notes {
        [] => {}
        // One or two notes stand open; more are folded under a line naming what they are for.
        [_] | [_, _] => {
            let _ = write!(out, r#"<ul class="chart-notes">{items}</ul>"#);
        }
        notes => {
            let names: Vec<&str> = notes.iter().map(|n| n.name.as_str()).collect();
            let what = match kind {
                ChartKind::Yearly => "Why the listed sum and the publishers' figures part",
                _ => "Why these flows do not add up to their thefts",
            };
            let _ = write!(
                out,
                r#"<details class="chart-notes"><summary>{what}: {}</summary><ul class="chart-notes">{items}</ul></details>"#,
                escape(&names.join(", "))
            );
        }
    }
    let _ = write!(out, r#"<span class="sources-label">{}: </span>"#, escape(kind.sources_label()));
    let items: String = sources.iter().map(|s| format!("<li>{}</li>", source(s))).collect();
    match sources.len() {
        0 => out
            .push_str("<span>the incident sources, listed in the table and the incident table below.</span>"),
        1..=3 => {
            let _ = write!(out, r#"<ul class="sources">{items}</ul>"#);
        }
        n => {
            let _ = write!(
                out,
                r#"<details class="sources"><summary>{n} documents</summary><ul class="sources">{items}</ul></details>"#
            );
        }
    }
    if let Some(status) = chart.status() {
        out.push_str(&after::flow_status(status));
    }
    out
}

/// A chart's heading and buttons. `table_open` says whether its table is shown.
pub fn figure_head(kind: ChartKind, sel: &Selection, table_open: bool) -> String {
    let name = kind.name();
    let mut out =
        format!(r#"<h2 id="{name}-heading">{}</h2><div class="chart-actions">"#, escape(kind.heading()));
    match kind {
        ChartKind::Flows => out.push_str(&flow_picker(sel)),
        ChartKind::Figures => out.push_str(&figures_picker(sel)),
        _ => {}
    }
    let _ = write!(
        out,
        r#"<button type="button" class="table-toggle" {} aria-controls="{name}-table" aria-expanded="{table_open}">{}</button>"#,
        Action::Table.attr(),
        if table_open { "Hide table" } else { "Show table" }
    );
    out.push_str(&export_menu(kind));
    let _ = write!(
        out,
        r#"<button type="button" class="embed-toggle"{} data-export="{name}.embed">Embed</button></div>"#,
        Action::Embed.attr()
    );
    out
}

/// A chart's downloads: the framed SVG, PNGs at the report, slide and social sizes, and
/// its table as CSV, each with a `data-export` hook (`yearly.svg`, `yearly.slide.png`, …).
fn export_menu(kind: ChartKind) -> String {
    let name = kind.name();
    let mut out = format!(
        r#"<details class="export-menu"><summary>Download</summary><div class="export-list" role="group" aria-label="Download the {name} chart"><button type="button" class="download"{} data-export="{name}.svg">SVG image</button>"#,
        Action::Svg.attr()
    );
    for p in crate::exports::Preset::ALL {
        let hook =
            if p.slug().is_empty() { format!("{name}.png") } else { format!("{name}.{}.png", p.slug()) };
        let class = if p.slug().is_empty() { r#" class="download-png""# } else { "" };
        let _ = write!(
            out,
            r#"<button type="button"{class}{} data-preset="{}" data-export="{hook}">PNG, {}</button>"#,
            Action::Png.attr(),
            p.slug(),
            escape(p.label())
        );
    }
    let _ = write!(
        out,
        r#"<button type="button"{} data-export="{name}.csv">Table as CSV</button></div></details>"#,
        Action::Csv.attr()
    );
    out
}

fn flow_picker(sel: &Selection) -> String {
    let (choices, left_out) = sel.flow_choices(FLOW_CHOICES);
    let current = sel.view.flow.as_deref().unwrap_or("");
    let mut out = format!(
        r#"<label class="flow-picker">Show <select name="flow"><option value=""{}>All traced in view ({})</option>"#,
        selected(current.is_empty()),
        choices.len() + left_out
    );
    for (id, label) in &choices {
        let _ = write!(
            out,
            r#"<option value="{}"{}>{}</option>"#,
            escape(id),
            selected(current == id),
            escape(label)
        );
    }
    if left_out > 0 {
        let _ = write!(
            out,
            r#"<option disabled data-flow-more="{left_out}">{left_out} smaller ones: open one from the incident table</option>"#
        );
    }
    out.push_str("</select></label>");
    out
}

fn figures_picker(sel: &Selection) -> String {
    let current = sel.figures_year();
    let mut out = String::from(r#"<label class="flow-picker">For <select name="figures">"#);
    for y in crate::aggregate::published_years(&sel.data) {
        let _ = write!(out, r#"<option value="{y}"{}>{y}</option>"#, selected(current == Some(y)));
    }
    let _ = write!(
        out,
        r#"<option value="all"{}>Every period</option></select></label>"#,
        selected(current.is_none())
    );
    out
}

fn selected(on: bool) -> &'static str {
    if on {
        " selected"
    } else {
        ""
    }
}

/// A chart figure: its heading and buttons (`head`, from [`figure_head`]), the chart box
/// holding `drawing` (from [`drawing`] or [`svg_host`]), its caption and its table. Both
/// pages build every figure with it; the live page then replaces the parts a change touches.
pub fn figure(kind: ChartKind, head: &str, drawing: &str, caption: &str, table: &str) -> String {
    let name = kind.name();
    let brush = if kind == ChartKind::Timeline { " brushable" } else { "" };
    format!(
        r#"<figure data-chart="{name}" class="chart" aria-labelledby="{name}-heading"><div class="chart-head">{head}</div><div class="chart-box{brush}" tabindex="0" aria-label="{}. Use the arrow keys to move between marks; Enter selects an incident.">{drawing}</div><figcaption>{caption}</figcaption><div id="{name}-table" class="table-wrap visually-hidden">{}</div></figure>"#,
        escape(kind.heading()),
        out_of_tab_order(table),
    )
}

/// A folded table's markup with its links and buttons out of the tab order (screen readers
/// still read them; the live page puts them back when the table is shown). Data strings
/// are escaped, so every `<a ` and `<button ` is the markup's own.
fn out_of_tab_order(table: &str) -> String {
    table.replace("<a ", r#"<a tabindex="-1" "#).replace("<button ", r#"<button tabindex="-1" "#)
}

/// One drawing of a chart in its box; `class` names the screen class it is drawn for
/// (`v-light-wide`, `v-light-narrow`: the stylesheet shows one), empty for the live page's
/// one drawing.
pub fn svg_host(class: &str, svg: &str) -> String {
    let class = if class.is_empty() { String::new() } else { format!(" {class}") };
    format!(r#"<div class="svg-host{class}">{svg}</div>"#)
}

/// What a chart box holds: the drawing, or what went wrong in words.
pub fn drawing(svg: &Result<String, String>) -> String {
    match svg {
        Ok(svg) => svg_host("", svg),
        Err(e) => format!(r#"<p class="chart-error" role="alert">{}</p>"#, escape(e)),
    }
}

/// A chart box whose drawing waits for the box's size.
pub const DRAWING_PENDING: &str = r#"<p class="chart-placeholder">Loading…</p>"#;

/// The filter controls: their choices (from the data) and, when the view narrows the
/// dates on the timeline, a line saying so with a way to clear them. Every control starts
/// at "all": the live page sets their values from the view in force, so a change of view
/// never rewrites the control being used.
pub fn filters(sel: &Selection) -> String {
    let data = &sel.data;
    let (lo, hi) = data.years();
    // Built when the data changes, not on every change of view.
    let mut actors: Vec<&str> = data.incidents.iter().map(|i| i.actor.as_str()).collect();
    crate::sort::unique(&mut actors);
    let mut chains: Vec<&str> =
        data.incidents.iter().flat_map(|i| i.chains.iter().map(String::as_str)).collect();
    crate::sort::unique(&mut chains);
    let years: Vec<String> = (lo..=hi).map(|y| y.to_string()).collect();
    let year_refs: Vec<&str> = years.iter().map(String::as_str).collect();
    let mut out = String::from(r#"<h2 class="visually-hidden">Filters</h2><div class="filter-row">"#);
    out.push_str(&select("From ", "from", "All years", &year_refs));
    out.push_str(&select("To ", "to", "All years", &year_refs));
    out.push_str(&select_names("Actor ", "actor", "All actors", &actors));
    out.push_str(&select_names("Chain ", "chain", "All chains", &chains));
    let _ = write!(
        out,
        r#"<label class="search">Search <input type="search" name="q" placeholder="Victim, asset, actor…" value=""></label><button type="button" class="reset"{}>Clear filters</button></div>"#,
        Action::Reset.attr()
    );
    let categories = Category::ALL.map(|c| (c.slug(), c.label()));
    out.push_str(&checkboxes("Victim category", "category", &categories));
    let levels = Confidence::ALL.map(|c| (c.slug(), c.label()));
    out.push_str(&checkboxes("Attribution confidence", "confidence", &levels));
    if let Some((a, b)) = sel.view.filter.dates {
        let _ = write!(
            out,
            r#"<p class="date-range">Dates narrowed on the timeline to {} – {}. <button type="button"{}>Clear date range</button></p>"#,
            a.human(),
            b.human(),
            Action::ClearDates.attr()
        );
    }
    out
}

/// A fieldset of checkboxes named `name`, one per (value, label).
fn checkboxes(legend: &str, name: &str, items: &[(&str, &str)]) -> String {
    let mut out = format!(r#"<fieldset class="filter-row"><legend>{legend}</legend>"#);
    for (value, label) in items {
        let _ = write!(
            out,
            r#"<label class="check"><input type="checkbox" name="{name}" value="{value}">{label}</label>"#
        );
    }
    out.push_str("</fieldset>");
    out
}

fn select(label: &str, name: &str, all: &str, options: &[&str]) -> String {
    let mut out = format!(r#"<label>{label}<select name="{name}"><option value="">{all}</option>"#);
    for o in options {
        let _ = write!(out, r#"<option value="{0}">{0}</option>"#, escape(o));
    }
    out.push_str("</select></label>");
    out
}

/// Longest option text in a filter select, in characters: the select is as wide as its
/// longest option, and a name may be 300 characters long.
const OPTION_CHARS: usize = 48;

/// `s` cut to `max` characters with an ellipsis.
fn clipped(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((end, _)) => format!("{}…", &s[..end]),
        None => s.to_string(),
    }
}

/// A select of names from the data (actor, chain). Long names are cut in the option's text
/// only. Several values in force show as a first option naming them all
/// ([`several_names`]), which the live page adds and the reader cannot pick again but sees.
fn select_names(label: &str, name: &str, all: &str, options: &[&str]) -> String {
    let mut out = format!(r#"<label>{label}<select name="{name}"><option value="">{all}</option>"#);
    for o in options {
        let _ =
            write!(out, r#"<option value="{}">{}</option>"#, escape(o), escape(&clipped(o, OPTION_CHARS)));
    }
    out.push_str("</select></label>");
    out
}

/// The text of the option naming several chosen values ("A or B"), cut to fit a select.
pub fn several_names(chosen: &[String]) -> String {
    clipped(&chosen.join(" or "), OPTION_CHARS * 2)
}

fn sort_header(sel: &Selection, key: SortKey, label: &str) -> String {
    let active = sel.view.sort == key;
    let (aria, arrow) = match (active, sel.view.ascending) {
        (false, _) => ("none", ""),
        (true, true) => ("ascending", " ▲"),
        (true, false) => ("descending", " ▼"),
    };
    format!(
        r#"<th scope="col" aria-sort="{aria}"><button type="button" class="sort" data-sort="{}">{label}{arrow}</button></th>"#,
        key.slug()
    )
}

/// The incident table: every kept incident in the view's order, cut to [`TABLE_PAGE`]
/// rows unless `show_all`. Rows and sort buttons carry `data-incident` and `data-sort`
/// for the live page's click handler.
/// The incidents as files: those in view, and (when the view narrows them) all of them,
/// each as CSV and JSON with its sources; hooks `incidents.csv`, `incidents-all.json`, ….
fn incident_downloads(sel: &Selection) -> String {
    let mut out = String::from(r#"<p class="incident-downloads">Download "#);
    let mut sets = vec![("incidents", format!("the {} in view", sel.count()))];
    if sel.filtered() {
        sets.push(("incidents-all", format!("all {}", sel.data.incidents.len())));
    }
    for (k, (hook, words)) in sets.iter().enumerate() {
        if k > 0 {
            out.push_str(" · ");
        }
        let _ = write!(
            out,
            r#"{words}: <button type="button" class="link-button"{data} data-export="{hook}.csv">CSV</button> <button type="button" class="link-button"{data} data-export="{hook}.json">JSON</button>"#,
            data = Action::Data.attr()
        );
    }
    out.push_str("</p>");
    out
}

/// The incident table: sortable headers, one row per incident in view (the first
/// [`TABLE_PAGE`] unless `show_all`), and the downloads of the incidents.
pub fn incident_table(sel: &Selection, show_all: bool) -> String {
    let rows = sel.sorted();
    let count = rows.len();
    let selected_id = sel.view.incident.as_deref();
    let mut out = format!(
        r#"<h2 id="incidents-heading">Incidents ({count})</h2><div class="table-scroll"><table class="incident-table"><thead><tr>{}{}{}{}{}{}<th scope="col">Sources</th></tr></thead><tbody>"#,
        sort_header(sel, SortKey::Date, "Date"),
        sort_header(sel, SortKey::Victim, "Victim"),
        sort_header(sel, SortKey::Category, "Category"),
        sort_header(sel, SortKey::Usd, "Stolen (USD)"),
        sort_header(sel, SortKey::Actor, "Actor"),
        sort_header(sel, SortKey::Confidence, "Attribution"),
    );
    let limit = if show_all { usize::MAX } else { TABLE_PAGE };
    for i in rows.iter().take(limit) {
        incident_row(&mut out, &sel.data, i, selected_id == Some(i.id.as_str()), sel.changed(&i.id));
    }
    out.push_str("</tbody></table></div>");
    out.push_str(&incident_downloads(sel));
    if count > limit {
        let _ = write!(
            out,
            r#"<p class="more">Showing the first {TABLE_PAGE} of {count}. <button type="button"{}>Show all {count}</button></p>"#,
            Action::ShowAll.attr()
        );
    }
    out
}

/// The words beside a row changed since the release the view is compared with.
fn changed_tag(changed: &str) -> String {
    let words = if changed == "added" { "new since" } else { "revised since" };
    format!(r#" <span class="diff-tag">{words}</span>"#)
}

fn incident_row(out: &mut String, data: &Dataset, i: &Incident, selected: bool, changed: Option<&str>) {
    let range = match (i.usd_low, i.usd_high) {
        (Some(lo), Some(hi)) => format!(" ({}–{})", money(lo), money(hi)),
        _ => String::new(),
    };
    let sources: Vec<String> = data
        .strongest_first(&i.sources)
        .into_iter()
        .filter_map(|s| data.source(s))
        .take(2)
        .map(|s| {
            if s.url.starts_with("https://") || s.url.starts_with("http://") {
                format!(
                    r#"<a href="{}" target="_blank" rel="noopener noreferrer" title="{}">{}</a>{}"#,
                    escape(&s.url),
                    escape(&s.title),
                    bdi(&s.publisher),
                    kind_tag(s.kind)
                )
            } else {
                bdi(&s.publisher)
            }
        })
        .collect();
    let _ = write!(
        out,
        r#"<tr data-incident="{id}"{sel}{diff}><td>{date}</td><th scope="row"><button type="button" class="link" aria-haspopup="dialog" data-incident="{id}">{victim}</button>{tag}</th><td>{cat}</td><td class="num">{usd}<span class="range">{range}</span></td><td>{actor}</td><td>{conf}{contested}</td><td class="sources-cell">{sources}</td></tr>"#,
        id = escape(&i.id),
        sel = if selected { r#" class="selected""# } else { "" },
        diff = changed.map(|c| format!(r#" data-diff="{c}""#)).unwrap_or_default(),
        tag = changed.map(changed_tag).unwrap_or_default(),
        date = i.date.human(),
        victim = bdi(&i.victim),
        cat = i.category.label(),
        usd = money(i.usd),
        actor = bdi(&i.actor),
        conf = i.attribution.confidence.label(),
        contested = if i.attribution.contested { " (contested)" } else { "" },
        sources = sources.join(" "),
    );
}

/// "Data as of ... (release ...)", the evidence horizon (`[data-evidence]`), a link to what
/// changed and the picker of an earlier release to compare with, shown by the headline. The
/// picker starts at "none", like the filter controls: the live page shows the view in force
/// through its value.
pub fn release_line(data: &Dataset) -> String {
    let horizon = data
        .evidence_horizon
        .map(|h| {
            format!(
                r#" <span class="evidence" data-evidence="{h}">Newest evidence read: {}. Thefts and figures published after it may be missing.</span>"#,
                h.human()
            )
        })
        .unwrap_or_default();
    format!(
        r##"<p class="as-of" data-release="{}">Data as of {} (release {}).{horizon} <a href="#changes">What changed</a>{}</p>"##,
        escape(&data.release.id),
        data.as_of.human(),
        escape(&data.release.id),
        diff::since_picker(data)
    )
}

/// Each publisher's latest figure and when its next is expected (`[data-outlook]`), folded
/// under a line that counts the publishers whose next figure may already be out.
pub fn outlook(data: &Dataset) -> String {
    if data.outlook.is_empty() {
        return String::new();
    }
    let items: Vec<(bool, String)> = data.outlook.iter().map(|o| outlook_item(data, o, true)).collect();
    let due = items.iter().filter(|(due, _)| *due).count();
    let summary = match due {
        0 => "Publishers' latest figures and when the next are expected".to_string(),
        n => format!("Publishers' latest figures: {n} of {} may already have a newer one out", items.len()),
    };
    let list: String = items.into_iter().map(|(_, li)| li).collect();
    format!(r#"<details class="outlook" data-outlook><summary>{summary}</summary><ul>{list}</ul></details>"#)
}

/// The publishers' outlook unfolded, for paper (`[data-print-outlook]`).
pub fn outlook_list(data: &Dataset) -> String {
    if data.outlook.is_empty() {
        return String::new();
    }
    let list: String = data.outlook.iter().map(|o| outlook_item(data, o, false).1).collect();
    format!(
        r#"<section class="print-outlook" data-print-outlook><h2>Publishers' latest figures and when the next are expected</h2><ul>{list}</ul></section>"#
    )
}

/// One publisher's line, and whether its next figure may already be out (its window has
/// opened by the release day). `why` adds its cadence and the basis of the expectation
/// (the page has room for them; paper gets the figure and the window).
fn outlook_item(data: &Dataset, o: &crate::model::Outlook, why: bool) -> (bool, String) {
    let latest = data.reported_totals.iter().find(|t| t.id == o.latest);
    let figure = latest.map_or(String::new(), |t| {
        let amount = crate::format::amount(t.usd, t.usd_high, t.floor);
        let link = data
            .source(&t.source)
            .map(|s| format!("{}{}", a(&s.url, "source"), kind_tag_of(s.kind, s.copy_of.as_deref())))
            .unwrap_or_default();
        format!(
            " latest read {amount} for {} ({}), published {} {link}.",
            escape(&t.window()),
            t.nature().label().to_ascii_lowercase(),
            t.published.human()
        )
    });
    let (due, next) = match (o.next_from, o.next_to) {
        (Some(from), Some(to)) => {
            let status = match data.evidence_horizon {
                Some(h) if to < h => {
                    format!(" It was due by {}; none was found in the evidence read.", to.human())
                }
                _ if from <= data.release.date => {
                    let read = data
                        .evidence_horizon
                        .map(|h| format!("; the evidence read ends {}", h.human()))
                        .unwrap_or_default();
                    format!(
                        " <strong>It may already be out</strong>: the window opened {}{read}.",
                        from.human()
                    )
                }
                _ => String::new(),
            };
            (
                from <= data.release.date,
                format!("Next: {}, expected {} – {}.{status}", bdi(&o.next), from.human(), to.human()),
            )
        }
        _ => (false, format!("Next: {}.", bdi(&o.next))),
    };
    let cadence = if why {
        format!(r#" <span class="cadence">{} {}</span>"#, bdi(&o.cadence), bdi(&o.basis))
    } else {
        String::new()
    };
    let li = format!(
        r#"<li data-publisher="{}"><strong>{}</strong>:{figure} {next}{cadence}</li>"#,
        escape(&o.publisher),
        bdi(&o.publisher)
    );
    (due, li)
}

/// The change log, newest first ([`diff::release_log`]).
pub fn changes(data: &Dataset) -> String {
    format!(r#"<summary>What changed: the release log</summary>{}"#, diff::release_log(data))
}

/// The published figures, all of them, folded under the charts.
pub fn published_figures(data: &Dataset) -> String {
    format!(
        r#"<summary>All published figures ({}), including revised and multi-year ones</summary>{}"#,
        data.reported_totals.len(),
        table(&crate::tables::reported(data))
    )
}

/// The inside of the detail panel for an incident: every field, its sources, enforcement
/// actions and (when traced) its laundering flow.
pub fn detail(data: &Dataset, i: &Incident, flow: Option<&Chart>) -> String {
    let range = match (i.usd_low, i.usd_high) {
        (Some(lo), Some(hi)) => format!("; published estimates range {} to {}", money(lo), money(hi)),
        (Some(lo), None) => format!("; published estimates range at least {}", money(lo)),
        (None, Some(hi)) => format!("; published estimates range up to {}", money(hi)),
        (None, None) => String::new(),
    };
    let mut out = format!(
        r#"<div class="detail-head"><h2 id="detail-heading" tabindex="-1">{}, {}</h2><button type="button" class="close"{} aria-label="Close the incident details">Close</button></div><p class="summary">{}</p><dl class="facts">"#,
        bdi(&i.victim),
        i.date.human(),
        Action::Close.attr(),
        bdi(&i.summary)
    );
    let mut fact = |term: &str, value: String| {
        let _ = write!(out, "<dt>{term}</dt><dd>{value}</dd>");
    };
    fact("Stolen", format!("{} ({}){range}", money(i.usd), dollars_exact(i.usd)));
    if let Some(n) = &i.amount_note {
        fact("On the amount", bdi(n));
    }
    let date_note = i.date_note.as_deref().map(|n| format!(" ({})", bdi(n))).unwrap_or_default();
    fact("Date", format!("{}{date_note}", i.date.human()));
    fact("Victim category", i.category.label().to_string());
    fact("Chains", bdi(&i.chains.join(", ")));
    fact("Assets", bdi(&i.assets.join(", ")));
    fact("Attack vector", format!("{}: {}", i.vector.label(), bdi(&i.vector_detail)));
    fact("Actor", bdi(&i.actor));
    let note = i.attribution.note.as_deref().map(|n| format!(". {}", bdi(n))).unwrap_or_default();
    fact(
        "Attribution",
        format!(
            "{} — {}{}{note}",
            bdi(&i.attribution.by.join(", ")),
            i.attribution.confidence.label(),
            if i.attribution.contested { " — contested" } else { "" }
        ),
    );
    if let Some(r) = i.recovered_usd {
        fact("Frozen or recovered", money(r));
    }
    if let Some(n) = &i.recovered_note {
        fact("On recovery", bdi(n));
    }
    out.push_str(r#"</dl><h3>Sources</h3><ul class="source-list">"#);
    for id in data.strongest_first(&i.sources) {
        match data.source(id) {
            Some(s) => {
                let date = s.date.map(|d| format!(", {}", d.human())).unwrap_or_default();
                let _ = write!(
                    out,
                    "<li>{} — {}{date}{}</li>",
                    a(&s.url, &bdi(&s.title)),
                    bdi(&s.publisher),
                    kind_tag_of(s.kind, s.copy_of.as_deref())
                );
            }
            None => {
                let _ = write!(out, "<li>{}</li>", bdi(id));
            }
        }
    }
    out.push_str("</ul>");
    let actions: Vec<_> = data.enforcement.iter().filter(|e| e.incidents.contains(&i.id)).collect();
    if !actions.is_empty() {
        out.push_str("<h3>Enforcement</h3><ul>");
        for e in actions {
            let link = data.source(&e.source).map(|s| a(&s.url, "source")).unwrap_or_default();
            let _ =
                write!(out, "<li>{}: {} ({}) {link}</li>", e.date.human(), bdi(&e.title), bdi(&e.authority));
        }
        out.push_str("</ul>");
    }
    out.push_str(&after::incident(data, i));
    if let Some(chart) = flow {
        let _ = write!(
            out,
            r#"<section class="detail-flow" data-detail-flow="{}"><h3>Laundering flow</h3>"#,
            escape(&i.id)
        );
        match &chart.svg {
            Ok(svg) => {
                let _ = write!(out, r#"<div class="svg-host">{svg}</div>"#);
            }
            Err(e) => {
                let _ = write!(out, r#"<p class="chart-error" role="alert">{}</p>"#, escape(e));
            }
        }
        let _ = write!(out, "<details><summary>Flow as a table</summary>{}</details>", table(&chart.table));
        if let Some(status) = &chart.status {
            out.push_str(&after::flow_status(status));
        }
        out.push_str("</section>");
    }
    out
}

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
            r#"<a href="{}" download="heist-ledger-incidents-{}.json">Download the data</a> · "#,
            escape(data_url),
            escape(&data.release.id)
        )
    } else {
        String::new()
    };
    // The release's data package sits beside its page (the build writes one per release);
    // another dataset has none.
    let package = if is_site_path(data_url) && data_url.ends_with("data/incidents.json") {
        format!(
            r#"<a href="package/{}" data-export="package">Data package (CSV tables and datapackage.json, zip)</a> · "#,
            escape(&crate::release::package_name(&data.release.id))
        )
    } else {
        String::new()
    };
    let mut out = format!(
        r#"<p><strong>{}</strong>, checked against its sources as of {} (release {}){}. {} incidents, {} sources. {download}{package}<a href="data/incidents.schema.json">Schema</a></p>"#,
        bdi(&data.title),
        data.as_of.human(),
        escape(&data.release.id),
        data.evidence_horizon
            .map(|h| format!("; the newest evidence read is of {}", h.human()))
            .unwrap_or_default(),
        data.incidents.len(),
        data.sources.len()
    );
    if let Some(n) = &data.notes {
        let _ = write!(out, r#"<p class="notes">{}</p>"#, bdi(n));
    }
    out
}

/// The page header: title, tagline, the print buttons (kept invisible until the live page
/// can act on them) and the theme button (its label follows the theme in force through the
/// stylesheet, so the static page and the live one read the same).
pub fn header() -> String {
    format!(
        r#"<div class="title"><h1>Heist Ledger</h1><p class="tagline">Cryptocurrency thefts attributed to North Korea: how much, when, and where the money went. Every figure links to its source.</p></div><div class="print-controls" role="group" aria-label="Print"><button type="button" data-print="pack">Print briefing pack</button><button type="button" data-print="charts">Print charts only</button></div><button type="button" class="theme-toggle"{}><span class="when-light">Dark theme</span><span class="when-dark">Light theme</span></button>"#,
        Action::Theme.attr()
    )
}

/// The skip link and the page header, which stay on the page from the first view on (the
/// live app attaches to them rather than drawing them again).
pub fn page_header() -> String {
    format!(
        r##"<a class="skip" href="#charts">Skip to the charts</a><header class="page-header">{}</header>"##,
        header()
    )
}

/// The form that loads another dataset.
pub fn data_form(data_url: &str) -> String {
    format!(
        r#"<form class="data-source"><label>Load another dataset of the same schema (address on this site): <input type="text" name="data" value="{}" spellcheck="false"></label><button type="submit">Load</button></form>"#,
        escape(data_url)
    )
}

/// The closing line of the footer.
pub const FOOTER_NOTE: &str = "Amounts are US dollars at the time of each theft. Attribution confidence: official (a government or UN body), research firm, or suspected.";

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
    fn tags(self) -> (&'static str, &'static str) {
        match self {
            Section::Headline => {
                (r#"<section class="headline" aria-label="Headline figures">"#, "</section>")
            }
            Section::Filters => {
                (r#"<section id="filters" class="filters" aria-label="Filters">"#, "</section>")
            }
            Section::After => {
                (r#"<section class="after" data-after aria-labelledby="after-heading">"#, "</section>")
            }
            Section::Published => (r#"<details class="published-figures">"#, "</details>"),
            Section::Changes => (r#"<details id="changes" class="changes">"#, "</details>"),
            Section::Incidents => {
                (r#"<section class="incidents" aria-labelledby="incidents-heading">"#, "</section>")
            }
            Section::Footer => (r#"<footer class="page-footer">"#, "</footer>"),
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
        format!("<p>{FOOTER_NOTE}</p>")
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
    out.push_str(r#"<noscript><p class="notices">JavaScript is off: this is the default view, complete with its sources. Filtering, sorting, the incident details, tooltips, the timeline brush, downloads, comparing with an earlier release and loading another dataset need JavaScript.</p></noscript>"#);
    for slot in [Slot::Release, Slot::Notices, Slot::Progress, Slot::Error] {
        out.push_str(&slot.empty());
    }
    out.push_str(&section(Section::Headline, headline));
    // On a phone the header's print and theme buttons stand here, after the headline.
    out.push_str(r#"<div class="phone-tools" data-phone-tools></div>"#);
    out.push_str(&Slot::Diff.empty());
    // On a phone the filters fold behind this button, which names the filter in force.
    out.push_str(r#"<button type="button" class="filters-toggle" aria-expanded="false" aria-controls="filters">Filters: <span data-filter-summary>All incidents</span></button>"#);
    out.push_str(&section(Section::Filters, filters));
    let _ = write!(
        out,
        r#"<section id="charts" class="charts" aria-label="Charts" tabindex="-1">{figures}</section>"#
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
    match drawn_from {
        Some(f) => format!(
            r#"<div id="static" data-drawn-from="{}" data-source="{}">{body}</div>"#,
            escape(f),
            escape(data_url)
        ),
        None => format!(r#"<div id="static">{body}</div>"#),
    }
}
