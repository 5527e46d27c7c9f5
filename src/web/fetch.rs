//! Fetches a dataset file and turns every way that can fail into words a non-engineer can
//! act on.

use wasm_bindgen::JsCast;

use crate::load::{compact, Progress, MAX_DATASET_BYTES};
use crate::model::Dataset;
use crate::web::dom;

/// The bundled dataset, relative to the page's `<base>` (works under a GitHub Pages subpath).
pub(crate) const DEFAULT_DATA_URL: &str = "data/incidents.json";

/// What the build writes beside each dataset of its own (`data/incidents.json` at the site
/// root and under every `v/ID/`): the same dataset, read and checked, in the compact form
/// ([`compact`]). The page reads that and never the JSON for its own data.
const CHECKED_SUFFIX: &str = ".checked.json";

/// The checker's worker (`public/checker-loader.js`, which starts `checker_bg.wasm`):
/// loaded only for a dataset the reader opens (`?data=`).
const CHECKER: &str = "checker-loader.js";

/// How long the checker's files may take to arrive and start (105 KB gzipped in all).
const CHECKER_MS: u32 = 30_000;

/// How long the server may take to start answering before the fetch is abandoned.
pub(crate) const TIMEOUT_MS: u32 = 20_000;

/// How long the body may go without a single byte before it is called stalled. A slow but
/// steady body is read to its end however long it takes; one that stops is reported after
/// this, not left spinning.
pub(crate) const STALL_MS: u32 = 10_000;

/// Bodies larger than this are followed by a "Reading N MB of data…" frame before the parse,
/// which blocks the page for a moment; smaller ones parse at once.
const SHOW_PARSE_FROM_BYTES: usize = 1024 * 1024;

/// What a timer race resolves with when the timer wins.
const TIMED_OUT: &str = "heist-ledger:timed-out";
/// Why the data could not be shown.
#[derive(Debug, Clone, PartialEq)]
pub struct Failure {
    /// One sentence.
    pub summary: String,
    /// Every problem found, each with its location.
    pub problems: Vec<String>,
    /// What the reader can do about it.
    pub hint: Option<String>,
}

impl Failure {
    fn new(summary: impl Into<String>, hint: Option<String>) -> Failure {
        Failure { summary: summary.into(), problems: Vec::new(), hint }
    }
}

/// Resolves `url` against the page and refuses other origins up front: the page's
/// Content-Security-Policy (`connect-src 'self'`) would block them anyway, and this way the
/// reader gets an explanation instead of a browser console error.
fn resolve(url: &str) -> Result<String, Failure> {
    let window = web_sys::window().ok_or_else(|| Failure::new("No browser window.", None))?;
    let base = dom::document().and_then(|d| d.base_uri().ok().flatten()).unwrap_or_default();
    let resolved = web_sys::Url::new_with_base(url, &base)
        .map_err(|_| Failure::new(format!("\"{url}\" is not a web address the dashboard can read."), None))?;
    let here = window.location().origin().unwrap_or_default();
    if resolved.origin() != here {
        return Err(Failure::new(
            format!("The data file is on another website ({}), and this dashboard only reads data from its own site ({here}).", resolved.origin()),
            Some(
                "This keeps the page safe to open in a briefing room and able to work offline. To show that \
                 dataset, copy the file next to the dashboard (for example into its data/ folder) and open \
                 ?data=data/your-file.json, or host your own copy of the dashboard beside your data."
                    .to_string(),
            ),
        ));
    }
    Ok(resolved.href())
}

/// `url` resolved against the page as a path on this site (`/heist-ledger/data/x.json`),
/// or `None` when it leads to another origin (`/\\host/x.json` does: browsers read the
/// backslash as a slash).
pub(crate) fn site_path(url: &str) -> Option<String> {
    let href = resolve(url).ok()?;
    let resolved = web_sys::Url::new(&href).ok()?;
    Some(format!("{}{}", resolved.pathname(), resolved.search()))
}

