//! Source citations in the dataset's free text (`[id]`): split out, or named for readers by
//! their publishers.

use crate::model::Dataset;

/// Free text from the dataset split at its source citations (`[id]`, `[a; b]`, as
/// [`crate::validate::bracketed_ids`] reads them): plain text, then the ids cited, in turn.
/// Brackets that hold no ids (`[sic]`) stay text.
pub fn cited_parts(text: &str) -> Vec<(&str, Vec<&str>)> {
    let mut parts = Vec::new();
    let mut rest = text;
    let mut start = 0;
    while let Some(open) = rest[start..].find('[').map(|k| k + start) {
        let Some(close) = rest[open..].find(']').map(|k| k + open) else { break };
        let ids = crate::validate::bracketed_ids(&rest[open..=close]);
        if ids.is_empty() {
            start = open + 1;
            continue;
        }
        parts.push((&rest[..open], ids));
        rest = &rest[close + 1..];
        start = 0;
    }
    if !rest.is_empty() {
        parts.push((rest, Vec::new()));
    }
    parts
}

/// Free text with its source citations named for readers: `[cleansky-trm-h1-2026]` becomes
/// the source's publisher ("(CleanSky)", or without the parentheses inside an opened one),
/// several publishers joined by "; ", an id the dataset lacks left as it is.
pub fn named_citations(data: &Dataset, text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (before, ids) in cited_parts(text) {
        out.push_str(before);
        if ids.is_empty() {
            continue;
        }
        let mut names: Vec<&str> =
            ids.iter().map(|id| data.source(id).map_or(*id, |s| plain_publisher(&s.publisher))).collect();
        crate::sort::unique(&mut names);
        let names = names.join("; ");
        if out.ends_with('(') {
            out.push_str(&names);
        } else {
            if !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
            out.push('(');
            out.push_str(&names);
            out.push(')');
        }
    }
    out
}

/// A publisher's name without the dataset's aside: "Halborn (security firm blog; secondary
/// for this incident)" reads "Halborn".
pub fn plain_publisher(name: &str) -> &str {
    name.split(" (").next().unwrap_or(name).trim()
}
