//! JSON numbers as `f64`, correctly rounded (to the nearest, ties to even), without the
//! standard library's parser, whose tables and code were 6% of the WebAssembly. Nearly
//! every number in a dataset is exact in one step (Clinger's fast path: at most 15
//! significant digits and a small power of ten); the rest are divided out exactly with big
//! integers.

use std::cmp::Ordering;

use crate::decimal::Big;

/// The `f64` nearest to a JSON number's text, or `None` when the text is not one or the
/// number is too large for an `f64`.
pub fn parse_f64(text: &str) -> Option<f64> {
    let (negative, digits, exp10) = decimal(text)?;
    let v =
        if digits.is_empty() { 0.0 } else { fast(&digits, exp10).unwrap_or_else(|| exact(&digits, exp10)) };
    if !v.is_finite() {
        return None;
    }
    Some(if negative { -v } else { v })
}

/// Most significant digits kept: more never change the nearest `f64` (767 can), once a
/// non-zero tail is kept as one last digit.
const MAX_DIGITS: usize = 800;

/// Splits `-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?` into its sign, its significant
/// digits (no leading or trailing zeros) and the power of ten they are multiplied by.
fn decimal(text: &str) -> Option<(bool, Vec<u8>, i64)> {
    let b = text.as_bytes();
    let digits_from = |mut k: usize| {
        while b.get(k).is_some_and(u8::is_ascii_digit) {
            k += 1;
        }
        k
    };
    let negative = b.first() == Some(&b'-');
    let int_start = usize::from(negative);
    let mut k = digits_from(int_start);
    let int = &b[int_start..k];
    if int.is_empty() || (int.len() > 1 && int[0] == b'0') {
        return None;
    }
    let mut frac: &[u8] = &[];
    if b.get(k) == Some(&b'.') {
        let end = digits_from(k + 1);
        frac = &b[k + 1..end];
        k = end;
        if frac.is_empty() {
            return None;
        }
    }
    let mut exp: i64 = 0;
    if matches!(b.get(k), Some(b'e' | b'E')) {
        k += 1;
        let negative_exp = b.get(k) == Some(&b'-');
        k += usize::from(matches!(b.get(k), Some(b'-' | b'+')));
        let end = digits_from(k);
        if end == k {
            return None;
        }
        // Past a million the number is zero or out of range either way.
        exp = b[k..end].iter().fold(0i64, |e, d| (e * 10 + i64::from(d - b'0')).min(1_000_000));
        exp = if negative_exp { -exp } else { exp };
        k = end;
    }
    if k != b.len() {
        return None;
    }
    let mut digits: Vec<u8> = int.iter().chain(frac).map(|d| d - b'0').collect();
    let mut exp10 = exp - frac.len() as i64;
    let leading = digits.iter().take_while(|d| **d == 0).count();
    digits.drain(..leading);
    while digits.last() == Some(&0) {
        digits.pop();
        exp10 += 1;
    }
    if digits.len() > MAX_DIGITS {
        let tail = digits[MAX_DIGITS..].iter().any(|d| *d != 0);
        exp10 += (digits.len() - MAX_DIGITS - 1) as i64;
        digits.truncate(MAX_DIGITS);
        digits.push(u8::from(tail));
    }
    Some((negative, digits, exp10))
}

/// Powers of ten an `f64` holds exactly.
const EXACT: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
    1e19, 1e20, 1e21, 1e22,
];

/// A number whose significant digits and power of ten are both exact in an `f64`: one
/// correctly rounded multiplication or division.
fn fast(digits: &[u8], exp10: i64) -> Option<f64> {
    if digits.len() > 15 || !(-22..=22).contains(&exp10) {
        return None;
    }
    let w = digits.iter().fold(0u64, |w, d| w * 10 + u64::from(*d)) as f64;
    let p = EXACT[exp10.unsigned_abs() as usize];
    Some(if exp10 < 0 { w / p } else { w * p })
}

