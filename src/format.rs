//! How numbers read on screen: `$1.46B`, `$661M`, `61%`.

use crate::decimal::fixed;

/// Dollars with a unit suffix and three significant figures, trailing zeros trimmed:
/// `$1.46B`, `$661M`, `$77.3M`, `$41M`, `$0`. One precision everywhere on the page, so
/// figures side by side read alike ("$1.69B" beside "$1.23B", never "$1.686B"). A value
/// that rounds up to the next unit takes that unit (`$999.7M` reads `$1B`).
pub fn money(usd: f64) -> String {
    if !usd.is_finite() {
        return "n/a".to_string();
    }
    let sign = if usd < 0.0 { "-" } else { "" };
    let v = usd.abs();
    const UNITS: [(f64, &str); 3] = [(1e9, "B"), (1e6, "M"), (1e3, "K")];
    // The unit is chosen after rounding: 999,950 rounds to "1000K", which reads "$1M".
    let mut unit = UNITS.iter().position(|(size, _)| v >= *size).unwrap_or(UNITS.len());
    loop {
        let (size, suffix) = UNITS.get(unit).copied().unwrap_or((1.0, ""));
        let scaled = v / size;
        let decimals: usize = if scaled >= 99.95 {
            0
        } else if scaled >= 9.995 {
            1
        } else {
            2
        };
        // Halves round up, as a reader rounds ($660.5M reads $661M); formatting alone
        // would round them to even.
        let factor = 10f64.powi(decimals as i32);
        let rounded = (scaled * factor).round() / factor;
        let text = fixed(rounded, decimals);
        if unit > 0 && text == "1000" {
            unit -= 1;
            continue;
        }
        let text = if text.contains('.') {
            text.trim_end_matches('0').trim_end_matches('.').to_string()
        } else {
            text
        };
        return format!("{sign}${text}{suffix}");
    }
}

/// A share as a whole percent, or with one decimal under 10%: `61%`, `4.5%`.
pub fn percent(share: f64) -> String {
    if !share.is_finite() {
        return "n/a".to_string();
    }
    let p = share * 100.0;
    if p.abs() < 10.0 && (p - p.round()).abs() > 0.05 {
        format!("{}%", fixed(p, 1))
    } else {
        format!("{}%", fixed(p, 0))
    }
}

/// Whole dollars with thousands separators, for tables: `$1,460,000,000`.
pub(crate) fn dollars_exact(usd: f64) -> String {
    if !usd.is_finite() {
        return "n/a".to_string();
    }
    let rounded = usd.round().abs() as u128;
    let digits = rounded.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 2);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    format!("{}${out}", if usd < 0.0 { "-" } else { "" })
}

/// An amount as a publisher gave it, with its range or floor: "$1.34B", "$1.64B–$1.65B",
/// "at least $2.02B".
pub fn amount(usd: f64, high: Option<f64>, floor: bool) -> String {
    match (high, floor) {
        (Some(h), _) => format!("{}–{}", money(usd), money(h)),
        (None, true) => format!("at least {}", money(usd)),
        (None, false) => money(usd),
    }
}

/// A count of tokens with thousands separators and, when fractional, up to four decimals:
/// `361,255`, `944`, `0.5`, `1,234.5678`.
pub fn count(n: f64) -> String {
    if !n.is_finite() {
        return "n/a".to_string();
    }
    let whole = dollars_exact(n.trunc()).replacen('$', "", 1);
    let fraction = fixed(n.abs().fract(), 4);
    let fraction = fraction.trim_start_matches('0').trim_end_matches('0').trim_end_matches('.');
    format!("{whole}{fraction}")
}

/// A price per token: whole dollars with separators from $100 up (`$2,490`), cents below
/// (`$0.99`, `$12.50`).
pub fn price(usd: f64) -> String {
    if usd.is_finite() && usd.abs() < 100.0 {
        format!("{}${}", if usd < 0.0 { "-" } else { "" }, fixed(usd.abs(), 2))
    } else {
        dollars_exact(usd)
    }
}

/// A share with up to two decimals, trailing zeros trimmed: `72.4%`, `3.84%`, `16%`.
pub(crate) fn percent_fine(share: f64) -> String {
    if !share.is_finite() {
        return "n/a".to_string();
    }
    let text = fixed(share * 100.0, 2);
    format!("{}%", text.trim_end_matches('0').trim_end_matches('.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_reads_with_three_significant_figures() {
        let cases = [
            (1.46e9, "$1.46B"),
            (1.5e9, "$1.5B"),
            (1_686_000_000.0, "$1.69B"),
            (6_387_000_000.0, "$6.39B"),
            (77_270_000.0, "$77.3M"),
            (660.5e6, "$661M"),
            (625e6, "$625M"),
            (308e6, "$308M"),
            (41e6, "$41M"),
            (500e6, "$500M"),
            (2.02e9, "$2.02B"),
            (1_340_000_000.0, "$1.34B"),
            (1_202_400_000.0, "$1.2B"),
            (9_996_000.0, "$10M"),
            (99_960_000.0, "$100M"),
            (999_700_000.0, "$1B"),
            (999_950.0, "$1M"),
            (7_500.0, "$7.5K"),
            (999.0, "$999"),
            (12.345, "$12.3"),
            (0.0, "$0"),
            (-3e6, "-$3M"),
            (-77_270_000.0, "-$77.3M"),
            (2.5e12, "$2500B"),
            (f64::NAN, "n/a"),
            (f64::INFINITY, "n/a"),
        ];
        for (value, want) in cases {
            assert_eq!(money(value), want, "{value}");
        }
    }

    #[test]
    fn percent_keeps_one_decimal_only_when_small() {
        assert_eq!(percent(0.61), "61%");
        assert_eq!(percent(0.045), "4.5%");
        assert_eq!(percent(0.05), "5%");
        assert_eq!(percent(1.0), "100%");
    }

    #[test]
    fn token_counts_prices_and_fine_shares_read_as_written() {
        type Case = (fn(f64) -> String, f64, &'static str);
        let cases: [Case; 9] = [
            (count, 361_255.0, "361,255"),
            (count, 0.5, "0.5"),
            (count, 1234.5678, "1,234.5678"),
            (price, 2490.0, "$2,490"),
            (price, 0.9998, "$1.00"),
            (price, 12.5, "$12.50"),
            (percent_fine, 0.724, "72.4%"),
            (percent_fine, 0.0384, "3.84%"),
            (percent_fine, 0.16, "16%"),
        ];
        for (f, value, want) in cases {
            assert_eq!(f(value), want, "{value}");
        }
    }

    #[test]
    fn exact_dollars_group_thousands() {
        assert_eq!(dollars_exact(1_460_000_000.0), "$1,460,000,000");
        assert_eq!(dollars_exact(999.4), "$999");
        assert_eq!(dollars_exact(1000.0), "$1,000");
    }
}
