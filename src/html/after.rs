//! After the theft, as markup: each year's thefts beside what was frozen, seized, recovered
//! and returned of them (`section[data-after]`), the events of one theft in its detail panel
//! (`[data-detail-after]`), and a flow's published splits over time (`[data-flow-status]`).
//! The words are small named functions, so the phrasing layer can take them over.

use std::fmt::Write;

use crate::after::{self, Tally, Years};
use crate::format::{money, percent, percent_fine};
use crate::html::common::{a, bdi, kind_tag_of};
use crate::model::{Cooperation, Dataset, Incident, StatusMeasure};
use crate::pipeline::{ChartStatus, Selection};
use crate::render::svg::escape;
use crate::status::{self, FlowStatus};

/// The heading of the yearly section.
fn years_heading() -> &'static str {
    "After the theft: frozen, seized, recovered, returned"
}

/// The yearly table's caption.
fn years_caption() -> &'static str {
    "Each year's thefts, and what was frozen, seized, recovered and returned of them"
}

/// What the yearly section counts, and how.
fn years_method() -> &'static str {
    "Counted by the year of the theft, whenever the freeze or recovery came. Each dollar is counted once: an amount that sits inside another event (Binance's share of the US seizure of Ronin funds, a court notice on ETH already frozen) is not added again. Frozen or seized money is held, not returned: only what a source says reached the victim counts as returned."
}

/// The sentence that makes the gap between held and returned plain.
fn gap_sentence(t: &Tally, stolen: f64) -> String {
    if t.is_empty() {
        return "No freeze, seizure, recovery or refusal is recorded for the thefts in view.".to_string();
    }
    let share = |part: f64, whole: f64| if whole > 0.0 { percent(part / whole) } else { "n/a".to_string() };
    let mut s = format!(
        "Of the {} stolen in the thefts in view, {} was frozen, seized or recovered afterwards ({}); {} of it ({}) is reported returned to the victims, and {} is held or not reported returned.",
        money(stolen),
        money(t.held),
        share(t.held, stolen),
        money(t.returned),
        share(t.returned, t.held),
        money(t.not_returned())
    );
    if t.uncounted > 0 {
        let _ = write!(
            s,
            " {} more {} no amount or sit inside another.",
            t.uncounted,
            plural(t.uncounted, "event states", "events state")
        );
    }
    if t.refusals > 0 {
        let _ =
            write!(s, " {} {} to act.", t.refusals, plural(t.refusals, "actor refused", "actors refused"));
    }
    s
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 {
        one
    } else {
        many
    }
}

/// The headers of the yearly table.
fn years_headers() -> [&'static str; 8] {
    [
        "Year of theft",
        "Thefts",
        "Stolen",
        "Frozen, seized or recovered",
        "Returned to the victim",
        "Held or not reported returned",
        "Events without an amount; refusals",
        "Stolen (bar), held (dark), returned (light)",
    ]
}

/// A bar the width of the table cell: stolen, and within it held, and within that returned,
/// on one dollar scale (`max` is the largest year's theft).
fn bar(stolen: f64, t: &Tally, max: f64) -> String {
    let w = |v: f64| if max > 0.0 { (v / max * 1000.0).clamp(0.0, 1000.0) } else { 0.0 };
    format!(
        r#"<svg class="after-bar" viewBox="0 0 1000 12" preserveAspectRatio="none" aria-hidden="true" focusable="false"><rect class="stolen" width="{:.1}" height="12"/><rect class="held" width="{:.1}" height="12"/><rect class="returned" width="{:.1}" height="12"/></svg>"#,
        w(stolen),
        w(t.held),
        w(t.returned)
    )
}

/// One year's row.
fn year_row(r: &after::YearRow, max: f64) -> String {
    let held_share =
        if r.stolen > 0.0 { format!(" ({})", percent(r.tally.held / r.stolen)) } else { String::new() };
    format!(
        r#"<tr data-year="{y}"><th scope="row">{y}</th><td class="num">{}</td><td class="num">{}</td><td class="num">{}{held_share}</td><td class="num">{}</td><td class="num">{}</td><td class="num">{}; {}</td><td class="bar-cell">{}</td></tr>"#,
        r.thefts,
        money(r.stolen),
        money(r.tally.held),
        money(r.tally.returned),
        money(r.tally.not_returned()),
        r.tally.uncounted,
        r.tally.refusals,
        bar(r.stolen, &r.tally, max),
        y = r.year
    )
}

/// The events that no single year of theft holds, listed.
fn apart_list(data: &Dataset, years: &Years) -> String {
    if years.apart.is_empty() {
        return String::new();
    }
    let items: String = years.apart.iter().map(|e| event_item(data, e)).collect();
    format!(
        r#"<details class="after-apart" data-after-apart="{}"><summary>{} tied to no single theft or to thefts of several years: {} held, {} returned</summary><ul class="after-events">{items}</ul></details>"#,
        years.apart.len(),
        years.apart.len(),
        money(years.apart_tally.held),
        money(years.apart_tally.returned)
    )
}

