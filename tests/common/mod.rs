//! What the native test files share: the shipped dataset, loaded as the page loads it.

use std::sync::Arc;

use heist_ledger::load::parse_dataset;
use heist_ledger::model::{Dataset, Date};

/// The bundled dataset, exactly as published.
pub const SHIPPED: &str = include_str!("../../public/data/incidents.json");

/// The shipped dataset, loaded and validated (as of a date after every record).
pub fn shipped() -> Arc<Dataset> {
    match parse_dataset(SHIPPED.as_bytes(), "incidents.json", Date::new(2100, 1, 1)) {
        Ok(d) => Arc::new(d),
        Err(e) => panic!("the shipped dataset loads: {e}"),
    }
}
