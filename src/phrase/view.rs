//! "The view in words" (issue 17): what the reader narrowed the view to, said in the
//! locale in force. The view (layer 2) keeps the data (`Filter`: categories, levels,
//! years, dates, text); the words live here, in one function, [`words`], which frames,
//! embeds, citations, slides, print and the JSON export all call.

use crate::model::Date;
use crate::phrase::{self, fill, t};
use crate::view::Filter;

/// How a view's years are said beside its filter; the one place that differs between the
/// surfaces that show the view in words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Years {
    /// As the filter states them ("2022 to 2024", "from 2022"), and nothing when it states
    /// none: a line that names the span elsewhere (print's "Showing 26 incidents from
    /// 2022–2024"), the phone's folded filters.
    AsFiltered,
    /// The filter as stated, then the span the charts cover unless the filter gives both
    /// years, which already say it ("Bridge, 2017–2026", "2022 to 2024"): exported images,
    /// embeds and the incidents JSON.
    Beside((i32, i32)),
    /// Said once: the filter without its years, then the span ("Bridge; 2022–2024"), or
    /// with brushed dates the filter whole: citations.
    Once((i32, i32)),
}

/// The view to put in words: its filter, how its years are said, and what else is open.
#[derive(Debug, Clone, Copy)]
pub struct View<'a> {
    /// What the reader narrowed the view to.
    pub filter: &'a Filter,
    /// How the years are said.
    pub years: Years,
    /// The incident open in the detail panel: its victim and date.
    pub open: Option<(&'a str, Date)>,
    /// The victim of the theft whose laundering the flow chart draws.
    pub flow: Option<&'a str>,
}

impl<'a> View<'a> {
    /// A filter alone, its years said as `years`.
    pub fn of(filter: &'a Filter, years: Years) -> View<'a> {
        View { filter, years, open: None, flow: None }
    }
}

/// Items joined with the locale's "or" ("Bridge or Wallet", "브리지 또는 지갑").
fn either(items: &[String]) -> String {
    items.join(&t("view.or"))
}

/// The filter's parts, in a fixed order: categories, attribution, actors, chains, years
/// (unless `with_years` is false), dates, text.
fn parts(f: &Filter, with_years: bool) -> Vec<String> {
    let mut parts: Vec<String> = Vec::new();
    if !f.categories.is_empty() {
        parts.push(either(&f.categories.iter().map(|c| phrase::category(*c)).collect::<Vec<_>>()));
    }
    if !f.confidence.is_empty() {
        let levels = either(&f.confidence.iter().map(|c| phrase::confidence(*c)).collect::<Vec<_>>());
        parts.push(fill("view.attribution", &[("levels", &levels)]));
    }
    if !f.actors.is_empty() {
        parts.push(fill("view.actor", &[("actors", &either(&f.actors))]));
    }
    if !f.chains.is_empty() {
        parts.push(fill("view.chain", &[("chains", &either(&f.chains))]));
    }
    if with_years {
        let year = |y: i32| crate::locale::dates::year(phrase::locale(), y);
        match (f.from_year, f.to_year) {
            (Some(a), Some(b)) if a == b => parts.push(year(a)),
            (Some(a), Some(b)) => {
                parts.push(fill("view.years", &[("from", &a.to_string()), ("to", &b.to_string())]))
            }
            (Some(a), None) => parts.push(fill("view.from", &[("year", &a.to_string())])),
            (None, Some(b)) => parts.push(fill("view.to", &[("year", &b.to_string())])),
            (None, None) => {}
        }
    }
    if let Some((a, b)) = f.dates {
        parts.push(fill("view.dates", &[("from", &phrase::date(a)), ("to", &phrase::date(b))]));
    }
    if !f.text.trim().is_empty() {
        parts.push(fill("view.matching", &[("text", f.text.trim())]));
    }
    parts
}

/// The view in words, in the locale in force: "All incidents", "Bridge; official
/// attribution; 2022 to 2024", "All incidents, 2017–2026"; with an open incident and a
/// flow, "…; open: Bybit, Feb 21, 2025; flow shown: the laundering of the Bybit theft".
/// Dates and spans of years in the locale's forms; names from the data as they are.
pub fn words(v: &View) -> String {
    let separator = t("view.separator");
    let f = v.filter;
    let stated = |with_years: bool| {
        let p = parts(f, with_years);
        (!p.is_empty()).then(|| p.join(&separator))
    };
    let span = |s: (i32, i32)| phrase::year_span(s.0, s.1);
    let mut out = match v.years {
        Years::AsFiltered => stated(true).unwrap_or_else(|| t("view.all")),
        // A view bounded by both years already says them.
        Years::Beside(_) if f.from_year.is_some() && f.to_year.is_some() => {
            stated(true).unwrap_or_else(|| t("view.all"))
        }
        Years::Beside(s) => fill(
            "view.with_span",
            &[("view", &stated(true).unwrap_or_else(|| t("view.all"))), ("span", &span(s))],
        ),
        Years::Once(_) if f.dates.is_some() => stated(true).unwrap_or_else(|| t("view.all")),
        Years::Once(s) => match stated(false) {
            None => fill("view.all_span", &[("span", &span(s))]),
            Some(d) => format!("{d}{separator}{}", span(s)),
        },
    };
    if let Some((victim, date)) = v.open {
        out.push_str(&separator);
        out.push_str(&fill("view.open", &[("victim", victim), ("date", &phrase::date(date))]));
    }
    if let Some(victim) = v.flow {
        out.push_str(&separator);
        out.push_str(&fill("view.flow", &[("victim", victim)]));
    }
    out
}
