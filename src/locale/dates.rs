//! Days, months, year spans and day ranges as each locale's press writes them:
//! `21 Feb 2025` (the page's English today), `2025년 2월 21일`, `2025年2月21日`,
//! `21 février 2025`, `21. Februar 2025`, `21 febbraio 2025`.
//!
//! The first of the month is an ordinal in French (`1er mars`, as every French style
//! guide writes it) and in Italian (`1º marzo`, the masculine ordinal indicator; the
//! degree sign `1°` seen in the press is a typewriter stand-in for it). Year spans take an
//! en dash in English and German (Duden's "bis"-Strich), a hyphen in French and Italian
//! as their press prints "2024-2025", `~` in Korean and `～` in Japanese. Day ranges read
//! "du 21 au 23 février" and "dal 21 al 23 febbraio" in French and Italian (Italian
//! elides before 8 and 11: "dall'8", "all'11"), "21.–23. Februar" in German and
//! "2월 21~23일", "2月21～23日" in Korean and Japanese.

use crate::date::Date;
use crate::locale::Locale;

const FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const DE: [&str; 12] = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
];
const IT: [&str; 12] = [
    "gennaio",
    "febbraio",
    "marzo",
    "aprile",
    "maggio",
    "giugno",
    "luglio",
    "agosto",
    "settembre",
    "ottobre",
    "novembre",
    "dicembre",
];
/// The page's English months, as [`Date::human`] writes them.
const EN: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// The month's name (1..=12; others are clamped): `Feb`, `2월`, `2月`, `février`,
/// `Februar`, `febbraio`.
pub fn month_name(locale: Locale, month: u8) -> String {
    let m = month.clamp(1, 12);
    let i = usize::from(m) - 1;
    match locale {
        Locale::En => EN[i].to_string(),
        Locale::Ko => format!("{m}월"),
        Locale::Ja => format!("{m}月"),
        Locale::Fr => FR[i].to_string(),
        Locale::De => DE[i].to_string(),
        Locale::It => IT[i].to_string(),
    }
}

/// The day of the month as it stands before the month's name: `1er` in French, `1º` in
/// Italian, `21.` in German, the plain number otherwise.
fn day_number(locale: Locale, day: u8) -> String {
    match (locale, day) {
        (Locale::Fr, 1) => "1er".to_string(),
        (Locale::It, 1) => "1º".to_string(),
        (Locale::De, d) => format!("{d}."),
        (_, d) => d.to_string(),
    }
}

/// A day: `21 Feb 2025`, `2025년 2월 21일`, `2025年2月21日`, `21 février 2025`,
/// `1er mars 2025`, `21. Februar 2025`, `21 febbraio 2025`.
pub fn day(locale: Locale, date: Date) -> String {
    let (y, m, d) = (date.year(), date.month(), date.day());
    match locale {
        Locale::En => date.human(),
        Locale::Ko => format!("{y}년 {m}월 {d}일"),
        Locale::Ja => format!("{y}年{m}月{d}日"),
        _ => format!("{} {} {y}", day_number(locale, d), month_name(locale, m)),
    }
}

/// A month of a year: `Feb 2025`, `2025년 2월`, `2025年2月`, `février 2025`,
/// `Februar 2025`, `febbraio 2025`.
pub fn month_year(locale: Locale, date: Date) -> String {
    let (y, m) = (date.year(), date.month());
    match locale {
        Locale::En => date.month_year(),
        Locale::Ko => format!("{y}년 {m}월"),
        Locale::Ja => format!("{y}年{m}月"),
        _ => format!("{} {y}", month_name(locale, m)),
    }
}

/// A year on its own: `2025`, `2025년`, `2025年`.
pub fn year(locale: Locale, year: i32) -> String {
    match locale {
        Locale::Ko => format!("{year}년"),
        Locale::Ja => format!("{year}年"),
        _ => year.to_string(),
    }
}

/// A span of whole years, in order whichever way given: `2024–2025`, `2024~2025년`,
/// `2024～2025年`, fr and it `2024-2025`; one year when both are the same.
pub fn year_span(locale: Locale, from: i32, to: i32) -> String {
    let (a, b) = (from.min(to), from.max(to));
    if a == b {
        return year(locale, a);
    }
    match locale {
        Locale::En | Locale::De => format!("{a}–{b}"),
        Locale::Fr | Locale::It => format!("{a}-{b}"),
        Locale::Ko => format!("{a}~{b}년"),
        Locale::Ja => format!("{a}～{b}年"),
    }
}

/// Italian "dal"/"al" before a day number, elided before the vowel of "otto" and
/// "undici": "dall'8", "all'11".
fn it_preposition(base: &str, day: u8) -> String {
    if matches!(day, 8 | 11) {
        format!("{base}ll'")
    } else {
        format!("{base}l ")
    }
}

/// A range of days, in order whichever way given, saying the month and year once where
/// both ends share them: `21–23 Feb 2025`, `21 Feb – 3 Mar 2025`,
/// `21 Dec 2024 – 3 Jan 2025`; `2025년 2월 21~23일`; `2025年2月21～23日`;
/// `du 21 au 23 février 2025`; `21.–23. Februar 2025`; `dal 21 al 23 febbraio 2025`.
/// One day when both ends are the same day.
pub fn day_range(locale: Locale, from: Date, to: Date) -> String {
    let (a, b) = (from.min(to), from.max(to));
    if a == b {
        return day(locale, a);
    }
    let same_year = a.year() == b.year();
    let same_month = same_year && a.month() == b.month();
    let (ad, bd) = (a.day(), b.day());
    match locale {
        Locale::En => {
            if same_month {
                format!("{ad}–{bd} {}", b.month_year())
            } else if same_year {
                format!("{ad} {} – {}", month_name(locale, a.month()), b.human())
            } else {
                format!("{} – {}", a.human(), b.human())
            }
        }
        Locale::Ko => {
            let head = format!("{}년 {}월 {ad}일", a.year(), a.month());
            if same_month {
                format!("{}년 {}월 {ad}~{bd}일", a.year(), a.month())
            } else if same_year {
                format!("{head}~{}월 {bd}일", b.month())
            } else {
                format!("{head}~{}", day(locale, b))
            }
        }
        Locale::Ja => {
            let head = format!("{}年{}月{ad}日", a.year(), a.month());
            if same_month {
                format!("{}年{}月{ad}～{bd}日", a.year(), a.month())
            } else if same_year {
                format!("{head}～{}月{bd}日", b.month())
            } else {
                format!("{head}～{}", day(locale, b))
            }
        }
        Locale::De => {
            let (da, db) = (day_number(locale, ad), day_number(locale, bd));
            if same_month {
                format!("{da}–{db} {}", month_year(locale, b))
            } else if same_year {
                format!("{da} {} – {}", month_name(locale, a.month()), day(locale, b))
            } else {
                format!("{} – {}", day(locale, a), day(locale, b))
            }
        }
        Locale::Fr | Locale::It => {
            let da = day_number(locale, ad);
            let left = if same_month {
                da
            } else if same_year {
                format!("{da} {}", month_name(locale, a.month()))
            } else {
                day(locale, a)
            };
            if locale == Locale::Fr {
                format!("du {left} au {}", day(locale, b))
            } else {
                format!("{}{left} {}{}", it_preposition("da", ad), it_preposition("a", bd), day(locale, b))
            }
        }
    }
}
