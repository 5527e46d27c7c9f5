//! Fetches a dataset file and turns every way that can fail into words a non-engineer can
//! act on.

use gloo_net::http::Request;

use crate::load::{parse_dataset, MAX_DATASET_BYTES};
use crate::model::Dataset;
use crate::web::dom;

/// The bundled dataset, relative to the page's `<base>` (works under a GitHub Pages subpath).
pub const DEFAULT_DATA_URL: &str = "data/incidents.json";

/// How long a fetch may take before it is abandoned.
pub const TIMEOUT_MS: u32 = 20_000;

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

/// The failure for a fetch that stopped: the timeout if it fired, else the browser's words.
fn interrupted(signal: &web_sys::AbortSignal, what: &str, e: &dyn std::fmt::Debug) -> Failure {
    if signal.aborted() {
        Failure::new(
            format!("The data file did not arrive within {} seconds.", TIMEOUT_MS / 1000),
            Some("The network may be slow or down. Try again.".to_string()),
        )
    } else {
        Failure::new(format!("The data file could not be {what} ({e:?})."), Some("Try again.".to_string()))
    }
}

/// Reads the body chunk by chunk, stopping as soon as it passes the size limit (a body with
/// no length, or a small compressed one that expands, is never read whole), and reports the
/// bytes read so far to `progress`.
async fn read_body(
    response: &gloo_net::http::Response,
    signal: &web_sys::AbortSignal,
    progress: &dyn Fn(usize),
) -> Result<Vec<u8>, Failure> {
    use wasm_bindgen::JsCast;
    let Some(stream) = response.body() else { return Ok(Vec::new()) };
    let reader: web_sys::ReadableStreamDefaultReader = stream.get_reader().unchecked_into();
    let mut bytes: Vec<u8> = Vec::new();
    loop {
        let chunk = wasm_bindgen_futures::JsFuture::from(reader.read())
            .await
            .map_err(|e| interrupted(signal, "read", &e))?;
        let field = |name: &str| js_sys::Reflect::get(&chunk, &wasm_bindgen::JsValue::from_str(name)).ok();
        if field("done").and_then(|d| d.as_bool()).unwrap_or(true) {
            break;
        }
        let Some(array) = field("value").and_then(|v| v.dyn_into::<js_sys::Uint8Array>().ok()) else {
            return Err(Failure::new("The data file could not be read (an unexpected chunk).", None));
        };
        let len = array.length() as usize;
        if bytes.len() + len > MAX_DATASET_BYTES {
            let _ = reader.cancel();
            return Err(Failure::new(
                format!(
                    "The data file is larger than the {} limit: reading stopped after {}.",
                    crate::load::megabytes(MAX_DATASET_BYTES),
                    crate::load::megabytes(bytes.len() + len)
                ),
                Some("Check that the address points at a dataset, not another kind of file.".to_string()),
            ));
        }
        let start = bytes.len();
        bytes.resize(start + len, 0);
        array.copy_to(&mut bytes[start..]);
        progress(bytes.len());
    }
    Ok(bytes)
}

/// Fetches and validates the dataset at `url`, reporting the bytes received to `progress`.
pub async fn load(url: &str, progress: &dyn Fn(usize)) -> Result<Dataset, Failure> {
    let href = resolve(url)?;
    let signal = web_sys::AbortSignal::timeout_with_u32(TIMEOUT_MS);
    let response = Request::get(&href).abort_signal(Some(&signal)).send().await.map_err(|e| {
        if signal.aborted() {
            Failure::new(
                format!("The data file did not arrive within {} seconds.", TIMEOUT_MS / 1000),
                Some("The network may be slow or down. Try again.".to_string()),
            )
        } else {
            Failure::new(
                format!("The data file could not be fetched ({e})."),
                Some("Check the connection, then try again.".to_string()),
            )
        }
    })?;
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
    if let Some(length) = response.headers().get("content-length").and_then(|l| l.parse::<usize>().ok()) {
        if length > MAX_DATASET_BYTES {
            return Err(Failure::new(
                format!("The data file {}.", crate::load::too_large(length)),
                Some("Check that the address points at a dataset, not another kind of file.".to_string()),
            ));
        }
    }
    let bytes = read_body(&response, &signal, progress).await?;
    parse_dataset(&bytes, url, dom::today()).map_err(|e| Failure {
        summary: e.summary,
        problems: e.problems.iter().map(ToString::to_string).collect(),
        hint: Some("The file's maintainers can check it against data/incidents.schema.json, published beside the dataset.".to_string()),
    })
}
