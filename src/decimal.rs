//! An `f64` as decimal text, byte for byte as the standard library writes it with `{}` (the
//! fewest digits that read back as the same number, the nearest of them when two would) and
//! with `{:.N}` (rounded to N places, ties to even), and `{:e}` for the checker's messages
//! about numbers far out of range, without core's float formatting: its
//! Grisu and Dragon routines, their big integers and their table of cached powers were about
//! as large as everything else `core::fmt` brings to the page's WebAssembly.
//!
//! The page writes thousands of coordinates per redraw, so `{:.N}` of an ordinary number
//! (fewer than 2^64 units of its last place) is worked out in machine integers; everything
//! else, and `{}`, from the number's exact decimal expansion (an `f64` is `m × 2^e`, so it
//! has one, at most 767 significant digits long) with small big integers of our own.
//! `tests/decimal.rs` holds all three forms to the standard library's over every kind of `f64`.

use std::cmp::Ordering;
use std::fmt;

mod big;
pub(crate) use big::Big;

/// `{:.N}` of a number: `format!("{}", Fixed(x, 1))` writes what `format!("{x:.1}")` would.
#[derive(Debug, Clone, Copy)]
pub struct Fixed(pub f64, pub usize);

impl fmt::Display for Fixed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&fixed(self.0, self.1))
    }
}

/// `{}` of a number: `format!("{}", Shortest(x))` writes what `format!("{x}")` would.
#[derive(Debug, Clone, Copy)]
pub struct Shortest(pub f64);

impl fmt::Display for Shortest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&shortest(self.0))
    }
}

/// `v` rounded to `places` digits after the point, ties to even, as `format!("{v:.places$}")`
/// writes it (`-0.0` for a negative number that rounds to zero; `NaN`, `inf`, `-inf`).
pub fn fixed(v: f64, places: usize) -> String {
    if let Some(word) = special(v) {
        return word.to_string();
    }
    let (m, e) = parts(v);
    let units = match units_fast(m, e, places) {
        Some(n) => digits_of(n),
        None => units_exact(m, e, places),
    };
    // At least one digit before the point.
    let mut body = vec![b'0'; (places + 1).saturating_sub(units.len())];
    body.extend_from_slice(&units);
    let (whole, fraction) = body.split_at(body.len() - places);
    let sign = if v.is_sign_negative() { "-" } else { "" };
    if places == 0 {
        format!("{sign}{}", ascii(whole))
    } else {
        format!("{sign}{}.{}", ascii(whole), ascii(fraction))
    }
}

/// The fewest digits that read back as `v` (the nearer candidate when two would, the
/// larger on a tie), written without an exponent, as `format!("{v}")` writes it.
pub fn shortest(v: f64) -> String {
    if let Some(word) = special(v) {
        return word.to_string();
    }
    let sign = if v.is_sign_negative() { "-" } else { "" };
    let Some((digits, exp10)) = shortest_parts(v) else { return format!("{sign}0") };
    let len = digits.len() as i64;
    let mut out = String::with_capacity(digits.len() + 8);
    out.push_str(sign);
    if exp10 <= 0 {
        out.push_str("0.");
        for _ in 0..-exp10 {
            out.push('0');
        }
        out.push_str(ascii(&digits));
    } else if exp10 < len {
        let (whole, fraction) = digits.split_at(exp10 as usize);
        out.push_str(ascii(whole));
        out.push('.');
        out.push_str(ascii(fraction));
    } else {
        out.push_str(ascii(&digits));
        for _ in 0..exp10 - len {
            out.push('0');
        }
    }
    out
}

/// The same digits as [`shortest`] with an exponent, as `format!("{v:e}")` writes it:
/// `1.5e-7`, `1e308`, `0e0`.
pub fn exponent(v: f64) -> String {
    if let Some(word) = special(v) {
        return word.to_string();
    }
    let sign = if v.is_sign_negative() { "-" } else { "" };
    let Some((digits, exp10)) = shortest_parts(v) else { return format!("{sign}0e0") };
    let (first, rest) = digits.split_at(1);
    let point = if rest.is_empty() { "" } else { "." };
    format!("{sign}{}{point}{}e{}", ascii(first), ascii(rest), exp10 - 1)
}

