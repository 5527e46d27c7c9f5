//! How numbers read on screen: `$1.46B`, `$660.5M`, `61%`.

/// Dollars with a unit suffix and up to four significant digits, trailing zeros trimmed:
/// `$1.46B`, `$660.5M`, `$625M`, `$41M`, `$0`. Four digits keep the figures briefing
/// audiences already know (Chainalysis' $660.5M) intact.
pub fn money(usd: f64) -> String {
    if !usd.is_finite() {
        return "n/a".to_string();
    }
    let sign = if usd < 0.0 { "-" } else { "" };
    let v = usd.abs();
    let (scaled, suffix) = if v >= 1e9 {
        (v / 1e9, "B")
    } else if v >= 1e6 {
        (v / 1e6, "M")
    } else if v >= 1e3 {
        (v / 1e3, "K")
    } else {
        (v, "")
    };
    let decimals: usize = if scaled >= 100.0 {
        1
    } else if scaled >= 10.0 {
        2
    } else {
        3
    };
    let text = format!("{scaled:.decimals$}");
    let text =
        if text.contains('.') { text.trim_end_matches('0').trim_end_matches('.').to_string() } else { text };
    format!("{sign}${text}{suffix}")
}

/// A share as a whole percent, or with one decimal under 10%: `61%`, `4.5%`.
pub fn percent(share: f64) -> String {
    if !share.is_finite() {
        return "n/a".to_string();
    }
    let p = share * 100.0;
    if p.abs() < 10.0 && (p - p.round()).abs() > 0.05 {
        format!("{p:.1}%")
    } else {
        format!("{p:.0}%")
    }
}

/// Whole dollars with thousands separators, for tables: `$1,460,000,000`.
pub fn dollars_exact(usd: f64) -> String {
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
    let fraction = format!("{:.4}", n.abs().fract());
    let fraction = fraction.trim_start_matches('0').trim_end_matches('0').trim_end_matches('.');
    format!("{whole}{fraction}")
}

/// A price per token: whole dollars with separators from $100 up (`$2,490`), cents below
/// (`$0.99`, `$12.50`).
pub fn price(usd: f64) -> String {
    if usd.is_finite() && usd.abs() < 100.0 {
        format!("{}${:.2}", if usd < 0.0 { "-" } else { "" }, usd.abs())
    } else {
        dollars_exact(usd)
    }
}

/// A share with up to two decimals, trailing zeros trimmed: `72.4%`, `3.84%`, `16%`.
pub fn percent_fine(share: f64) -> String {
    if !share.is_finite() {
        return "n/a".to_string();
    }
    let text = format!("{:.2}", share * 100.0);
    format!("{}%", text.trim_end_matches('0').trim_end_matches('.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_reads_like_a_briefing() {
        let cases = [
            (1.46e9, "$1.46B"),
            (1.5e9, "$1.5B"),
            (660.5e6, "$660.5M"),
            (625e6, "$625M"),
            (41e6, "$41M"),
            (500e6, "$500M"),
            (2.02e9, "$2.02B"),
            (1_340_000_000.0, "$1.34B"),
            (7_500.0, "$7.5K"),
            (0.0, "$0"),
            (-3e6, "-$3M"),
            (f64::NAN, "n/a"),
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
