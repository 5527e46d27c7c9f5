//! Whole numbers of any size, for the two places the crate does exact decimal arithmetic:
//! writing an `f64`'s digits ([`super`]) and reading a JSON number to the nearest `f64`
//! ([`crate::json`]). One type, so the arithmetic is written and tested once.

use std::cmp::Ordering;

use super::digits_of;

/// A non-negative whole number in base 2^32, least significant word first, no zero words
/// on top (zero has none).
#[derive(Clone, PartialEq, Eq)]
pub(crate) struct Big(Vec<u32>);

impl Big {
    /// `v` as a big number.
    pub(crate) fn from_u64(v: u64) -> Big {
        let mut b = Big(vec![v as u32, (v >> 32) as u32]);
        b.trim();
        b
    }

    /// Drops zero words on top, so that equal numbers have equal words.
    fn trim(&mut self) {
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
    }

    /// `self × f + add`.
    pub(crate) fn mul_add(&mut self, f: u32, add: u32) {
        let mut carry = u64::from(add);
        for w in &mut self.0 {
            let x = u64::from(*w) * u64::from(f) + carry;
            *w = x as u32;
            carry = x >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
    }

    /// `self × 5^k`.
    pub(crate) fn mul_pow5(&mut self, mut k: usize) {
        while k >= 13 {
            self.mul_add(1_220_703_125, 0);
            k -= 13;
        }
        self.mul_add(5u32.pow(k as u32), 0);
    }

    /// 10^k.
    pub(crate) fn pow10(k: usize) -> Big {
        let mut b = Big::from_u64(1);
        b.mul_pow10(k);
        b
    }

    /// `self × 10^k`.
    pub(crate) fn mul_pow10(&mut self, mut k: usize) {
        while k >= 9 {
            self.mul_add(1_000_000_000, 0);
            k -= 9;
        }
        self.mul_add(10u32.pow(k as u32), 0);
    }

    /// How many bits the number takes (0 for zero).
    pub(crate) fn bits(&self) -> u32 {
        self.0.last().map_or(0, |top| 32 * (self.0.len() as u32 - 1) + (32 - top.leading_zeros()))
    }

    /// True for zero.
    pub(crate) fn is_zero(&self) -> bool {
        self.0.is_empty()
    }

    /// `self − other`, where `other` is not larger.
    pub(crate) fn sub(&mut self, other: &Big) {
        let mut borrow = 0i64;
        for (k, w) in self.0.iter_mut().enumerate() {
            let x = i64::from(*w) - i64::from(other.0.get(k).copied().unwrap_or(0)) - borrow;
            borrow = i64::from(x < 0);
            *w = (x + (borrow << 32)) as u32;
        }
        self.trim();
    }

    /// `self × 2^bits`.
    pub(crate) fn shl(&mut self, bits: u32) {
        if self.0.is_empty() {
            return;
        }
        let (words, bits) = ((bits / 32) as usize, bits % 32);
        if bits > 0 {
            let mut carry = 0u32;
            for w in &mut self.0 {
                let x = (u64::from(*w) << bits) | u64::from(carry);
                *w = x as u32;
                carry = (x >> 32) as u32;
            }
            if carry > 0 {
                self.0.push(carry);
            }
        }
        if words > 0 {
            let mut shifted = vec![0; words];
            shifted.extend_from_slice(&self.0);
            self.0 = shifted;
        }
    }

    /// `self + other`.
    pub(crate) fn add(&mut self, other: &Big) {
        if self.0.len() < other.0.len() {
            self.0.resize(other.0.len(), 0);
        }
        let mut carry = 0u64;
        for (k, w) in self.0.iter_mut().enumerate() {
            let x = u64::from(*w) + u64::from(other.0.get(k).copied().unwrap_or(0)) + carry;
            *w = x as u32;
            carry = x >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
    }

    /// How `self` compares with `other`.
    pub(crate) fn cmp(&self, other: &Big) -> Ordering {
        self.0.len().cmp(&other.0.len()).then_with(|| self.0.iter().rev().cmp(other.0.iter().rev()))
    }

    /// The number decimal `digits` write, nine at a time: ASCII (`b'0'`–`b'9'`, as the
    /// writer holds them) or values 0–9 (as the JSON reader does); each digit is its low four
    /// bits either way.
    pub(crate) fn from_digits(digits: &[u8]) -> Big {
        let mut b = Big(Vec::new());
        for chunk in digits.chunks(9) {
            let value = chunk.iter().fold(0u32, |v, &d| v * 10 + u32::from(d & 0x0f));
            b.mul_add(10u32.pow(chunk.len() as u32), value);
            b.trim();
        }
        b
    }

    /// Divides by `d`, returning the remainder.
    pub(crate) fn div_rem(&mut self, d: u32) -> u32 {
        let mut rem = 0u64;
        for w in self.0.iter_mut().rev() {
            let x = (rem << 32) | u64::from(*w);
            *w = (x / u64::from(d)) as u32;
            rem = x % u64::from(d);
        }
        self.trim();
        rem as u32
    }

    /// Its decimal digits ("0" for zero).
    pub(crate) fn decimal(mut self) -> Vec<u8> {
        let mut groups = Vec::new();
        while !self.0.is_empty() {
            groups.push(self.div_rem(1_000_000_000));
        }
        let Some(top) = groups.pop() else { return vec![b'0'] };
        let mut out = digits_of(u64::from(top));
        for g in groups.into_iter().rev() {
            let mut g = g;
            let mut nine = [b'0'; 9];
            for slot in nine.iter_mut().rev() {
                *slot = b'0' + (g % 10) as u8;
                g /= 10;
            }
            out.extend_from_slice(&nine);
        }
        out
    }
}
