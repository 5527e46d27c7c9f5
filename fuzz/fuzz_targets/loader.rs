//! Fuzzes the loader: any bytes either load or are refused with at least one named problem,
//! never a panic; a dataset that loads draws every chart, in both themes, with finite
//! coordinates and inert markup.
#![no_main]

use std::sync::Arc;

use heist_ledger::load::parse_dataset;
use heist_ledger::model::Date;
use heist_ledger::pipeline::{self, ChartKind, Selection};
use heist_ledger::render::Size;
use heist_ledger::view::{Theme, ViewState};
use libfuzzer_sys::fuzz_target;

/// Panics (a finding) on a coordinate that is not a finite number.
fn check_finite(svg: &str, what: &str) {
    let doc = match roxmltree::Document::parse(svg) {
        Ok(doc) => doc,
        Err(e) => panic!("{what}: not XML: {e}"),
    };
    for n in doc.descendants().filter(|n| n.is_element()) {
        for a in ["x", "y", "width", "height", "cx", "cy", "r", "x1", "x2", "y1", "y2"] {
            if let Some(v) = n.attribute(a) {
                assert!(v.parse::<f64>().is_ok_and(f64::is_finite), "{what}: {a}={v:?}");
            }
        }
        if let Some(points) = n.attribute("points") {
            for p in points.split([' ', ',']).filter(|p| !p.is_empty()) {
                assert!(p.parse::<f64>().is_ok_and(f64::is_finite), "{what}: point {p:?}");
            }
        }
    }
}

fuzz_target!(|bytes: &[u8]| {
    match parse_dataset(bytes, "fuzz.json", Date::new(2100, 1, 1)) {
        Err(e) => assert!(!e.problems.is_empty(), "a refusal names no problem: {}", e.summary),
        Ok(data) => {
            let data = Arc::new(data);
            for theme in [Theme::Light, Theme::Dark] {
                let sel = Selection::new(data.clone(), ViewState::default(), theme);
                for kind in ChartKind::ALL {
                    let size = Size { width: 1280, height: kind.size_for(1280).height };
                    match pipeline::chart(&sel, kind, size).svg {
                        Ok(svg) => {
                            check_finite(&svg, kind.name());
                            assert!(!svg.contains("<script"), "{} stays inert", kind.name());
                        }
                        Err(e) => panic!("{}: {e}", kind.name()),
                    }
                }
            }
        }
    }
});