/// The shortest digits of a non-zero finite `v` (no trailing zeros) and where the point
/// goes: `|v|` reads as `0.DIGITS × 10^exp10`. `None` for zero.
fn shortest_parts(v: f64) -> Option<(Vec<u8>, i64)> {
    let (m, e) = parts(v);
    if m == 0 {
        return None;
    }
    // A whole number below 2^53 needs all its digits: every number of fewer significant
    // digits is at least 1 away, and half a unit of its last binary place is at most 1/2.
    let (mut digits, exp10) = if e == 0 || ((-52..0).contains(&e) && m.trailing_zeros() >= e.unsigned_abs()) {
        let digits = digits_of(if e == 0 { m } else { m >> e.unsigned_abs() });
        let exp10 = digits.len() as i64;
        (digits, exp10)
    } else if let Some((q, places)) = shortest_fast(v.abs(), m, e) {
        let digits = digits_of(q);
        let exp10 = digits.len() as i64 - places as i64;
        (digits, exp10)
    } else {
        shortest_digits(m, e)
    };
    while digits.len() > 1 && digits.last() == Some(&b'0') {
        digits.pop();
    }
    Some((digits, exp10))
}

/// What the standard library writes for a number without digits.
fn special(v: f64) -> Option<&'static str> {
    if v.is_nan() {
        Some("NaN")
    } else if v.is_infinite() {
        Some(if v < 0.0 { "-inf" } else { "inf" })
    } else {
        None
    }
}

/// `|v|` as `m × 2^e` exactly, `m < 2^53`.
fn parts(v: f64) -> (u64, i32) {
    let bits = v.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1 << 52) - 1);
    if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | 1 << 52, biased - 1075)
    }
}

/// ASCII digits as text (they are ASCII by construction).
fn ascii(digits: &[u8]) -> &str {
    std::str::from_utf8(digits).unwrap_or_default()
}

