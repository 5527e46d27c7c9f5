//! A published figure's amount and window in the words in force. The window: a year
//! ("2024", "2024년"),
//! a publisher's year that ends early ("2025 (to 19 Dec 2025)"), or its days
//! ("1 Jan 2026 – 30 Jun 2026", "2026년 1월 1일~6월 30일"), with the publisher's own
//! wording where it gave no exact end (that wording is data, in English).

use crate::aggregate::{ReportedMark, Window};
use crate::model::{FigureNature, FigureScope};
use crate::phrase::{date, fill, integer, is_english, locale, money, t};

/// The window in the words in force. English keeps the page's wording byte for byte (the
/// same as `ReportedTotal::window`, which the English exports still use).
pub fn window(w: &Window) -> String {
    if is_english() {
        return english(w);
    }
    let l = locale();
    let days = crate::locale::dates::day_range(l, w.start, w.end);
    let named = match (w.year, w.scope) {
        (Some(y), FigureScope::Annual) if w.is_full_year() => return crate::locale::dates::year(l, y),
        (Some(y), FigureScope::Annual) => match &w.words {
            Some(_) => crate::locale::dates::year(l, y),
            None => {
                let year = crate::locale::dates::year(l, y);
                return fill("outlook.window_to", &[("year", &year), ("date", &date(w.end))]);
            }
        },
        _ => days,
    };
    match &w.words {
        Some(words) => fill("outlook.window_words", &[("window", &named), ("words", words)]),
        None => named,
    }
}

/// The English window, as the page has always written it.
fn english(w: &Window) -> String {
    let days = format!("{} – {}", w.start.human(), w.end.human());
    match (w.year, w.scope, &w.words) {
        (Some(y), FigureScope::Annual, _) if w.is_full_year() => y.to_string(),
        (Some(y), FigureScope::Annual, Some(words)) => format!("{y} ({words})"),
        (Some(y), FigureScope::Annual, None) => format!("{y} (to {})", w.end.human()),
        (_, _, Some(words)) => format!("{days} ({words})"),
        _ => days,
    }
}

/// An amount as a publisher gave it, in the words in force: one figure, a range, or a floor
/// ("$1.34B", "$1.4B–$1.5B", "at least $2B"; "14억~15억 달러", "au moins 2 milliards de
/// dollars"). English keeps the page's own forms.
pub fn amount(usd: f64, high: Option<f64>, floor: bool) -> String {
    if is_english() {
        crate::format::amount(usd, high, floor)
    } else {
        crate::locale::money::amount(locale(), usd, high, floor)
    }
}

/// True when the window is the whole calendar year `year` and so reads as the year alone.
fn is_the_year(w: &Window, year: i32) -> bool {
    w.year == Some(year) && w.scope == FigureScope::Annual && w.is_full_year()
}

/// A publisher's figure for a year as its tooltip and the yearly table read it, in the
/// words in force: "$1.34B (47 incidents), published 19 Dec 2024", with the range, the
/// window of a part-year or early-ending figure, a derived figure's basis and the earlier
/// figures where there are any. The basis is the record's own English: outside English it
/// is followed by the note that it is English.
pub fn figure_summary(m: &ReportedMark) -> String {
    let mut s = amount(m.usd, m.usd_high, m.floor);
    if let Some(n) = m.incidents {
        s.push_str(&fill("tooltip.yearly.incidents", &[("n", &integer(i64::from(n)))]));
    }
    match m.nature {
        FigureNature::PartOfYear => {
            s.push_str(&fill("tooltip.yearly.part", &[("window", &window(&m.window))]))
        }
        FigureNature::FullYear if !is_the_year(&m.window, m.year) => {
            s.push_str(&fill("tooltip.yearly.annual", &[("window", &window(&m.window))]))
        }
        FigureNature::Derived => {
            let basis = match &m.basis {
                None => t("tooltip.yearly.no_basis"),
                Some(b) if is_english() => b.clone(),
                Some(b) => format!("{b} {}", t("data.english_only")),
            };
            s.push_str(&fill("tooltip.yearly.derived", &[("basis", &basis)]))
        }
        FigureNature::FullYear | FigureNature::MultiPeriod => {}
    }
    s.push_str(&fill("tooltip.yearly.published", &[("date", &date(m.published))]));
    for e in &m.revised_from {
        let key = if e.partial { "tooltip.yearly.earlier_part" } else { "tooltip.yearly.earlier" };
        s.push_str(&fill(key, &[("amount", &money(e.usd)), ("date", &date(e.published))]));
    }
    s
}
