//! What changed, as markup: the release log (each release's short summary, its notes and
//! its records folded by kind and by record), the picker beside the release line
//! (`select[name=since]`) and the list for the view in force (`section[data-diff=RELEASE]`):
//! the headline's delta, records added and removed, values revised (old → new, why,
//! source). The page's words come through the phrasing layer (`change.*`), and so do the
//! values the comparison quotes: `crate::diff` hands them over as data (amounts, dates,
//! counts, a figure's window, enum values) and this module phrases them (`diff.*`), so a
//! revised amount reads `20억2,000만 달러` on the Korean page and `$2.02B` on the English one.

use std::fmt::Write;

use crate::aggregate::Window;
use crate::diff::{Delta, Diff, FieldChange, Figure, List, Name, Quoted, RecordChange, Value};
use crate::html::common::{a, bdi, english, english_section, kind_tag};
use crate::model::{ChangeEntry, Dataset, Revision};
use crate::phrase::{self, fill, t};
use crate::pipeline::{self, Selection};
use crate::render::svg::escape;

/// The picker's label.
fn picker_label() -> String {
    crate::phrase::t("since.label")
}

/// The picker's first choice: no comparison.
fn picker_none() -> String {
    crate::phrase::t("since.none")
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
            crate::phrase::date(c.date)
        );
    }
    out.push_str("</select></label>");
    out
}

/// A count as the locale writes it.
fn count(n: usize) -> String {
    phrase::integer(n as i64)
}

/// The panel's heading.
fn heading(d: &Diff) -> String {
    fill(
        "change.diff_heading",
        &[
            ("from", &d.from.id),
            ("from_date", &phrase::date(d.from.date)),
            ("to", &d.to.id),
            ("to_date", &phrase::date(d.to.date)),
        ],
    )
}

/// The line under the heading: how many records, and the sources across the dataset.
fn counts(d: &Diff) -> String {
    fill(
        "change.diff_counts",
        &[
            ("added", &count(d.added.len())),
            ("revised", &count(d.revised.len())),
            ("removed", &count(d.removed.len())),
            ("sources_added", &count(d.sources.0)),
            ("sources_removed", &count(d.sources.1)),
        ],
    )
}

/// What the marks mean.
fn marks_note() -> String {
    t("change.diff_marks")
}

/// A headline figure's name in the words in force (its English name stays the list's
/// `data-diff-headline` hook).
fn headline_label(figure: Figure) -> String {
    t(match figure {
        Figure::Stolen => "change.headline_stolen",
        Figure::Incidents => "headline.incidents",
        Figure::Largest => "headline.largest",
        Figure::Share => "headline.share",
    })
}

/// A year as the locale in force writes it ("2024", "2024년").
fn year(y: i32) -> String {
    if phrase::is_english() {
        y.to_string()
    } else {
        crate::locale::dates::year(phrase::locale(), y)
    }
}

/// A value the comparison quotes, in the words in force: money, dates, shares and counts
/// in the locale's forms, enum values in its words, the dataset's text as it is. English
/// keeps what the list always wrote (ISO dates, `true`, the slug of a freeze's kind).
pub fn value(v: &Value) -> String {
    use crate::model::{CooperationKind as K, FigureScope as S};
    match v {
        Value::None => t("diff.none"),
        Value::Money(usd) => phrase::money(*usd),
        Value::Date(d) if phrase::is_english() => d.to_string(),
        Value::Date(d) => phrase::date(*d),
        Value::Year(y) => year(*y),
        Value::Share(s) => phrase::percent(*s),
        Value::Flag(b) => t(if *b { "diff.true" } else { "diff.false" }),
        Value::Text(text) => text.clone(),
        Value::Ids(ids) => ids.join(", "),
        Value::Category(c) => phrase::category(*c),
        Value::Confidence(c) => phrase::confidence(*c),
        Value::Vector(v) => phrase::vector(*v),
        Value::Action(k) => phrase::enforcement(*k),
        Value::Cooperation(k) => t(match k {
            K::Freeze => "diff.kind.freeze",
            K::Seizure => "diff.kind.seizure",
            K::Recovery => "diff.kind.recovery",
            K::Refusal => "diff.kind.refusal",
        }),
        Value::Scope(s) => t(match s {
            S::Annual => "diff.scope.annual",
            S::PartOfYear => "diff.scope.part_of_year",
            S::MultiYear => "diff.scope.multi_year",
        }),
        Value::Sources { count, change: None } => {
            fill("diff.sources", &[("count", &phrase::integer(*count as i64))])
        }
        Value::Sources { count, change: Some((gained, lost)) } => fill(
            "diff.sources_changed",
            &[
                ("count", &phrase::integer(*count as i64)),
                ("gained", &phrase::integer(*gained as i64)),
                ("lost", &phrase::integer(*lost as i64)),
            ],
        ),
        Value::Split => t("diff.split"),
    }
}