/// Any number: `digits × 10^exp10` as a fraction of big integers, its binary digits
/// divided out one by one and rounded to the nearest (ties to even) at the last bit an
/// `f64` holds there (fewer for a subnormal).
fn exact(digits: &[u8], exp10: i64) -> f64 {
    let magnitude = digits.len() as i64 + exp10;
    if magnitude > 310 {
        return f64::INFINITY;
    }
    if magnitude < -330 {
        return 0.0;
    }
    let mut num = Big::from_digits(digits);
    let mut den = Big::from_u64(1);
    if exp10 >= 0 {
        num.mul_pow10(exp10 as usize);
    } else {
        den.mul_pow10(exp10.unsigned_abs() as usize);
    }
    // Scale so that den <= num < 2 den: the value is (num / den) × 2^e2.
    let mut e2 = i64::from(num.bits()) - i64::from(den.bits());
    if e2 > 0 {
        den.shl(e2 as u32);
    } else {
        num.shl(e2.unsigned_abs() as u32);
    }
    if num.cmp(&den) == Ordering::Less {
        num.shl(1);
        e2 -= 1;
    }
    if e2 > 1023 {
        return f64::INFINITY;
    }
    if e2 < -1075 {
        return 0.0;
    }
    // 53 bits for a normal number; a subnormal has fewer the smaller it is.
    let bits = if e2 >= -1022 { 53 } else { 53 - (-1022 - e2) };
    let mut q: u64 = 0;
    for _ in 0..bits {
        q <<= 1;
        if num.cmp(&den) != Ordering::Less {
            num.sub(&den);
            q |= 1;
        }
        num.shl(1);
    }
    let half = num.cmp(&den) != Ordering::Less;
    if half {
        num.sub(&den);
    }
    if half && (!num.is_zero() || q & 1 == 1) {
        q += 1;
    }
    // Exact: q has at most 54 bits and the result lands on a value an f64 holds.
    let k = e2 - bits + 1;
    let first = k.max(-1000);
    q as f64 * two_to(first) * two_to(k - first)
}

/// 2^k, for k from -1074 to 1023.
fn two_to(k: i64) -> f64 {
    if k >= -1022 {
        f64::from_bits(((k + 1023) as u64) << 52)
    } else {
        f64::from_bits(1u64 << (k + 1074).clamp(0, 51))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_the_standard_library_reads_them() {
        let cases = [
            "0",
            "-0",
            "1",
            "1460000000",
            "0.5",
            "1e400",
            "5e-324",
            "2.4703282292062327e-324",
            "2.4703282292062328e-324",
            "1e308",
            "1.7976931348623157e308",
            "1.7976931348623159e308",
            "2.2250738585072011e-308",
            "9007199254740993",
            "123456789012345678901234567890",
            "0.1",
            "3.14159265358979323846264338327950288",
            "1e-400",
            "4.9406564584124654e-324",
            "1e23",
            "8.98846567431158e307",
        ];
        for text in cases {
            let want = text.parse::<f64>().ok().filter(|v| v.is_finite());
            assert_eq!(parse_f64(text).map(f64::to_bits), want.map(f64::to_bits), "{text}");
        }
        for text in ["", "-", "01", "1.", ".5", "+1", "1e", "1e+", "0x10", "1.5.2", " 1", "NaN", "inf"] {
            assert_eq!(parse_f64(text), None, "{text:?} is not a JSON number");
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

        /// Any JSON number reads as the standard library's correctly rounded `f64`.
        #[test]
        fn any_json_number_is_correctly_rounded(
            int in "(0|[1-9][0-9]{0,30})",
            frac in proptest::option::of("[0-9]{1,30}"),
            exp in proptest::option::of(-400i32..400),
            negative in proptest::bool::ANY,
        ) {
            let mut text = format!("{}{int}", if negative { "-" } else { "" });
            if let Some(f) = frac {
                text.push('.');
                text.push_str(&f);
            }
            if let Some(e) = exp {
                text.push_str(&format!("e{e}"));
            }
            let want = text.parse::<f64>().ok().filter(|v| v.is_finite());
            proptest::prop_assert_eq!(parse_f64(&text).map(f64::to_bits), want.map(f64::to_bits), "{}", text);
        }

        /// Every finite `f64` reads back from its shortest text to the same bits.
        #[test]
        fn every_f64_reads_back_from_its_shortest_text(bits in proptest::num::u64::ANY) {
            let v = f64::from_bits(bits);
            if v.is_finite() {
                let text = format!("{v:e}");
                proptest::prop_assert_eq!(parse_f64(&text).map(f64::to_bits), Some(v.to_bits()), "{}", text);
            }
        }
    }
}
