//! The dashboard root: reads the view from the URL, loads the dataset, builds the page
//! state every part reads from context, and keeps the screen ([`crate::web::screen`]) in
//! step with it. The page's content is the markup [`crate::html`] writes from the pipeline:
//! the first view's, adopted as it is, then replaced part by part as the view changes.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::lang::Locale;
use crate::model::Dataset;
use crate::pipeline::Selection;
use crate::view::{self, Theme, ViewState};
use crate::web::dom;
use crate::web::fetch::{self, Failure, DEFAULT_DATA_URL};
use crate::web::inputs::Inputs;
use crate::web::screen::Screen;
use crate::web::state::PageState;

/// A dataset as loaded: the data and the fingerprint of the file it came from.
#[derive(Clone)]
pub(crate) struct Loaded {
    /// The checked dataset.
    pub data: Arc<Dataset>,
    /// [`crate::load::fingerprint`] of its file.
    pub fingerprint: String,
    /// The address it came from, as a path on this site ([`fetch::site_path`]).
    pub path: Option<String>,
}

/// Sets the dashboard up on the page. The view lives in the address's query string: read
/// on load and on Back/Forward, written by [`PageState::set`] through the History API.
pub fn run() {
    let search = RwSignal::new(dom::location_search());
    if let Some(w) = dom::window_target() {
        dom::Listener::forever(&w, "popstate", move |_| search.set(dom::location_search()));
    }
    // The page's own language (`ko` on `/ko/`) is the view's when the address names none,
    // so every address the page writes from there (permalinks, embeds, citations) keeps it.
    let page_lang = crate::web::words::page_locale();
    let parsed = Memo::new(move |_| {
        search.with(|q| {
            let (mut v, notices) = view::parse(&view::query_pairs(q));
            if v.lang.is_none() && page_lang != Locale::En {
                v.lang = Some(page_lang);
            }
            (v, notices)
        })
    });
    let data_url = Memo::new(move |_| {
        parsed.with(|(v, _)| v.data.clone().unwrap_or_else(|| DEFAULT_DATA_URL.to_string()))
    });
    let loads = load_on_change(data_url);

    let reconciled = Memo::new(move |_| {
        let (v, mut notices) = parsed.get();
        match loads.dataset.get() {
            Some(d) => {
                let (v, more) = view::reconcile(v, &d.data);
                notices.extend(more);
                (v, notices)
            }
            None => (v, notices),
        }
    });
    let system_dark = dom::prefers_dark();
    let theme = Memo::new(move |_| {
        reconciled.with(|(v, _)| v.theme).unwrap_or(if system_dark { Theme::Dark } else { Theme::Light })
    });
    // The earlier release the view is compared with (`?since=`), once loaded.
    let since_id = Memo::new(move |_| reconciled.with(|(v, _)| v.since.clone()));
    let shown = move || loads.dataset.with(|d| d.as_ref().map(|d| d.data.clone()));
    let since = crate::web::diff::baseline(since_id, shown);
    // Filtered once per view change; every chart, the headline and the table share it.
    let selection = Memo::new(move |_| {
        loads.dataset.get().map(|d| {
            Selection::new(d.data, reconciled.with(|(v, _)| v.clone()), theme.get())
                .with_since(since.baseline.get())
        })
    });
    let view_now = Memo::new(move |_| reconciled.with(|(v, _)| v.clone()));
    let wanted = Memo::new(move |_| reconciled.with(|(v, _)| v.lang.unwrap_or(page_lang)));
    let words = crate::web::words::follow(wanted);
    // The incidents' notes in that language, for the site's own dataset, once an incident's
    // details are opened on the full page (an embed or a slide shows none).
    let detail = Memo::new(move |_| {
        reconciled.with(|(v, _)| v.incident.is_some() && v.embed.is_none() && v.present.is_none())
    });
    let texts = crate::web::texts::follow(wanted, detail, data_url, shown);

    // Every change of view goes through the URL, so back/forward and permalinks work. An
    // address that would not change (Clear filters twice) adds no history entry.
    let go = Callback::new(move |(v, replace): (ViewState, bool)| {
        let q = view::to_query(&v);
        let query = if q.is_empty() { String::new() } else { format!("?{q}") };
        if search.with_untracked(|s| *s == query) {
            return;
        }
        dom::set_query(&query, replace);
        search.set(query);
    });
    let state = PageState::new(selection, view_now, data_url, go);
    provide_context(state);
    crate::web::print::install(state);
    let versions = crate::web::releases::fetch_once();

    let rest = RwSignal::new(0u32);
    let screen = std::rc::Rc::new(std::cell::RefCell::new(Screen::new(state, loads.attempt, rest)));
    Effect::new(move |_| {
        // The address itself, tracked first: a change that reaches the screen only through
        // the memos below (the notices of an address whose view is unchanged) must still
        // run this. A memo that one of them recomputes is clean by the time this effect
        // would check it, and reactive_graph 0.2 then reports it unchanged.
        search.track();
        let inputs = Inputs {
            selection: selection.get(),
            loaded: loads.dataset.with(|d| d.as_ref().map(|d| d.fingerprint.clone())),
            shown_path: loads.dataset.with(|d| d.as_ref().and_then(|d| d.path.clone())),
            view: view_now.get(),
            // Notices become words here, in the words in force (tracked above), so they
            // follow the reader's language.
            notices: reconciled.with(|(_, n)| {
                let unread = words.failed.get().map(|(_, why)| why);
                let all: Vec<view::Notice> =
                    n.iter().cloned().chain(since.notice.get()).chain(texts.notice.get()).collect();
                crate::html::notices::tidy(&all).into_iter().chain(unread).collect()
            }),
            lang: wanted.get(),
            words: words.in_force.get(),
            words_failed: words.failed.with(|f| f.as_ref().is_some_and(|(l, _)| *l == wanted.get())),
            texts: texts.version.get(),
            refused: crate::html::notices::tidy(&state.refused.get()),
            theme: theme.get(),
            data_url: data_url.get(),
            failure: loads.failure.get(),
            loading: loads.loading.get().then(|| loads.received.get()),
            versions: versions.get(),
            ui: state.ui.get(),
            resized: loads.resized.get(),
            rest: rest.get(),
        };
        screen.borrow_mut().show(&inputs, loads.resized);
    });
}

