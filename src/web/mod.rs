//! The browser layer: a thin Leptos app over the pure pipeline. It fetches the dataset,
//! keeps the view in the URL, puts the pipeline's markup on the page and turns events into
//! view changes. Components read the page state from context ([`state`]).

pub mod after;
pub mod app;
pub mod charts;
pub mod cite;
pub mod diff;
pub mod dom;
pub mod embed;
pub mod fetch;
pub mod incidents;
pub mod panic;
pub mod present;
pub mod print;
pub mod progress;
pub mod releases;
pub mod sections;
pub mod state;

pub use app::App;

/// Installs the panic hook and mounts the dashboard. When the page carries the static
/// first view, the app is built beside it, out of sight, and replaces it once drawn.
pub fn start() {
    panic::install();
    dom::open_details_when_printing();
    match dom::live_root() {
        // The handle would unmount the app when dropped; the app lives as long as the page.
        Some(root) => leptos::mount::mount_to(root, App).forget(),
        None => leptos::mount::mount_to_body(App),
    }
}