/// A record's name in the words in force: a theft by victim and date, a published figure
/// by publisher and window, an event by actor and what it did. (The dataset's text fills
/// its hole last, so a name holding `{date}` is not mistaken for a hole.)
pub fn name(n: &Name) -> String {
    match n {
        Name::Incident { victim, date } => {
            fill("diff.name_incident", &[("date", &phrase::date(*date)), ("victim", victim)])
        }
        Name::Figure { publisher, window } => {
            fill("diff.name_figure", &[("window", &phrase::window(window)), ("publisher", publisher)])
        }
        Name::Text(text) => text.clone(),
        Name::Cooperation { actor, kind, returned } => fill(
            "diff.name_cooperation",
            &[("outcome", &phrase::outcome(*kind, *returned)), ("actor", actor)],
        ),
    }
}

/// A headline figure's value in one release, in the words in force.
pub fn quoted(q: &Quoted) -> String {
    match q {
        Quoted::Money(usd) => phrase::money(*usd),
        Quoted::Count(n) => count(*n),
        Quoted::Largest(None) | Quoted::Share(None) => t("diff.none"),
        Quoted::Largest(Some((victim, usd))) => {
            fill("diff.largest", &[("amount", &phrase::money(*usd)), ("victim", victim)])
        }
        Quoted::Share(Some((share, publisher, window))) => fill(
            "diff.share",
            &[
                ("share", &phrase::percent(*share)),
                ("window", &window.as_ref().map(phrase::window).unwrap_or_default()),
                ("publisher", publisher),
            ],
        ),
    }
}

/// How a headline figure moved: "+$1.2B", "−$40M", "+5" (English writes a count's fall
/// with a hyphen, as it always has; the other languages with a minus sign, as their
/// amounts).
pub fn delta(d: &Delta) -> String {
    match *d {
        Delta::Money(usd) if usd >= 0.0 => format!("+{}", phrase::money(usd)),
        Delta::Money(usd) => format!("−{}", phrase::money(-usd)),
        Delta::Count(n) if phrase::is_english() => format!("{n:+}"),
        Delta::Count(n) if n >= 0 => format!("+{}", phrase::integer(n)),
        Delta::Count(n) => format!("−{}", phrase::integer(-n)),
    }
}

/// What kind of record a change is about ("Theft", "Published figure").
fn list_label(list: List) -> String {
    t(match list {
        List::Incident => "change.list_incident",
        List::Figure => "change.list_figure",
        List::Flow => "change.list_flow",
        List::Enforcement => "change.list_enforcement",
        List::Cooperation => "change.list_cooperation",
    })
}

