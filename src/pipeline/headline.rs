//! The headline figures of a selection, the filter's result in one line, and the line that
//! dates the data.

use crate::aggregate;
use crate::format::{money, percent};
use crate::model::Dataset;
use crate::pipeline::links::{source_link, SourceLink};
use crate::pipeline::selection::Selection;

/// "Data as of 1 Dec 2026 (release 2026-12-02); newest evidence read 5 Jul 2026": the line
/// every place that dates the data carries (page, embeds, images, print, citations). A
/// dataset without an evidence horizon (schema version 2) gets the first half alone.
pub fn dated(data: &Dataset) -> String {
    let base = format!("Data as of {} (release {})", data.as_of.human(), data.release.id);
    match data.evidence_horizon {
        Some(h) => format!("{base}; newest evidence read {}", h.human()),
        None => base,
    }
}

/// One headline figure, in words.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// What it is ("Stolen, 2017–2025").
    pub label: String,
    /// The value as it reads ("$6.1B").
    pub value: String,
    /// The rest of the line after the value (victim and date, publisher and years).
    pub detail: Option<String>,
    /// `data-headline` hook for tests and embedders.
    pub hook: Option<&'static str>,
    /// The note under it.
    pub note: Option<String>,
    /// Sources behind it.
    pub sources: Vec<SourceLink>,
}

/// A filter's result in one line, for the page's polite status line to announce: "12
/// incidents, $1.23B, 2024–2025" (a brushed range by its dates; "1 incident" in the
/// singular).
pub fn result_summary(sel: &Selection) -> String {
    let incidents = sel.incidents();
    let h = aggregate::headline(&sel.data, &incidents, sel.span);
    let span = match sel.view.filter.dates {
        Some((a, b)) => format!("{} – {}", a.human(), b.human()),
        None => year_span_label(sel.span),
    };
    let noun = if h.count == 1 { "incident" } else { "incidents" };
    format!("{} {noun}, {}, {span}", h.count, money(h.total_usd))
}

/// The headline figures of the selection: total, count, largest heist, DPRK share.
pub fn headline(sel: &Selection) -> Vec<Figure> {
    let data = &sel.data;
    let incidents = sel.incidents();
    let h = aggregate::headline(data, &incidents, sel.span);
    // A brushed range is named by its dates: its years would claim whole calendar years.
    let years = match sel.view.filter.dates {
        Some((a, b)) => format!("{} – {}", a.human(), b.human()),
        None => year_span_label(sel.span),
    };
    let mut figures = vec![
        Figure {
            label: format!("Stolen, {years}"),
            value: money(h.total_usd),
            detail: None,
            hook: Some("total"),
            note: Some("Sum of the incidents in view; each row of the table below links its sources.".into()),
            sources: vec![],
        },
        Figure {
            label: "Incidents".into(),
            value: h.count.to_string(),
            detail: None,
            hook: Some("count"),
            note: Some(
                "Attributed to DPRK-linked actors by officials, research firms or investigators (see confidence)."
                    .into(),
            ),
            sources: vec![],
        },
    ];
    if let Some(i) = h.largest.as_deref().and_then(|id| data.incident(id)) {
        figures.push(Figure {
            label: "Largest heist".into(),
            value: money(i.usd),
            detail: Some(format!("{}, {}", i.victim, i.date.human())),
            hook: Some("largest"),
            note: None,
            sources: best_source(data, &i.sources).into_iter().collect(),
        });
    }
    if let Some(s) = h.dprk_share {
        let sources = data
            .reported_totals
            .iter()
            .find(|t| t.id == s.total)
            .and_then(|t| source_link(data, &t.source))
            .into_iter()
            .collect();
        // "in 2024", "in 2025 (January through early December)", "for 1 Jan – 30 Jun 2026".
        let when = if s.window.starts_with(&s.year.to_string()) { "in" } else { "for" };
        let (detail, note) = if s.stated {
            (format!("{when} {} ({}, as published)", s.window, s.publisher), None)
        } else {
            (
                format!("{when} {} ({}, derived)", s.window, s.publisher),
                s.basis.map(|b| format!("Derived, not stated: {b}.")),
            )
        };
        figures.push(Figure {
            label: "DPRK share of all crypto theft".into(),
            value: percent(s.share),
            detail: Some(detail),
            hook: Some("share"),
            note,
            sources,
        });
    }
    figures
}

/// The source a headline cites for a record: its strongest ([`crate::model::Source::strength`]:
/// government text, then an originator's own page, then a verbatim copy, then reporting).
fn best_source(data: &Dataset, ids: &[String]) -> Option<SourceLink> {
    data.strongest_first(ids).into_iter().find_map(|id| source_link(data, id))
}

/// "2024" or "2017–2025".
pub fn year_span_label((a, b): (i32, i32)) -> String {
    if a == b {
        a.to_string()
    } else {
        format!("{a}–{b}")
    }
}
