//! Plain numbers per locale: the grouping and decimal signs, whole numbers, decimals and
//! percentages, and the three-significant-figure rounding money uses.
//!
//! Signs: English, Korean and Japanese group by `,` and mark decimals by `.`; French groups
//! by U+202F (narrow no-break space, CLDR since version 34) and German and Italian by `.`,
//! all three with a decimal comma. Percent: `61%` in English, Korean, Japanese and Italian
//! (CLDR's Italian pattern has no space); French `61 %` with U+202F (the French rule for a
//! thin space before `%`); German `61 %` with U+00A0 (DIN 5008 spaces the sign; CLDR's
//! pattern uses the no-break space).

use crate::decimal::fixed;
use crate::locale::{Locale, MISSING};

/// U+202F NARROW NO-BREAK SPACE: French grouping and the space before `%`.
pub(crate) const NNBSP: char = '\u{202F}';

/// U+00A0 NO-BREAK SPACE: between a number and the unit or currency after it.
pub(crate) const NBSP: char = '\u{A0}';

/// The sign between groups of three digits.
pub(crate) fn group_sign(locale: Locale) -> char {
    match locale {
        Locale::En | Locale::Ko | Locale::Ja => ',',
        Locale::Fr => NNBSP,
        Locale::De | Locale::It => '.',
    }
}

/// The decimal sign.
pub(crate) fn decimal_sign(locale: Locale) -> char {
    match locale {
        Locale::En | Locale::Ko | Locale::Ja => '.',
        Locale::Fr | Locale::De | Locale::It => ',',
    }
}

/// Groups a run of ASCII digits by threes from the right with `sign`: `12500` → `12,500`.
pub(crate) fn group_digits(digits: &str, sign: char) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * sign.len_utf8());
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sign);
        }
        out.push(ch);
    }
    out
}

/// A whole number with the locale's grouping: `12,500`, fr `12 500` (U+202F), de and it
/// `12.500`. Negative numbers take a hyphen-minus, as the page's English does.
pub fn integer(locale: Locale, n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let grouped = group_digits(&digits, group_sign(locale));
    if n < 0 {
        format!("-{grouped}")
    } else {
        grouped
    }
}

/// A number rounded to at most `decimals` places, trailing zeros dropped, grouped and with
/// the locale's decimal sign: `1,234.5`, fr `1 234,5`, de `1.234,5`. Not finite: [`MISSING`].
pub fn decimal(locale: Locale, x: f64, decimals: usize) -> String {
    if !x.is_finite() {
        return MISSING.to_string();
    }
    // Rounded from the exact binary value (as Rust's `{:.N}` does), so the digits are the
    // same natively and in wasm.
    let text = fixed(x.abs(), decimals.min(12));
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let fraction = fraction.trim_end_matches('0');
    let negative = x < 0.0 && (whole.bytes().any(|b| b != b'0') || !fraction.is_empty());
    join_number(locale, negative, whole, fraction)
}

/// A share (0.61 for 61%) as a whole percent, or with one decimal under 10% when that
/// decimal says something, as the page's English does: `61%`, `4.5%`, fr `61 %` (U+202F),
/// de `4,5 %` (U+00A0). Not finite: [`MISSING`].
pub fn percent(locale: Locale, share: f64) -> String {
    if !share.is_finite() {
        return MISSING.to_string();
    }
    let p = share * 100.0;
    if !p.is_finite() {
        return MISSING.to_string();
    }
    let decimals = if p.abs() < 10.0 && (p - p.round()).abs() > 0.05 { 1 } else { 0 };
    let number = decimal(locale, p, decimals);
    match locale {
        Locale::Fr => format!("{number}{NNBSP}%"),
        Locale::De => format!("{number}{NBSP}%"),
        Locale::En | Locale::Ko | Locale::Ja | Locale::It => format!("{number}%"),
    }
}

