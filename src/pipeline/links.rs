//! Sources as links, and a view's address pinned to its data release: what a caption, an
//! exported image or a print links to.

use crate::model::{Dataset, SourceKind};
use crate::phrase;
use crate::pipeline::selection::Selection;
use crate::view::{self, ChartKind, Embed, Theme, ViewState};

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

/// Which address of a view: the one family every link to a view comes from (permalinks,
/// citations, exported images, print, the embed's link back, the embed code, the
/// "newer data" notice).
///
/// **The rule on the theme, stated once:** an address someone else opens later leaves the
/// theme out, since the reader's own setting should apply ([`Address::Pinned`]); the
/// embed code's frame has no reader's setting to fall back on, so it carries the theme the
/// person copying it chose, else light ([`Address::Embed`]); an address the same reader
/// follows now keeps their theme ([`Address::Latest`]). The language is kept by all three:
/// the view's `lang`, else the language of the words in force when it is not English (a
/// Korean page's exports open in Korean).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Address {
    /// The full view pinned to its data release (`SITE/v/RELEASE/?QUERY`): opens later on
    /// the numbers it showed, without the embed and slide parameters.
    Pinned,
    /// One chart's frame for the embed code, pinned to the release: the chart's static
    /// one-chart page (`SITE/v/RELEASE/embed/CHART/?QUERY`, in a subfolder per language
    /// other than English, `…/embed/CHART/ko/`), which hands over to the live embed with
    /// JavaScript on; without the open incident and slide.
    Embed(ChartKind),
    /// The same view on the site's current data (`SITE?QUERY`), for the reader of an older
    /// release.
    Latest,
}

/// A view's address of the kind `which`, under the site root `site` (with its trailing
/// slash); see [`Address`] for what each keeps.
pub fn address(sel: &Selection, site: &str, which: Address) -> String {
    view_address(&sel.view, &sel.data.release.id, site, which)
}

/// [`address`] of a view whose data is the release `release` (empty: none).
pub fn view_address(view: &ViewState, release: &str, site: &str, which: Address) -> String {
    let mut v = ViewState { present: None, ..view.clone() };
    if v.lang.is_none() && !phrase::is_english() {
        v.lang = Some(phrase::locale());
    }
    match which {
        Address::Pinned => {
            v.embed = None;
            v.theme = None;
            with_query(&pinned_page(release, &v, site), &v)
        }
        Address::Embed(kind) => {
            v.embed = Some(Embed::of(kind));
            v.incident = None;
            v.theme = Some(v.theme.unwrap_or(Theme::Light));
            let page = pinned_page(release, &v, site);
            // The static page exists for the site's own releases; a reader's dataset
            // (?data=) has none, and its embed is the live page.
            let page = if v.data.is_none() { format!("{page}{}", static_embed_path(kind)) } else { page };
            with_query(&page, &v)
        }
        Address::Latest => with_query(site, &v),
    }
}

/// The view's address for the page at `page_url`, pinned to its data release
/// ([`Address::Pinned`] under that page's site root): what an image or a printed chart
/// carries.
pub fn view_link(sel: &Selection, page_url: &str) -> String {
    address(sel, &site_root(page_url), Address::Pinned)
}

/// The static one-chart page of a chart under a page's folder, which shows the chart with
/// its sources without JavaScript and hands over to the live embed when scripts run: one
/// per language, English's at `embed/CHART/` and the others' in a subfolder of it
/// (`embed/CHART/ko/`), for the language of the words in force.
pub fn static_embed_path(kind: ChartKind) -> String {
    if phrase::is_english() {
        format!("embed/{}/", kind.name())
    } else {
        format!("embed/{}/{}/", kind.name(), phrase::locale().code())
    }
}

/// The page of a view's release: `SITE/v/RELEASE/`, or the site root for a reader's own
/// dataset (`?data=`), which has no release folder.
fn pinned_page(release: &str, view: &ViewState, site: &str) -> String {
    if view.data.is_none() && !release.is_empty() {
        format!("{site}{}", crate::release::path_of(&view::encode(release)))
    } else {
        site.to_string()
    }
}

/// `page` with the view's query, when it has one.
fn with_query(page: &str, v: &ViewState) -> String {
    let query = view::to_query(v);
    if query.is_empty() {
        page.to_string()
    } else {
        format!("{page}?{query}")
    }
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
