//! Text width and line breaking that know Korean and Japanese as well as Latin.
//!
//! Width: one estimate for the charts and the locales ([`crate::layout::text::width`], at a
//! size of 1 em here): Hangul, kana and kanji (set on a square body) count 1 em; accented
//! Latin letters measure as their base letters, so French, German and Italian labels are
//! not wrapped early; marks that take no room (combining accents, zero-width and bidi
//! controls) measure 0. The rules live beside the charts' layout, which uses them, and
//! are described here.
//!
//! Breaking: Latin and Korean break at spaces (Korean is written with spaces between
//! words, and its press keeps words whole, CSS's `word-break: keep-all`); Japanese and
//! Chinese break between any two characters, except that no line starts with closing
//! punctuation or a small kana (`。`, `、`, `」`, `）`, `』`, `！`, `？`, `ー`, `っ`, …) and
//! none ends with an opening bracket (`「`, `（`, …): the line-start rule of JIS X 4051
//! (kinsoku shori). Where a break would fall before such a character, the character
//! before it goes down with it (oidashi) so no line runs past its width; only inside a
//! piece wider than a whole line does it hang past the width on the line before.

pub use crate::layout::text::is_no_start;

/// Estimated width of `text` in em (multiply by the font size in pixels): the charts' own
/// estimate ([`crate::layout::text::width`] at 1 em): ASCII by its table, accented Latin as
/// its base letters, Hangul, kana and kanji 1 em each.
pub fn width_em(text: &str) -> f64 {
    crate::layout::text::width(text, 1.0)
}

/// Breaks `text` into lines of at most `max_em` em where it can: Latin and Korean at
/// spaces, Japanese and Chinese between characters, never starting a line with closing
/// punctuation or ending one with an opening bracket; only spaces at a break are dropped
/// ([`crate::layout::text::wrap_em`], which the charts' labels use too).
pub fn wrap(text: &str, max_em: f64) -> Vec<String> {
    crate::layout::text::wrap_em(text, max_em)
}
