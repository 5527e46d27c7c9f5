//! The language a page speaks: one of six locales, named in the view (`?lang=`) and in the
//! static pages' folders (`/ko/`, `/ja/`, …). Kept apart from [`crate::locale`]'s forms
//! because the view (an earlier layer) holds it; the forms themselves live there.

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
