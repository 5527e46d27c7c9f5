//! The page's summaries as markup: the headline figures, the release line, the
//! publishers' outlook, the change log and the published figures.

use std::fmt::Write;

use crate::html::common::{a, bdi, kind_tag_of, source};
use crate::html::diff;
use crate::html::figure::table;
use crate::model::Dataset;
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
            // Japanese writes an amount without spaces ("64億8000万ドル"): a narrow card may
            // break it before its currency, never inside the number.
            escape(&f.value).replacen("ドル", "<wbr>ドル", 1)
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
