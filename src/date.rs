//! A calendar date (`YYYY-MM-DD`), small enough to need no date crate in the wasm bundle.

use serde::{Serialize, Serializer};
use std::fmt;

/// A proleptic Gregorian calendar day. Field order makes the derived `Ord` chronological.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

const MONTHS: [&str; 12] =
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

impl Date {
    /// 1 January 2009, the month Bitcoin's first block was mined: no crypto theft is older.
    pub(crate) const BITCOIN_ERA_START: Date = Date { year: 2009, month: 1, day: 1 };

    /// A date from parts already known to be valid; out-of-range parts are clamped so the
    /// result is always a real day.
    pub fn new(year: i32, month: u8, day: u8) -> Date {
        let month = month.clamp(1, 12);
        let day = day.clamp(1, days_in_month(year, month));
        Date { year, month, day }
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1..=12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// The day of the month, 1..=31.
    pub fn day(self) -> u8 {
        self.day
    }

    /// Parses `YYYY-MM-DD`, rejecting days that do not exist (2023-02-30).
    pub fn parse(s: &str) -> Result<Date, String> {
        let bytes = s.as_bytes();
        let shape_ok = bytes.len() == 10
            && bytes[4] == b'-'
            && bytes[7] == b'-'
            && bytes.iter().enumerate().all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
        if !shape_ok {
            return Err(format!("\"{s}\" is not a date of the form YYYY-MM-DD"));
        }
        let num = |r: std::ops::Range<usize>| s[r].parse::<u32>().unwrap_or(0);
        let (year, month, day) = (num(0..4) as i32, num(5..7), num(8..10));
        if !(1..=12).contains(&month) {
            return Err(format!("\"{s}\" has no month {month}"));
        }
        let month = month as u8;
        if day == 0 || day > u32::from(days_in_month(year, month)) {
            return Err(format!("\"{s}\" is not a day of {}", MONTHS[usize::from(month) - 1]));
        }
        Ok(Date { year, month, day: day as u8 })
    }

    /// Days since 1970-01-01 (negative before), for placing dates on a linear axis.
    pub fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01: the inverse of [`Date::days_since_epoch`].
    pub fn from_days_since_epoch(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// "21 Feb 2025": unambiguous for an international audience.
    pub fn human(self) -> String {
        format!("{} {} {}", self.day, MONTHS[usize::from(self.month) - 1], self.year)
    }

    /// "Feb 2025".
    pub fn month_year(self) -> String {
        format!("{} {}", MONTHS[usize::from(self.month) - 1], self.year)
    }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl std::str::FromStr for Date {
    type Err = String;
    fn from_str(s: &str) -> Result<Date, String> {
        Date::parse(s)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl schemars::JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A calendar day, YYYY-MM-DD.",
            "type": "string",
            "format": "date",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_real_days_and_rejects_impossible_ones() {
        let cases = [
            ("2025-02-21", Ok(Date::new(2025, 2, 21))),
            ("2024-02-29", Ok(Date::new(2024, 2, 29))),
            ("2023-02-29", Err(())),
            ("2023-13-01", Err(())),
            ("2023-00-10", Err(())),
            ("2023-1-01", Err(())),
            ("21/02/2025", Err(())),
            ("", Err(())),
            ("２０２３-01-01", Err(())),
        ];
        for (input, want) in cases {
            assert_eq!(Date::parse(input).map_err(|_| ()), want, "{input}");
        }
    }

    #[test]
    fn day_numbers_round_trip_and_match_known_days() {
        assert_eq!(Date::new(1970, 1, 1).days_since_epoch(), 0);
        assert_eq!(Date::new(2025, 2, 21).days_since_epoch(), 20_140);
        for days in (-1000..25_000).step_by(97) {
            let d = Date::from_days_since_epoch(days);
            assert_eq!(d.days_since_epoch(), days, "{d}");
        }
    }

    #[test]
    fn displays_for_people_and_for_json() {
        let d = Date::new(2022, 3, 23);
        assert_eq!(d.to_string(), "2022-03-23");
        assert_eq!(d.human(), "23 Mar 2022");
        assert_eq!(d.month_year(), "Mar 2022");
    }
}
