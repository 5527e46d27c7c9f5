//! Exchange rates as sourced records ([`Rate`]): won and yen per US dollar, for a day or a
//! calendar year's average, each citing the document it was read in. [`convert`] turns a
//! dollar amount into one of these currencies with a rate the data holds, and says which,
//! or gives nothing: the dashboard never makes a rate up.

use serde::Serialize;

use crate::date::Date;

/// A currency the dataset holds rates for. Only those the rooms the page serves expect a
/// local-currency line in (South Korea, Japan).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub enum Currency {
    /// South Korean won.
    #[serde(rename = "KRW")]
    Krw,
    /// Japanese yen.
    #[serde(rename = "JPY")]
    Jpy,
}

impl Currency {
    /// Every currency, in the schema's order.
    pub const ALL: [Currency; 2] = [Currency::Krw, Currency::Jpy];

    /// The ISO 4217 code, as in the JSON.
    pub fn slug(self) -> &'static str {
        match self {
            Currency::Krw => "KRW",
            Currency::Jpy => "JPY",
        }
    }

    /// The range a rate per US dollar must fall in to be believed. Since 2000 the won has
    /// traded between about 900 and 1,600 per dollar and the yen between about 75 and 165;
    /// the bounds are wide of both so a real rate passes and a slipped digit (or a rate
    /// given the other way round, dollars per unit) does not.
    pub fn plausible(self) -> (f64, f64) {
        match self {
            Currency::Krw => (500.0, 3_000.0),
            Currency::Jpy => (50.0, 400.0),
        }
    }
}

/// Which period a rate is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub enum RateKind {
    /// One day's rate; `period` is the day, `YYYY-MM-DD`.
    Daily,
    /// A calendar year's average; `period` is the year, `YYYY`. A year still running is an
    /// average to the day the source says (in `note`).
    AnnualAverage,
}

impl RateKind {
    /// Every kind, in the schema's order.
    pub const ALL: [RateKind; 2] = [RateKind::Daily, RateKind::AnnualAverage];

    /// The name in the JSON.
    pub fn slug(self) -> &'static str {
        match self {
            RateKind::Daily => "daily",
            RateKind::AnnualAverage => "annual_average",
        }
    }
}

/// Units of a currency per US dollar, for a day or a calendar year, as a source states it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Rate {
    /// The currency.
    pub currency: Currency,
    /// A day's rate or a year's average.
    pub kind: RateKind,
    /// The period: `YYYY-MM-DD` for a daily rate, `YYYY` for an annual average.
    pub period: String,
    /// Units of the currency per US dollar, as the source gives it (no rounding of ours).
    pub per_usd: f64,
    /// Id of the [`crate::model::Source`] the rate was read in.
    pub source: String,
    /// What the rate is (whose fixing, which hour, an average to which day) where the
    /// source says it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A rate's period, parsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    /// One day.
    Day(Date),
    /// A calendar year.
    Year(i32),
}

impl Period {
    /// The last day the period covers.
    pub(crate) fn last_day(self) -> Date {
        match self {
            Period::Day(d) => d,
            Period::Year(y) => Date::new(y, 12, 31),
        }
    }

    /// The calendar year the period lies in.
    pub fn year(self) -> i32 {
        match self {
            Period::Day(d) => d.year(),
            Period::Year(y) => y,
        }
    }
}

impl Rate {
    /// The period as its kind says to read it, or why it cannot be read.
    pub fn period(&self) -> Result<Period, String> {
        match self.kind {
            RateKind::Daily => Date::parse(&self.period)
                .map(Period::Day)
                .map_err(|e| format!("a daily rate's period is a day, YYYY-MM-DD: {e}")),
            RateKind::AnnualAverage => {
                let year = self.period.as_bytes();
                if year.len() == 4 && year.iter().all(u8::is_ascii_digit) {
                    self.period
                        .parse::<i32>()
                        .map(Period::Year)
                        .map_err(|e| format!("an annual average's period is a year, YYYY: {e}"))
                } else {
                    Err(format!("an annual average's period is a year, YYYY; got \"{}\"", self.period))
                }
            }
        }
    }
}

/// What an amount is to be converted for: a year's total, or one event on one day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// A calendar year's total: converted at that year's average, and nothing else.
    Year(i32),
    /// An event on one day: at that day's rate where the data holds one, else at the
    /// average of the day's year.
    Day(Date),
}

/// An amount converted, and the rate record that did it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Converted<'a> {
    /// The amount in the currency's units.
    pub amount: f64,
    /// The record whose `per_usd` was used (its source and period say which rate it was).
    pub rate: &'a Rate,
}

/// `usd` dollars in `currency`, at the rate `rates` holds for `when` (see [`When`]), with the
/// rate used; `None` when the data holds no such rate, or the amount or the rate is not a
/// finite non-negative number. Never an interpolated or neighbouring year's rate: a room
/// shown a converted figure must be able to trace it to one published rate.
pub fn convert(rates: &[Rate], usd: f64, currency: Currency, when: When) -> Option<Converted<'_>> {
    if !usd.is_finite() || usd < 0.0 {
        return None;
    }
    let usable = |r: &&Rate| r.currency == currency && r.per_usd.is_finite() && r.per_usd > 0.0;
    let find = |wanted: Period| rates.iter().filter(usable).find(|r| r.period() == Ok(wanted));
    let rate = match when {
        When::Year(year) => find(Period::Year(year)),
        When::Day(day) => find(Period::Day(day)).or_else(|| find(Period::Year(day.year()))),
    }?;
    let amount = usd * rate.per_usd;
    amount.is_finite().then_some(Converted { amount, rate })
}
