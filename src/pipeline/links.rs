//! Sources as links, and a view's address pinned to its data release: what a caption, an
//! exported image or a print links to.

use crate::model::{Dataset, SourceKind};
use crate::pipeline::selection::Selection;
use crate::view::{self, ViewState};

/// A source as a link.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceLink {
    /// Document title.
    pub title: String,
    /// Publisher.
    pub publisher: String,
    /// Where to read it.
    pub url: String,
    /// Primary, copy of a primary text, or secondary: shown beside the link.
    pub kind: SourceKind,
    /// For a copy: whose text it reproduces, named beside the link.
    pub copy_of: Option<String>,
}

/// Looks a source id up as a link.
pub fn source_link(data: &Dataset, id: &str) -> Option<SourceLink> {
    data.source(id).map(|s| SourceLink {
        title: s.title.clone(),
        publisher: s.publisher.clone(),
        url: s.url.clone(),
        kind: s.kind,
        copy_of: s.copy_of.clone(),
    })
}

/// The view's address for the page at `page_url`, pinned to its data release
/// (`SITE/v/RELEASE/?QUERY`, [`pinned_url`]): an image or a printed chart that carries it
/// opens later on the numbers it shows, not on whatever the site holds then. The theme is
/// left out (that is the reader's), and so are the embed and slide parameters (the link
/// opens the full page).
pub fn view_link(sel: &Selection, page_url: &str) -> String {
    let full = ViewState { embed: None, present: None, ..sel.view.clone() };
    pinned_url(sel, &full, &site_root(page_url))
}

/// The site's root address from the page's base address: the page of a pinned release
/// (`…/v/RELEASE/`) belongs to the site above it.
pub fn site_root(base: &str) -> String {
    let base = base.split(['?', '#']).next().unwrap_or_default();
    let dir = base.rfind('/').map_or(base, |k| &base[..=k]);
    if let Some((parent, _release)) = dir.trim_end_matches('/').rsplit_once('/') {
        if let Some(root) = parent.strip_suffix("/v") {
            return format!("{root}/");
        }
    }
    dir.to_string()
}

/// The address of a view pinned to its data release: `SITE/v/RELEASE/?QUERY`. A view of a
/// reader's own dataset (`?data=`) cannot be pinned and keeps the site's root.
pub fn pinned_url(sel: &Selection, view: &ViewState, site: &str) -> String {
    let query = view::to_query(&ViewState { theme: None, ..view.clone() });
    let release = &sel.data.release.id;
    let page = if view.data.is_none() && !release.is_empty() {
        format!("{site}{}", crate::release::path_of(&view::encode(release)))
    } else {
        site.to_string()
    };
    if query.is_empty() {
        page
    } else {
        format!("{page}?{query}")
    }
}
