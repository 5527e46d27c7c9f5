//! A chart's figure as markup: its heading and buttons (export menu, flow and figures
//! pickers), the chart box, its caption and its table.

use std::fmt::Write;

use crate::html::action::Action;
use crate::html::after;
use crate::html::common::{a, bdi, selected, source};
use crate::phrase::t;
use crate::pipeline::{ChartData, ChartKind, Selection};
use crate::render::svg::escape;
use crate::tables::Table;

/// Most flows the flow picker lists by name (the largest thefts; the rest are one click
/// away in the incident table, whose detail panel draws each one's flow).
pub const FLOW_CHOICES: usize = 200;

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
            let what = t(match kind {
                ChartKind::Yearly => "chart.notes_yearly",
                _ => "chart.notes_flows",
            });
            let _ = write!(
                out,
                r#"<details class="chart-notes"><summary>{what}: {}</summary><ul class="chart-notes">{items}</ul></details>"#,
                escape(&names.join(", "))
            );
        }
    }
    let _ = write!(out, r#"<span class="sources-label">{}: </span>"#, escape(&kind.sources_label()));
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
        format!(r#"<h2 id="{name}-heading">{}</h2><div class="chart-actions">"#, escape(&kind.heading()));
    match kind {
        ChartKind::Flows => out.push_str(&flow_picker(sel)),
        ChartKind::Figures => out.push_str(&figures_picker(sel)),
        _ => {}
    }
    let _ = write!(
        out,
        r#"<button type="button" class="table-toggle" {} aria-controls="{name}-table" aria-expanded="{table_open}">{}</button>"#,
        Action::Table.attr(),
        if table_open { t("chart.hide_table") } else { t("chart.show_table") }
    );
    out.push_str(&export_menu(kind));
    let _ = write!(
        out,
        r#"<button type="button" class="embed-toggle"{} data-export="{name}.embed">{}</button></div>"#,
        Action::Embed.attr(),
        t("chart.embed")
    );
    out
}

/// A chart's downloads: the framed SVG, PNGs at the report, slide and social sizes, and
/// its table as CSV, each with a `data-export` hook (`yearly.svg`, `yearly.slide.png`, …).
fn export_menu(kind: ChartKind) -> String {
    let name = kind.name();
    let mut out = format!(
        r#"<details class="export-menu"><summary>{}</summary><div class="export-list" role="group" aria-label="{}"><button type="button" class="download"{} data-export="{name}.svg">{}</button>"#,
        t("chart.download"),
        escape(&crate::phrase::fill("chart.download_group", &[("chart", name)])),
        Action::Svg.attr(),
        t("chart.svg_image")
    );
    for p in crate::exports::Preset::ALL {
        let hook =
            if p.slug().is_empty() { format!("{name}.png") } else { format!("{name}.{}.png", p.slug()) };
        let class = if p.slug().is_empty() { r#" class="download-png""# } else { "" };
        let _ = write!(
            out,
            r#"<button type="button"{class}{} data-preset="{}" data-export="{hook}">{}</button>"#,
            Action::Png.attr(),
            p.slug(),
            escape(&crate::phrase::fill("chart.png", &[("preset", &preset_label(p))]))
        );
    }
    let _ = write!(
        out,
        r#"<button type="button"{} data-export="{name}.csv">{}</button></div></details>"#,
        Action::Csv.attr(),
        t("chart.table_csv")
    );
    out
}

/// An image size's name in the words in force ("report, 1000 px wide").
fn preset_label(p: crate::exports::Preset) -> String {
    use crate::exports::Preset;
    t(match p {
        Preset::Report => "chart.preset.report",
        Preset::Slide => "chart.preset.slide",
        Preset::Social => "chart.preset.social",
    })
}

fn flow_picker(sel: &Selection) -> String {
    let (choices, left_out) = sel.flow_choices(FLOW_CHOICES);
    let current = sel.view.flow.as_deref().unwrap_or("");
    let all = crate::phrase::integer((choices.len() + left_out) as i64);
    let mut out = format!(
        r#"<label class="flow-picker">{} <select name="flow"><option value=""{}>{}</option>"#,
        escape(&t("chart.flow_show")),
        selected(current.is_empty()),
        escape(&crate::phrase::fill("chart.flow_all", &[("n", &all)]))
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
            r#"<option disabled data-flow-more="{left_out}">{}</option>"#,
            escape(&crate::phrase::fill(
                "chart.flow_more",
                &[("n", &crate::phrase::integer(left_out as i64))]
            ))
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

/// A chart figure: its heading and buttons (`head`, from [`figure_head`]), the chart box
/// holding `drawing` (from [`drawing`] or [`svg_host`]), its caption and its table. Both
/// pages build every figure with it; the live page then replaces the parts a change touches.
pub fn figure(kind: ChartKind, head: &str, drawing: &str, caption: &str, table: &str) -> String {
    let name = kind.name();
    let brush = if kind == ChartKind::Timeline { " brushable" } else { "" };
    format!(
        r#"<figure data-chart="{name}" class="chart" aria-labelledby="{name}-heading"><div class="chart-head">{head}</div><div class="chart-box{brush}" tabindex="0" aria-label="{}. Use the arrow keys to move between marks; Enter selects an incident.">{drawing}</div><figcaption>{caption}</figcaption><div id="{name}-table" class="table-wrap visually-hidden">{}</div></figure>"#,
        escape(&kind.heading()),
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
