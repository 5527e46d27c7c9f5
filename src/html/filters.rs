//! The filter controls as markup: years, categories, confidence, actors, chains and the
//! date range in force.

use std::fmt::Write;

use crate::html::action::Action;
use crate::model::{Category, Confidence};
use crate::phrase::{self, t};
use crate::pipeline::Selection;
use crate::render::svg::escape;

/// The filter controls: their choices (from the data) and, when the view narrows the
/// dates on the timeline, a line saying so with a way to clear them. Every control starts
/// at "all": the live page sets their values from the view in force, so a change of view
/// never rewrites the control being used.
pub fn filters(sel: &Selection) -> String {
    let data = &sel.data;
    let (lo, hi) = data.years();
    // Built when the data changes, not on every change of view.
    let mut actors: Vec<&str> = data.incidents.iter().map(|i| i.actor.as_str()).collect();
    crate::sort::unique(&mut actors);
    let mut chains: Vec<&str> =
        data.incidents.iter().flat_map(|i| i.chains.iter().map(String::as_str)).collect();
    crate::sort::unique(&mut chains);
    let years: Vec<String> = (lo..=hi).map(|y| y.to_string()).collect();
    let year_refs: Vec<&str> = years.iter().map(String::as_str).collect();
    let mut out =
        format!(r#"<h2 class="visually-hidden">{}</h2><div class="filter-row">"#, t("section.filters"));
    let all_years = t("filters.all_years");
    out.push_str(&select(&format!("{} ", t("filters.from")), "from", &all_years, &year_refs));
    out.push_str(&select(&format!("{} ", t("filters.to")), "to", &all_years, &year_refs));
    out.push_str(&select_names(
        &format!("{} ", t("filters.actor")),
        "actor",
        &t("filters.all_actors"),
        &actors,
    ));
    out.push_str(&select_names(
        &format!("{} ", t("filters.chain")),
        "chain",
        &t("filters.all_chains"),
        &chains,
    ));
    let _ = write!(
        out,
        r#"<label class="search">{} <input type="search" name="q" placeholder="{}" value=""></label><button type="button" class="reset"{}>{}</button></div>"#,
        t("filters.search"),
        escape(&t("filters.search_placeholder")),
        Action::Reset.attr(),
        t("filters.clear")
    );
    let categories: Vec<(&str, String)> =
        Category::ALL.iter().map(|&c| (c.slug(), phrase::category(c))).collect();
    out.push_str(&checkboxes(&t("filters.category"), "category", &categories));
    let levels: Vec<(&str, String)> =
        Confidence::ALL.iter().map(|&c| (c.slug(), phrase::confidence(c))).collect();
    out.push_str(&checkboxes(&t("filters.confidence"), "confidence", &levels));
    if let Some((a, b)) = sel.view.filter.dates {
        let _ = write!(
            out,
            r#"<p class="date-range">{} <button type="button"{}>{}</button></p>"#,
            phrase::fill("filters.dates_narrowed", &[("from", &phrase::date(a)), ("to", &phrase::date(b))]),
            Action::ClearDates.attr(),
            t("filters.clear_dates")
        );
    }
    out
}

/// A fieldset of checkboxes named `name`, one per (value, label).
fn checkboxes(legend: &str, name: &str, items: &[(&str, String)]) -> String {
    let mut out = format!(r#"<fieldset class="filter-row"><legend>{legend}</legend>"#);
    for (value, label) in items {
        let _ = write!(
            out,
            r#"<label class="check"><input type="checkbox" name="{name}" value="{value}">{label}</label>"#
        );
    }
    out.push_str("</fieldset>");
    out
}

fn select(label: &str, name: &str, all: &str, options: &[&str]) -> String {
    let mut out = format!(r#"<label>{label}<select name="{name}"><option value="">{all}</option>"#);
    for o in options {
        let _ = write!(out, r#"<option value="{0}">{0}</option>"#, escape(o));
    }
    out.push_str("</select></label>");
    out
}

/// Longest option text in a filter select, in characters: the select is as wide as its
/// longest option, and a name may be 300 characters long.
const OPTION_CHARS: usize = 48;

/// `s` cut to `max` characters with an ellipsis.
fn clipped(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((end, _)) => format!("{}…", &s[..end]),
        None => s.to_string(),
    }
}

/// A select of names from the data (actor, chain). Long names are cut in the option's text
/// only. Several values in force show as a first option naming them all
/// ([`several_names`]), which the live page adds and the reader cannot pick again but sees.
fn select_names(label: &str, name: &str, all: &str, options: &[&str]) -> String {
    let mut out = format!(r#"<label>{label}<select name="{name}"><option value="">{all}</option>"#);
    for o in options {
        let _ =
            write!(out, r#"<option value="{}">{}</option>"#, escape(o), escape(&clipped(o, OPTION_CHARS)));
    }
    out.push_str("</select></label>");
    out
}

/// The text of the option naming several chosen values ("A or B"), cut to fit a select.
pub fn several_names(chosen: &[String]) -> String {
    clipped(&chosen.join(" or "), OPTION_CHARS * 2)
}