/// A promise that resolves to [`TIMED_OUT`] after `ms`, and the timer's id to clear it.
fn timer(ms: u32) -> (js_sys::Promise, Option<i32>) {
    let mut id = None;
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        id = web_sys::window().and_then(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_1(
                &resolve,
                ms as i32,
                &wasm_bindgen::JsValue::from_str(TIMED_OUT),
            )
            .ok()
        });
    });
    (promise, id)
}

fn clear_timer(id: Option<i32>) {
    if let (Some(w), Some(id)) = (web_sys::window(), id) {
        w.clear_timeout_with_handle(id);
    }
}

/// `promise`'s value, or `None` when `ms` pass first.
async fn within(
    promise: js_sys::Promise,
    ms: u32,
) -> Result<Option<wasm_bindgen::JsValue>, wasm_bindgen::JsValue> {
    let (timeout, id) = timer(ms);
    let race = js_sys::Promise::race(&js_sys::Array::of2(&promise, &timeout));
    let result = wasm_bindgen_futures::JsFuture::from(race).await;
    clear_timer(id);
    let value = result?;
    Ok((value.as_string().as_deref() != Some(TIMED_OUT)).then_some(value))
}

/// Resolves after the next frame has been painted (two animation frames), or after 100 ms in
/// a background tab, where animation frames do not run.
async fn next_paint() {
    let frames = js_sys::Promise::new(&mut |resolve, _| {
        let Some(w) = web_sys::window() else { return };
        let again = w.clone();
        let second = wasm_bindgen::closure::Closure::once_into_js(move || {
            let _ = again.request_animation_frame(&resolve);
        });
        let _ = w.request_animation_frame(second.unchecked_ref());
    });
    let _ = within(frames, 100).await;
}

