//! Entry point: mounts the dashboard in the browser.

#[cfg(target_arch = "wasm32")]
fn main() {
    heist_ledger::web::start();
}

/// Natively there is nothing to mount: the dashboard is built for the browser with Trunk.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "Heist Ledger runs in the browser: `make serve` builds it and serves it at http://127.0.0.1:8080/"
    );
    std::process::exit(2);
}
