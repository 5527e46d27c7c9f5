//! The incident table (sortable headers, downloads, rows) and an incident's detail panel
//! as markup.

use std::fmt::Write;

use crate::format::{dollars_exact, money};
use crate::html::action::Action;
use crate::html::after;
use crate::html::common::{a, bdi, data_text, kind_tag, kind_tag_of};
use crate::html::figure::table;
use crate::html::texts::incident_text;
use crate::model::{Dataset, Incident};
use crate::phrase::{self, t};
use crate::pipeline::{Chart, Selection};
use crate::render::svg::escape;
use crate::view::SortKey;

/// Rows the incident table shows before "Show all".
pub const TABLE_PAGE: usize = 100;

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
    let mut out = format!(r#"<p class="incident-downloads">{} "#, t("incidents.download"));
    let mut sets = vec![(
        "incidents",
        phrase::fill("incidents.in_view", &[("n", &phrase::integer(sel.count() as i64))]),
    )];
    if sel.filtered() {
        sets.push((
            "incidents-all",
            phrase::fill("incidents.all", &[("n", &phrase::integer(sel.data.incidents.len() as i64))]),
        ));
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
        r#"<h2 id="incidents-heading">{}</h2><div class="table-scroll"><table class="incident-table"><thead><tr>{}{}{}{}{}{}<th scope="col">{}</th></tr></thead><tbody>"#,
        phrase::fill("incidents.heading", &[("n", &phrase::integer(count as i64))]),
        sort_header(sel, SortKey::Date, &t("incidents.date")),
        sort_header(sel, SortKey::Victim, &t("incidents.victim")),
        sort_header(sel, SortKey::Category, &t("incidents.category")),
        sort_header(sel, SortKey::Usd, &t("incidents.stolen")),
        sort_header(sel, SortKey::Actor, &t("incidents.actor")),
        sort_header(sel, SortKey::Confidence, &t("incidents.attribution")),
        t("incidents.sources"),
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
            r#"<p class="more">{} <button type="button"{}>{}</button></p>"#,
            phrase::fill(
                "incidents.showing",
                &[("shown", &phrase::integer(TABLE_PAGE as i64)), ("n", &phrase::integer(count as i64))]
            ),
            Action::ShowAll.attr(),
            phrase::fill("incidents.show_all", &[("n", &phrase::integer(count as i64))])
        );
    }
    out
}

/// The words beside a row changed since the release the view is compared with.
fn changed_tag(changed: &str) -> String {
    let words = if changed == "added" { t("incidents.new_since") } else { t("incidents.revised_since") };
    format!(r#" <span class="diff-tag">{words}</span>"#)
}

fn incident_row(out: &mut String, data: &Dataset, i: &Incident, selected: bool, changed: Option<&str>) {
    let range = match (i.usd_low, i.usd_high) {
        (Some(lo), Some(hi)) if phrase::is_english() => format!(" ({}–{})", money(lo), money(hi)),
        (Some(lo), Some(hi)) => format!(" ({})", phrase::range(lo, hi)),
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
        date = phrase::date(i.date),
        victim = bdi(&i.victim),
        cat = phrase::category(i.category),
        usd = phrase::money(i.usd),
        actor = bdi(&i.actor),
        conf = phrase::confidence(i.attribution.confidence),
        contested = if i.attribution.contested { t("incidents.contested") } else { String::new() },
        sources = sources.join(" "),
    );
}

/// The inside of the detail panel for an incident: every field, its sources, enforcement
/// actions and (when traced) its laundering flow.
pub fn detail(data: &Dataset, i: &Incident, flow: Option<&Chart>) -> String {
    let m = phrase::money;
    let range = match (i.usd_low, i.usd_high) {
        (Some(lo), Some(hi)) => phrase::fill("detail.range", &[("low", &m(lo)), ("high", &m(hi))]),
        (Some(lo), None) => phrase::fill("detail.range_floor", &[("low", &m(lo))]),
        (None, Some(hi)) => phrase::fill("detail.range_ceiling", &[("high", &m(hi))]),
        (None, None) => String::new(),
    };
    let mut out = format!(
        r#"<div class="detail-head"><h2 id="detail-heading" tabindex="-1">{}, {}</h2><button type="button" class="close"{} aria-label="{}">{}</button></div><p class="summary">{}</p><dl class="facts">"#,
        bdi(&i.victim),
        phrase::date(i.date),
        Action::Close.attr(),
        t("detail.close_label"),
        t("detail.close"),
        data_text(&i.translations, "summary", &i.summary)
    );
    let mut fact = |term: &str, value: String| {
        let _ = write!(out, "<dt>{term}</dt><dd>{value}</dd>");
    };
    let exact = if phrase::is_english() { dollars_exact(i.usd) } else { phrase::dollars_exact(i.usd) };
    fact(&t("detail.stolen"), format!("{} ({exact}){range}", phrase::money(i.usd)));
    if let Some(n) = &i.amount_note {
        fact(&t("detail.on_amount"), incident_text(i, "amount_note", n));
    }
    // Notes nothing translates yet: their English, marked and noted as such on a page in
    // another language, as any record text without a translation.
    let date_note = i
        .date_note
        .as_deref()
        .map(|n| format!(" ({})", data_text(&i.translations, "date_note", n)))
        .unwrap_or_default();
    fact(&t("incidents.date"), format!("{}{date_note}", phrase::date(i.date)));
    fact(&t("filters.category"), phrase::category(i.category));
    fact(&t("detail.chains"), bdi(&i.chains.join(", ")));
    fact(&t("detail.assets"), bdi(&i.assets.join(", ")));
    fact(
        &t("detail.vector"),
        format!("{}: {}", phrase::vector(i.vector), incident_text(i, "vector_detail", &i.vector_detail)),
    );
    fact(&t("incidents.actor"), bdi(&i.actor));
    let note = i
        .attribution
        .note
        .as_deref()
        .map(|n| format!(". {}", incident_text(i, "attribution_note", n)))
        .unwrap_or_default();
    fact(
        &t("incidents.attribution"),
        format!(
            "{} — {}{}{note}",
            bdi(&i.attribution.by.join(", ")),
            phrase::confidence(i.attribution.confidence),
            if i.attribution.contested { t("detail.contested") } else { String::new() }
        ),
    );
    if let Some(r) = i.recovered_usd {
        fact(&t("detail.recovered"), phrase::money(r));
    }
    if let Some(n) = &i.recovered_note {
        fact(&t("detail.on_recovery"), data_text(&i.translations, "recovered_note", n));
    }
    let _ = write!(out, r#"</dl><h3>{}</h3><ul class="source-list">"#, t("incidents.sources"));
    for id in data.strongest_first(&i.sources) {
        match data.source(id) {
            Some(s) => {
                let date = s.date.map(|d| format!(", {}", phrase::date(d))).unwrap_or_default();
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
        let _ = write!(out, "<h3>{}</h3><ul>", t("detail.enforcement"));
        for e in actions {
            let link =
                data.source(&e.source).map(|s| a(&s.url, &t("detail.source_link"))).unwrap_or_default();
            let _ = write!(
                out,
                "<li>{}: {} ({}) {link}</li>",
                phrase::date(e.date),
                data_text(&e.translations, "title", &e.title),
                bdi(&e.authority)
            );
        }
        out.push_str("</ul>");
    }
    out.push_str(&after::incident(data, i));
    if let Some(chart) = flow {
        let _ = write!(
            out,
            r#"<section class="detail-flow" data-detail-flow="{}"><h3>{}</h3>"#,
            escape(&i.id),
            t("detail.flow")
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