/// Resolves in a task of its own (after a zero timeout): what follows runs apart from what
/// came before, so the two never make one long task.
pub async fn next_task() {
    let task = js_sys::Promise::new(&mut |resolve, _| {
        let queued = web_sys::window()
            .and_then(|w| w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0).ok());
        if queued.is_none() {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(task).await;
}

/// The browser's own words for an error, without the JsValue wrapping.
fn browser_words(e: &wasm_bindgen::JsValue) -> String {
    match e.dyn_ref::<js_sys::Error>() {
        Some(err) => format!("{}: {}", String::from(err.name()), String::from(err.message())),
        None => e.as_string().unwrap_or_else(|| format!("{e:?}")),
    }
}

/// "0.2 MB" or "0.2 MB of 2 MB", for messages about a body cut short.
fn so_far(received: usize, total: Option<usize>) -> String {
    let mb = crate::load::megabytes;
    match total {
        Some(t) => format!("{} of {}", mb(received), mb(t)),
        None => mb(received),
    }
}

/// Reads the body chunk by chunk, stopping as soon as it passes the size limit (a body with
/// no length, or a small compressed one that expands, is never read whole) or when no byte
/// has come for [`STALL_MS`], and reports the bytes read so far to `progress`.
///
/// The chunks stay JavaScript arrays: a refused body is then only garbage for the browser to
/// collect, and never grows the wasm memory (which cannot shrink again). An accepted one is
/// joined into one array of exactly its size, still outside the wasm memory: a reader's
/// file goes on to the checker's worker from there, and only the compact form comes in.
async fn read_body(
    response: &web_sys::Response,
    total: Option<usize>,
    progress: &dyn Fn(Progress),
) -> Result<js_sys::Uint8Array, Failure> {
    let Some(stream) = response.body() else { return Ok(js_sys::Uint8Array::new_with_length(0)) };
    let reader: web_sys::ReadableStreamDefaultReader = stream.get_reader().unchecked_into();
    let chunks = js_sys::Array::new();
    let mut received = 0usize;
    // Cancelling the body also ends the download; the promise it returns is given a handler,
    // so a stream already broken never logs an unhandled rejection.
    let stop = |reader: &web_sys::ReadableStreamDefaultReader| {
        let ignore = wasm_bindgen::closure::Closure::<dyn FnMut(wasm_bindgen::JsValue)>::new(|_| {});
        let _ = reader.cancel().catch(&ignore);
        // Called after this returns: a few bytes, once per refused body.
        ignore.forget();
    };
    loop {
        let chunk = match within(reader.read(), STALL_MS).await {
            Ok(Some(chunk)) => chunk,
            Ok(None) => {
                stop(&reader);
                return Err(Failure {
                    summary: format!(
                        "The data file stopped arriving: nothing came for {} seconds after {}.",
                        STALL_MS / 1000,
                        so_far(received, total)
                    ),
                    problems: Vec::new(),
                    hint: Some("The server or the network may have stalled. Try again.".to_string()),
                });
            }
            Err(e) => {
                return Err(Failure {
                    summary: format!(
                        "The data file was cut off after {}: the connection closed before the end.",
                        so_far(received, total)
                    ),
                    problems: vec![format!("the browser said: {}", browser_words(&e))],
                    hint: Some("The network or the server may have dropped it. Try again.".to_string()),
                });
            }
        };
        let field = |name: &str| js_sys::Reflect::get(&chunk, &wasm_bindgen::JsValue::from_str(name)).ok();
        if field("done").and_then(|d| d.as_bool()).unwrap_or(true) {
            break;
        }
        let Some(array) = field("value").and_then(|v| v.dyn_into::<js_sys::Uint8Array>().ok()) else {
            stop(&reader);
            return Err(Failure::new("The data file could not be read (an unexpected chunk).", None));
        };
        received += array.length() as usize;
        if received > MAX_DATASET_BYTES {
            stop(&reader);
            return Err(Failure::new(
                format!(
                    "The data file is larger than the {} limit: reading stopped after {}.",
                    crate::load::megabytes(MAX_DATASET_BYTES),
                    crate::load::megabytes(received)
                ),
                Some("Check that the address points at a dataset, not another kind of file.".to_string()),
            ));
        }
        chunks.push(&array);
        progress(Progress { received, total, parsing: false });
    }
    let bytes = js_sys::Uint8Array::new_with_length(received as u32);
    let mut at = 0;
    for chunk in chunks.iter() {
        let array: js_sys::Uint8Array = chunk.unchecked_into();
        bytes.set(&array, at);
        at += array.length();
    }
    Ok(bytes)
}

/// The body's length when the server sent one for the bytes as they arrive: a compressed
/// body's length counts the compressed bytes, so it is no total for the progress.
fn body_length(response: &web_sys::Response) -> Option<usize> {
    let encoded = header(response, "content-encoding").is_some_and(|e| !e.eq_ignore_ascii_case("identity"));
    header(response, "content-length").and_then(|l| l.trim().parse().ok()).filter(|_| !encoded)
}

/// A response header's value.
fn header(response: &web_sys::Response, name: &str) -> Option<String> {
    response.headers().get(name).ok().flatten()
}

/// The response to a GET of `href`, abandoned when `signal` aborts.
pub async fn get(
    href: &str,
    signal: Option<&web_sys::AbortSignal>,
) -> Result<web_sys::Response, wasm_bindgen::JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    let init = web_sys::RequestInit::new();
    init.set_signal(signal);
    let promise = window.fetch_with_str_and_init(href, &init);
    Ok(wasm_bindgen_futures::JsFuture::from(promise).await?.unchecked_into())
}

/// The download of the bundled dataset's checked copy that `boot.js` started beside the
/// WebAssembly's (`window.__heistLedgerData`), taken once: a retry asks anew.
fn early_download(url: &str) -> Option<js_sys::Promise> {
    if url != checked_copy(DEFAULT_DATA_URL)?.as_str() {
        return None;
    }
    let window = web_sys::window()?;
    let key = wasm_bindgen::JsValue::from_str("__heistLedgerData");
    let early = js_sys::Reflect::get(&window, &key).ok()?.dyn_into::<js_sys::Promise>().ok()?;
    let _ = js_sys::Reflect::delete_property(&window, &key);
    Some(early)
}

/// The address of the checked copy the build writes beside `url`, when `url` is a dataset
/// of the site's own: the bundled one (`data/incidents.json`, with or without `?data=`) or a
/// release's (`v/ID/data/incidents.json` under the site root, which `?since=` asks for).
fn checked_copy(url: &str) -> Option<String> {
    let root = dom::site_root();
    let release = url
        .strip_prefix(root.as_str())
        .is_some_and(|rest| rest.starts_with("v/") && rest.ends_with("/data/incidents.json"));
    let own = url == DEFAULT_DATA_URL || release;
    own.then(|| format!("{}{CHECKED_SUFFIX}", url.trim_end_matches(".json")))
}

/// Fetches and validates the dataset at `url`, reporting how far it has come to `progress`;
/// returns it with the fingerprint of its file ([`crate::load::fingerprint`]).
///
/// A dataset of the site's own is read from the checked copy the build wrote beside it
/// ([`compact`]); any other file (`?data=`), or one whose copy is missing (a build without the
/// render step, such as `make serve`), is read and checked by the checker's worker, loaded
/// then, which answers in the same compact form.
pub async fn load(url: &str, progress: &dyn Fn(Progress)) -> Result<(Dataset, String), Failure> {
    let refused = |e: crate::load::LoadError| {
        Failure {
        summary: e.summary,
        problems: e.problems.iter().map(ToString::to_string).collect(),
        hint: Some("The file's maintainers can check it against data/incidents.schema.json, published beside the dataset.".to_string()),
    }
    };
    if let Some(copy) = checked_copy(url) {
        if let Some(body) = download(&copy, progress, true).await? {
            let bytes = body.to_vec();
            drop(body);
            // Read in a task of its own: the copy fetched beside the program is usually in
            // by the time the program starts, and reading it in the same task as the
            // program's start made one long task of both.
            next_task().await;
            return compact::decode(&bytes, &copy).map_err(refused);
        }
    }
    // Started now, so its files arrive while the reader's file does; ended on any return.
    let checker = Checker::start()?;
    let Some(body) = download(url, progress, false).await? else {
        return Err(Failure::new("The data file could not be fetched.", None));
    };
    if body.length() as usize >= SHOW_PARSE_FROM_BYTES {
        progress(Progress { received: body.length() as usize, total: None, parsing: true });
        // Let "Reading N MB of data…" be painted before the worker is started.
        next_paint().await;
    }
    let answer = checker.check(body, url).await?;
    compact::decode(&answer, CHECKER).map_err(refused)
}

/// The body of `href` (resolved against the page), or `None` when the server answers 404 and
/// `missing_ok` (a checked copy the build did not write).
async fn download(
    url: &str,
    progress: &dyn Fn(Progress),
    missing_ok: bool,
) -> Result<Option<js_sys::Uint8Array>, Failure> {
    let href = resolve(url)?;
    let controller = web_sys::AbortController::new()
        .map_err(|_| Failure::new("This browser cannot fetch the data file (no AbortController).", None))?;
    let signal = controller.signal();
    // Abandoned if the server has not started answering in time; cleared once it has.
    let abort = controller.clone();
    let deadline = web_sys::window().and_then(|w| {
        let cb = wasm_bindgen::closure::Closure::once_into_js(move || abort.abort());
        w.set_timeout_with_callback_and_timeout_and_arguments_0(cb.unchecked_ref(), TIMEOUT_MS as i32).ok()
    });
    // The bundled dataset's download may have started beside the WebAssembly's: the server
    // then has the same time to answer, counted from now.
    let sent = match early_download(url) {
        Some(early) => match within(early, TIMEOUT_MS).await {
            Ok(Some(r)) => Ok(r.unchecked_into()),
            Ok(None) => {
                controller.abort();
                Err(wasm_bindgen::JsValue::from_str("timed out"))
            }
            Err(e) => Err(e),
        },
        None => get(&href, Some(&signal)).await,
    };
    clear_timer(deadline);
    let response = sent.map_err(|e| {
        if signal.aborted() {
            Failure::new(
                format!("The server did not answer within {} seconds.", TIMEOUT_MS / 1000),
                Some("The network may be slow or down. Try again.".to_string()),
            )
        } else {
            Failure::new(
                format!("The data file could not be fetched ({}).", browser_words(&e)),
                Some("Check the connection, then try again.".to_string()),
            )
        }
    })?;
    if missing_ok && response.status() == 404 {
        return Ok(None);
    }
    if !response.ok() {
        return Err(Failure::new(
            format!("The server answered {} {} for {href}.", response.status(), response.status_text()),
            Some(if response.status() == 404 {
                "Check the address of the data file.".to_string()
            } else {
                "Try again in a moment.".to_string()
            }),
        ));
    }
    let total = body_length(&response);
    if let Some(length) = header(&response, "content-length").and_then(|l| l.trim().parse::<usize>().ok()) {
        // Even compressed, a body over the limit cannot expand to less.
        if length > MAX_DATASET_BYTES {
            controller.abort();
            return Err(Failure::new(
                format!("The data file {}.", crate::load::too_large(length)),
                Some("Check that the address points at a dataset, not another kind of file.".to_string()),
            ));
        }
    }
    progress(Progress { received: 0, total, parsing: false });
    read_body(&response, total, progress).await.map(Some)
}

/// The checker's worker, started as soon as a reader's file is asked for, so that its files
/// arrive and compile while the file downloads; ended when dropped.
struct Checker {
    worker: web_sys::Worker,
    /// Resolves once the checker runs.
    loaded: js_sys::Promise,
    /// Resolves with the worker's answer; rejects when it fails.
    answer: js_sys::Promise,
    /// The worker's listeners, kept while it lives.
    _listeners: Option<Listeners>,
}

/// The closures listening to the worker's messages and errors.
type Listeners = (
    wasm_bindgen::closure::Closure<dyn FnMut(web_sys::MessageEvent)>,
    wasm_bindgen::closure::Closure<dyn FnMut(wasm_bindgen::JsValue)>,
);

impl Drop for Checker {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}

/// Why the checker could not be started, for the data panel.
fn not_started(why: String) -> Failure {
    Failure::new(
        format!("The dataset checker ({CHECKER}) could not be started: {why}."),
        Some("Reload the page and try again.".to_string()),
    )
}

impl Checker {
    /// Starts the worker; it loads the checker and waits for a file.
    fn start() -> Result<Checker, Failure> {
        let worker = web_sys::Worker::new(&resolve(CHECKER)?).map_err(|e| not_started(browser_words(&e)))?;
        // The loader says `{loaded: true}` once the checker is running, then answers the file.
        let mut said_loaded: Option<js_sys::Function> = None;
        let loaded = js_sys::Promise::new(&mut |resolve, _| said_loaded = Some(resolve));
        let mut listeners = None;
        // Never rejected: a failure resolves it with `{start: true, error}` as the loader's
        // own does, so a failure while the file still downloads is no unhandled rejection.
        let answer = js_sys::Promise::new(&mut |resolve, _| {
            let said_loaded = said_loaded.take();
            let failure = resolve.clone();
            let heard = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::MessageEvent)>::new(
                move |e: web_sys::MessageEvent| {
                    let data = e.data();
                    let field = js_sys::Reflect::get(&data, &"loaded".into()).ok();
                    if field.and_then(|l| l.as_bool()) == Some(true) {
                        if let Some(f) = &said_loaded {
                            let _ = f.call0(&wasm_bindgen::JsValue::NULL);
                        }
                    } else {
                        let _ = resolve.call1(&wasm_bindgen::JsValue::NULL, &data);
                    }
                },
            );
            worker.set_onmessage(Some(heard.as_ref().unchecked_ref()));
            // A failure to load the worker's script is a plain event; one inside it carries words.
            let failed = wasm_bindgen::closure::Closure::<dyn FnMut(wasm_bindgen::JsValue)>::new(
                move |e: wasm_bindgen::JsValue| {
                    // Said in the data panel, not again as an uncaught error in the console.
                    if let Some(event) = e.dyn_ref::<web_sys::Event>() {
                        event.prevent_default();
                    }
                    let words = js_sys::Reflect::get(&e, &"message".into()).ok().and_then(|m| m.as_string());
                    let words =
                        words.unwrap_or_else(|| format!("its script ({CHECKER}) could not be loaded"));
                    let said = js_sys::Object::new();
                    let _ = js_sys::Reflect::set(&said, &"start".into(), &true.into());
                    let _ = js_sys::Reflect::set(&said, &"error".into(), &words.into());
                    let _ = failure.call1(&wasm_bindgen::JsValue::NULL, &said);
                },
            );
            worker.set_onerror(Some(failed.as_ref().unchecked_ref()));
            // Kept as long as the worker lives.
            listeners = Some((heard, failed));
        });
        Ok(Checker { worker, loaded, answer, _listeners: listeners })
    }

    /// Reads and checks a reader's dataset file: the answer is the compact form of the
    /// dataset or of its refusal. The file's bytes are handed over, not copied.
    async fn check(self, body: js_sys::Uint8Array, name: &str) -> Result<Vec<u8>, Failure> {
        let (worker, loaded, answer) = (&self.worker, &self.loaded, &self.answer);
        let today = dom::today();
        let message = js_sys::Object::new();
        let set = |k: &str, v: &wasm_bindgen::JsValue| js_sys::Reflect::set(&message, &k.into(), v);
        let today =
            u32::from(today.month()) * 100 + u32::from(today.day()) + today.year().max(0) as u32 * 10_000;
        let _ = set("bytes", &body);
        let _ = set("name", &name.into());
        let _ = set("today", &today.into());
        let sent = worker.post_message_with_transfer(&message, &js_sys::Array::of1(&body.buffer()));
        // The checker's files may stall on the way: it must be running within CHECKER_MS. The
        // file's reading and checking then take as long as they take.
        let first = js_sys::Promise::race(&js_sys::Array::of2(loaded, answer));
        let result = match sent {
            Ok(()) => match within(first, CHECKER_MS).await {
                Ok(Some(_)) => wasm_bindgen_futures::JsFuture::from(answer.clone()).await,
                Ok(None) => Err(format!("it has not loaded after {} seconds", CHECKER_MS / 1000).into()),
                Err(e) => Err(e),
            },
            Err(e) => Err(e),
        };
        let answer = result.map_err(|e| not_started(browser_words(&e)))?;
        match answer.dyn_into::<js_sys::Uint8Array>() {
            Ok(bytes) => Ok(bytes.to_vec()),
            Err(other) => {
                let field = |k: &str| js_sys::Reflect::get(&other, &k.into()).ok();
                let words = field("error").and_then(|m| m.as_string());
                if field("start").and_then(|s| s.as_bool()) == Some(true) {
                    return Err(not_started(words.unwrap_or_default()));
                }
                Err(Failure::new(
                    format!(
                        "The dataset checker stopped while reading the file: {}.",
                        words.unwrap_or_else(|| "it gave no answer".to_string())
                    ),
                    Some("Reload the page and try again.".to_string()),
                ))
            }
        }
    }
}
