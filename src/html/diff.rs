//! What changed since an earlier release, as markup: the picker beside the release line
//! (`select[name=since]`) and the list for the view in force (`section[data-diff=RELEASE]`):
//! the headline's delta, records added and removed, values revised (old → new, why,
//! source). The words are small named functions, so the phrasing layer can take them over.

use std::fmt::Write;

use super::{a, bdi, kind_tag};
use crate::diff::{Diff, FieldChange, RecordChange};
use crate::model::Dataset;
use crate::pipeline::Selection;
use crate::render::svg::escape;

/// The picker's label.
fn picker_label() -> &'static str {
    "Compare with release"
}

/// The picker's first choice: no comparison.
fn picker_none() -> &'static str {
    "none"
}

/// The releases of the change log other than the one on screen, newest first, as choices
/// for comparison, the first "none". Empty when the log names no other release. No choice is
/// marked: like the filter controls, the live page shows the view in force through the
/// select's value.
pub fn since_picker(data: &Dataset) -> String {
    let others: Vec<_> = data.changes.iter().filter(|c| c.release != data.release.id).collect();
    if others.is_empty() {
        return String::new();
    }
    let mut out = format!(
        r#" <label class="since-picker">{} <select name="since"><option value="">{}</option>"#,
        picker_label(),
        picker_none()
    );
    for c in others {
        let _ = write!(
            out,
            r#"<option value="{}">{} ({})</option>"#,
            escape(&c.release),
            escape(&c.release),
            c.date.human()
        );
    }
    out.push_str("</select></label>");
    out
}

/// The panel's heading.
fn heading(d: &Diff) -> String {
    format!(
        "What changed in this view since release {} ({}), in release {} ({})",
        d.from.id,
        d.from.date.human(),
        d.to.id,
        d.to.date.human()
    )
}

/// The line under the heading: how many records, and the sources across the dataset.
fn counts(d: &Diff) -> String {
    format!(
        "{} added, {} revised, {} removed in this view; across the dataset {} sources added and {} removed.",
        d.added.len(),
        d.revised.len(),
        d.removed.len(),
        d.sources.0,
        d.sources.1
    )
}

/// What the marks mean.
fn marks_note() -> &'static str {
    "Thefts and published figures added or revised since are drawn with a second outline on the timeline and the figures chart, and marked in the incident table."
}

/// The headline's figures before and after.
fn headline_list(d: &Diff) -> String {
    let items: String = d
        .headline
        .iter()
        .map(|h| {
            let change = match (&h.delta, h.old == h.new) {
                (Some(delta), _) => format!(" ({})", escape(delta)),
                (None, true) => " (unchanged)".to_string(),
                (None, false) => String::new(),
            };
            format!(
                r#"<li data-diff-headline="{}"><strong>{}</strong>: {} → {}{change}</li>"#,
                escape(&h.label),
                escape(&h.label),
                bdi(&h.old),
                bdi(&h.new)
            )
        })
        .collect();
    format!(r#"<ul class="diff-headline">{items}</ul>"#)
}

fn record_item(r: &RecordChange, kind: &str) -> String {
    let why = r.why.as_deref().map(|w| format!(": {}", bdi(w))).unwrap_or_default();
    format!(
        r#"<li data-diff-record="{}" data-diff-kind="{kind}">{} <bdi>{}</bdi>{why}</li>"#,
        escape(&r.id),
        r.list.label(),
        escape(&r.name)
    )
}

fn source_cell(data: &Dataset, f: &FieldChange) -> String {
    match f.source.as_deref().and_then(|id| data.source(id)) {
        Some(s) => format!("{}{}", a(&s.url, &bdi(&s.publisher)), kind_tag(s.kind)),
        None => "—".to_string(),
    }
}

/// Why a value changed, when the change log does not say.
fn no_reason() -> &'static str {
    "not given in the change log"
}

fn revised_table(data: &Dataset, d: &Diff) -> String {
    let mut out = String::from(
        r#"<div class="table-scroll"><table data-table="diff"><thead><tr><th scope="col">Record</th><th scope="col">Field</th><th scope="col">Was</th><th scope="col">Now</th><th scope="col">Why</th><th scope="col">Source</th></tr></thead><tbody>"#,
    );
    for r in &d.revised {
        for f in &r.fields {
            let _ = write!(
                out,
                r#"<tr data-diff-record="{}" data-diff-kind="revised"><th scope="row">{} <bdi>{}</bdi></th><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>"#,
                escape(&r.id),
                r.list.label(),
                escape(&r.name),
                bdi(&f.field),
                bdi(&f.old),
                bdi(&f.new),
                bdi(f.why.as_deref().unwrap_or(no_reason())),
                source_cell(data, f)
            );
        }
    }
    out.push_str("</tbody></table></div>");
    out
}

/// The list of what changed for the view in force since the release it is compared with
/// (`section[data-diff=RELEASE]`), or nothing when the view is not compared. The lists of
/// records fold under their counts (the headline's delta stays open); `open` unfolds them,
/// for paper.
pub fn panel(sel: &Selection, open: bool) -> String {
    let Some(d) = sel.diff() else { return String::new() };
    format!(
        r#"<section class="diff" data-diff="{}" data-diff-to="{}" aria-labelledby="diff-heading"><h2 id="diff-heading">{}</h2>{}</section>"#,
        escape(&d.from.id),
        escape(&d.to.id),
        escape(&heading(&d)),
        body(sel, &d, open)
    )
}

/// The same list folded under one line, for embeds and slides, where room is short
/// (`details[data-diff=RELEASE]`).
pub fn folded(sel: &Selection) -> String {
    let Some(d) = sel.diff() else { return String::new() };
    let stolen = d.headline.first().map(|h| format!("; stolen {} → {}", h.old, h.new)).unwrap_or_default();
    format!(
        r#"<details class="diff diff-folded" data-diff="{}" data-diff-to="{}"><summary>{}{}</summary>{}</details>"#,
        escape(&d.from.id),
        escape(&d.to.id),
        escape(&folded_line(&d)),
        escape(&stolen),
        body(sel, &d, false)
    )
}

/// The folded list's line.
fn folded_line(d: &Diff) -> String {
    format!(
        "Since release {}: {} added, {} revised, {} removed in this view",
        d.from.id,
        d.added.len(),
        d.revised.len(),
        d.removed.len()
    )
}

/// The list itself: counts, the headline's delta, then added, removed and revised, each
/// folded under its count unless `open`.
fn body(sel: &Selection, d: &Diff, open: bool) -> String {
    let mut out = format!("<p>{}</p>{}", escape(&counts(d)), headline_list(d));
    let open = if open { " open" } else { "" };
    for (title, list, kind) in [("Added", &d.added, "added"), ("Removed", &d.removed, "removed")] {
        if !list.is_empty() {
            let items: String = list.iter().map(|r| record_item(r, kind)).collect();
            let _ = write!(
                out,
                r#"<details class="diff-list"{open}><summary>{title} ({})</summary><ul class="diff-records">{items}</ul></details>"#,
                list.len()
            );
        }
    }
    if !d.revised.is_empty() {
        let values: usize = d.revised.iter().map(|r| r.fields.len()).sum();
        let _ = write!(
            out,
            r#"<details class="diff-list"{open}><summary>Revised ({} records, {values} values)</summary>{}</details>"#,
            d.revised.len(),
            revised_table(&sel.data, d)
        );
    }
    let _ = write!(out, r#"<p class="note">{}</p>"#, escape(marks_note()));
    out
}
