//! The page's own number writer (`decimal`) against the standard library's, which it
//! replaces in the WebAssembly: the same bytes for `{}`, `{:.N}` and `{:e}` of every kind of `f64`
//! (any bit pattern, the extremes, subnormals, powers of two, halves that round to even).

#![allow(clippy::expect_used, clippy::unwrap_used)]
// Native only, as proptest is; the code is the same in the WebAssembly.
#![cfg(not(target_arch = "wasm32"))]

use heist_ledger::decimal::{exponent, fixed, shortest, Fixed, Shortest};
use proptest::prelude::*;

/// Both forms of `v` at `places`, ours and the standard library's, or the first difference.
fn check(v: f64, places: usize) {
    assert_eq!(fixed(v, places), format!("{v:.places$}"), "{{:.{places}}} of {v:e} ({:#x})", v.to_bits());
    assert_eq!(shortest(v), format!("{v}"), "{{}} of {v:e} ({:#x})", v.to_bits());
    assert_eq!(exponent(v), format!("{v:e}"), "{{:e}} of {v} ({:#x})", v.to_bits());
}

#[test]
fn special_values_write_as_the_standard_library_writes_them() {
    let cases = [
        f64::NAN,
        -f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        0.0,
        -0.0,
        f64::MIN_POSITIVE,
        -f64::MIN_POSITIVE,
        f64::MAX,
        f64::MIN,
        f64::EPSILON,
        5e-324,
        -5e-324,
        2.225_073_858_507_201e-308,
        0.1,
        0.2,
        0.3,
        1.0 / 3.0,
        2.0 / 3.0,
        1e21,
        1e22,
        1e23,
        1e-7,
        123_456.789,
        -0.04,
        -0.05,
        0.05,
        0.15,
        0.25,
        0.35,
        0.5,
        1.5,
        2.5,
        9_007_199_254_740_991.0,
        9_007_199_254_740_992.0,
        9_007_199_254_740_994.0,
        18_014_398_509_481_984.0,
        4_503_599_627_370_497.5,
        1_500_000_000.0,
        660_500_000.0,
        99.95,
        999.999_999_5,
    ];
    for v in cases {
        for places in 0..=20 {
            check(v, places);
        }
    }
}

#[test]
fn display_wrappers_write_what_the_functions_return() {
    assert_eq!(format!("{}", Fixed(12.345, 1)), "12.3");
    assert_eq!(format!("{}x{}", Shortest(0.1), Shortest(-2.5)), "0.1x-2.5");
}

#[test]
fn halves_round_to_even_at_every_place_as_the_standard_library_rounds_them() {
    // Numbers with few binary digits: the ones whose decimal expansion ends in a 5 right
    // after the last place kept, so a rounding rule that is not the standard one shows.
    for m in 1u32..600 {
        for k in 0..40 {
            let v = f64::from(m) / f64::from(2u32).powi(k);
            for places in 0..=8 {
                check(v, places);
                check(-v, places);
            }
        }
    }
}

#[test]
fn short_mantissas_at_every_exponent_write_their_shortest_digits() {
    // Powers of two (the next number down is half as far) and short odd mantissas, across
    // the whole exponent range, subnormals included.
    for m in [1u64, 3, 5, 7, 9, 11, 13, 15, 25, 99, 125, 255, 625, 1023, 3125, (1 << 52) - 1, 1 << 52] {
        for e in -1100..1000 {
            let v = (m as f64) * 2f64.powi(e);
            if v.is_finite() && v != 0.0 {
                assert_eq!(shortest(v), format!("{v}"), "{{}} of {v:e}");
                assert_eq!(fixed(v, 3), format!("{v:.3}"), "{{:.3}} of {v:e}");
            }
        }
    }
}

#[test]
fn of_two_shortest_candidates_the_nearer_is_written_and_a_tie_rounds_up() {
    // An odd mantissa of b bits over 2^k has an exact expansion ending in 5; where it is
    // 17 digits long both neighbours one digit shorter read back (1 + 2^-17, 513 + 2^-14),
    // and the standard library writes the upper one.
    for bits in 10..=53u32 {
        for k in 1..=60 {
            for j in 0..20u64 {
                let m = (1u64 << (bits - 1)) + 2 * j * 7919 % (1u64 << (bits - 2)).max(2) + 1;
                let v = m as f64 / 2f64.powi(k);
                assert_eq!(shortest(v), format!("{v}"), "{{}} of {m} / 2^{k}");
            }
        }
    }
    assert_eq!(shortest(1.0 + 2f64.powi(-17)), format!("{}", 1.0 + 2f64.powi(-17)));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(20_000))]

    #[test]
    fn any_f64_writes_as_the_standard_library_writes_it(bits in proptest::num::u64::ANY, places in 0usize..=20) {
        let v = f64::from_bits(bits);
        prop_assert_eq!(fixed(v, places), format!("{v:.places$}"));
        prop_assert_eq!(shortest(v), format!("{v}"));
        prop_assert_eq!(exponent(v), format!("{v:e}"));
    }

    #[test]
    fn chart_sized_numbers_write_as_the_standard_library_writes_them(
        v in -1e13f64..1e13,
        scale in 0i32..12,
        places in 0usize..=4,
    ) {
        let v = v / 10f64.powi(scale);
        prop_assert_eq!(fixed(v, places), format!("{v:.places$}"));
        prop_assert_eq!(shortest(v), format!("{v}"));
    }

    #[test]
    fn short_mantissas_write_as_the_standard_library_writes_them(
        m in 1u64..(1 << 24),
        e in -1100i32..1000,
        places in 0usize..=20,
    ) {
        let v = (m as f64) * 2f64.powi(e);
        prop_assert_eq!(fixed(v, places), format!("{v:.places$}"));
        prop_assert_eq!(shortest(v), format!("{v}"));
    }
}
