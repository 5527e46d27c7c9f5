//! The incidents' longer texts in another language, kept in a file of their own per locale
//! beside the dataset (`data/texts/incidents.LANG.json`), not in the records: with them in
//! the records an incident would outgrow the size `tests/large.rs` holds the dataset to.
//!
//! A file is keyed by incident id, then by field (`vector_detail`, `amount_note`,
//! `attribution_note`, named as in the record); each text says how it was made, when, and
//! the fingerprint of the English it translates, as a record's own translation does
//! ([`super::TranslatedText`]). [`crate::load::texts`] reads a file and holds it to the
//! dataset with the validator's rules for in-record translations.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{TranslatedText, Translation, TranslationMethod, Translations};
use crate::date::Date;

/// One locale's texts for the incidents, as the file holds them.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct IncidentTexts {
    /// The locale the texts are in (`ko`, `ja`, …), one of [`super::TRANSLATION_LOCALES`].
    pub locale: String,
    /// What the file is and how it was made, for a person reading it; the page shows none of it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub about: Option<String>,
    /// By incident id, then by the field's name in the record.
    pub incidents: BTreeMap<String, BTreeMap<String, IncidentText>>,
}

/// One field of one incident in the file's locale.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct IncidentText {
    /// The translation. Numbers, dates, amounts and `[source-id]` citations as in the English.
    pub text: String,
    /// How it was made.
    pub method: TranslationMethod,
    /// Whether a person who reads both languages has checked it against the English.
    pub reviewed: bool,
    /// The day it was made (or last revised).
    pub date: Date,
    /// [`super::fingerprint`] of the English text it translates.
    pub en_fingerprint: String,
}

impl IncidentText {
    /// The text and its fingerprint, as a record holds one translated field.
    pub fn as_translated(&self) -> TranslatedText {
        TranslatedText { text: self.text.clone(), en_fingerprint: self.en_fingerprint.clone() }
    }

    /// This text as a record's own translation of `field` into `locale`, so the rules for
    /// those ([`crate::validate`]) apply to it unchanged.
    pub fn as_translations(&self, locale: &str, field: &str) -> Translations {
        let translation = Translation {
            method: self.method,
            reviewed: self.reviewed,
            texts: BTreeMap::from([(field.to_string(), self.as_translated())]),
        };
        BTreeMap::from([(locale.to_string(), translation)])
    }
}

/// A texts file held to the dataset on screen: the texts that translate its English as it
/// reads now, and those left behind by a revised English (stale), which the page shows as
/// English with a note.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FittedTexts {
    /// The locale of the texts.
    pub locale: String,
    /// The current texts, by incident id and field (as in [`IncidentTexts::incidents`]).
    pub current: BTreeMap<String, BTreeMap<String, IncidentText>>,
    /// The incident ids and fields whose text is stale (few: a list, not a map).
    pub stale: Vec<(String, String)>,
}

/// What a texts file has for one field of one incident.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum FileText<'a> {
    /// A text that translates the English as it reads now.
    Current(&'a IncidentText),
    /// A text older than its English: the English shows, said to be so.
    Stale,
    /// No text.
    None,
}

impl FittedTexts {
    /// The text for `field` of incident `id`.
    pub fn get(&self, id: &str, field: &str) -> FileText<'_> {
        match self.current.get(id).and_then(|fields| fields.get(field)) {
            Some(t) => FileText::Current(t),
            None if self.stale.iter().any(|(i, f)| i == id && f == field) => FileText::Stale,
            None => FileText::None,
        }
    }
}
