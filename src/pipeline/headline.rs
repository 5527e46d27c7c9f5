//! The headline figures of a selection, the filter's result in one line, and the line that
//! dates the data.

use crate::aggregate;
use crate::model::Dataset;
use crate::phrase::{self, t};
use crate::pipeline::links::{source_link, SourceLink};
use crate::pipeline::selection::Selection;

/// "Data as of 1 Dec 2026 (release 2026-12-02); newest evidence read 5 Jul 2026": the line
/// every place that dates the data carries (page, embeds, images, print, citations). A
/// dataset without an evidence horizon (schema version 2) gets the first half alone. In
/// the locale in force, its dates in the locale's form.
pub fn dated(data: &Dataset) -> String {
    let base =
        phrase::fill("export.dated", &[("date", &phrase::date(data.as_of)), ("release", &data.release.id)]);
    match data.evidence_horizon {
        Some(h) => phrase::fill("export.dated_horizon", &[("dated", &base), ("date", &phrase::date(h))]),
        None => base,
    }
}

/// The view's filter in words in the locale in force, its years said as `years`
/// ([`phrase::view::words`]): exported images, embeds, print and the incidents JSON.
pub fn view_words(sel: &Selection, years: phrase::view::Years) -> String {
    phrase::view::words(&phrase::view::View::of(&sel.view.filter, years))
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
/// singular), in the words in force.
pub fn result_summary(sel: &Selection) -> String {
    let incidents = sel.incidents();
    let h = aggregate::headline(&sel.data, &incidents, sel.span);
    let span = match sel.view.filter.dates {
        Some((a, b)) => format!("{} – {}", phrase::date(a), phrase::date(b)),
        None => phrase::year_span(sel.span.0, sel.span.1),
    };
    phrase::fill(
        if h.count == 1 { "view.result_one" } else { "view.result" },
        &[
            ("count", &phrase::integer(h.count as i64)),
            ("money", &phrase::money(h.total_usd)),
            ("span", &span),
        ],
    )
}

/// The headline figures of the selection: total, count, largest heist, DPRK share.
pub fn headline(sel: &Selection) -> Vec<Figure> {
    let data = &sel.data;
    let incidents = sel.incidents();
    let h = aggregate::headline(data, &incidents, sel.span);
    // A brushed range is named by its dates: its years would claim whole calendar years.
    let years = match sel.view.filter.dates {
        Some((a, b)) => format!("{} – {}", phrase::date(a), phrase::date(b)),
        None if phrase::is_english() => year_span_label(sel.span),
        None => phrase::year_span(sel.span.0, sel.span.1),
    };
    let mut figures = vec![
        Figure {
            label: phrase::fill("headline.stolen", &[("years", &years)]),
            value: phrase::money(h.total_usd),
            detail: None,
            hook: Some("total"),
            note: Some(t("headline.stolen_note")),
            sources: vec![],
        },
        Figure {
            label: t("headline.incidents"),
            value: phrase::integer(h.count as i64),
            detail: None,
            hook: Some("count"),
            note: Some(t("headline.incidents_note")),
            sources: vec![],
        },
    ];
    if let Some(i) = h.largest.as_deref().and_then(|id| data.incident(id)) {
        let local = local_amount(data, i.usd, i.date);
        let mut sources: Vec<SourceLink> = best_source(data, &i.sources).into_iter().collect();
        sources.extend(local.as_ref().and_then(|(_, source)| source_link(data, source)));
        figures.push(Figure {
            label: t("headline.largest"),
            value: phrase::money(i.usd),
            detail: Some(phrase::fill(
                "headline.largest_detail",
                &[("victim", &i.victim), ("date", &phrase::date(i.date))],
            )),
            hook: Some("largest"),
            note: local.map(|(line, _)| line),
            sources,
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
        let within = s.window.is_a_year();
        let key = match (within, s.stated) {
            (true, true) => "headline.share_in_stated",
            (false, true) => "headline.share_for_stated",
            (true, false) => "headline.share_in_derived",
            (false, false) => "headline.share_for_derived",
        };
        let detail =
            phrase::fill(key, &[("window", &phrase::window(&s.window)), ("publisher", &s.publisher)]);
        let note = if s.stated {
            None
        } else {
            s.basis.map(|(usd, all)| {
                let (usd, all) = (phrase::money(usd), phrase::money(all));
                let basis = phrase::fill(
                    "headline.derived_basis",
                    &[("usd", &usd), ("all", &all), ("publisher", &s.publisher)],
                );
                phrase::fill("headline.derived_note", &[("basis", &basis)])
            })
        };
        figures.push(Figure {
            label: t("headline.share"),
            value: phrase::percent(s.share),
            detail: Some(detail),
            hook: Some("share"),
            note,
            sources,
        });
    }
    figures
}

/// For a Korean or Japanese room, an amount of the day `when` in won or yen, with the rate
/// it used and whose it is ("약 2조800억 원 (2025년 연평균 환율 1달러 = 1,422.16원, …)"),
/// and that rate's source id; `None` in the other languages and where the dataset holds no
/// rate for the day or its year ([`crate::model::convert`] never borrows another year's).
fn local_amount(data: &Dataset, usd: f64, when: crate::model::Date) -> Option<(String, String)> {
    use crate::model::{convert, Currency, Period, When};
    let l = phrase::locale();
    let currency = match l {
        crate::lang::Locale::Ko => Currency::Krw,
        crate::lang::Locale::Ja => Currency::Jpy,
        _ => return None,
    };
    let c = convert(&data.rates, usd, currency, When::Day(when))?;
    let amount = crate::locale::money::local_currency(l, c.amount)?;
    let rate = crate::locale::number::decimal(l, c.rate.per_usd, 2);
    let publisher = data.source(&c.rate.source).map(|s| s.publisher.clone()).unwrap_or_default();
    let line = match c.rate.period().ok()? {
        Period::Year(year) => phrase::fill(
            "headline.local_year",
            &[("amount", &amount), ("year", &year.to_string()), ("rate", &rate), ("publisher", &publisher)],
        ),
        Period::Day(day) => phrase::fill(
            "headline.local_day",
            &[("amount", &amount), ("date", &phrase::date(day)), ("rate", &rate), ("publisher", &publisher)],
        ),
    };
    Some((line, c.rate.source.clone()))
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
