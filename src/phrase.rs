//! The page's words, given a locale: one home for every fixed word the page shows (issue 17).
//!
//! Each locale has one file of UI strings, `i18n/LANG.json`: a flat object from a key
//! (`header.title`) to its text, plus a `"_meta"` object saying how the file was made
//! (English is the source; the others are machine translations, not reviewed). A text may
//! hold named holes, `{n}`, filled by [`fill`]. English is built into the program; another
//! locale's file is read by the static build from disk and fetched by the live page when a
//! reader picks that language, so the WebAssembly does not carry five languages it may
//! never show.
//!
//! Why a page-wide "words in force" rather than a locale passed to every markup function:
//! the markup is written by some sixty functions across `html/`, `pipeline` and `web/`,
//! and a parameter through all of them would change every signature for the same one value
//! per page. The static build sets the words for one page with [`with`], which puts the
//! previous words back when it returns; the live page sets them with [`set`] when the
//! reader's language has arrived. Each thread has its own words (tests run in parallel).
//!
//! Money, numbers and dates in another locale go through [`crate::locale`]; English keeps
//! the forms the page has always had ([`crate::format`], [`crate::date::Date::human`]), so
//! the English page is byte for byte what it was.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use crate::json::Reader;
use crate::lang::Locale;

mod after;
mod flows;
mod notes;
mod published;
pub mod view;
pub use after::victims;
pub use flows::{bases, basis, merged_name, sum_note, sum_words};
pub use notes::year_note;
pub use published::{amount, figure_summary, window};

/// The English strings, the source every other locale translates.
pub const ENGLISH_SOURCE: &str = include_str!("../i18n/en.json");

/// The key of the object that says how a file was made; not a string the page shows.
pub const META_KEY: &str = "_meta";

/// How a locale's file says it was made (its `"_meta"` object).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Meta {
    /// `source` for English, `machine` for a machine translation, `human` for a person's.
    pub method: String,
    /// True once a person has read the translation against the English.
    pub reviewed: bool,
}

/// One locale's words.
#[derive(Debug, Clone, PartialEq)]
pub struct Words {
    locale: Locale,
    meta: Meta,
    texts: BTreeMap<String, String>,
}

impl Words {
    /// Reads a locale's file: a JSON object of strings and one `"_meta"` object. A value
    /// that is not a string, or a file that is not such an object, is an error naming the
    /// key, never a panic.
    pub fn parse(locale: Locale, text: &str) -> Result<Words, String> {
        let mut texts = BTreeMap::new();
        let mut meta = Meta::default();
        let mut r = Reader::new(text);
        let read = r
            .object("an object of UI strings", &mut |r, key| {
                if key == META_KEY {
                    return r.object("the file's _meta", &mut |r, k| match k {
                        "method" => {
                            meta.method = r.string()?;
                            Ok(())
                        }
                        "reviewed" => {
                            meta.reviewed = r.bool()?;
                            Ok(())
                        }
                        _ => r.skip(),
                    });
                }
                let value = r.string()?;
                if texts.insert(key.to_string(), value).is_some() {
                    return Err(r.error(format!("the key {key} is given twice")));
                }
                Ok(())
            })
            .and_then(|()| r.end());
        read.map_err(|e| {
            let at = if e.path.is_empty() { String::new() } else { format!(" at {}", e.path) };
            format!("i18n/{}.json{at}: {}", locale.code(), e.message)
        })?;
        Ok(Words { locale, meta, texts })
    }

    /// The English words, built in.
    pub fn english() -> Words {
        // The file ships with the program and a test reads it; were it ever broken, the
        // page would show each key rather than stop.
        Words::parse(Locale::En, ENGLISH_SOURCE).unwrap_or_else(|_| Words {
            locale: Locale::En,
            meta: Meta::default(),
            texts: BTreeMap::new(),
        })
    }

    /// The locale these words are in.
    pub fn locale(&self) -> Locale {
        self.locale
    }

    /// How the file was made.
    pub fn meta(&self) -> &Meta {
        &self.meta
    }

    /// Every key the file holds, in order.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.texts.keys().map(String::as_str)
    }

    /// The text of `key`, if the file has it.
    pub fn lookup(&self, key: &str) -> Option<&str> {
        self.texts.get(key).map(String::as_str)
    }
}