/// The dataset's loading state.
#[derive(Clone, Copy)]
struct Loads {
    dataset: RwSignal<Option<Loaded>>,
    failure: RwSignal<Option<Failure>>,
    loading: RwSignal<bool>,
    received: RwSignal<crate::load::Progress>,
    /// Bumped to load again ("Try again").
    attempt: RwSignal<u32>,
    /// Bumped when a chart box changes size or a drawing waits for one.
    resized: RwSignal<u32>,
}

/// Loads the dataset at the address in force, again whenever it or the attempt changes. A
/// newer request replaces an older one; a failure keeps the last good dataset.
fn load_on_change(data_url: Memo<String>) -> Loads {
    let loads = Loads {
        dataset: RwSignal::new(None),
        failure: RwSignal::new(None),
        loading: RwSignal::new(true),
        received: RwSignal::new(Default::default()),
        attempt: RwSignal::new(0),
        resized: RwSignal::new(0),
    };
    Effect::new(move |_| {
        let url = data_url.get();
        loads.attempt.track();
        loads.loading.set(true);
        loads.received.set(Default::default());
        spawn_local(async move {
            let result = fetch::load(&url, &|p| {
                if data_url.get_untracked() == url {
                    loads.received.set(p);
                }
            })
            .await;
            // The screen is brought up to date in a task of its own, apart from the checking.
            fetch::next_task().await;
            // A newer request replaced this one: its answer is stale.
            if data_url.get_untracked() != url {
                return;
            }
            match result {
                Ok((d, fingerprint)) => {
                    let path = fetch::site_path(&url);
                    loads.dataset.set(Some(Loaded { data: Arc::new(d), fingerprint, path }));
                    loads.failure.set(None);
                }
                // The last good view stays on screen; the panel explains the failure.
                Err(f) => loads.failure.set(Some(f)),
            }
            loads.loading.set(false);
        });
    });
    loads
}
