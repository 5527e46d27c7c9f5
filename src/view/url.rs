//! The view's one spelling as URL query parameters: a query string split and decoded,
//! and a view written back.

use crate::view::state::{FiguresFor, SortKey, ViewState};

/// Splits a query string (`?a=1&b=x%20y`, with or without the `?`) into decoded pairs, in
/// order; `+` reads as a space, and a malformed escape is kept as written.
pub fn query_pairs(query: &str) -> Vec<(String, String)> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|kv| !kv.is_empty())
        .map(|kv| {
            let (k, v) = kv.split_once('=').unwrap_or((kv, ""));
            (decode(k), decode(v))
        })
        .collect()
}

/// Percent-decodes one query component.
fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |k: usize| bytes.get(k).and_then(|b| char::from(*b).to_digit(16));
        match bytes[i] {
            b'%' => match (hex(i + 1), hex(i + 2)) {
                (Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b'+' => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Percent-encodes a query value (everything but unreserved characters).
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Writes a view as a query string (without `?`), in a stable order, leaving defaults out.
pub fn to_query(v: &ViewState) -> String {
    let mut pairs: Vec<(&str, String)> = Vec::new();
    if let Some(d) = &v.data {
        pairs.push(("data", d.clone()));
    }
    if let Some(y) = v.filter.from_year {
        pairs.push(("from", y.to_string()));
    }
    if let Some(y) = v.filter.to_year {
        pairs.push(("to", y.to_string()));
    }
    if let Some((a, b)) = v.filter.dates {
        pairs.push(("start", a.to_string()));
        pairs.push(("end", b.to_string()));
    }
    pairs.extend(v.filter.categories.iter().map(|c| ("category", c.slug().to_string())));
    pairs.extend(v.filter.actors.iter().map(|a| ("actor", a.clone())));
    pairs.extend(v.filter.chains.iter().map(|c| ("chain", c.clone())));
    pairs.extend(v.filter.confidence.iter().map(|c| ("confidence", c.slug().to_string())));
    if !v.filter.text.trim().is_empty() {
        pairs.push(("q", v.filter.text.clone()));
    }
    if v.sort != SortKey::default() {
        pairs.push(("sort", v.sort.slug().to_string()));
    }
    if v.ascending {
        pairs.push(("dir", "asc".to_string()));
    }
    if let Some(id) = &v.incident {
        pairs.push(("incident", id.clone()));
    }
    if let Some(id) = &v.flow {
        pairs.push(("flow", id.clone()));
    }
    match v.figures {
        Some(FiguresFor::All) => pairs.push(("figures", "all".to_string())),
        Some(FiguresFor::Year(y)) => pairs.push(("figures", y.to_string())),
        None => {}
    }
    if v.yearly_split {
        pairs.push(("yearly", "split".to_string()));
    }
    if let Some(id) = &v.since {
        pairs.push(("since", id.clone()));
    }
    if let Some(t) = v.theme {
        pairs.push(("theme", t.slug().to_string()));
    }
    if let Some(l) = v.lang {
        pairs.push(("lang", l.code().to_string()));
    }
    if let Some(e) = &v.embed {
        pairs.push(("embed", e.chart.name().to_string()));
        for (on, key) in [(e.plain, "plain"), (e.still, "static"), (e.transparent, "transparent")] {
            if on {
                pairs.push((key, "1".to_string()));
            }
        }
        if let Some(id) = &e.pym_id {
            pairs.push(("childId", id.clone()));
        }
    }
    if let Some(n) = v.present {
        pairs.push(("present", n.to_string()));
    }
    pairs.iter().map(|(k, val)| format!("{k}={}", encode(val))).collect::<Vec<_>>().join("&")
}