thread_local! {
    /// The words in force on this thread, with English behind them for a key a
    /// translation lacks.
    static CURRENT: RefCell<Rc<Words>> = RefCell::new(Rc::new(Words::english()));
    static ENGLISH: Rc<Words> = Rc::new(Words::english());
}

/// Makes `words` the words in force on this thread (the live page, once the reader's
/// language has arrived).
pub fn set(words: Rc<Words>) {
    CURRENT.with(|c| *c.borrow_mut() = words);
}

/// Runs `f` with `words` in force, then puts the words that were in force back (the static
/// build writes one page per locale this way).
pub fn with<T>(words: Rc<Words>, f: impl FnOnce() -> T) -> T {
    let before = CURRENT.with(|c| std::mem::replace(&mut *c.borrow_mut(), words));
    let out = f();
    CURRENT.with(|c| *c.borrow_mut() = before);
    out
}

/// The locale in force.
pub fn locale() -> Locale {
    CURRENT.with(|c| c.borrow().locale)
}

/// The text of `key` in the locale in force; the English where the translation lacks the
/// key (a test keeps every file complete), and the key itself where English lacks it too.
pub fn t(key: &str) -> String {
    let own = CURRENT.with(|c| c.borrow().lookup(key).map(str::to_string));
    own.or_else(|| ENGLISH.with(|e| e.lookup(key).map(str::to_string))).unwrap_or_else(|| key.to_string())
}

/// The text of `key` with each `{name}` hole filled by its value. A hole the text lacks is
/// ignored (a language may not need every value).
pub fn fill(key: &str, values: &[(&str, &str)]) -> String {
    fill_text(&t(key), values)
}

