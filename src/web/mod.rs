//! The browser layer: a thin Leptos app over the pure domain. It fetches the dataset, keeps
//! the view in the URL, and puts the SVG the renderers produce on the page.

pub mod app;
pub mod charts;
pub mod dom;
pub mod fetch;
pub mod incidents;
pub mod panic;

pub use app::App;

/// Installs the panic hook and mounts the dashboard on `<body>`.
pub fn start() {
    panic::install();
    dom::open_details_when_printing();
    leptos::mount::mount_to_body(App);
}