/// The yearly section: the gap sentence, a row per year of theft, and the events apart.
pub fn years(sel: &Selection) -> String {
    let incidents = sel.incidents();
    let years = after::by_year(&sel.data, &incidents, sel.span, after::shows_untied(&sel.view.filter));
    let stolen: f64 = years.rows.iter().map(|r| r.stolen).sum();
    let max = years.rows.iter().map(|r| r.stolen.max(r.tally.held)).fold(0.0, f64::max);
    let total = years.total();
    let mut out = format!(
        r#"<h2 id="after-heading">{}</h2><p class="after-gap" data-after-gap data-held="{}" data-returned="{}">{}</p>"#,
        escape(years_heading()),
        total.held,
        total.returned,
        escape(&gap_sentence(&total, stolen))
    );
    let _ = write!(
        out,
        r#"<div class="table-scroll"><table data-table="after"><caption>{}</caption><thead><tr>"#,
        escape(years_caption())
    );
    for h in years_headers() {
        let _ = write!(out, r#"<th scope="col">{}</th>"#, escape(h));
    }
    out.push_str("</tr></thead><tbody>");
    for r in years.rows.iter().filter(|r| r.thefts > 0 || !r.tally.is_empty()) {
        out.push_str(&year_row(r, max));
    }
    out.push_str("</tbody></table></div>");
    out.push_str(&apart_list(&sel.data, &years));
    let _ = write!(out, r#"<p class="note">{}</p>"#, escape(years_method()));
    out
}

/// An event's amount in words: "$30M", "more than $5.3M", "no amount stated".
fn amount_words(e: &Cooperation) -> String {
    match (e.usd, e.floor) {
        (Some(usd), true) => format!("more than {}", money(usd)),
        (Some(usd), false) => money(usd),
        (None, _) => "no amount stated".to_string(),
    }
}

/// One event as a list item: date, what happened and by whom, the amount, whether it is
/// counted within another, how long after the theft, its summary, source and quote.
pub(crate) fn event_item(data: &Dataset, e: &Cooperation) -> String {
    let reported = if e.date_basis == crate::model::DateBasis::Report { " (reported)" } else { "" };
    let within = e.within.as_deref().map(|w| format!(" Counted within {}.", bdi(w))).unwrap_or_default();
    let response = e.response.as_deref().map(|r| format!(" Response: {}.", bdi(r))).unwrap_or_default();
    let when = e.date_note.as_deref().map(|n| format!(" {}", bdi(n))).unwrap_or_default();
    let note =
        e.note.as_deref().map(|n| format!(r#" <span class="note">{}</span>"#, bdi(n))).unwrap_or_default();
    let source = data
        .strongest_first(&e.sources)
        .first()
        .and_then(|id| data.source(id))
        .map(|s| format!(" {}{}", a(&s.url, &bdi(&s.publisher)), kind_tag_of(s.kind, s.copy_of.as_deref())))
        .unwrap_or_default();
    format!(
        r#"<li data-coop="{}" data-kind="{}" data-returned="{}"><strong>{}{reported}</strong>: {} by {}, {}.{within}{response} {}{when}{note}{source} <q>{}</q></li>"#,
        escape(&e.id),
        e.kind.slug(),
        e.returned,
        e.date.human(),
        after::outcome(e),
        bdi(&e.actor),
        amount_words(e),
        bdi(&e.summary),
        bdi(unquoted(&e.quote))
    )
}

/// The events of one theft for its detail panel, with what they add up to.
pub fn incident(data: &Dataset, i: &Incident) -> String {
    let (events, t) = after::for_incident(data, &i.id);
    if events.is_empty() {
        return String::new();
    }
    let items: String = events.iter().map(|e| event_item(data, e)).collect();
    format!(
        r#"<section class="detail-after" data-detail-after="{}"><h3>After the theft</h3><p data-after-gap>{}</p><ul class="after-events">{items}</ul></section>"#,
        escape(&i.id),
        escape(&incident_gap(&t, i.usd))
    )
}

/// One theft's gap, in words.
fn incident_gap(t: &Tally, stolen: f64) -> String {
    let held =
        if stolen > 0.0 { format!(" ({} of the theft)", percent(t.held / stolen)) } else { String::new() };
    format!(
        "Frozen, seized or recovered: {}{held}; returned to the victim: {}; held or not reported returned: {}.",
        money(t.held),
        money(t.returned),
        money(t.not_returned())
    )
}

/// A share cell: the share (derived ones marked), and the dollars where stated.
fn measure_cell(m: &status::Measure) -> String {
    let share = match (m.share, m.derived) {
        (Some(s), false) => percent_fine(s),
        (Some(s), true) => format!("{} (derived)", percent_fine(s)),
        (None, _) => "—".to_string(),
    };
    match m.usd {
        Some(usd) => format!("{share}<br>{}", money(usd)),
        None => share,
    }
}

/// One split as a small 100% bar: traceable, gone dark, frozen, recovered (derived shares
/// drawn faded), the rest unaccounted for.
fn status_bar(row: &status::Row) -> String {
    let mut x = 0.0;
    let mut rects = String::new();
    for (m, measure) in StatusMeasure::ALL.iter().zip(row.measures.iter()) {
        if let Some(share) = measure.share {
            let w = (share * 1000.0).clamp(0.0, 1000.0 - x);
            let derived = if measure.derived { " derived" } else { "" };
            let _ = write!(
                rects,
                r#"<rect class="{}{derived}" x="{x:.1}" width="{w:.1}" height="12"/>"#,
                m.slug()
            );
            x += w;
        }
    }
    format!(
        r#"<svg class="status-bar" viewBox="0 0 1000 12" preserveAspectRatio="none" aria-hidden="true" focusable="false"><rect class="rest" width="1000" height="12"/>{rects}</svg>"#
    )
}

/// A quote without the quotation marks around it (the page adds its own).
pub(crate) fn unquoted(q: &str) -> &str {
    q.trim().trim_matches(|c| matches!(c, '"' | '\u{201c}' | '\u{201d}'))
}

/// The stages of a split, in words.
fn stages(row: &status::Row) -> String {
    let items: Vec<String> = row
        .stages
        .iter()
        .map(|(label, share, usd)| {
            let bits: Vec<String> = share.map(percent_fine).into_iter().chain(usd.map(money)).collect();
            format!("{}: {}", bdi(label), bits.join(", "))
        })
        .collect();
    if items.is_empty() {
        "—".to_string()
    } else {
        items.join("; ")
    }
}

/// The heading of a flow's status history.
fn status_heading(victim: &str) -> String {
    format!("How the {victim} split was published over time")
}

/// What the status history shows, and what a derived share is.
fn status_method() -> &'static str {
    "Each row is a split a source published on that day, as shares and dollars where it gave them; a share marked derived is the stated dollars divided by the theft value. The bar reads left to right: still traceable, gone dark, frozen or seized, recovered; grey is what the split does not account for."
}

/// A flow's published splits by date: a bar per date (small multiples) and the table, each
/// row sourced (`section[data-flow-status=INCIDENT]`, rows `tr[data-status-date]`).
pub fn flow_status(cs: &ChartStatus) -> String {
    let s: &FlowStatus = &cs.status;
    let mut out = format!(
        r#"<section class="flow-status" data-flow-status="{}"><h3>{}</h3><div class="table-scroll"><table data-table="status"><thead><tr><th scope="col">Date</th>"#,
        escape(&s.incident),
        escape(&status_heading(&s.victim))
    );
    for m in StatusMeasure::ALL {
        let _ = write!(out, r#"<th scope="col">{}</th>"#, status::measure_label(m));
    }
    out.push_str(r#"<th scope="col">Split</th><th scope="col">Stages</th><th scope="col">Source</th></tr></thead><tbody>"#);
    for (row, link) in s.rows.iter().zip(&cs.sources) {
        let drawn = if row.drawn { r#" data-drawn="true""# } else { "" };
        let reported = if row.reported { " (reported)" } else { "" };
        let chart = if row.drawn { " · drawn above" } else { "" };
        let source = link
            .as_ref()
            .map(|src| {
                format!(
                    "{}{}",
                    a(&src.url, &bdi(&src.publisher)),
                    kind_tag_of(src.kind, src.copy_of.as_deref())
                )
            })
            .unwrap_or_default();
        let _ = write!(
            out,
            r#"<tr data-status-date="{}"{drawn}><th scope="row">{}{reported}{chart}</th>"#,
            row.date,
            row.date.human()
        );
        for m in &row.measures {
            let _ = write!(out, r#"<td class="num">{}</td>"#, measure_cell(m));
        }
        let _ = write!(
            out,
            r#"<td class="bar-cell">{}</td><td>{}</td><td>{source}</td></tr>"#,
            status_bar(row),
            stages(row)
        );
        // The row's notes and quote under it, across the table.
        let notes: String = [
            row.basis.as_deref().map(|b| format!("Shares of {b}.")),
            row.note.clone(),
            row.date_note.clone(),
        ]
        .into_iter()
        .flatten()
        .map(|n| format!("{} ", bdi(&n)))
        .collect();
        let _ = write!(
            out,
            r#"<tr class="status-notes" data-status-notes="{}"><td colspan="8">{notes}<q>{}</q></td></tr>"#,
            row.date,
            bdi(unquoted(&row.quote))
        );
    }
    let _ = write!(out, r#"</tbody></table></div><p class="note">{}</p></section>"#, escape(status_method()));
    out
}
