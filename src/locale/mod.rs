//! Locales: numbers, money, dates and line breaking as the press of each room the
//! dashboard is briefed in writes them (English, Korean, Japanese, French, German,
//! Italian). Groundwork for issue 17: the page does not use this module yet; the phrasing
//! layer that will route every word through it waits for issue 21.
//!
//! Everything here is plain Rust over strings and numbers, with no browser `Intl` and no
//! Unicode tables, so the same input gives the same bytes natively and in WebAssembly.
//!
//! What the forms rest on (read on 3 December 2026; where the press varies, the choice and
//! its reason are given):
//!
//! - **Korean** (KBS, Yonhap News TV, Kukinews quoting Yonhap, on the thefts): amounts in
//!   만/억/조 units followed by a spaced `달러` ("17억 달러", "23억 달러", "6억2천만
//!   달러", "7억 2천100만 달러"). Outlets differ on `2천만` against `2,000만` and on a space
//!   between units; we write `20억2,000만 달러` (digits within a unit grouped by comma,
//!   units unspaced) as issue 17 asks, because digits compare at a glance in a table.
//!   Ranges take `~` ("1000~2000명"), floors `최소`.
//! - **Japanese** (Kyodo "17億ドル(約2550億円)", Bloomberg Japan "67億5000万ドル", Reuters
//!   Japan "1億7000万ドル", BBC Japanese "17億ドル"): 万/億/兆 units, no grouping comma
//!   inside a unit, no space before `ドル`. Ranges take the full-width tilde `～` (some
//!   sites print the wave dash `〜`, "2019〜20年", which some Windows fonts draw as another
//!   glyph: the full-width tilde is the safer one on screen). Floors `少なくとも`.
//! - **French** (HEC Montréal's writing guide; the Liste typographie archive): the symbol
//!   after the number, spaced ("12 500 $"); in prose the noun spelt out, "30 millions de
//!   dollars", never "30 millions $"; `million` and `milliard` are nouns and take the plural
//!   from 2 ("1,5 milliard", "2,02 milliards"). Grouping by U+202F (narrow no-break
//!   space) as CLDR has since version 34; before `$` and between a number and its unit word
//!   U+00A0 (CLDR's currency pattern), so a line never breaks between them. Axis
//!   abbreviations follow CLDR's short forms (`M`, `Md`): typographers note that
//!   `million` and `milliard` have no standard abbreviation, so the abbreviations are kept to
//!   axes, where space is short, and prose spells the words out. A French `billion` is
//!   10¹², a false friend of the English one, so above a thousand milliards we write
//!   "1 400 milliards de dollars", as Le Monde does (quoted on the Nouveau Monde blog,
//!   which faulted a translation for printing "trillions" instead).
//! - **German** (Telepolis "1,5 Milliarden Dollar", btc-echo "1,4 Milliarden US-Dollar",
//!   ORF "280 Mio. Euro", "1,4 Mrd. Euro"): prose `Milliarden Dollar` (the shorter of the
//!   two press forms; `US-Dollar` adds nothing when every amount is in dollars), axis
//!   `Mrd.`/`Mio.`/`Bio.` with their points, as CLDR's short forms too; dates
//!   "21. Februar 2025" (btc-echo).
//! - **Italian** (Il Tempo and LaC News24 "1,46 miliardi di dollari", Libero "611 milioni
//!   di dollari"): prose `miliardi di dollari`. For axes an Italian usage guide (nohcri.com)
//!   accepts both `mld` and CLDR's `Mrd`; we use `mld` and `mln`, the abbreviations of the
//!   words Italian readers see in prose (`Mrd` reads as German). Italian has no everyday
//!   word for 10¹² in money ("bilione" is rare), so we write "1.500 miliardi".
//!
//! Money is rounded to three significant figures everywhere (issue 21: "$77.3M",
//! "$1.69B", "$12,500"). Amounts must be finite, not negative and below
//! [`number::MONEY_LIMIT`] (a thousand trillion dollars): anything else reads as
//! [`MISSING`], never a panic and never a made-up figure.

pub mod dates;
pub mod money;
pub mod number;
pub mod text;

/// What a number or an amount that cannot be shown (not a number, infinite, negative or
/// absurdly large money) reads as, in every locale: an em dash, which every press uses for "no
/// figure".
pub const MISSING: &str = "—";

/// One of the languages the dashboard is to speak (issue 17): English by default, then the
/// rooms of the G7 and South Korea that brief on North Korea's thefts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Locale {
    /// English, the page as it is today.
    #[default]
    En,
    /// Korean.
    Ko,
    /// Japanese.
    Ja,
    /// French.
    Fr,
    /// German.
    De,
    /// Italian.
    It,
}

impl Locale {
    /// Every locale, English first (the order of a language picker).
    pub const ALL: [Locale; 6] = [Locale::En, Locale::Ko, Locale::Ja, Locale::Fr, Locale::De, Locale::It];

    /// The BCP 47 primary language subtag: `en`, `ko`, `ja`, `fr`, `de`, `it` (what
    /// `?lang=` will carry).
    pub fn code(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Ko => "ko",
            Locale::Ja => "ja",
            Locale::Fr => "fr",
            Locale::De => "de",
            Locale::It => "it",
        }
    }

    /// The locale a language tag names, by its primary subtag and regardless of case or
    /// region: `ko`, `KO`, `ko-KR`, `fr_CA` all parse; anything else is `None`.
    pub fn parse(tag: &str) -> Option<Locale> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or("");
        Locale::ALL.into_iter().find(|l| primary.eq_ignore_ascii_case(l.code()))
    }

    /// The value of `<html lang>` for a page in this locale. The language alone: the
    /// number and date forms here are the same across each language's countries in
    /// everything the page shows, so no region is claimed.
    pub fn html_lang(self) -> &'static str {
        self.code()
    }

    /// The language's name in itself, for a language picker: "English", "한국어", "日本語",
    /// "Français", "Deutsch", "Italiano".
    pub fn name(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::Ko => "한국어",
            Locale::Ja => "日本語",
            Locale::Fr => "Français",
            Locale::De => "Deutsch",
            Locale::It => "Italiano",
        }
    }

    /// True for the locales that count large numbers in myriads (10⁴: 만/万, 억/億, 조/兆)
    /// rather than in thousands.
    pub(crate) fn counts_in_myriads(self) -> bool {
        matches!(self, Locale::Ko | Locale::Ja)
    }
}
