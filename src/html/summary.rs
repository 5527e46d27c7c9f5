//! The page's summaries as markup: the headline figures, the release line, the
//! publishers' outlook, the change log and the published figures.

use std::fmt::Write;

use crate::aggregate::Window;
use crate::html::common::{a, bdi, english, kind_tag_of, source};
use crate::html::diff;
use crate::html::figure::table;
use crate::model::{Dataset, FigureNature};
use crate::phrase::{self, t};
use crate::pipeline::Figure;
use crate::render::svg::escape;

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
            // An amount and its unit never part ("64억8,000만 달러", "64億8000万ドル",
            // "6,48 milliards de dollars"): the stylesheet keeps the value on one line and
            // gives the card room for it in every language.
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
            let _ = write!(out, r#"<dd class="note">{} {}</dd>"#, t("headline.source"), links.join("; "));
        }
        out.push_str("</div>");
    }
    out.push_str("</dl>");
    out
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
                r#" <span class="evidence" data-evidence="{h}">{}</span>"#,
                phrase::fill("release.evidence", &[("date", &phrase::date(h))])
            )
        })
        .unwrap_or_default();
    format!(
        r##"<p class="as-of" data-release="{}">{}{horizon} <a href="#changes">{}</a>{}</p>"##,
        escape(&data.release.id),
        phrase::fill(
            "release.as_of",
            &[("date", &phrase::date(data.as_of)), ("release", &escape(&data.release.id))]
        ),
        t("release.what_changed"),
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
        0 => t("outlook.title"),
        n => phrase::fill(
            "outlook.due",
            &[("due", &phrase::integer(n as i64)), ("count", &phrase::integer(items.len() as i64))],
        ),
    };
    let list: String = items.into_iter().map(|(_, li)| li).collect();
    let note = super::common::english_section();
    format!(
        r#"<details class="outlook" data-outlook><summary>{summary}</summary>{note}<ul>{list}</ul></details>"#
    )
}

/// The publishers' outlook unfolded, for paper (`[data-print-outlook]`).
pub fn outlook_list(data: &Dataset) -> String {
    if data.outlook.is_empty() {
        return String::new();
    }
    let list: String = data.outlook.iter().map(|o| outlook_item(data, o, false).1).collect();
    format!(
        r#"<section class="print-outlook" data-print-outlook><h2>{}</h2><ul>{list}</ul></section>"#,
        t("outlook.title")
    )
}

/// What kind of figure a publisher's latest is, in running text ("annual figure, stated").
fn nature_words(n: FigureNature) -> String {
    t(match n {
        FigureNature::FullYear => "outlook.nature_full_year",
        FigureNature::PartOfYear => "outlook.nature_part_of_year",
        FigureNature::MultiPeriod => "outlook.nature_multi_period",
        FigureNature::Derived => "outlook.nature_derived",
    })
}

/// One publisher's line, and whether its next figure may already be out (its window has
/// opened by the release day). `why` adds its cadence and the basis of the expectation
/// (the page has room for them; paper gets the figure and the window). The publisher's
/// own words (what comes next, its cadence, the basis) are data, in English.
fn outlook_item(data: &Dataset, o: &crate::model::Outlook, why: bool) -> (bool, String) {
    let latest = data.reported_totals.iter().find(|t| t.id == o.latest);
    let figure = latest.map_or(String::new(), |total| {
        let amount = phrase::amount(total.usd, total.usd_high, total.floor);
        let link = data
            .source(&total.source)
            .map(|s| {
                format!("{}{}", a(&s.url, &t("outlook.source")), kind_tag_of(s.kind, s.copy_of.as_deref()))
            })
            .unwrap_or_default();
        let window = escape(&phrase::window(&Window::of(total)));
        let line = phrase::fill(
            "outlook.latest",
            &[
                ("amount", &amount),
                ("window", &window),
                ("nature", &nature_words(total.nature())),
                ("date", &phrase::date(total.published)),
                ("link", &link),
            ],
        );
        format!(" {line}")
    });
    let (due, next) = match (o.next_from, o.next_to) {
        (Some(from), Some(to)) => {
            let status = match data.evidence_horizon {
                Some(h) if to < h => {
                    format!(" {}", phrase::fill("outlook.overdue", &[("date", &phrase::date(to))]))
                }
                _ if from <= data.release.date => {
                    let read = data
                        .evidence_horizon
                        .map(|h| phrase::fill("outlook.evidence_ends", &[("date", &phrase::date(h))]))
                        .unwrap_or_default();
                    let may = format!("<strong>{}</strong>", t("outlook.may_be_out"));
                    let line = phrase::fill(
                        "outlook.window_opened",
                        &[("may", &may), ("date", &phrase::date(from)), ("read", &read)],
                    );
                    format!(" {line}")
                }
                _ => String::new(),
            };
            let line = phrase::fill(
                "outlook.next_expected",
                &[
                    ("next", &english(&o.next)),
                    ("from", &phrase::date(from)),
                    ("to", &phrase::date(to)),
                    ("status", &status),
                ],
            );
            (from <= data.release.date, line)
        }
        _ => (false, phrase::fill("outlook.next", &[("next", &english(&o.next))])),
    };
    let cadence = if why {
        format!(r#" <span class="cadence">{} {}</span>"#, english(&o.cadence), english(&o.basis))
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
    format!(r#"<summary>{}</summary>{}"#, t("change.log"), diff::release_log(data))
}

/// The published figures, all of them, folded under the charts.
pub fn published_figures(data: &Dataset) -> String {
    format!(
        r#"<summary>All published figures ({}), including revised and multi-year ones</summary>{}"#,
        data.reported_totals.len(),
        table(&crate::tables::reported(data))
    )
}
