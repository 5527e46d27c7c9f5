//! What leaves the page, natively: images at fixed sizes in the light theme whatever the
//! screen, CSV and JSON of the incidents in view, file names, embed code and its messages,
//! the embed/briefing view parameters and the slides' takeaways.

#![cfg(not(target_arch = "wasm32"))]
// A test fails loudly on the first surprise: expect() is how it says which.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use heist_ledger::exports::{self, Preset};
use heist_ledger::model::Category;
use heist_ledger::pipeline::{self, ChartKind, Selection};
use heist_ledger::view::{self, Theme, ViewState};

mod common;
use common::shipped;

mod reading;

fn view_of(query: &str) -> ViewState {
    let (v, notices) = view::parse(&view::query_pairs(query));
    assert!(notices.is_empty(), "{query}: {notices:?}");
    v
}

/// The shipped data's release id: files, images and embeds are named after it.
fn release() -> String {
    shipped().release.id.clone()
}

fn selection(query: &str, theme: Theme) -> Selection {
    Selection::new(shipped(), view_of(query), theme)
}

/// Reads a CSV this page writes: it starts with a byte-order mark (so spreadsheets read it
/// as UTF-8), then RFC 4180 rows.
fn read_csv(text: &str) -> Vec<Vec<String>> {
    let text = text.strip_prefix('\u{feff}').expect("the CSV starts with a byte-order mark");
    reading::read_csv(text)
}

