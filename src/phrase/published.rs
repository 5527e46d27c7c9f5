//! A published figure's amount and window in the words in force. The window: a year
//! ("2024", "2024년"),
//! a publisher's year that ends early ("2025 (to 19 Dec 2025)"), or its days
//! ("1 Jan 2026 – 30 Jun 2026", "2026년 1월 1일~6월 30일"), with the publisher's own
//! wording where it gave no exact end (that wording is data, in English).

use crate::aggregate::Window;
use crate::model::FigureScope;
use crate::phrase::{date, fill, is_english, locale};

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
