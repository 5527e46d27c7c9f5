//! A locale's words for the native tests, read from `i18n/` as the static build reads
//! them. Included with `#[path]` only by the tests that speak other languages, so the
//! files that do not are not warned of an unused helper.

use std::rc::Rc;

use heist_ledger::lang::Locale;
use heist_ledger::phrase::{self, Words};

/// The words of locale `l`, from its file of UI strings.
pub fn locale_words(l: Locale) -> Rc<Words> {
    let path = format!("i18n/{}.json", l.code());
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    match Words::parse(l, &text) {
        Ok(w) => Rc::new(w),
        Err(e) => panic!("{path} parses: {e}"),
    }
}

/// Runs `f` with the words of locale `l` in force, as the page in that language does.
pub fn in_locale<T>(l: Locale, f: impl FnOnce() -> T) -> T {
    phrase::with(locale_words(l), f)
}
