//! The page's language on the live page: the locale the view asks for (`?lang=`, else the
//! page's own `<html lang>`: `ko` on `/ko/`), its words fetched from `i18n/LANG.json` at
//! the site root the first time it is asked for (English is built in), and put in force
//! ([`crate::phrase::set`]) before the screen is drawn in it.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::lang::Locale;
use crate::phrase::{self, Words};
use crate::web::dom;

/// The words of each language fetched so far (Back/Forward between languages fetches
/// nothing again).
type Cache = Rc<RefCell<HashMap<Locale, Rc<Words>>>>;

/// The language of the page as served: its `<html lang>` at start-up (the static build
/// writes the locale's own on `/ko/` and the rest), English when it names none we speak.
pub fn page_locale() -> Locale {
    dom::document()
        .and_then(|d| d.document_element())
        .and_then(|html| html.get_attribute("lang"))
        .and_then(|tag| Locale::parse(&tag))
        .unwrap_or_default()
}

/// The words on the page: which locale's are in force, and why a language asked for could
/// not be had.
#[derive(Clone, Copy)]
pub struct PageWords {
    /// The locale whose words are in force ([`crate::phrase::locale`]).
    pub in_force: RwSignal<Locale>,
    /// A language whose words could not be fetched or read, and why: the page stays in the
    /// words it has and says so.
    pub failed: RwSignal<Option<(Locale, String)>>,
}

/// Keeps the words in force in step with `wanted`, fetching a language's file the first time.
pub fn follow(wanted: Memo<Locale>) -> PageWords {
    let words = PageWords { in_force: RwSignal::new(Locale::En), failed: RwSignal::new(None) };
    let cache: Cache = Rc::new(RefCell::new(HashMap::new()));
    cache.borrow_mut().insert(Locale::En, Rc::new(Words::english()));
    Effect::new(move |_| {
        let l = wanted.get();
        if let Some(w) = cache.borrow().get(&l).cloned() {
            phrase::set(w);
            words.in_force.set(l);
            return;
        }
        let cache = cache.clone();
        spawn_local(async move {
            let got = fetch(l).await;
            // Another language was asked for meanwhile: this answer is stale.
            if wanted.get_untracked() != l {
                if let Ok(w) = got {
                    cache.borrow_mut().insert(l, Rc::new(w));
                }
                return;
            }
            match got {
                Ok(w) => {
                    let w = Rc::new(w);
                    cache.borrow_mut().insert(l, w.clone());
                    phrase::set(w);
                    words.failed.set(None);
                    words.in_force.set(l);
                }
                Err(why) => words.failed.set(Some((l, why))),
            }
        });
    });
    words
}

/// A language's file of UI strings, read.
async fn fetch(l: Locale) -> Result<Words, String> {
    let url = format!("{}{}", dom::site_root(), phrase::file_path(l));
    let failed =
        |why: &str| format!("The {} words could not be loaded ({why}); the page stays as it is.", l.name());
    let response = crate::web::fetch::get(&url, None).await.map_err(|_| failed("no answer"))?;
    if !response.ok() {
        return Err(failed(&format!("HTTP {}", response.status())));
    }
    let promise = response.text().map_err(|_| failed("no text"))?;
    let text = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| failed("no text"))?;
    Words::parse(l, &text).map_err(|e| failed(&e))
}
