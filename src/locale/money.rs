//! US dollar amounts as each locale's press writes them, to three significant figures:
//! in prose (`$2.02B`, `20억2,000만 달러`, `20億2000万ドル`, `2,02 milliards de dollars`,
//! `2,02 Milliarden Dollar`, `2,02 miliardi di dollari`), on axes (`2,02 Md $`,
//! `2,02 Mrd. $`, `2,02 mld $`, `20.2억 달러`), and as published ranges and floors.
//! The sources and choices behind each form are in the [`crate::locale`] docs.

use crate::locale::number::{group_digits, join_number, shift, three_figures, NBSP};
use crate::locale::{Locale, MISSING};

/// A unit of a thousand-based scale: its power of ten, its prose words (one, many) and its
/// axis abbreviation.
struct Unit {
    power: usize,
    one: &'static str,
    many: &'static str,
    short: &'static str,
}

const fn unit(power: usize, one: &'static str, many: &'static str, short: &'static str) -> Unit {
    Unit { power, one, many, short }
}

/// The thousand-based units of the locales that have them, largest first. Below a million
/// every locale writes the whole number out ("$12,500", "12 500 $").
fn units(locale: Locale) -> &'static [Unit] {
    const EN: [Unit; 3] = [
        unit(12, "trillion", "trillion", "T"),
        unit(9, "billion", "billion", "B"),
        unit(6, "million", "million", "M"),
    ];
    // No 10¹² in French either: "billion" is a false friend of the English word, and the
    // press writes "1 400 milliards de dollars" (see the module docs).
    const FR: [Unit; 2] = [unit(9, "milliard", "milliards", "Md"), unit(6, "million", "millions", "M")];
    const DE: [Unit; 3] = [
        unit(12, "Billion", "Billionen", "Bio."),
        unit(9, "Milliarde", "Milliarden", "Mrd."),
        unit(6, "Million", "Millionen", "Mio."),
    ];
    // No 10¹²: the Italian press writes "1.500 miliardi" (see the module docs).
    const IT: [Unit; 2] = [unit(9, "miliardo", "miliardi", "mld"), unit(6, "milione", "milioni", "mln")];
    match locale {
        Locale::En => &EN,
        Locale::Fr => &FR,
        Locale::De => &DE,
        Locale::It => &IT,
        Locale::Ko | Locale::Ja => &[],
    }
}

/// The myriad units (10⁴ⁿ) of Korean and Japanese, largest first.
fn myriads(locale: Locale) -> [(usize, &'static str); 3] {
    match locale {
        Locale::Ja => [(12, "兆"), (8, "億"), (4, "万")],
        _ => [(12, "조"), (8, "억"), (4, "만")],
    }
}

/// An amount on a thousand-based scale: the number in the locale's signs, the unit it is
/// counted in (if a million or more) and whether the words take their plural.
struct Scaled {
    number: String,
    unit: Option<&'static Unit>,
    plural: bool,
}

fn scaled(locale: Locale, digits: &str) -> Scaled {
    let unit = units(locale).iter().find(|u| digits.len() > u.power);
    let (whole, fraction) = shift(digits, unit.map_or(0, |u| u.power));
    let exactly_one = whole == "1" && fraction.is_empty();
    let plural = match locale {
        // French nouns of number take the plural from 2: "1,5 milliard", "0 dollar".
        Locale::Fr => whole.len() > 1 || whole.as_str() >= "2",
        _ => !exactly_one,
    };
    Scaled { number: join_number(locale, false, &whole, &fraction), unit, plural }
}

impl Scaled {
    /// The unit word in prose, agreeing with the number.
    fn word(&self) -> Option<&'static str> {
        self.unit.map(|u| if self.plural { u.many } else { u.one })
    }
}