/// Joins a whole part and a fraction (both ASCII digits) with the locale's signs.
pub(crate) fn join_number(locale: Locale, negative: bool, whole: &str, fraction: &str) -> String {
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    out.push_str(&group_digits(whole, group_sign(locale)));
    if !fraction.is_empty() {
        out.push(decimal_sign(locale));
        out.push_str(fraction);
    }
    out
}

/// Amounts from here up are no amount anyone published: a thousand trillion dollars, ten
/// times the world's yearly output (the validator already refuses a theft over $10
/// trillion). They read as [`crate::locale::MISSING`] rather than as a 300-digit label.
pub const MONEY_LIMIT: f64 = 1e15;

/// A money amount rounded to three significant figures, half up as reports round, as the
/// digits of a whole number (`2020000000` for 2.02e9, `12500`, `999`, `0`). Below 1,000 the
/// amount is rounded to whole dollars (three figures or fewer). `None` for NaN, infinities,
/// negative amounts (no theft has one) and amounts from [`MONEY_LIMIT`] up.
pub(crate) fn three_figures(usd: f64) -> Option<String> {
    if !usd.is_finite() || !(0.0..MONEY_LIMIT).contains(&usd) {
        return None;
    }
    // The whole dollars are exact in integers (a float below the limit fits u64 exactly),
    // so the rounding needs no float arithmetic past this point and cannot differ by
    // target.
    let whole = usd.floor();
    let n = whole as u64;
    if n < 1000 {
        return Some((n + u64::from(usd - whole >= 0.5)).to_string());
    }
    let len = n.to_string().len();
    let step = 10u64.pow(len as u32 - 3);
    // Half up: the fraction below the whole dollars only matters when the remainder is
    // exactly half a step, and then it pushes the amount above half: up either way.
    let leading = n / step + u64::from(2 * (n % step) >= step);
    Some(format!("{leading}{}", "0".repeat(len - 3)))
}

/// `digits` (a whole number) divided by 10^`power`: its whole part and its fraction with
/// trailing zeros dropped. `("2020000000", 9)` → `("2", "02")`.
pub(crate) fn shift(digits: &str, power: usize) -> (String, String) {
    if digits.len() <= power {
        let padded = format!("{}{digits}", "0".repeat(power - digits.len()));
        return ("0".to_string(), padded.trim_end_matches('0').to_string());
    }
    let (whole, fraction) = digits.split_at(digits.len() - power);
    (whole.to_string(), fraction.trim_end_matches('0').to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_figures_round_half_up_in_whole_dollars() {
        let cases = [
            (0.0, "0"),
            (0.4, "0"),
            (999.0, "999"),
            (999.4, "999"),
            (999.6, "1000"),
            (12_500.0, "12500"),
            (12_345.0, "12300"),
            (12_350.0, "12400"),
            (12_349.99, "12300"),
            (660.5e6, "661000000"),
            (0.5, "1"),
            (999_499_999_999_999.0, "999000000000000"),
            (1.5e6, "1500000"),
            (999_499.0, "999000"),
            (999_500.0, "1000000"),
            (2.02e9, "2020000000"),
        ];
        for (usd, want) in cases {
            assert_eq!(three_figures(usd).as_deref(), Some(want), "{usd}");
        }
        assert_eq!(three_figures(-1.0), None);
        assert_eq!(three_figures(f64::NAN), None);
        assert_eq!(three_figures(f64::INFINITY), None);
        assert_eq!(three_figures(MONEY_LIMIT), None);
        assert_eq!(three_figures(1.7e308), None);
    }

    #[test]
    fn shifting_splits_whole_and_fraction() {
        assert_eq!(shift("2020000000", 9), ("2".to_string(), "02".to_string()));
        assert_eq!(shift("1500000", 6), ("1".to_string(), "5".to_string()));
        assert_eq!(shift("12500", 4), ("1".to_string(), "25".to_string()));
        assert_eq!(shift("999", 4), ("0".to_string(), "0999".to_string()));
    }
}
