//! The browser layer: a thin Leptos layer over the pure pipeline. It fetches the dataset,
//! keeps the view in the URL, adopts the first view's markup and replaces only what a view
//! change touched, and turns events into view changes. Leptos holds the page state
//! (signals, memos, effects, context); the page itself is the pipeline's markup.

pub mod app;
pub mod cite;
pub mod deck;
pub mod diff;
pub mod dom;
pub mod embed;
pub mod events;
pub mod fetch;
pub mod figure;
pub mod focus;
pub mod full;
pub mod incidents;
pub mod inputs;
pub mod layout;
pub mod panic;
pub mod part;
pub mod phone;
pub mod print;
pub mod releases;
pub mod screen;
pub mod state;
pub mod status;
pub mod texts;
pub mod words;

/// Installs the panic hook and starts the dashboard on the page, adopting the first view
/// when the page carries one.
pub fn start() {
    panic::install();
    dom::open_details_when_printing();
    focus::install_in_page_links();
    // Mounting nothing gives the page its reactive owner and async executor; the page's
    // content is the markup already there, which `app::run` adopts.
    leptos::mount::mount_to_body(app::run);
}
