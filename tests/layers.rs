//! The crate's architecture as a test: the numbered layer list that opens `src/lib.rs` is
//! the order, and no module may name a module of a later layer. The domain (every layer
//! before `web`) never names a browser crate. A new module must be placed in the list.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

/// The layer number of each top-level module, read from the `//!` list in `src/lib.rs`:
/// a line `//! N. ...` opens layer N, and every module named in backticks until the next
/// number belongs to it.
fn layers() -> BTreeMap<String, u32> {
    let lib = fs::read_to_string("src/lib.rs").expect("src/lib.rs");
    let mut out = BTreeMap::new();
    let mut layer = None;
    for line in lib.lines().filter_map(|l| l.strip_prefix("//!")) {
        let line = line.trim_start();
        if let Some((n, _)) = line.split_once(". ") {
            if let Ok(n) = n.parse::<u32>() {
                layer = Some(n);
            }
        }
        let Some(layer) = layer else { continue };
        for (i, part) in line.split('`').enumerate() {
            // Odd parts are inside backticks (a rustdoc link may say `mod@name`).
            let part = part.strip_prefix("mod@").unwrap_or(part);
            if i % 2 == 1
                && part.chars().all(|c| c.is_ascii_lowercase() || c == '_')
                && module_path(part).is_some()
            {
                out.entry(part.to_string()).or_insert(layer);
            }
        }
    }
    out
}

/// `src/NAME.rs` or `src/NAME/`, whichever the module is.
fn module_path(name: &str) -> Option<PathBuf> {
    [format!("src/{name}.rs"), format!("src/{name}")].into_iter().map(PathBuf::from).find(|p| p.exists())
}

/// The modules `src/lib.rs` declares.
fn declared() -> Vec<String> {
    let lib = fs::read_to_string("src/lib.rs").expect("src/lib.rs");
    lib.lines()
        .filter_map(|l| l.trim().strip_prefix("pub mod "))
        .map(|l| l.trim_end_matches(';').trim().to_string())
        .collect()
}

/// Every `.rs` file of a module: its own file and everything under its folder.
fn files_of(name: &str) -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    let file = PathBuf::from(format!("src/{name}.rs"));
    if file.exists() {
        out.push(file);
    }
    walk(&PathBuf::from(format!("src/{name}")), &mut out);
    out
}

/// The code of a file without its comments (doc links may point anywhere).
fn code_lines(path: &Path) -> Vec<(usize, String)> {
    let text = fs::read_to_string(path).expect("source file");
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.split("//").next().unwrap_or("").to_string()))
        .filter(|(_, l)| !l.trim().is_empty())
        .collect()
}

/// The top-level modules a line names as `crate::NAME`.
fn named_modules(line: &str) -> Vec<&str> {
    line.match_indices("crate::")
        .map(|(i, m)| {
            let rest = &line[i + m.len()..];
            let end = rest.find(|c: char| !(c.is_ascii_lowercase() || c == '_')).unwrap_or(rest.len());
            &rest[..end]
        })
        .collect()
}

#[test]
fn every_declared_module_has_a_place_in_the_layer_list() {
    let layers = layers();
    let missing: Vec<_> = declared().into_iter().filter(|m| !layers.contains_key(m)).collect();
    assert!(missing.is_empty(), "modules missing from the layer list in src/lib.rs: {missing:?}");
    assert!(layers.len() >= 20, "the layer list was not read: {layers:?}");
}

#[test]
fn no_module_names_a_module_of_a_later_layer() {
    let layers = layers();
    let mut upward = Vec::new();
    for (module, &own) in &layers {
        for file in files_of(module) {
            for (n, line) in code_lines(&file) {
                for other in named_modules(&line) {
                    if let Some(&theirs) = layers.get(other) {
                        if theirs > own {
                            upward.push(format!(
                                "{}:{n}: {module} (layer {own}) names {other} (layer {theirs})",
                                file.display()
                            ));
                        }
                    }
                }
            }
        }
    }
    assert!(upward.is_empty(), "imports against the layer order:\n{}", upward.join("\n"));
}

#[test]
fn the_domain_names_no_browser_crate() {
    let layers = layers();
    let web = layers.get("web").copied().expect("web is in the layer list");
    let mut found = Vec::new();
    for (module, _) in layers.iter().filter(|(_, &l)| l < web) {
        for file in files_of(module) {
            for (n, line) in code_lines(&file) {
                for krate in ["web_sys", "js_sys", "wasm_bindgen", "leptos", "gloo"] {
                    if line.contains(&format!("{krate}::")) || line.contains(&format!("use {krate}")) {
                        found.push(format!("{}:{n}: {krate}", file.display()));
                    }
                }
            }
        }
    }
    assert!(found.is_empty(), "browser crates named outside src/web:\n{}", found.join("\n"));
}

#[test]
fn the_layer_check_sees_an_upward_import() {
    // The scanner itself: a line naming a later layer is found, a comment is not.
    assert_eq!(named_modules("use crate::pipeline::{self, Selection};"), vec!["pipeline"]);
    assert_eq!(
        named_modules("let x = crate::render::svg::escape(s); crate::web::start()"),
        vec!["render", "web"]
    );
    let layers = layers();
    assert!(
        layers["model"] < layers["view"]
            && layers["view"] < layers["render"]
            && layers["render"] < layers["web"]
    );
}
