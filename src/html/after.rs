//! After the theft, as markup: each year's thefts beside what was frozen, seized, recovered
//! and returned of them (`section[data-after]`), the events of one theft in its detail panel
//! (`[data-detail-after]`), and a flow's published splits over time (`[data-flow-status]`).
//! The page's words come through the phrasing layer (`after.*`, `status.*`); the dataset's
//! own English (summaries, quotes, notes) is marked `lang="en"` on a page in another language.

use std::fmt::Write;

use crate::after::{self, Tally, Years};
use crate::decimal::{Fixed, Shortest};
use crate::html::common::{a, bdi, english, english_section, kind_tag_of};
use crate::model::{Cooperation, Dataset, Incident, StatusMeasure};
use crate::phrase::{self, fill, money, percent, t as tr};
use crate::pipeline::{ChartStatus, Selection};
use crate::render::svg::escape;
use crate::status::{self, FlowStatus};

/// A share to a hundredth of a percent, as a source states it ("12.34%", "12,34 %"): the
/// figure the page's English writes, in the locale's signs.
fn percent_fine(share: f64) -> String {
    let english = crate::format::percent_fine(share);
    if phrase::is_english() {
        return english;
    }
    match english.strip_suffix('%') {
        Some(number) => {
            let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
            let (negative, whole) = match whole.strip_prefix('-') {
                Some(w) => (true, w),
                None => (false, whole),
            };
            let number = crate::locale::number::join_number(phrase::locale(), negative, whole, fraction);
            // The locale's own percent sign and spacing, from its form of a whole share.
            let sign = crate::locale::number::percent(phrase::locale(), 0.5);
            format!("{number}{}", sign.trim_start_matches("50"))
        }
        None => english,
    }
}

/// A count as the locale writes it.
fn count(n: usize) -> String {
    phrase::integer(n as i64)
}

/// The sentence that makes the gap between held and returned plain.
fn gap_sentence(t: &Tally, stolen: f64) -> String {
    if t.is_empty() {
        return tr("after.none");
    }
    let share =
        |part: f64, whole: f64| if whole > 0.0 { percent(part / whole) } else { tr("after.no_share") };
    let mut s = fill(
        "after.gap",
        &[
            ("stolen", &money(stolen)),
            ("held", &money(t.held)),
            ("held_share", &share(t.held, stolen)),
            ("returned", &money(t.returned)),
            ("returned_share", &share(t.returned, t.held)),
            ("rest", &money(t.not_returned())),
        ],
    );
    if t.uncounted > 0 {
        let key = if t.uncounted == 1 { "after.uncounted_one" } else { "after.uncounted" };
        let _ = write!(s, " {}", fill(key, &[("count", &count(t.uncounted))]));
    }
    if t.refusals > 0 {
        let key = if t.refusals == 1 { "after.refusals_one" } else { "after.refusals" };
        let _ = write!(s, " {}", fill(key, &[("count", &count(t.refusals))]));
    }
    s
}

/// The headers of the yearly table.
fn years_headers() -> [String; 8] {
    [
        tr("after.col_year"),
        tr("after.col_thefts"),
        tr("after.col_stolen"),
        tr("after.col_held"),
        tr("after.col_returned"),
        tr("after.col_rest"),
        tr("after.col_events"),
        tr("after.col_bar"),
    ]
}