/// `text` with each `{name}` hole that `values` names filled, in one pass: a value is
/// written as given, never searched for holes itself, and a hole no value names stays as
/// written.
pub fn fill_text(text: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(text.len() + values.iter().map(|(_, v)| v.len()).sum::<usize>());
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let hole = rest[open + 1..].find('}').map(|close| &rest[open + 1..open + 1 + close]);
        match hole.and_then(|name| values.iter().find(|(n, _)| *n == name).map(|(_, v)| (name, v))) {
            Some((name, value)) => {
                out.push_str(&rest[..open]);
                out.push_str(value);
                rest = &rest[open + name.len() + 2..];
            }
            None => {
                out.push_str(&rest[..=open]);
                rest = &rest[open + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// True when the words in force are English: the page writes its own English forms of
/// money and dates then, byte for byte as before the locales.
pub fn is_english() -> bool {
    locale() == Locale::En
}

/// A calendar date as the locale in force writes it in prose ("Feb 21, 2025",
/// "2025년 2월 21일", "21 février 2025").
pub fn date(d: crate::date::Date) -> String {
    if is_english() {
        d.human()
    } else {
        crate::locale::dates::day(locale(), d)
    }
}

/// An amount of US dollars as the locale in force writes it in prose ("$1.46B",
/// "14억6,000만 달러", "1,46 milliard de dollars").
pub fn money(usd: f64) -> String {
    if is_english() {
        crate::format::money(usd)
    } else {
        crate::locale::money::money(locale(), usd)
    }
}

/// A count as the locale in force groups its digits (English as the page always wrote
/// counts, "56"; "1 234", "1.234").
pub fn integer(n: i64) -> String {
    if is_english() {
        n.to_string()
    } else {
        crate::locale::number::integer(locale(), n)
    }
}

/// A share (0.61) as a percentage in the locale in force ("61%", "61 %").
pub fn percent(share: f64) -> String {
    if is_english() {
        crate::format::percent(share)
    } else {
        crate::locale::number::percent(locale(), share)
    }
}

/// The span of years a view covers ("2017–2025", "2017～2025年").
pub fn year_span(from: i32, to: i32) -> String {
    crate::locale::dates::year_span(locale(), from, to)
}

/// Where a language's static first view lives, relative to the site root: `""` for
/// English (the root itself), `ko/` and so on for the others.
pub fn page_path(l: Locale) -> String {
    match l {
        Locale::En => String::new(),
        other => format!("{}/", other.code()),
    }
}

/// The address of a locale's file of UI strings, relative to the site root.
pub fn file_path(l: Locale) -> String {
    format!("i18n/{}.json", l.code())
}

/// A victim category in the words in force ("Centralized exchange", "중앙화 거래소").
pub fn category(c: crate::model::Category) -> String {
    use crate::model::Category as C;
    t(match c {
        C::CentralizedExchange => "category.centralized_exchange",
        C::Bridge => "category.bridge",
        C::DefiProtocol => "category.defi_protocol",
        C::Wallet => "category.wallet",
        C::PaymentProcessor => "category.payment_processor",
        C::GamingGambling => "category.gaming_gambling",
        C::Other => "category.other",
    })
}

/// An attribution confidence in the words in force ("Official", "공식").
pub fn confidence(c: crate::model::Confidence) -> String {
    use crate::model::Confidence as C;
    t(match c {
        C::Official => "confidence.official",
        C::Firm => "confidence.firm",
        C::Suspected => "confidence.suspected",
    })
}

/// A kind of enforcement action in the words in force ("Sanction", "제재"), as the
/// timeline's legend, its tooltips, its table and "Compare with release" name it.
pub fn enforcement(k: crate::model::EnforcementKind) -> String {
    use crate::model::EnforcementKind as K;
    t(match k {
        K::Sanction => "legend.enforcement.sanction",
        K::Indictment => "legend.enforcement.indictment",
        K::Seizure => "legend.enforcement.seizure",
        K::Advisory => "legend.enforcement.advisory",
        K::Attribution => "legend.enforcement.attribution",
    })
}

/// What an event after a theft did, in the words in force ("Frozen", "Returned to the
/// victim", "Refused to act"; [`crate::after::outcome`] in English): a recovery that reached
/// the victim reads as returned.
pub fn outcome(kind: crate::model::CooperationKind, returned: bool) -> String {
    use crate::model::CooperationKind as K;
    t(match (kind, returned) {
        (K::Refusal, _) => "after.outcome_refused",
        (_, true) => "after.outcome_returned",
        (K::Freeze, false) => "after.outcome_frozen",
        (K::Seizure, false) => "after.outcome_seized",
        (K::Recovery, false) => "after.outcome_recovered",
    })
}

/// An attack vector's kind in the words in force ("Social engineering", "사회공학").
pub fn vector(v: crate::model::Vector) -> String {
    use crate::model::Vector as V;
    t(match v {
        V::PrivateKeyCompromise => "vector.private_key_compromise",
        V::SocialEngineering => "vector.social_engineering",
        V::SupplyChain => "vector.supply_chain",
        V::SmartContractExploit => "vector.smart_contract_exploit",
        V::Malware => "vector.malware",
        V::Insider => "vector.insider",
        V::Unknown => "vector.unknown",
    })
}

/// A source's kind in the words in force ("Primary", "1차 자료").
pub fn source_kind(k: crate::model::SourceKind) -> String {
    use crate::model::SourceKind as K;
    t(match k {
        K::Primary => "source_kind.primary",
        K::Copy => "source_kind.copy",
        K::Secondary => "source_kind.secondary",
    })
}

/// A range of dollars in the locale in force ("14억~15억 달러", "1,4 à 1,5 milliard de
/// dollars").
pub fn range(low: f64, high: f64) -> String {
    crate::locale::money::amount(locale(), low, Some(high), false)
}

/// Whole dollars with every digit, in the locale in force ("12 500 $", "12.500 $",
/// "1,460,000,000달러"): the exact figure beside a rounded one.
pub fn dollars_exact(usd: f64) -> String {
    let l = locale();
    if !(0.0..crate::locale::number::MONEY_LIMIT).contains(&usd) {
        return crate::locale::MISSING.to_string();
    }
    let n = crate::locale::number::integer(l, usd.round() as i64);
    match l {
        Locale::En => format!("${n}"),
        Locale::Ko => format!("{n}달러"),
        Locale::Ja => format!("{n}ドル"),
        Locale::Fr | Locale::De | Locale::It => format!("{n}\u{a0}$"),
    }
}