/// The words after a thousand-based amount in prose: the unit and the currency.
fn western_prose(locale: Locale, s: &Scaled) -> String {
    let number = &s.number;
    match (locale, s.word()) {
        (Locale::Fr, Some(w)) => format!("{number}{NBSP}{w} de dollars"),
        (Locale::Fr, None) => format!("{number}{NBSP}{}", if s.plural { "dollars" } else { "dollar" }),
        (Locale::De, Some(w)) => format!("{number}{NBSP}{w} Dollar"),
        (Locale::De, None) => format!("{number}{NBSP}Dollar"),
        (Locale::It, Some(w)) => format!("{number}{NBSP}{w} di dollari"),
        (Locale::It, None) => format!("{number}{NBSP}{}", if s.plural { "dollari" } else { "dollaro" }),
        (_, Some(w)) => format!("${number} {w}"),
        (_, None) => format!("${number}"),
    }
}

/// The number part of a Korean or Japanese amount in prose, unit by unit:
/// `20억2,000만`, `20億2000万`, `1만2,500`, `999`, `0`.
fn myriad_number(locale: Locale, digits: &str) -> String {
    // Korean groups the digits within a unit by comma ("2,000만"); the Japanese press
    // does not ("2000万").
    let group = |d: &str| {
        let d = d.trim_start_matches('0');
        if locale == Locale::Ko {
            group_digits(d, ',')
        } else {
            d.to_string()
        }
    };
    let mut out = String::new();
    let mut rest = digits;
    for (power, name) in myriads(locale) {
        if rest.len() > power {
            let (head, tail) = rest.split_at(rest.len() - power);
            if head.bytes().any(|b| b != b'0') {
                out.push_str(&group(head));
                out.push_str(name);
            }
            rest = tail;
        }
    }
    if rest.bytes().any(|b| b != b'0') || out.is_empty() {
        let ones = group(rest);
        out.push_str(if ones.is_empty() { "0" } else { &ones });
    }
    out
}

/// The currency word after a Korean or Japanese number: spaced `달러` (Korean spacing
/// rules space a unit noun), unspaced `ドル`.
fn myriad_currency(locale: Locale, number: &str) -> String {
    match locale {
        Locale::Ja => format!("{number}ドル"),
        _ => format!("{number} 달러"),
    }
}

/// Dollars in running text, three significant figures: `$2.02B`, `$77.3M`, `$12,500`,
/// `$0` (the page's English style); `20억2,000만 달러`, `150만 달러`; `20億2000万ドル`;
/// `2,02 milliards de dollars`, `1,5 million de dollars`; `2,02 Milliarden Dollar`;
/// `2,02 miliardi di dollari`. Not finite, negative or past
/// [`crate::locale::number::MONEY_LIMIT`]: [`MISSING`].
pub fn money(locale: Locale, usd: f64) -> String {
    let Some(digits) = three_figures(usd) else { return MISSING.to_string() };
    if locale.counts_in_myriads() {
        return myriad_currency(locale, &myriad_number(locale, &digits));
    }
    if locale == Locale::En {
        let s = scaled(locale, &digits);
        return format!("${}{}", s.number, s.unit.map_or("", |u| u.short));
    }
    western_prose(locale, &scaled(locale, &digits))
}

/// Dollars with the unit spelt out, where a sentence reads better so: English
/// `$2.02 billion`, `$1.5 million`, `$12,500`. The other locales' prose already spells
/// its units out, so this is [`money`] for them.
pub fn money_long(locale: Locale, usd: f64) -> String {
    match (locale, three_figures(usd)) {
        (_, None) => MISSING.to_string(),
        (Locale::En, Some(digits)) => western_prose(locale, &scaled(locale, &digits)),
        _ => money(locale, usd),
    }
}

