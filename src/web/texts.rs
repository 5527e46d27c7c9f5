//! The incidents' notes in the page's language on the live page: the texts file of that
//! language beside the dataset (`data/texts/incidents.LANG.json`, relative to the page's
//! base, so a release's page reads its own), fetched the first time an incident's details
//! are opened in that language (nothing else shows the notes, so a reader who opens none,
//! an embed and a slide fetch nothing) and only for the site's own dataset, held to the
//! dataset on screen
//! ([`crate::load::texts::fit`]) and put in force ([`crate::html::texts::set`]); the detail
//! panel then redraws in it. A file that cannot be had, read or fitted leaves the notes in
//! English, and a notice says why.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::lang::Locale;
use crate::load::texts;
use crate::model::{Dataset, IncidentTexts};
use crate::view::Notice;
use crate::web::fetch::DEFAULT_DATA_URL;

/// Each language's file as fetched and read, or why it could not be (a list: five
/// languages at most, and a map type would be code of its own in the WebAssembly).
type Cache = Rc<RefCell<Vec<(Locale, Result<Rc<IncidentTexts>, String>)>>>;

/// The texts in force on the page.
#[derive(Clone, Copy)]
pub struct PageTexts {
    /// Bumped whenever the texts in force change, so the detail panel is drawn again.
    pub version: RwSignal<u32>,
    /// Why the language's texts are not shown (a notice, phrased in the words in force).
    pub notice: RwSignal<Option<Notice>>,
}

/// Keeps the texts in force in step with the language `wanted`, whether an incident's
/// details are asked for (`detail`), the dataset's address `data_url` and the dataset on
/// screen `shown`.
pub fn follow(
    wanted: Memo<Locale>,
    detail: Memo<bool>,
    data_url: Memo<String>,
    shown: impl Fn() -> Option<Arc<Dataset>> + 'static,
) -> PageTexts {
    let out = PageTexts { version: RwSignal::new(0), notice: RwSignal::new(None) };
    let cache: Cache = Rc::new(RefCell::new(Vec::new()));
    // The languages whose file has been asked for.
    let asked: RefCell<Vec<Locale>> = RefCell::new(Vec::new());
    // Bumped when a file arrives, to fit it.
    let arrived = RwSignal::new(0u32);
    Effect::new(move |_| {
        arrived.track();
        let l = wanted.get();
        // The files translate the site's own data; a dataset from elsewhere has none.
        let own = data_url.with(|u| u == DEFAULT_DATA_URL);
        let data = shown();
        let (texts, notice) = match data {
            Some(data) if own && l != Locale::En => {
                match cache.borrow().iter().find(|(c, _)| *c == l).map(|(_, f)| f) {
                    Some(Ok(file)) => match fitted(file, l, &data) {
                        Ok(f) => (Some(Rc::new(f)), None),
                        Err(why) => (None, Some(Notice::TextsNotLoaded(why))),
                    },
                    Some(Err(why)) => (None, Some(Notice::TextsNotLoaded(why.clone()))),
                    // Fetched the first time a detail asks for it.
                    None => {
                        if detail.get() && !asked.borrow().contains(&l) {
                            asked.borrow_mut().push(l);
                            let cache = cache.clone();
                            spawn_local(async move {
                                let got = fetch(l).await;
                                cache.borrow_mut().push((l, got.map(Rc::new)));
                                arrived.update(|n| *n = n.wrapping_add(1));
                            });
                        }
                        (None, None)
                    }
                }
            }
            _ => (None, None),
        };
        // Set on every change of what it follows (each redraws the panel anyway); comparing
        // the texts to skip one would cost more code than the redraw costs time.
        crate::html::texts::set(texts);
        out.notice.set(notice);
        out.version.update(|n| *n = n.wrapping_add(1));
    });
    out
}

/// `file` held to `data`, when it is in the language `l`.
fn fitted(file: &IncidentTexts, l: Locale, data: &Dataset) -> Result<crate::model::FittedTexts, String> {
    if file.locale != l.code() {
        return Err(format!("the file holds {} texts", file.locale));
    }
    texts::fit(file, data)
}

/// A language's texts file, read.
async fn fetch(l: Locale) -> Result<IncidentTexts, String> {
    let url = texts::path_of(l.code());
    let response = crate::web::fetch::get(&url, None).await.map_err(|_| "no answer".to_string())?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let promise = response.text().map_err(|_| "no text".to_string())?;
    let text = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| "no text".to_string())?;
    texts::parse(&text)
}
