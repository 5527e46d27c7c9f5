//! A texts file beside the dataset (`data/texts/incidents.LANG.json`, [`IncidentTexts`])
//! read, and held to the dataset it is shown with.
//!
//! The rules are the validator's for a record's own translations
//! ([`crate::validate::incident_translation_problems`]), applied to each text as if it were
//! in its record, plus the one a separate file needs: every incident id is the dataset's.
//! The build refuses a file with any problem ([`check`]); the live page ([`fit`]) shows the
//! current texts, English with a note for a stale one, and English throughout (with a
//! notice) for a file that does not fit at all: a bad texts file never stops the page.

use std::collections::BTreeMap;

use crate::json::{required, Error, Fields, Reader};
use crate::model::TRANSLATION_LOCALES;
use crate::model::{Dataset, Date, FittedTexts, IncidentText, IncidentTexts, TranslationMethod};
use crate::validate::{incident_fields, incident_translation_problems, Problem};

/// Largest texts file read: 4 MB, some twenty times the shipped ones; past it a response is
/// more likely a wrong address than texts.
pub const MAX_TEXTS_BYTES: usize = 4 * 1024 * 1024;

/// Where a locale's file lies under the dataset's folder: `data/texts/incidents.ko.json`
/// beside `data/incidents.json`.
pub fn path_of(locale: &str) -> String {
    format!("data/texts/incidents.{locale}.json")
}

/// Reads a texts file. Every field is known (an unknown one is refused, as in the dataset),
/// nothing follows the object; an error names where, never a panic.
pub fn parse(text: &str) -> Result<IncidentTexts, String> {
    if text.len() > MAX_TEXTS_BYTES {
        return Err(format!("the file is over the {} MB limit", MAX_TEXTS_BYTES / 1_048_576));
    }
    let mut r = Reader::new(text);
    let read = file(&mut r).and_then(|t| r.end().map(|()| t));
    read.map_err(|e: Error| if e.path.is_empty() { e.message } else { format!("{}: {}", e.path, e.message) })
}

fn file(r: &mut Reader) -> Result<IncidentTexts, Error> {
    let mut fields = Fields::new(&["locale", "about", "incidents"]);
    let (mut locale, mut about, mut incidents) = (None, None, None);
    r.object("struct IncidentTexts", &mut |r, key| {
        match fields.which(r, key)? {
            Some(0) => locale = Some(r.string()?),
            Some(1) => about = Some(r.string()?),
            Some(_) => incidents = Some(incidents_of(r)?),
            None => r.skip()?,
        }
        Ok(())
    })?;
    Ok(IncidentTexts {
        locale: required(locale, "locale", r)?,
        about,
        incidents: required(incidents, "incidents", r)?,
    })
}

fn text(r: &mut Reader) -> Result<IncidentText, Error> {
    let mut fields = Fields::new(&["text", "method", "reviewed", "date", "en_fingerprint"]);
    let (mut text, mut method, mut reviewed, mut date, mut en_fingerprint) = (None, None, None, None, None);
    r.object("struct IncidentText", &mut |r, key| {
        match fields.which(r, key)? {
            Some(0) => text = Some(r.string()?),
            Some(1) => {
                let names = TranslationMethod::ALL.map(TranslationMethod::slug);
                method = Some(TranslationMethod::ALL[r.variant(&names)?]);
            }
            Some(2) => reviewed = Some(r.bool()?),
            Some(3) => {
                let s = r.string()?;
                date = Some(Date::parse(&s).map_err(|e| r.error(e))?);
            }
            Some(_) => en_fingerprint = Some(r.string()?),
            None => r.skip()?,
        }
        Ok(())
    })?;
    Ok(IncidentText {
        text: required(text, "text", r)?,
        method: required(method, "method", r)?,
        reviewed: required(reviewed, "reviewed", r)?,
        date: required(date, "date", r)?,
        en_fingerprint: required(en_fingerprint, "en_fingerprint", r)?,
    })
}

