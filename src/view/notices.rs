//! Notices about what a view could not keep: tidied for a reader, and the values a
//! dataset does not know dropped with a word why.

use crate::model::Dataset;
use crate::view::state::ViewState;

/// Most notices listed one by one; past this the rest are counted in one more line, so an
/// address with thousands of distinct unknown parameters still shows a short panel.
pub const MAX_NOTICES: usize = 8;

/// Notices as a reader can take them in: each cut to 160 characters (a parameter can be
/// thousands long), a notice repeated (a parameter given a thousand times) said once with
/// its count, and at most [`MAX_NOTICES`] lines, the last counting the rest.
pub fn tidy_notices(notices: Vec<String>) -> Vec<String> {
    const MAX: usize = 160;
    let cut: Vec<String> = notices
        .into_iter()
        .map(|n| match n.char_indices().nth(MAX) {
            Some((end, _)) => format!("{}…", &n[..end]),
            None => n,
        })
        .collect();
    // Each notice with its count, in the order each first came: sorted to count them (the
    // first of equals keeps its place), then put back in order of arrival.
    let mut order: Vec<usize> = (0..cut.len()).collect();
    crate::sort::by(&mut order, &|&a, &b| cut[a].cmp(&cut[b]).then(a.cmp(&b)));
    let mut firsts: Vec<(usize, usize)> = Vec::new();
    for (k, &i) in order.iter().enumerate() {
        match firsts.last_mut() {
            Some((first, count)) if k > 0 && cut[*first] == cut[i] => *count += 1,
            _ => firsts.push((i, 1)),
        }
    }
    crate::sort::by(&mut firsts, &|a, b| a.cmp(b));
    let out: Vec<(&String, usize)> = firsts.iter().map(|&(i, count)| (&cut[i], count)).collect();
    let mut lines: Vec<String> = out
        .iter()
        .map(|(n, count)| if *count > 1 { format!("{n} (×{count})") } else { n.to_string() })
        .collect();
    if lines.len() > MAX_NOTICES {
        let rest: usize = out[MAX_NOTICES - 1..].iter().map(|(_, count)| count).sum();
        lines.truncate(MAX_NOTICES - 1);
        lines.push(format!("…and {rest} more parts of the address, also ignored."));
    }
    lines
}

/// Drops values the dataset does not know (an actor, a chain, an incident id) and says so,
/// so a stale permalink shows everything it still can instead of an empty page.
pub fn reconcile(mut v: ViewState, data: &Dataset) -> (ViewState, Vec<String>) {
    let mut notices = Vec::new();
    v.filter.actors.retain(|a| {
        let known = data.incidents.iter().any(|i| &i.actor == a);
        if !known {
            notices.push(format!("Ignored actor={a}: no incident in this dataset names that actor."));
        }
        known
    });
    v.filter.chains.retain(|c| {
        let known = data.incidents.iter().any(|i| i.chains.contains(c));
        if !known {
            notices.push(format!("Ignored chain={c}: no incident in this dataset is on that chain."));
        }
        known
    });
    if let Some(id) = &v.incident {
        if data.incident(id).is_none() {
            notices.push(format!("Ignored incident={id}: no incident has that id."));
            v.incident = None;
        }
    }
    if let Some(id) = &v.since {
        if id == &data.release.id {
            notices.push(format!("Ignored since={id}: it is the release on screen."));
            v.since = None;
        } else if !data.changes.iter().any(|c| &c.release == id) {
            notices.push(format!("Ignored since={id}: this dataset's change log names no such release."));
            v.since = None;
        }
    }
    if let Some(id) = &v.flow {
        if data.flow_for(id).is_none() {
            notices.push(format!("Ignored flow={id}: no laundering flow is traced for that incident."));
            v.flow = None;
        }
    }
    (v, tidy_notices(notices))
}
