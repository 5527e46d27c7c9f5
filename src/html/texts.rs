//! The incidents' longer texts in the reader's language (the vector detail, the amount and
//! attribution notes), from the texts file of that language beside the dataset
//! ([`crate::load::texts`]), as the detail panel shows them.
//!
//! Why texts "in force" rather than a parameter: as with the page's words
//! ([`crate::phrase`]), they are one value per page, set by the static build for each
//! language's page with [`with`] and by the live page with [`set`] once the file has arrived
//! and been held to the dataset on screen. Each thread has its own (tests run in parallel).

use std::cell::RefCell;
use std::rc::Rc;

use crate::html::common::{bdi, data_text, english_noted, translated};
use crate::model::{FileText, FittedTexts, Incident};
use crate::phrase;

thread_local! {
    static IN_FORCE: RefCell<Option<Rc<FittedTexts>>> = const { RefCell::new(None) };
}

/// Puts `texts` in force (`None`: no texts file, so each such field shows its English).
pub fn set(texts: Option<Rc<FittedTexts>>) {
    IN_FORCE.with(|t| *t.borrow_mut() = texts);
}

/// Runs `f` with `texts` in force, then puts back those that were.
pub fn with<T>(texts: Option<Rc<FittedTexts>>, f: impl FnOnce() -> T) -> T {
    let before = IN_FORCE.with(|t| std::mem::replace(&mut *t.borrow_mut(), texts));
    let out = f();
    IN_FORCE.with(|t| *t.borrow_mut() = before);
    out
}

/// Incident `i`'s `field` (whose English is `english`) in the language in force: the
/// record's own translation where it has one; else the texts file's, marked with its
/// language and how it was made; else the English marked `lang="en"`, noted as stale where
/// the file's text is older than the English, as English otherwise. On the English page,
/// the English as ever.
pub(super) fn incident_text(i: &Incident, field: &str, english: &str) -> String {
    if phrase::is_english() {
        return bdi(english);
    }
    let code = phrase::locale().code();
    if i.translations.get(code).is_some_and(|t| t.texts.contains_key(field)) {
        return data_text(&i.translations, field, english);
    }
    IN_FORCE.with(|t| {
        let texts = t.borrow();
        let found =
            texts.as_deref().filter(|t| t.locale == code).map_or(FileText::None, |t| t.get(&i.id, field));
        match found {
            FileText::Current(text) => translated(&text.text, text.method, text.reviewed),
            FileText::Stale => english_noted(english, "stale", &phrase::t("texts.stale")),
            FileText::None => data_text(&i.translations, field, english),
        }
    })
}