/// The texts by incident id, then by field; an id or a field given twice is refused (JSON
/// readers differ on which one counts). Written out rather than through a generic map
/// reader: each instance of one would be code the page carries.
fn incidents_of(r: &mut Reader) -> Result<BTreeMap<String, BTreeMap<String, IncidentText>>, Error> {
    let twice =
        |r: &Reader, key: &str| r.object_error(format!("the key \"{key}\" is given twice; give it once"));
    let mut out = BTreeMap::new();
    r.object("a map of incidents", &mut |r, id| {
        let mut fields = BTreeMap::new();
        r.object("a map of fields", &mut |r, field| {
            let t = text(r)?;
            match fields.insert(field.to_string(), t) {
                Some(_) => Err(twice(r, field)),
                None => Ok(()),
            }
        })?;
        match out.insert(id.to_string(), fields) {
            Some(_) => Err(twice(r, id)),
            None => Ok(()),
        }
    })?;
    Ok(out)
}

/// Every problem of `texts` against `data`, each located as in the file
/// (`incidents.bybit-2025.vector_detail.en_fingerprint`): an id the dataset lacks, and each
/// text held to the rules for in-record translations (a known locale and field, an English
/// text to translate, not empty, not stale, every citation kept).
pub fn check(texts: &IncidentTexts, data: &Dataset) -> Vec<Problem> {
    let mut problems = Vec::new();
    let locale = texts.locale.as_str();
    if !TRANSLATION_LOCALES.contains(&locale) {
        let expected = TRANSLATION_LOCALES.join(", ");
        problems
            .push(Problem::new("locale", format!("unknown locale \"{locale}\", expected one of {expected}")));
        return problems;
    }
    for (id, fields) in &texts.incidents {
        let record = format!("incidents.{id}");
        let Some(incident) = data.incidents.iter().find(|i| &i.id == id) else {
            problems.push(Problem::new(
                record,
                format!("no incident has this id in release {}", data.release.id),
            ));
            continue;
        };
        for (field, text) in fields {
            let inside = format!("{record}.translations.{locale}.texts.");
            for p in incident_translation_problems(&record, incident, &text.as_translations(locale, field)) {
                // Where the file holds it, not where a record would.
                let location = p.location.replacen(&inside, &format!("{record}."), 1);
                let location = location.replacen(&format!("{record}.translations.{locale}"), &record, 1);
                problems.push(Problem::new(location, p.message));
            }
        }
    }
    problems
}

/// `texts` as the page shows them with `data`: every current text, and a stale one (its
/// English revised since, by the validator's one rule,
/// [`crate::model::TranslatedText::is_current`]) noted so its English shows with a note.
/// A text the dataset has no place for (an id it lacks, a field the incident has no English
/// for, an empty text) means the file is not for this dataset: `Err` says which, and the
/// page shows English. Leaner than [`check`] (which the build runs, so the site's own files
/// have passed it), to keep the validator's messages out of the page's WebAssembly.
pub fn fit(texts: &IncidentTexts, data: &Dataset) -> Result<FittedTexts, String> {
    let locale = texts.locale.as_str();
    if !TRANSLATION_LOCALES.contains(&locale) {
        return Err(format!("its locale \"{locale}\" is not one the data is translated into"));
    }
    let mut fitted = FittedTexts { locale: texts.locale.clone(), ..Default::default() };
    for (id, fields) in &texts.incidents {
        let Some(incident) = data.incidents.iter().find(|i| &i.id == id) else {
            return Err(format!("it names incident {id}, which release {} lacks", data.release.id));
        };
        let english = incident_fields(incident);
        let mut current = BTreeMap::new();
        for (field, text) in fields {
            let en = english.iter().find(|(name, _)| name == field).and_then(|(_, en)| *en);
            match en {
                None => return Err(format!("incident {id} has no English {field} to translate")),
                Some(_) if text.text.trim().is_empty() => {
                    return Err(format!("incident {id}'s {field} is empty"))
                }
                Some(en) if text.as_translated().is_current(en) => {
                    current.insert(field.clone(), text.clone());
                }
                Some(_) => fitted.stale.push((id.clone(), field.clone())),
            }
        }
        fitted.current.insert(id.clone(), current);
    }
    Ok(fitted)
}
