//! Per-record translations of the data's own text, with provenance: how each was made,
//! whether a person has reviewed it, and a fingerprint of the English it translates, so a
//! translation left behind by a revised English text is caught ([`crate::validate`]).
//!
//! In the JSON a record carries
//! `"translations": {"ko": {"method": "machine", "reviewed": false, "texts": {"summary":
//! {"text": "…", "en_fingerprint": "fnv1a64:…"}}}}`: one entry per locale, one text per
//! translated field, named as the field is in the record.

use std::collections::BTreeMap;

use serde::Serialize;

/// The locales a record's text may be translated into: the page's locales other than
/// English, which every record is written in.
pub const TRANSLATION_LOCALES: [&str; 5] = ["ko", "ja", "fr", "de", "it"];

/// A record's translations, by locale (`ko`, `ja`, …), in locale order.
pub type Translations = BTreeMap<String, Translation>;

/// How a translation was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub enum TranslationMethod {
    /// Made by a machine (a translation model); the page says so where it shows one.
    Machine,
    /// Written by a person.
    Human,
}

impl TranslationMethod {
    /// Every method, in the schema's order.
    pub const ALL: [TranslationMethod; 2] = [TranslationMethod::Machine, TranslationMethod::Human];

    /// The name in the JSON.
    pub fn slug(self) -> &'static str {
        match self {
            TranslationMethod::Machine => "machine",
            TranslationMethod::Human => "human",
        }
    }
}

/// One record's text in one locale.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Translation {
    /// How the texts were made.
    pub method: TranslationMethod,
    /// Whether a person who reads both languages has checked them against the English.
    pub reviewed: bool,
    /// The translated fields, by the field's name in the record (`summary`, `title`, …).
    pub texts: BTreeMap<String, TranslatedText>,
}

/// One field's text in another language.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct TranslatedText {
    /// The translation. Numbers, dates, amounts and `[source-id]` citations as in the English.
    pub text: String,
    /// [`fingerprint`] of the English text this translates. When the English changes, the
    /// fingerprints part and the validator calls the translation stale.
    pub en_fingerprint: String,
}

impl TranslatedText {
    /// Whether this translates `english` as it reads now: its fingerprint is the English
    /// text's own. The one rule for staleness, for the translations in a record and those
    /// in a texts file beside the dataset alike.
    pub fn is_current(&self, english: &str) -> bool {
        self.en_fingerprint == fingerprint(english)
    }
}

/// A stable fingerprint of a text: FNV-1a (64-bit) over its UTF-8 bytes, as
/// `fnv1a64:` and 16 lowercase hex digits. Not a security hash: it only has to change when
/// an English text does, the same natively and in wasm, with no dependency.
pub fn fingerprint(text: &str) -> String {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let hash = text.bytes().fold(OFFSET, |h, b| (h ^ u64::from(b)).wrapping_mul(PRIME));
    format!("fnv1a64:{hash:016x}")
}

/// The text a record shows in `locale`: the translation of `field` where the record has
/// one, else the English (and `false`, so the page can mark it `lang="en"`).
pub fn text_in<'a>(
    translations: &'a Translations,
    locale: &str,
    field: &str,
    english: &'a str,
) -> (&'a str, bool) {
    match translations.get(locale).and_then(|t| t.texts.get(field)) {
        Some(t) if !t.text.trim().is_empty() => (t.text.as_str(), true),
        _ => (english, false),
    }
}