/// The headline's figures before and after.
fn headline_list(d: &Diff) -> String {
    let items: String = d
        .headline
        .iter()
        .map(|h| {
            let (old, new) = (quoted(&h.old), quoted(&h.new));
            let change = match (&h.delta, old == new) {
                (Some(d), _) => format!(" ({})", escape(&delta(d))),
                (None, true) => format!(" {}", t("change.unchanged")),
                (None, false) => String::new(),
            };
            format!(
                r#"<li data-diff-headline="{}"><strong>{}</strong>: {} → {}{change}</li>"#,
                escape(h.figure.hook()),
                escape(&headline_label(h.figure)),
                bdi(&old),
                bdi(&new)
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
        list_label(r.list),
        escape(&name(&r.name))
    )
}

fn source_cell(data: &Dataset, f: &FieldChange) -> String {
    match f.source.as_deref().and_then(|id| data.source(id)) {
        Some(s) => format!("{}{}", a(&s.url, &bdi(&s.publisher)), kind_tag(s.kind)),
        None => "—".to_string(),
    }
}

/// Why a value changed, when the change log does not say.
fn no_reason() -> String {
    t("change.no_reason")
}

fn revised_table(data: &Dataset, d: &Diff) -> String {
    let mut out = String::from(r#"<div class="table-scroll"><table data-table="diff"><thead><tr>"#);
    for key in [
        "change.col_record",
        "change.col_field",
        "change.col_was",
        "change.col_now",
        "change.col_why",
        "change.col_source",
    ] {
        let _ = write!(out, r#"<th scope="col">{}</th>"#, t(key));
    }
    out.push_str("</tr></thead><tbody>");
    for r in &d.revised {
        for f in &r.fields {
            let _ = write!(
                out,
                r#"<tr data-diff-record="{}" data-diff-kind="revised"><th scope="row">{} <bdi>{}</bdi></th><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>"#,
                escape(&r.id),
                list_label(r.list),
                escape(&name(&r.name)),
                bdi(&f.field),
                bdi(&value(&f.old)),
                bdi(&value(&f.new)),
                f.why.as_deref().map_or_else(|| bdi(&no_reason()), english),
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
    let stolen = d
        .headline
        .first()
        .map(|h| fill("change.diff_folded_stolen", &[("old", &quoted(&h.old)), ("new", &quoted(&h.new))]))
        .unwrap_or_default();
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
    fill(
        "change.diff_folded",
        &[
            ("from", &d.from.id),
            ("added", &count(d.added.len())),
            ("revised", &count(d.revised.len())),
            ("removed", &count(d.removed.len())),
        ],
    )
}

/// The list itself: counts, the headline's delta, then added, removed and revised, each
/// folded under its count unless `open`.
fn body(sel: &Selection, d: &Diff, open: bool) -> String {
    let mut out = format!("<p>{}</p>{}{}", escape(&counts(d)), english_section(), headline_list(d));
    let open = if open { " open" } else { "" };
    for (title, list, kind) in
        [("change.diff_added", &d.added, "added"), ("change.removed", &d.removed, "removed")]
    {
        if !list.is_empty() {
            let items: String = list.iter().map(|r| record_item(r, kind)).collect();
            let title = fill(title, &[("count", &count(list.len()))]);
            let _ = write!(
                out,
                r#"<details class="diff-list"{open}><summary>{title}</summary><ul class="diff-records">{items}</ul></details>"#
            );
        }
    }
    if !d.revised.is_empty() {
        let values: usize = d.revised.iter().map(|r| r.fields.len()).sum();
        let title =
            fill("change.diff_revised", &[("records", &count(d.revised.len())), ("values", &count(values))]);
        let _ = write!(
            out,
            r#"<details class="diff-list"{open}><summary>{title}</summary>{}</details>"#,
            revised_table(&sel.data, d)
        );
    }
    let _ = write!(out, r#"<p class="note">{}</p>"#, escape(&marks_note()));
    out
}

/// What kind of record an id of the change log names (a slug: [`kind_heading`] and
/// [`kind_count`] say it in words), and its name for readers: a theft by its victim and
/// date, a published figure by publisher and period, a source by its title and publisher,
/// and so on; `None` when the dataset no longer holds it.
fn record_named(data: &Dataset, id: &str) -> Option<(&'static str, String)> {
    if let Some(i) = data.incident(id) {
        return Some(("thefts", format!("{}, {}", i.victim, phrase::date(i.date))));
    }
    if let Some(t) = data.reported_totals.iter().find(|t| t.id == id) {
        return Some(("figures", format!("{}, {}", t.publisher, phrase::window(&Window::of(t)))));
    }
    if let Some(s) = data.source(id) {
        return Some(("sources", format!("{} ({})", s.title, s.publisher)));
    }
    if let Some(e) = data.enforcement.iter().find(|e| e.id == id) {
        return Some(("enforcement", e.title.clone()));
    }
    if let Some(c) = data.cooperation.iter().find(|c| c.id == id) {
        return Some(("cooperation", format!("{}, {}", c.actor, phrase::date(c.date))));
    }
    None
}

/// A kind of record as a heading ("Thefts", "Published figures").
fn kind_heading(kind: &str) -> String {
    t(match kind {
        "thefts" => "change.kind_thefts",
        "figures" => "change.kind_figures",
        "sources" => "change.kind_sources",
        "enforcement" => "change.kind_enforcement",
        "cooperation" => "change.kind_cooperation",
        _ => "change.kind_gone",
    })
}

/// A kind of record in running text, counted: "1 theft", "5 thefts".
fn kind_count(kind: &str, n: usize) -> String {
    let one = n == 1;
    let key = match kind {
        "thefts" if one => "change.count_one_thefts",
        "thefts" => "change.count_thefts",
        "figures" if one => "change.count_one_figures",
        "figures" => "change.count_figures",
        "sources" if one => "change.count_one_sources",
        "sources" => "change.count_sources",
        "enforcement" if one => "change.count_one_enforcement",
        "enforcement" => "change.count_enforcement",
        "cooperation" if one => "change.count_one_cooperation",
        "cooperation" => "change.count_cooperation",
        _ => "change.count_gone",
    };
    fill(key, &[("count", &phrase::integer(n as i64))])
}

/// A record's name for readers, or its id when the dataset no longer holds it.
fn record_name(data: &Dataset, id: &str) -> String {
    record_named(data, id).map_or_else(|| id.to_string(), |(_, name)| name)
}

/// Free text with its `[source-id]` citations as links named by publisher.
fn cited_html(data: &Dataset, text: &str) -> String {
    let mut out = String::new();
    for (before, ids) in pipeline::cited_parts(text) {
        out.push_str(&escape(before));
        if ids.is_empty() {
            continue;
        }
        let links: Vec<String> = ids
            .iter()
            .map(|id| match data.source(id) {
                Some(s) => format!(
                    "{}{}",
                    a(&s.url, &bdi(pipeline::plain_publisher(&s.publisher))),
                    kind_tag(s.kind)
                ),
                None => bdi(id),
            })
            .collect();
        if before.ends_with('(') {
            out.push_str(&links.join("; "));
        } else {
            let _ = write!(
                out,
                "{}({})",
                if before.ends_with(' ') || before.is_empty() { "" } else { " " },
                links.join("; ")
            );
        }
    }
    // The notes are the dataset's own English: marked so on a page in another language.
    if phrase::is_english() {
        format!("<bdi>{out}</bdi>")
    } else {
        format!(r#"<bdi lang="en">{out}</bdi>"#)
    }
}

/// Where the first sentence of `text` ends: at ". " before a capital letter, else the end.
fn sentence_end(text: &str) -> usize {
    text.match_indices(". ")
        .map(|(k, _)| k + 1)
        .find(|&k| text[k..].trim_start().chars().next().is_some_and(char::is_uppercase))
        .unwrap_or(text.len())
}

/// A release's notes as paragraphs: a new one at each labelled part ("Added: …",
/// "Source hygiene: …"), so a long note reads in parts.
fn note_paragraphs(text: &str) -> Vec<String> {
    let mut paragraphs: Vec<String> = Vec::new();
    let mut rest = text.trim();
    while !rest.is_empty() {
        let end = sentence_end(rest);
        let sentence = rest[..end].trim();
        let labelled = sentence.split_once(':').is_some_and(|(head, _)| head.split_whitespace().count() <= 5);
        match paragraphs.last_mut() {
            Some(last) if !labelled => {
                last.push(' ');
                last.push_str(sentence);
            }
            _ => paragraphs.push(sentence.to_string()),
        }
        rest = rest[end..].trim_start();
    }
    paragraphs
}

/// The first sentence of a release's notes.
fn first_sentence(text: &str) -> &str {
    let t = text.trim();
    &t[..sentence_end(t)]
}

/// "208 added (190 sources, 5 thefts, …), 189 values revised in 120 records, 1 removed".
fn release_counts(data: &Dataset, c: &ChangeEntry) -> String {
    let count = |n: usize| phrase::integer(n as i64);
    let mut parts = Vec::new();
    if !c.added.is_empty() {
        let kinds = added_by_kind(data, c);
        let words: Vec<String> = kinds.iter().map(|(kind, names)| kind_count(kind, names.len())).collect();
        let kinds = words.join(&t("change.list_comma"));
        parts.push(fill("change.counts_added", &[("count", &count(c.added.len())), ("kinds", &kinds)]));
    }
    if !c.revised.is_empty() {
        let records = revised_by_record(c).len();
        let values = fill(
            if c.revised.len() == 1 { "change.n_values_one" } else { "change.n_values" },
            &[("count", &count(c.revised.len()))],
        );
        let records = fill(
            if records == 1 { "change.n_records_one" } else { "change.n_records" },
            &[("count", &count(records))],
        );
        parts.push(fill("change.counts_revised", &[("values", &values), ("records", &records)]));
    }
    if !c.removed.is_empty() {
        parts.push(fill("change.counts_removed", &[("count", &count(c.removed.len()))]));
    }
    if parts.is_empty() {
        t("change.no_changes")
    } else {
        fill("change.counts", &[("parts", &parts.join(&t("change.list_semicolon")))])
    }
}

/// The records a release added, grouped by kind (in the order kinds first appear), each
/// by its name.
fn added_by_kind(data: &Dataset, c: &ChangeEntry) -> Vec<(&'static str, Vec<String>)> {
    let mut kinds: Vec<(&'static str, Vec<String>)> = Vec::new();
    for id in &c.added {
        let (kind, name) = record_named(data, id).unwrap_or(("gone", id.clone()));
        match kinds.iter_mut().find(|(k, _)| *k == kind) {
            Some((_, names)) => names.push(name),
            None => kinds.push((kind, vec![name])),
        }
    }
    kinds
}

/// A release's revisions grouped by record, in the log's order.
fn revised_by_record(c: &ChangeEntry) -> Vec<(&str, Vec<&Revision>)> {
    let mut records: Vec<(&str, Vec<&Revision>)> = Vec::new();
    for r in &c.revised {
        match records.iter_mut().find(|(id, _)| *id == r.record) {
            Some((_, list)) => list.push(r),
            None => records.push((&r.record, vec![r])),
        }
    }
    records
}

/// One revised record, folded: its name and fields, then each value was → now, why, source.
fn revised_record(data: &Dataset, id: &str, list: &[&Revision]) -> String {
    let fields: Vec<&str> = list.iter().map(|r| r.field.as_str()).collect();
    let mut out = format!(
        r#"<details class="revision" data-revised="{}"><summary>{} <span class="fields">({})</span></summary><ul>"#,
        escape(id),
        bdi(&record_name(data, id)),
        bdi(&fields.join(", "))
    );
    for r in list {
        let src = data
            .source(&r.source)
            .map(|s| format!("{}{}", a(&s.url, &bdi(&s.publisher)), kind_tag(s.kind)))
            .unwrap_or_else(|| bdi(&r.source));
        let field = format!("<strong>{}</strong>", bdi(&r.field));
        let line = fill(
            "change.revision",
            &[
                ("field", &field),
                ("old", &cited_html(data, &r.old)),
                ("new", &cited_html(data, &r.new)),
                ("why", &cited_html(data, &r.why)),
                ("source", &src),
            ],
        );
        let _ = write!(out, "<li>{line}</li>");
    }
    out.push_str("</ul></details>");
    out
}

/// The release log, newest first: for each release a short summary (its first sentence and
/// what it added, revised and removed, counted), then folded: its notes in full, split into
/// their parts with citations named by publisher; what it added, by kind and by name; each
/// revised record with its values; what it removed.
pub fn release_log(data: &Dataset) -> String {
    let mut out = english_section();
    for c in &data.changes {
        let title =
            fill("change.release", &[("release", &escape(&c.release)), ("date", &phrase::date(c.date))]);
        let _ = write!(
            out,
            r#"<section class="release" data-release="{}"><h3>{title}</h3><p class="release-summary">{} {}</p>"#,
            escape(&c.release),
            cited_html(data, first_sentence(&c.summary)),
            escape(&release_counts(data, c))
        );
        let paragraphs: String =
            note_paragraphs(&c.summary).iter().map(|p| format!("<p>{}</p>", cited_html(data, p))).collect();
        let _ = write!(
            out,
            r#"<details class="release-notes"><summary>{}</summary>{paragraphs}</details>"#,
            t("change.notes_in_full")
        );
        for (kind, names) in added_by_kind(data, c) {
            let items: String = names.iter().map(|n| format!("<li>{}</li>", bdi(n))).collect();
            let summary = fill(
                "change.added_kind",
                &[("kind", &kind_heading(kind)), ("count", &phrase::integer(names.len() as i64))],
            );
            let _ = write!(
                out,
                r#"<details class="release-added"><summary>{summary}</summary><ul>{items}</ul></details>"#
            );
        }
        let records = revised_by_record(c);
        if !records.is_empty() {
            let summary = fill(
                "change.revised_records",
                &[
                    ("records", &phrase::integer(records.len() as i64)),
                    ("values", &phrase::integer(c.revised.len() as i64)),
                ],
            );
            let _ = write!(out, r#"<details class="release-revised"><summary>{summary}</summary>"#);
            for (id, list) in &records {
                out.push_str(&revised_record(data, id, list));
            }
            out.push_str("</details>");
        }
        if !c.removed.is_empty() {
            let summary = fill("change.removed", &[("count", &phrase::integer(c.removed.len() as i64))]);
            let _ = write!(out, r#"<details class="release-removed"><summary>{summary}</summary><ul>"#);
            for r in &c.removed {
                let _ = write!(
                    out,
                    "<li>{}: {}</li>",
                    bdi(&record_name(data, &r.record)),
                    cited_html(data, &r.why)
                );
            }
            out.push_str("</ul></details>");
        }
        out.push_str("</section>");
    }
    out
}
