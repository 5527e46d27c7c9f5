//! The dataset checker, a WebAssembly module of its own that runs in a web worker
//! (`public/checker-loader.js` starts it). The page loads it only when a reader opens a
//! dataset file of their own (`?data=`): it reads the JSON, checks every rule and answers
//! with the dataset in the compact form (`load::compact`) the page reads, or with every
//! problem found, each named by its path as the page shows it. The page itself carries no
//! JSON record reader and no validator: its own datasets were checked by the build.

/// Reads and checks a dataset file: `bytes` as served, `name` as the reader gave it (it names
/// the file in messages), `today` as `YYYYMMDD` (dates after it are refused). The answer is
/// always a compact form: the dataset, or the refusal with every problem.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn check(bytes: &[u8], name: &str, today: u32) -> Vec<u8> {
    use heist_ledger::load::{compact, fingerprint, parse_dataset};
    use heist_ledger::model::Date;
    let today = Date::new((today / 10_000) as i32, (today / 100 % 100) as u8, (today % 100) as u8);
    match parse_dataset(bytes, name, today) {
        Ok(data) => compact::encode(&data, &fingerprint(bytes)).into_bytes(),
        Err(e) => compact::encode_refusal(&e).into_bytes(),
    }
}

/// Nothing runs at start: the worker calls [`check`] for each file.
#[cfg(target_arch = "wasm32")]
fn main() {}

/// Natively there is nothing to check here: `cargo test --test validation` and the render
/// command read and check datasets natively.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The checker runs in the browser's worker; natively, the render command checks a dataset.");
    std::process::exit(2);
}
