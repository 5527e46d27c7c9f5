//! The forms the charts draw numbers, amounts and dates in, for the locale in force
//! ([`crate::phrase`]): English keeps the forms the charts always had, byte for byte
//! ([`crate::format`], [`crate::date::Date::human`]); another locale writes them as its
//! press does ([`crate::locale`]). Fixed words come from [`crate::phrase::t`] and
//! [`crate::phrase::fill`] under the keys `chart.*`, `legend.*`, `tooltip.*` and `flow.*`.

use crate::lang::Locale;
use crate::locale::{dates, money as locale_money};
use crate::model::{Category, Date, FigureNature};
use crate::phrase::{self, t};

/// Dollars in a sentence or a tooltip ("$1.46B", "14억6,000만 달러").
pub(crate) fn money(usd: f64) -> String {
    phrase::money(usd)
}

/// Dollars on an axis tick or in a tight label: the locale's short form ("$2.02B",
/// "20.2억 달러", "2,02 Md $", "2,02 Mrd. $").
pub(crate) fn axis_money(usd: f64) -> String {
    match phrase::locale() {
        Locale::En => crate::format::money(usd),
        l => locale_money::money_axis(l, usd),
    }
}

/// An amount as a publisher gave it: one figure, a range or a floor.
pub(crate) fn amount(usd: f64, high: Option<f64>, floor: bool) -> String {
    match phrase::locale() {
        Locale::En => crate::format::amount(usd, high, floor),
        l => locale_money::amount(l, usd, high, floor),
    }
}

/// A share as a percentage ("61%", "61 %").
pub(crate) fn percent(share: f64) -> String {
    phrase::percent(share)
}

/// A count with the locale's grouping.
pub(crate) fn count(n: usize) -> String {
    phrase::integer(i64::try_from(n).unwrap_or(i64::MAX))
}

/// A day ("Feb 21, 2025" as the page writes it, "2025년 2월 21일").
pub(crate) fn date(d: Date) -> String {
    phrase::date(d)
}

/// A month of a year ("Feb 2025", "2025年2月", "février 2025").
pub(crate) fn month_year(d: Date) -> String {
    match phrase::locale() {
        Locale::En => d.month_year(),
        l => dates::month_year(l, d),
    }
}

/// A year on its own ("2025", "2025년", "2025年").
pub(crate) fn year(y: i32) -> String {
    dates::year(phrase::locale(), y)
}

/// A span of years ("2017–2025", "2017~2025년").
pub(crate) fn year_span(from: i32, to: i32) -> String {
    phrase::year_span(from, to)
}

/// A victim category ("Bridge", "브리지").
pub(crate) fn category(c: Category) -> String {
    phrase::category(c)
}

/// A list of items in a sentence, joined as the locale joins them (", ", "、").
pub(crate) fn list(items: &[String]) -> String {
    items.join(&t("chart.list_separator"))
}

/// What a published figure is, in lower case inside a tooltip ("annual figure, stated").
pub(crate) fn nature(n: FigureNature) -> String {
    t(match n {
        FigureNature::FullYear => "tooltip.nature.full_year",
        FigureNature::PartOfYear => "tooltip.nature.part_of_year",
        FigureNature::MultiPeriod => "tooltip.nature.multi_period",
        FigureNature::Derived => "tooltip.nature.derived",
    })
}

/// ". Source: {title}" closing a tooltip.
pub(crate) fn source(title: &str) -> String {
    phrase::fill("tooltip.source", &[("source", title)])
}

/// "{n} incident" or "{n} incidents" (English has two forms; the other locales one).
pub(crate) fn incidents(n: usize) -> String {
    let key = if n == 1 { "chart.incidents_one" } else { "chart.incidents_other" };
    phrase::fill(key, &[("n", &count(n))])
}