/// The decimal digits of `n` ("0" for zero).
fn digits_of(mut n: u64) -> Vec<u8> {
    let mut out = Vec::with_capacity(20);
    loop {
        out.push(b'0' + (n % 10) as u8);
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    out
}

/// `m × 2^e × 10^places` as its whole part, how the rest compares with one half, and
/// whether there is no rest, when machine integers hold it exactly (a coordinate, an amount,
/// a share): `None` sends the rest to the exact expansion.
fn scaled(m: u64, e: i32, places: usize) -> Option<(u64, Ordering, bool)> {
    if places > 19 {
        return None;
    }
    let scale = 10u128.pow(places as u32);
    if e >= 0 {
        if e > 10 {
            return None;
        }
        return u64::try_from(u128::from(m << e) * scale).ok().map(|w| (w, Ordering::Less, true));
    }
    let shift = e.unsigned_abs();
    // m × 10^places < 2^53 × 2^64: past 117 bits of fraction it is under half a unit.
    let x = u128::from(m) * scale;
    if shift > 117 {
        return Some((0, Ordering::Less, m == 0));
    }
    let whole = u64::try_from(x >> shift).ok()?;
    let rest = x & ((1u128 << shift) - 1);
    Some((whole, rest.cmp(&(1u128 << (shift - 1))), rest == 0))
}

/// `m × 2^e × 10^places` rounded to a whole number, ties to even, in machine integers.
fn units_fast(m: u64, e: i32, places: usize) -> Option<u64> {
    let (whole, half, _) = scaled(m, e, places)?;
    let up = half == Ordering::Greater || (half == Ordering::Equal && whole % 2 == 1);
    whole.checked_add(u64::from(up))
}

/// Exact powers of ten as `f64`, for reading a candidate back.
const POW10: [f64; 18] =
    [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17];

/// [`shortest_digits`] in machine integers for a number of at most 17 places whose digits
/// fit below 2^53: the fewest places at which the whole number of units either side of
/// `v` reads back as `v`, as that number and its places. A candidate `q / 10^p` with
/// `q < 2^53` and `p ≤ 22` reads back by one correctly rounded division, exactly as the
/// text would be read (nearest, ties to even). `None` when it cannot tell.
fn shortest_fast(v: f64, m: u64, e: i32) -> Option<(u64, usize)> {
    // From 2^53 up a candidate may end in zeros before the point, which no number of
    // places reaches.
    if e > 0 {
        return None;
    }
    for (p, &scale) in POW10.iter().enumerate() {
        let (whole, half, exact) = scaled(m, e, p)?;
        if exact {
            return Some((whole, p));
        }
        if whole >= 1 << 53 {
            return None;
        }
        let reads = |q: u64| q as f64 / scale == v;
        match (reads(whole), reads(whole + 1)) {
            (true, true) => return Some((if half == Ordering::Less { whole } else { whole + 1 }, p)),
            (true, false) => return Some((whole, p)),
            (false, true) => return Some((whole + 1, p)),
            (false, false) => {}
        }
    }
    None
}

/// [`units_fast`] for every number, from its exact decimal expansion, as digits.
fn units_exact(m: u64, e: i32, places: usize) -> Vec<u8> {
    let (mut digits, after_point) = expansion(m, e);
    if after_point <= places {
        digits.extend(std::iter::repeat_n(b'0', places - after_point));
        return digits;
    }
    let cut = after_point - places;
    if digits.len() < cut {
        // Below a tenth of a unit: it rounds to zero.
        return vec![b'0'];
    }
    let kept = digits.len() - cut;
    let first = digits[kept];
    let rest_zero = digits[kept + 1..].iter().all(|&d| d == b'0');
    let last_odd = kept > 0 && (digits[kept - 1] - b'0') % 2 == 1;
    let up = first > b'5' || (first == b'5' && (!rest_zero || last_odd));
    digits.truncate(kept);
    if up {
        increment(&mut digits);
    }
    if digits.is_empty() {
        digits.push(b'0');
    }
    digits
}

/// Adds one to a decimal number's digits (an empty list is zero).
fn increment(digits: &mut Vec<u8>) {
    for d in digits.iter_mut().rev() {
        if *d == b'9' {
            *d = b'0';
        } else {
            *d += 1;
            return;
        }
    }
    digits.insert(0, b'1');
}

/// `m × 2^e` exactly: its decimal digits (no leading zeros) and how many of them are after
/// the point. With `e < 0` it is `m × 5^-e / 10^-e`.
fn expansion(m: u64, e: i32) -> (Vec<u8>, usize) {
    let mut n = Big::from_u64(m);
    if e >= 0 {
        n.shl(e.unsigned_abs());
        (n.decimal(), 0)
    } else {
        let k = e.unsigned_abs() as usize;
        n.mul_pow5(k);
        (n.decimal(), k)
    }
}

/// The shortest digits that read back as `m × 2^e` (m > 0, not a whole number below 2^53)
/// and where the point goes: the number is `0.DIGITS × 10^exp10`.
///
/// A candidate reads back as the number when it lies within half a unit of the number's last
/// binary place (on the boundary too when `m` is even, as reading rounds ties to even; just
/// below a power of two the next number down is half as far). Every length from one digit
/// up is tried with the candidates either side of the number, on the scale of its exact
/// expansion (`D / 10^k`), all four times larger so every half and quarter is whole.
fn shortest_digits(m: u64, e: i32) -> (Vec<u8>, i64) {
    let (digits, k) = expansion(m, e);
    let n = digits.len();
    // Four times half a unit of the last place on the expansion's scale: 2^(e+1), or
    // 4 × 10^k / 2^(k+1) = 2 × 5^k.
    let half_unit = |twice: bool| {
        let mut h = Big::from_u64(if twice { 2 } else { 1 });
        if e >= 0 {
            h.shl(e.unsigned_abs());
        } else {
            h.mul_pow5(k);
        }
        h
    };
    let above = half_unit(true);
    let below = if m == 1 << 52 && e > -1074 { half_unit(false) } else { above.clone() };
    let even = m.is_multiple_of(2);
    let within = |gap: Ordering| gap == Ordering::Less || (even && gap == Ordering::Equal);
    let exp10 = n as i64 - k as i64;
    for p in 1..n {
        // On the expansion's scale: the number is `lower + tail`, `lower` its first p
        // digits, and the next candidate up is `lower + unit`.
        let mut tail = Big::from_digits(&digits[p..]);
        tail.shl(2);
        let mut unit = Big::pow10(n - p);
        unit.shl(2);
        let lower_ok = within(tail.cmp(&below));
        let mut reach = above.clone();
        reach.add(&tail);
        let upper_ok = within(unit.cmp(&reach));
        if !lower_ok && !upper_ok {
            continue;
        }
        let mut out = digits[..p].to_vec();
        let mut twice_tail = tail.clone();
        twice_tail.shl(1);
        let up = upper_ok && (!lower_ok || twice_tail.cmp(&unit) != Ordering::Less);
        let mut exp = exp10;
        if up {
            increment(&mut out);
            if out.len() > p {
                exp += 1;
            }
        }
        return (out, exp);
    }
    (digits, exp10)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn big_integers_write_their_decimal_digits() {
        let mut b = Big::from_u64(1);
        b.shl(100);
        assert_eq!(ascii(&b.decimal()), "1267650600228229401496703205376");
        let mut five = Big::from_u64(3);
        five.mul_pow5(30);
        assert_eq!(ascii(&five.decimal()), "2793967723846435546875");
        assert_eq!(ascii(&Big::from_digits(b"12345678901234567890").decimal()), "12345678901234567890");
        assert_eq!(ascii(&Big::pow10(20).decimal()), "100000000000000000000");
        assert_eq!(ascii(&Big::from_u64(0).decimal()), "0");
    }
}