/// A bar the width of the table cell: stolen, and within it held, and within that returned,
/// on one dollar scale (`max` is the largest year's theft).
fn bar(stolen: f64, t: &Tally, max: f64) -> String {
    let w =
        |v: f64| Fixed(if max > 0.0 { crate::layout::clamp(v / max * 1000.0, 0.0, 1000.0) } else { 0.0 }, 1);
    format!(
        r#"<svg class="after-bar" viewBox="0 0 1000 12" preserveAspectRatio="none" aria-hidden="true" focusable="false"><rect class="stolen" width="{}" height="12"/><rect class="held" width="{}" height="12"/><rect class="returned" width="{}" height="12"/></svg>"#,
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
        count(r.thefts),
        money(r.stolen),
        money(r.tally.held),
        money(r.tally.returned),
        money(r.tally.not_returned()),
        count(r.tally.uncounted),
        count(r.tally.refusals),
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
    let summary = fill(
        "after.apart",
        &[
            ("count", &count(years.apart.len())),
            ("held", &money(years.apart_tally.held)),
            ("returned", &money(years.apart_tally.returned)),
        ],
    );
    format!(
        r#"<details class="after-apart" data-after-apart="{}"><summary>{summary}</summary>{}<ul class="after-events">{items}</ul></details>"#,
        years.apart.len(),
        english_section()
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
        escape(&tr("after.heading")),
        Shortest(total.held),
        Shortest(total.returned),
        escape(&gap_sentence(&total, stolen))
    );
    let _ = write!(
        out,
        r#"<div class="table-scroll"><table data-table="after"><caption>{}</caption><thead><tr>"#,
        escape(&tr("after.caption"))
    );
    for h in years_headers() {
        let _ = write!(out, r#"<th scope="col">{}</th>"#, escape(&h));
    }
    out.push_str("</tr></thead><tbody>");
    for r in years.rows.iter().filter(|r| r.thefts > 0 || !r.tally.is_empty()) {
        out.push_str(&year_row(r, max));
    }
    out.push_str("</tbody></table></div>");
    out.push_str(&apart_list(&sel.data, &years));
    let _ = write!(out, r#"<p class="note">{}</p>"#, escape(&tr("after.method")));
    out
}

/// An event's amount in words: "$30M", "more than $5.3M", "no amount stated".
fn amount_words(e: &Cooperation) -> String {
    match (e.usd, e.floor) {
        (Some(usd), true) => fill("after.more_than", &[("amount", &money(usd))]),
        (Some(usd), false) => money(usd),
        (None, _) => tr("after.no_amount"),
    }
}

/// One event as a list item: date, what happened and by whom, the amount, whether it is
/// counted within another, how long after the theft, its summary, source and quote.
pub(crate) fn event_item(data: &Dataset, e: &Cooperation) -> String {
    let reported = if e.date_basis == crate::model::DateBasis::Report {
        format!(" {}", tr("after.reported"))
    } else {
        String::new()
    };
    let within = e
        .within
        .as_deref()
        .map(|w| format!(" {}", fill("after.within", &[("event", &english(w))])))
        .unwrap_or_default();
    let response = e
        .response
        .as_deref()
        .map(|r| format!(" {}", fill("after.response", &[("response", &english(r))])))
        .unwrap_or_default();
    let when = e.date_note.as_deref().map(|n| format!(" {}", english(n))).unwrap_or_default();
    let note = e
        .note
        .as_deref()
        .map(|n| format!(r#" <span class="note">{}</span>"#, english(n)))
        .unwrap_or_default();
    let source = data
        .strongest_first(&e.sources)
        .first()
        .and_then(|id| data.source(id))
        .map(|s| format!(" {}{}", a(&s.url, &bdi(&s.publisher)), kind_tag_of(s.kind, s.copy_of.as_deref())))
        .unwrap_or_default();
    let what = fill(
        "after.event",
        &[
            ("outcome", &phrase::outcome(e.kind, e.returned)),
            ("actor", &bdi(&e.actor)),
            ("amount", &amount_words(e)),
        ],
    );
    format!(
        r#"<li data-coop="{}" data-kind="{}" data-returned="{}"><strong>{}{reported}</strong>: {what}{within}{response} {}{when}{note}{source} <q>{}</q></li>"#,
        escape(&e.id),
        e.kind.slug(),
        e.returned,
        phrase::date(e.date),
        english(&e.summary),
        english(unquoted(&e.quote))
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
        r#"<section class="detail-after" data-detail-after="{}"><h3>{}</h3><p data-after-gap>{}</p>{}<ul class="after-events">{items}</ul></section>"#,
        escape(&i.id),
        tr("after.incident_heading"),
        escape(&incident_gap(&t, i.usd)),
        english_section()
    )
}

/// One theft's gap, in words.
fn incident_gap(t: &Tally, stolen: f64) -> String {
    let held = if stolen > 0.0 {
        format!(" {}", fill("after.of_the_theft", &[("share", &percent(t.held / stolen))]))
    } else {
        String::new()
    };
    fill(
        "after.incident_gap",
        &[
            ("held", &format!("{}{held}", money(t.held))),
            ("returned", &money(t.returned)),
            ("rest", &money(t.not_returned())),
        ],
    )
}

/// A share cell: the share (derived ones marked), and the dollars where stated.
fn measure_cell(m: &status::Measure) -> String {
    let share = match (m.share, m.derived) {
        (Some(s), false) => percent_fine(s),
        (Some(s), true) => fill("status.derived_share", &[("share", &percent_fine(s))]),
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
            let w = crate::layout::clamp(share * 1000.0, 0.0, 1000.0 - x);
            let derived = if measure.derived { " derived" } else { "" };
            let _ = write!(
                rects,
                r#"<rect class="{}{derived}" x="{}" width="{}" height="12"/>"#,
                m.slug(),
                Fixed(x, 1),
                Fixed(w, 1)
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
            format!("{}: {}", english(label), bits.join(", "))
        })
        .collect();
    if items.is_empty() {
        "—".to_string()
    } else {
        items.join("; ")
    }
}

/// A measure's column heading ("Still traceable", "Gone dark").
fn measure_label(m: StatusMeasure) -> String {
    tr(match m {
        StatusMeasure::Traceable => "status.traceable",
        StatusMeasure::Untraceable => "status.untraceable",
        StatusMeasure::Frozen => "status.frozen",
        StatusMeasure::Recovered => "status.recovered",
    })
}

/// A flow's published splits by date: a bar per date (small multiples) and the table, each
/// row sourced (`section[data-flow-status=INCIDENT]`, rows `tr[data-status-date]`).
pub fn flow_status(cs: &ChartStatus) -> String {
    let s: &FlowStatus = &cs.status;
    let mut out = format!(
        r#"<section class="flow-status" data-flow-status="{}"><h3>{}</h3><div class="table-scroll"><table data-table="status"><thead><tr><th scope="col">{}</th>"#,
        escape(&s.incident),
        escape(&fill("status.heading", &[("victim", &s.victim)])),
        tr("status.col_date")
    );
    for m in StatusMeasure::ALL {
        let _ = write!(out, r#"<th scope="col">{}</th>"#, measure_label(m));
    }
    let _ = write!(
        out,
        r#"<th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th></tr></thead><tbody>"#,
        tr("status.col_split"),
        tr("status.col_stages"),
        tr("status.col_source")
    );
    for (row, link) in s.rows.iter().zip(&cs.sources) {
        let drawn = if row.drawn { r#" data-drawn="true""# } else { "" };
        let reported = if row.reported { format!(" {}", tr("after.reported")) } else { String::new() };
        let chart = if row.drawn { format!(" · {}", tr("status.drawn_above")) } else { String::new() };
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
            phrase::date(row.date)
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
        // The basis, notes and quote are the dataset's own English.
        // (English isolates the whole sentence, as it always has.)
        let basis = row.basis.as_deref().map(|b| {
            if phrase::is_english() {
                bdi(&fill("status.shares_of", &[("basis", b)]))
            } else {
                fill("status.shares_of", &[("basis", &english(b))])
            }
        });
        let notes: String = basis
            .into_iter()
            .chain(
                [row.note.as_deref().map(english), row.date_note.as_deref().map(english)]
                    .into_iter()
                    .flatten(),
            )
            .map(|n| format!("{n} "))
            .collect();
        let _ = write!(
            out,
            r#"<tr class="status-notes" data-status-notes="{}"><td colspan="8">{notes}<q>{}</q></td></tr>"#,
            row.date,
            english(unquoted(&row.quote))
        );
    }
    let _ = write!(
        out,
        r#"</tbody></table></div><p class="note">{}</p></section>"#,
        escape(&tr("status.method"))
    );
    out
}
