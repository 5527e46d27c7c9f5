//! A laundering flow's data in the words in force: what a ribbon's dollars rest on, why a
//! flow does not add up to its theft, and the name of a node that summed flows merge from
//! differently worded records. `aggregate` hands each over as data; English reads byte for
//! byte as the page always wrote it. Text that is the dataset's own (a reason, a token
//! amount as the source wrote it, an edge's name) stays as the record gives it.

use crate::aggregate::{id_words, Basis, FlowGraph, IdWord, SumNote};
use crate::lang::Locale;
use crate::locale::number::{decimal, MONEY_LIMIT};
use crate::phrase::{date, fill, integer, is_english, locale, money, t};

/// A number of tokens ("40,233", "40 233", "40.233,5"), to four decimals.
fn tokens(amount: f64) -> String {
    if is_english() {
        crate::format::count(amount)
    } else {
        decimal(locale(), amount, 4)
    }
}

/// Dollars after a number, as each locale writes a price ("2,490달러", "2 490 $").
fn dollars(l: Locale, number: &str) -> String {
    match l {
        Locale::En => format!("${number}"),
        Locale::Ko => format!("{number}달러"),
        Locale::Ja => format!("{number}ドル"),
        Locale::Fr | Locale::De | Locale::It => format!("{number}\u{a0}$"),
    }
}

/// A price per token: whole dollars from $100 up, cents below ("$2,490", "12,50 $").
fn price(usd: f64) -> String {
    let l = locale();
    if l == Locale::En {
        return crate::format::price(usd);
    }
    if !usd.is_finite() || usd.abs() >= MONEY_LIMIT {
        return crate::locale::MISSING.to_string();
    }
    let places = if usd.abs() < 100.0 { 2 } else { 0 };
    dollars(l, &decimal(l, usd, places))
}

/// A share to two decimals ("72.4%", "72,4 %").
fn share(s: f64) -> String {
    let l = locale();
    if l == Locale::En {
        return crate::format::percent_fine(s);
    }
    let number = decimal(l, s * 100.0, 2);
    match l {
        Locale::Fr => format!("{number}\u{202f}%"),
        Locale::De => format!("{number}\u{a0}%"),
        _ => format!("{number}%"),
    }
}

/// Edge names joined ("a and b", "a 및 b").
fn edges(names: &[String]) -> String {
    names.join(&t("flow.basis.and"))
}

/// What a ribbon's dollars rest on, in the words in force: "stated by the source",
/// "40,233 ETH × $2,490 (price of 4 Mar 2025, CoinGecko)", "72.4% of $1.46B", a
/// subtraction, or money carried on whole.
pub fn basis(b: &Basis) -> String {
    match b {
        Basis::Unrecorded => t("flow.basis.none"),
        Basis::Stated { usd, lower_bound, tokens } => {
            let tokens = tokens
                .as_deref()
                .map(|x| fill("flow.basis.for_tokens", &[("tokens", x)]))
                .unwrap_or_default();
            let key = if *lower_bound { "flow.basis.stated_floor" } else { "flow.basis.stated" };
            fill(key, &[("amount", &money(*usd)), ("tokens", &tokens)])
        }
        Basis::Tokens { amount, token, price_usd, price_date, by } => fill(
            "flow.basis.tokens",
            &[
                ("amount", &self::tokens(*amount)),
                ("price", &price(*price_usd)),
                ("date", &date(*price_date)),
                ("token", token),
                ("by", by),
            ],
        ),
        Basis::Share { share: s, of_usd, of } => {
            let of = of.as_deref().map(|x| fill("flow.basis.of", &[("of", x)])).unwrap_or_default();
            fill("flow.basis.share", &[("share", &share(*s)), ("amount", &money(*of_usd)), ("of", &of)])
        }
        Basis::Remainder { of_usd, less, why } => fill(
            "flow.basis.remainder",
            &[("amount", &money(*of_usd)), ("edges", &edges(less)), ("why", why)],
        ),
        Basis::Carried { of, why } => fill("flow.basis.carried", &[("edges", &edges(of)), ("why", why)]),
    }
}

/// Every basis of a ribbon, joined ("…; …").
pub fn bases(list: &[Basis]) -> String {
    list.iter().map(basis).collect::<Vec<_>>().join("; ")
}

/// A flow's amounts that do not add up: "Bybit: $1.202B traced out of a $1.46B theft".
fn traced(n: &SumNote) -> String {
    fill("flow.sum_traced", &[("sent", &money(n.sent)), ("theft", &money(n.theft)), ("victim", &n.victim)])
}

/// Why one flow does not add up to its theft, in full: its amounts, then the record's
/// reason (its own English; outside English followed by the note that it is English).
pub fn sum_note(n: &SumNote) -> String {
    let why = match &n.why {
        None => t("flow.no_reason"),
        Some(w) if is_english() => w.clone(),
        Some(w) => format!("{w} {}", t("data.english_only")),
    };
    fill("flow.sum_note", &[("traced", &traced(n)), ("why", &why)])
}

/// Why the flow does not add up to its theft, in as many words as a chart's description
/// or an image's subtitle holds: one flow's whole note, or for several summed flows each
/// one's amounts (the chart's caption lists every note in full). `None` when it adds up.
pub fn sum_words(g: &FlowGraph) -> Option<String> {
    match g.sum_notes.as_slice() {
        [] => None,
        [one] => Some(sum_note(one)),
        many => {
            let each: Vec<String> = many.iter().map(traced).collect();
            Some(fill(
                "flow.sum_many",
                &[("n", &integer(many.len() as i64)), ("notes", &each.join(&t("flow.sum_separator")))],
            ))
        }
    }
}

/// The name of a node that summed flows merge from differently worded records, in the
/// words in force, from its id: the stage its plain words name ("held", "still held") in
/// the page's words, with the asset or service names it holds as they are spelled
/// ("BTC 보유"). `None` when the id's words name no stage this knows: the English name
/// from the id stays. (The records' own translations word each theft's node its own way,
/// "Frozen by Binance", so none of them names the merged node.)
pub fn merged_name(id: &str) -> Option<String> {
    let words = id_words(id);
    let names: Vec<&str> = words
        .iter()
        .filter_map(|w| match w {
            IdWord::Name(n) => Some(*n),
            IdWord::Word(_) => None,
        })
        .collect();
    let plain: Vec<String> = words
        .iter()
        .filter_map(|w| match w {
            IdWord::Word(w) => Some(w.to_ascii_lowercase()),
            IdWord::Name(_) => None,
        })
        .collect();
    let names = names.join(" ");
    let key = match plain.join("-").as_str() {
        "" if !names.is_empty() => return Some(names),
        "stolen" => "flow.node.stolen",
        "held" => "flow.node.held",
        "still-held" => "flow.node.still_held",
        "frozen" => "flow.node.frozen",
        "recovered" => "flow.node.recovered",
        "untraceable" => "flow.node.untraceable",
        _ => return None,
    };
    let stage = t(key);
    if names.is_empty() {
        Some(stage)
    } else {
        Some(fill("flow.node.with_names", &[("stage", &stage), ("names", &names)]))
    }
}