#[test]
fn exported_images_are_light_and_the_same_size_whatever_the_screen_theme() {
    for kind in ChartKind::ALL {
        for preset in Preset::ALL {
            let (dark_svg, dark_size) =
                exports::image(&selection("", Theme::Dark), kind, preset, "https://x.test/")
                    .expect("exports");
            let (light_svg, light_size) =
                exports::image(&selection("", Theme::Light), kind, preset, "https://x.test/")
                    .expect("exports");
            assert_eq!(dark_svg, light_svg, "{kind:?} {preset:?}: the screen's theme never reaches the file");
            assert_eq!(dark_size, light_size);
            assert_eq!(light_size.width, preset.width(), "{kind:?} {preset:?}");
            if let Some(h) = preset.height() {
                assert_eq!(
                    light_size.height, h,
                    "{kind:?} {preset:?}: fixed-size presets are exactly their size"
                );
            }
            assert!(light_svg.contains(r##"fill="#ffffff""##), "{kind:?}: a white background");
            let doc = roxmltree::Document::parse(&light_svg).expect("standalone XML");
            let text: String = doc.descendants().filter_map(|n| n.text()).collect::<Vec<_>>().join(" ");
            assert!(text.contains(&kind.heading()), "{kind:?} {preset:?}: title inside the image");
            assert!(
                text.contains("Data as of") && text.contains(&format!("release {}", release())),
                "{kind:?}: date and release"
            );
            assert!(text.contains("Heist Ledger"), "{kind:?}: credit");
            assert!(
                !light_svg.contains("<style") && !light_svg.contains("var(--"),
                "{kind:?}: no CSS that only resolves in the page"
            );
        }
    }
}

#[test]
fn the_incidents_csv_has_exactly_the_rows_in_view_each_with_its_sources() {
    let sel = selection("from=2022&to=2023&category=bridge", Theme::Light);
    let list = sel.sorted();
    assert!(!list.is_empty() && list.len() < sel.data.incidents.len(), "the filter narrows the view");
    let rows = read_csv(&exports::incidents_csv(&sel.data, &list));
    assert_eq!(rows[0], exports::INCIDENT_COLUMNS.map(String::from).to_vec());
    assert_eq!(rows.len() - 1, list.len(), "one row per incident in view");
    let col = |name: &str| exports::INCIDENT_COLUMNS.iter().position(|c| *c == name).unwrap();
    for (row, incident) in rows[1..].iter().zip(&list) {
        assert_eq!(row.len(), exports::INCIDENT_COLUMNS.len());
        assert_eq!(row[col("id")], incident.id);
        assert_eq!(row[col("category")], Category::Bridge.slug());
        let year: i32 = row[col("date")][..4].parse().unwrap();
        assert!((2022..=2023).contains(&year));
        assert_eq!(row[col("usd")].parse::<f64>().unwrap(), incident.usd);
        let urls: Vec<&str> = row[col("source_urls")].split(" | ").collect();
        assert_eq!(urls.len(), incident.sources.len(), "{}: every source", incident.id);
        assert!(urls.iter().all(|u| u.starts_with("https://")), "{}: {urls:?}", incident.id);
    }
}

#[test]
fn csv_fields_with_commas_quotes_breaks_or_formulas_stay_one_inert_field() {
    let mut data = (*shipped()).clone();
    let hostile = "=HYPERLINK(\"https://evil.test\",\"click\"), then \"more\"\nand a line";
    data.incidents[0].victim = hostile.to_string();
    data.incidents[0].summary = "+1 and -2, @sum".to_string();
    let list = vec![&data.incidents[0]];
    let rows = read_csv(&exports::incidents_csv(&data, &list));
    assert_eq!(rows.len(), 2);
    let victim = &rows[1][exports::INCIDENT_COLUMNS.iter().position(|c| *c == "victim").unwrap()];
    assert_eq!(victim, &format!("'{hostile}"), "a leading = is defused and the rest kept");
    let summary = &rows[1][exports::INCIDENT_COLUMNS.iter().position(|c| *c == "summary").unwrap()];
    assert_eq!(summary, "'+1 and -2, @sum");
}

#[test]
fn the_incidents_json_is_the_view_with_sources_written_out() {
    let sel = selection("actor=Lazarus%20Group", Theme::Light);
    let list = sel.sorted();
    let json =
        exports::incidents_json(&sel.data, &list, "Lazarus Group", "https://x.test/?actor=Lazarus%20Group");
    let v: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    assert_eq!(v["release"], release().as_str());
    assert_eq!(v["count"].as_u64().unwrap() as usize, list.len());
    let incidents = v["incidents"].as_array().unwrap();
    assert_eq!(incidents.len(), list.len());
    for (j, i) in incidents.iter().zip(&list) {
        assert_eq!(j["id"], i.id.as_str());
        assert_eq!(j["source_details"].as_array().unwrap().len(), i.sources.len());
        assert!(j["source_details"][0]["url"].as_str().unwrap().starts_with("https://"));
    }
}

#[test]
fn chart_tables_export_as_csv_with_their_source_links() {
    let sel = selection("", Theme::Light);
    let chart = pipeline::chart(&sel, ChartKind::Yearly, ChartKind::Yearly.size_for(1000));
    let rows = read_csv(&exports::table_csv(&chart.table));
    assert_eq!(rows[0], chart.table.headers);
    assert_eq!(rows.len() - 1, chart.table.rows.len());
    assert!(rows.iter().flatten().any(|c| c.contains(" <https://")), "source cells keep their address");
}

#[test]
fn file_names_say_what_which_view_and_which_release() {
    let cases = [
        ("", ChartKind::Yearly, Preset::Report, "svg", "heist-ledger-yearly-{R}.svg"),
        (
            "from=2024&to=2025",
            ChartKind::Timeline,
            Preset::Slide,
            "png",
            "heist-ledger-timeline-from-2024-to-2025-{R}-slide.png",
        ),
        (
            "category=bridge&flow=ronin-network-2022",
            ChartKind::Flows,
            Preset::Social,
            "png",
            "heist-ledger-flows-category-bridge-flow-ronin-network-2022-{R}-social.png",
        ),
        ("flow=ronin-network-2022", ChartKind::Yearly, Preset::Report, "csv", "heist-ledger-yearly-{R}.csv"),
    ];
    for (query, kind, preset, ext, want) in cases {
        let sel = selection(query, Theme::Light);
        let want = want.replace("{R}", &release());
        assert_eq!(exports::file_name(&sel, kind.name(), Some(kind), Some(preset), ext), want, "{query}");
    }
    let long = selection(&format!("q={}", "x".repeat(500)), Theme::Light);
    assert!(exports::file_name(&long, "incidents", None, None, "csv").len() < 120, "long views are cut");
}

#[test]
fn embed_code_pins_the_release_and_keeps_the_view() {
    let sel =
        selection("from=2024&category=centralized_exchange&incident=bybit-2025&theme=dark", Theme::Dark);
    let code = exports::embed_code(&sel, ChartKind::Timeline, "https://example.org/heist-ledger/");
    let want = format!(
        "<iframe src=\"https://example.org/heist-ledger/v/{}/embed/timeline/?from=2024&amp;category=centralized_exchange&amp;",
        release()
    );
    assert!(code.starts_with(&want), "{code}");
    assert!(code.contains("embed=timeline"), "{code}");
    assert!(!code.contains("incident="), "an open detail panel is not part of an embed");
    assert!(code.contains("theme=dark"), "the reader chose dark: {code}");
    assert!(code.contains(r#"height=""#) && code.contains("title=\"Heist timeline (Heist Ledger)\""));
}

#[test]
fn embed_code_is_light_unless_dark_was_chosen_not_lazy_and_tall_enough_for_both_columns() {
    for (query, theme) in [("", "theme=light"), ("from=2022", "theme=light"), ("theme=dark", "theme=dark")] {
        let sel = selection(query, Theme::Dark);
        for kind in ChartKind::ALL {
            let code = exports::embed_code(&sel, kind, "https://example.org/heist-ledger/");
            assert!(code.contains(theme), "{query}: {code}");
            assert!(!code.contains("loading=\"lazy\""), "a frame below the fold must load: {code}");
            let height: u32 =
                code.split("height=\"").nth(1).and_then(|h| h.split('"').next()).unwrap().parse().unwrap();
            for width in exports::EMBED_COLUMNS {
                assert!(
                    height >= exports::embed_height(kind, width, false),
                    "{kind:?} at {width} px needs {} px, the code gives {height}",
                    exports::embed_height(kind, width, false)
                );
            }
            assert!(
                code.contains(&format!("/embed/{}/?", kind.name())),
                "the address shows the chart without JavaScript: {code}"
            );
        }
    }
    // A reader's own dataset has no static page: its embed is the live page.
    let own = selection("data=https%3A%2F%2Fexample.org%2Fmine.json", Theme::Light);
    let code = exports::embed_code(&own, ChartKind::Yearly, "https://example.org/heist-ledger/");
    assert!(!code.contains("/embed/"), "{code}");
}

#[test]
fn the_site_root_of_a_pinned_release_is_the_site_above_it() {
    for (base, want) in [
        ("https://a.test/heist-ledger/", "https://a.test/heist-ledger/"),
        ("https://a.test/heist-ledger/index.html?x=1", "https://a.test/heist-ledger/"),
        ("https://a.test/heist-ledger/v/2026-12-01/", "https://a.test/heist-ledger/"),
        ("http://127.0.0.1:8080/", "http://127.0.0.1:8080/"),
    ] {
        assert_eq!(exports::site_root(base), want, "{base}");
    }
}

#[test]
fn pym_height_messages_use_the_library_s_own_string_form() {
    assert_eq!(exports::pym_height_message("chart-1", 612), "pymxPYMxchart-1xPYMxheightxPYMx612");
}

#[test]
fn embed_and_briefing_parameters_round_trip_and_bad_ones_are_named() {
    let v = view_of("embed=flows&plain&static=1&transparent&childId=frame-2&initialWidth=600&parentUrl=https%3A%2F%2Fnews.test%2F");
    let e = v.embed.clone().expect("an embed");
    assert_eq!((e.chart, e.plain, e.still, e.transparent), (ChartKind::Flows, true, true, true));
    assert_eq!(e.pym_id.as_deref(), Some("frame-2"));
    assert_eq!(view_of(&view::to_query(&v)), v, "the embed survives its own address");
    assert_eq!(view_of("present=3").present, Some(3));
    assert_eq!(view_of("present").present, Some(1));
    assert_eq!(view_of("theme=auto").theme, None);
    let cases = [
        ("embed=pie", "embed=pie"),
        ("plain", "applies to an embed"),
        ("embed=yearly&static=maybe", "static=maybe"),
        ("present=9", "present=9"),
    ];
    for (query, said) in cases {
        let notices = heist_ledger::html::notices::tidy(&view::parse(&view::query_pairs(query)).1);
        assert!(notices.iter().any(|n| n.contains(said)), "{query}: {notices:?}");
    }
}

#[test]
fn presentation_keys_step_forward_and_back_within_the_deck() {
    let last = ChartKind::ALL.len();
    let cases = [
        ("ArrowRight", false, 1, Some(2)),
        ("PageDown", false, 2, Some(3)),
        (" ", false, 3, Some(4)),
        (" ", true, 3, Some(2)),
        ("ArrowRight", false, last, Some(last)),
        ("PageUp", false, 2, Some(1)),
        ("ArrowLeft", false, 1, Some(1)),
        ("Home", false, 3, Some(1)),
        ("End", false, 1, Some(last)),
        ("x", false, 2, None),
    ];
    for (key, shift, from, want) in cases {
        assert_eq!(view::slide_after(key, shift, from), want, "{key:?} shift={shift} from {from}");
    }
}

#[test]
fn each_slide_s_takeaway_is_computed_from_the_data_in_view() {
    let sel = selection("from=2025&to=2025", Theme::Light);
    let yearly = pipeline::takeaway(&sel, ChartKind::Yearly);
    let list = sel.incidents();
    let total: f64 = list.iter().map(|i| i.usd).sum();
    let largest = list.iter().max_by(|a, b| a.usd.total_cmp(&b.usd)).unwrap();
    assert!(yearly.starts_with("2025: "), "{yearly}");
    assert!(yearly.contains(&heist_ledger::format::money(total)), "{yearly}");
    assert!(yearly.contains(&largest.victim), "{yearly}");
    let timeline = pipeline::takeaway(&sel, ChartKind::Timeline);
    assert!(timeline.starts_with(&format!("{} thefts", list.len())), "{timeline}");
    let flows = pipeline::takeaway(&selection("flow=bybit-2025", Theme::Light), ChartKind::Flows);
    assert!(flows.contains("Bybit"), "{flows}");
    let none = pipeline::takeaway(&selection("q=no-such-victim-anywhere", Theme::Light), ChartKind::Yearly);
    assert_eq!(none, "No thefts in this dataset match the view.");
    assert!(!pipeline::takeaway(&sel, ChartKind::Figures).is_empty());
}

/// Numbers as `f64`, so `1460000000` and `1460000000.0` compare equal.
fn numbers_as_f64(v: serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    match v {
        Value::Number(n) => n.as_f64().map_or(Value::Null, |f| serde_json::json!(f)),
        Value::Array(a) => Value::Array(a.into_iter().map(numbers_as_f64).collect()),
        Value::Object(o) => Value::Object(o.into_iter().map(|(k, v)| (k, numbers_as_f64(v))).collect()),
        v => v,
    }
}

/// The incidents JSON is written by hand (no serde in the WebAssembly): each record must
/// be the dataset's own record as its types write it, field for field.
#[test]
fn each_incident_in_the_json_is_the_datasets_own_record() {
    let sel = selection("", Theme::Light);
    let list = sel.sorted();
    let json = exports::incidents_json(&sel.data, &list, "All incidents", "https://x.test/");
    let v: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    for (written, i) in v["incidents"].as_array().expect("incidents").iter().zip(&list) {
        let mut written = written.clone();
        written.as_object_mut().expect("an object").remove("source_details");
        let mut own = serde_json::to_value(i).expect("an incident serializes");
        // Per-record translations (schema 3, optional) are not in the English export yet:
        // which of them an export carries is the locale work's to decide (issue 17).
        own.as_object_mut().expect("an object").remove("translations");
        assert_eq!(numbers_as_f64(written), numbers_as_f64(own), "{}", i.id);
    }
}

#[test]
fn chart_csvs_hold_plain_usd_numbers_and_iso_dates() {
    let sel = selection("", Theme::Light);
    let iso = |s: &str| {
        let b = s.as_bytes();
        s.len() == 10 && b[4] == b'-' && b[7] == b'-' && s.chars().filter(char::is_ascii_digit).count() == 8
    };
    for kind in ChartKind::ALL {
        let chart = pipeline::chart(&sel, kind, kind.size_for(1000));
        let t = &chart.table;
        let rows = read_csv(&exports::table_csv(t));
        assert_eq!(rows.len() - 1, t.rows.len(), "{kind:?}");
        let (mut numbers, mut dates) = (0, 0);
        for (cells, fields) in t.rows.iter().zip(&rows[1..]) {
            for ((cell, field), header) in cells.iter().zip(fields).zip(&t.headers) {
                if cell.numeric && cell.href.is_none() {
                    let n = field.strip_suffix('%').unwrap_or(field);
                    assert!(
                        field.is_empty() || n.parse::<f64>().is_ok(),
                        "{kind:?} {header}: {field:?} is not a plain number (shown as {:?})",
                        cell.text
                    );
                    numbers += usize::from(!field.is_empty());
                }
                if header == "Date" || header == "Published" {
                    assert!(iso(field), "{kind:?} {header}: {field:?} is not an ISO date");
                    dates += 1;
                }
            }
        }
        assert!(numbers > 0, "{kind:?}: the table has amounts");
        if matches!(kind, ChartKind::Timeline | ChartKind::Figures) {
            assert!(dates > 0, "{kind:?}: the table has dates");
        }
    }
    // The yearly sum of a year is the dollars of its incidents, to the dollar.
    let chart = pipeline::chart(&sel, ChartKind::Yearly, ChartKind::Yearly.size_for(1000));
    let rows = read_csv(&exports::table_csv(&chart.table));
    let year: i32 = rows[1][0].parse().expect("a year");
    let sum: f64 = sel.incidents().iter().filter(|i| i.date.year() == year).map(|i| i.usd).sum();
    assert_eq!(rows[1][2].parse::<f64>().expect("a number"), sum.round());
}

/// Every chunk of a PNG after its signature, as (type, data), each checked against its CRC
/// with an independent implementation.
fn png_chunks(png: &[u8]) -> Vec<(String, Vec<u8>)> {
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let (mut at, mut out) = (8, Vec::new());
    while at < png.len() {
        let len = u32::from_be_bytes(png[at..at + 4].try_into().unwrap()) as usize;
        let body = &png[at + 4..at + 8 + len];
        let crc = u32::from_be_bytes(png[at + 8 + len..at + 12 + len].try_into().unwrap());
        assert_eq!(crc, crc32fast::hash(body), "the CRC of {}", String::from_utf8_lossy(&body[..4]));
        out.push((String::from_utf8_lossy(&body[..4]).into_owned(), body[4..].to_vec()));
        at += 12 + len;
    }
    out
}

#[test]
fn exported_pngs_declare_300_dpi_and_stay_valid() {
    let mut pixmap = resvg::tiny_skia::Pixmap::new(40, 20).unwrap();
    pixmap.fill(resvg::tiny_skia::Color::WHITE);
    let plain = pixmap.encode_png().unwrap();
    assert_eq!(exports::png_dpi(&plain), None, "an encoder's PNG says nothing of its size on paper");
    let png = exports::png_with_dpi(&plain, exports::PNG_DPI).unwrap();
    assert_eq!(exports::png_dpi(&png), Some(300));
    let chunks = png_chunks(&png);
    assert_eq!(chunks[0].0, "IHDR");
    assert_eq!(chunks[1].0, "pHYs", "right after the header, before the pixels");
    assert_eq!(chunks[1].1, [0, 0, 0x2e, 0x23, 0, 0, 0x2e, 0x23, 1], "11,811 pixels per metre both ways");
    assert_eq!(chunks.iter().filter(|c| c.0 == "pHYs").count(), 1);
    // Setting it again replaces it; the pixels are untouched.
    let again = exports::png_with_dpi(&png, 150).unwrap();
    assert_eq!(exports::png_dpi(&again), Some(150));
    assert_eq!(png_chunks(&again).iter().filter(|c| c.0 == "pHYs").count(), 1);
    let pixels = |p: &[u8]| png_chunks(p).into_iter().filter(|c| c.0 == "IDAT").collect::<Vec<_>>();
    assert_eq!(pixels(&again), pixels(&plain));
    // The browser's canvas gives a data: address; it comes back with the chunk, decodable.
    let b64 = |bytes: &[u8]| {
        let url = format!("data:image/png;base64,{}", base64_reference(bytes));
        exports::png_data_url_with_dpi(&url, exports::PNG_DPI).unwrap()
    };
    let url = b64(&plain);
    assert_eq!(url, format!("data:image/png;base64,{}", base64_reference(&png)));
    // Not a PNG: a clear refusal, never a broken file.
    assert!(exports::png_with_dpi(b"GIF89a....", 300).is_err());
    assert!(exports::png_with_dpi(&plain[..plain.len() - 3], 300).is_err());
    assert!(exports::png_data_url_with_dpi("data:image/jpeg;base64,AAAA", 300).is_err());
}

/// Base64 written the long way (RFC 4648's table, padded), to check the exporter's own.
fn base64_reference(bytes: &[u8]) -> String {
    let table = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut bits = String::new();
    for b in bytes {
        bits.push_str(&format!("{b:08b}"));
    }
    while !bits.len().is_multiple_of(6) {
        bits.push('0');
    }
    let mut out: String = bits
        .as_bytes()
        .chunks(6)
        .map(|c| char::from(table[usize::from_str_radix(std::str::from_utf8(c).unwrap(), 2).unwrap()]))
        .collect();
    while !out.len().is_multiple_of(4) {
        out.push('=');
    }
    out
}

/// The numbers in brackets on the line of `script` that starts with `var NAME = `.
fn js_numbers(script: &str, name: &str) -> Vec<f64> {
    let line = script.lines().find(|l| l.trim_start().starts_with(&format!("var {name} = "))).expect(name);
    line.split(|c: char| !(c.is_ascii_digit() || c == '.' || c.is_ascii_alphabetic()))
        .filter_map(|w| if w == "Infinity" { Some(f64::INFINITY) } else { w.parse().ok() })
        .collect()
}

#[test]
fn the_first_views_embed_height_is_the_apps_at_every_width() {
    // early.js posts the first height before the WebAssembly runs; it must be the one the
    // app posts after, or the frame would jump.
    let script = include_str!("../public/early.js");
    let size = js_numbers(script, "SIZE");
    let chrome = js_numbers(script, "CHROME");
    assert_eq!((size.len(), chrome.len()), (20, 12), "{size:?} {chrome:?}");
    for (k, kind) in ChartKind::ALL.into_iter().enumerate() {
        let (share, lo, hi, at_0, slope) =
            (size[5 * k], size[5 * k + 1], size[5 * k + 2], size[5 * k + 3], size[5 * k + 4]);
        for width in 0..=2400u32 {
            for plain in [false, true] {
                let w = f64::from(width);
                // The test's own model of early.js's formula, natively: std's clamp is fine
                // here (clippy.toml keeps it out of the crate for the wasm's sake).
                #[allow(clippy::disallowed_methods)]
                let h = (w * share).clamp(lo, hi).max(at_0 - slope * w);
                let band = chrome.chunks(3).find(|b| w <= b[0]).expect("a band for every width");
                let js = h.round() + if plain { band[2] } else { band[1] };
                assert_eq!(
                    js,
                    f64::from(exports::embed_height(kind, width, plain)),
                    "{kind:?} at {width} px, plain {plain}"
                );
            }
        }
    }
}

#[test]
fn a_slide_has_one_short_source_line_pointing_to_the_full_list() {
    for query in ["", "from=2022", "flow=bybit-2025"] {
        let sel = selection(query, Theme::Light);
        for kind in ChartKind::ALL {
            let chart = pipeline::ChartData::new(&sel, kind);
            let line = pipeline::slide_sources(&sel, &chart);
            assert!(line.starts_with("Sources: "), "{line}");
            assert!(line.chars().count() <= 100, "{query} {kind:?}: one line on a 1280 px slide: {line}");
            assert!(!line.contains('\n'));
            let full = pipeline::export_frame(&sel, &chart, "").sources;
            if full.matches(", ").count() >= 2 {
                assert!(line.contains("more — full list in the page and print"), "{line}");
            }
        }
    }
}
