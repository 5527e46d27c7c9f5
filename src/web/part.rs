//! One element of the page and the key of what it shows: the unit the live page replaces.

use crate::web::dom;

/// One element of the page and the key of what it shows: rewritten only when the key
/// changes, and then only when the markup does (a filter can leave a caption as it was).
pub struct Part<K> {
    el: web_sys::Element,
    shown: Option<K>,
    markup: Option<u64>,
}

/// A short fingerprint of markup, to tell whether an element already holds it.
pub(crate) fn digest(markup: &str) -> u64 {
    markup.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3))
}

impl<K: PartialEq> Part<K> {
    /// An element whose content is not known (it is rewritten at the first chance).
    pub fn new(el: web_sys::Element) -> Part<K> {
        Part { el, shown: None, markup: None }
    }

    /// An element known to show what `key` draws (adopted from the first view).
    pub(crate) fn adopt(&mut self, key: K) {
        self.shown = Some(key);
    }

    /// Shows what `key` draws, rewriting the element only when the key changed.
    pub fn show(&mut self, key: K, markup: impl FnOnce() -> String) {
        if self.shown.as_ref() != Some(&key) {
            let markup = markup();
            let digest = digest(&markup);
            if self.markup != Some(digest) {
                dom::set_html_keeping_focus(&self.el, &markup);
                self.markup = Some(digest);
            }
            self.shown = Some(key);
        }
    }

    /// The element.
    pub fn el(&self) -> &web_sys::Element {
        &self.el
    }
}