/// Dollars on a chart axis or in a tight label, three significant figures: `$2.02B`,
/// `20.2억 달러`, `20.2億ドル`, `2,02 Md $`, `2,02 Mrd. $`, `2,02 mld $`; below a million
/// the whole number (`12 500 $`, `12.500 $`). Korean and Japanese count in the largest
/// myriad unit with a decimal (`7,730만 달러`, `1.25万ドル`). What cannot be
/// shown reads [`MISSING`], as in [`money`].
pub fn money_axis(locale: Locale, usd: f64) -> String {
    let Some(digits) = three_figures(usd) else { return MISSING.to_string() };
    if locale.counts_in_myriads() {
        let unit = myriads(locale).into_iter().find(|&(power, _)| digits.len() > power);
        let (whole, fraction) = shift(&digits, unit.map_or(0, |(power, _)| power));
        let whole = if locale == Locale::Ko { group_digits(&whole, ',') } else { whole };
        let fraction = if fraction.is_empty() { String::new() } else { format!(".{fraction}") };
        return myriad_currency(locale, &format!("{whole}{fraction}{}", unit.map_or("", |(_, name)| name)));
    }
    let s = scaled(locale, &digits);
    match (locale, s.unit) {
        (Locale::En, _) => money(locale, usd),
        (_, Some(u)) => format!("{}{NBSP}{}{NBSP}$", s.number, u.short),
        (_, None) => format!("{}{NBSP}$", s.number),
    }
}

/// An amount as a publisher gave it: one figure, a range (`high`) or a floor. A range wins
/// over a floor, as on the page today. English `$1.4B–$1.5B` and `at least $2.02B`;
/// `14억~15억 달러`, `최소 20억2,000만 달러`; `14億～15億ドル`, `少なくとも20億2000万ドル`;
/// `1,4 à 1,5 milliard de dollars`, `au moins …`; `1,4 bis 1,5 Milliarden Dollar`,
/// `mindestens …`; `tra 1,4 e 1,5 miliardi di dollari`, `almeno …`. The unit is said once
/// when both ends share it. Ends given backwards are put in order; an end that cannot be
/// shown makes the whole amount [`MISSING`].
pub fn amount(locale: Locale, usd: f64, high: Option<f64>, floor: bool) -> String {
    let Some(high) = high else {
        let one = money(locale, usd);
        if !floor || one == MISSING {
            return one;
        }
        return match locale {
            Locale::En => format!("at least {one}"),
            Locale::Ko => format!("최소 {one}"),
            Locale::Ja => format!("少なくとも{one}"),
            Locale::Fr => format!("au moins {one}"),
            Locale::De => format!("mindestens {one}"),
            Locale::It => format!("almeno {one}"),
        };
    };
    let (Some(a), Some(b)) = (three_figures(usd), three_figures(high)) else { return MISSING.to_string() };
    let (low, high) = if usd <= high { (a, b) } else { (b, a) };
    if low == high {
        return money(locale, usd);
    }
    match locale {
        Locale::En => {
            let m = |d: &str| {
                let s = scaled(locale, d);
                format!("${}{}", s.number, s.unit.map_or("", |u| u.short))
            };
            format!("{}–{}", m(&low), m(&high))
        }
        Locale::Ko => {
            format!("{}~{} 달러", myriad_number(locale, &low), myriad_number(locale, &high))
        }
        Locale::Ja => format!("{}～{}ドル", myriad_number(locale, &low), myriad_number(locale, &high)),
        Locale::Fr | Locale::De | Locale::It => {
            let (lo, hi) = (scaled(locale, &low), scaled(locale, &high));
            let shared = lo.unit.map(|u| u.power) == hi.unit.map(|u| u.power);
            let left = match lo.word() {
                Some(w) if !shared => format!("{}{NBSP}{w}", lo.number),
                _ => lo.number,
            };
            let right = western_prose(locale, &hi);
            match locale {
                Locale::Fr => format!("{left} à {right}"),
                Locale::De => format!("{left} bis {right}"),
                _ => format!("tra {left} e {right}"),
            }
        }
    }
}

/// An amount in the room's own currency, converted from dollars elsewhere, to three
/// significant figures and said to be approximate: Korean `약 2조800억 원`, Japanese
/// `約2兆800億円` (the press's own way of giving a won or yen equivalent beside a dollar
/// figure, e.g. Kyodo "17億ドル(約2550億円)"). `None` for the locales that brief in
/// dollars, and for an amount that cannot be shown.
pub fn local_currency(locale: Locale, amount: f64) -> Option<String> {
    let digits = three_figures(amount)?;
    match locale {
        Locale::Ko => Some(format!("약 {} 원", myriad_number(locale, &digits))),
        Locale::Ja => Some(format!("約{}円", myriad_number(locale, &digits))),
        _ => None,
    }
}
