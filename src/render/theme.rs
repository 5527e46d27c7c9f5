//! Colours for the charts: a colour-blind-safe palette (Okabe & Ito) in a light and a dark
//! theme. Text colours meet WCAG AA (4.5:1) against their background; marks carry an
//! outline in the text colour so their edges meet the 3:1 non-text contrast minimum even
//! where a fill colour is pale.

use crate::model::{Category, CooperationKind, EnforcementKind};

pub use crate::view::Theme;

/// A colour, red, green and blue from 0 to 255.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RGBColor(pub u8, pub u8, pub u8);

/// The colours of a theme.
pub fn palette(theme: Theme) -> Palette {
    match theme {
        Theme::Light => Palette {
            background: RGBColor(0xff, 0xff, 0xff),
            text: RGBColor(0x1a, 0x1a, 0x1a),
            muted: RGBColor(0x55, 0x55, 0x55),
            grid: RGBColor(0xd9, 0xd9, 0xd9),
            outline: RGBColor(0x1a, 0x1a, 0x1a),
            // Okabe & Ito.
            categories: [
                RGBColor(0x00, 0x72, 0xb2), // blue
                RGBColor(0xe6, 0x9f, 0x00), // orange
                RGBColor(0x00, 0x9e, 0x73), // bluish green
                RGBColor(0xcc, 0x79, 0xa7), // reddish purple
                RGBColor(0x56, 0xb4, 0xe9), // sky blue
                RGBColor(0xd5, 0x5e, 0x00), // vermillion
                RGBColor(0x99, 0x99, 0x99), // grey
            ],
        },
        Theme::Dark => Palette {
            background: RGBColor(0x12, 0x14, 0x18),
            text: RGBColor(0xf0, 0xf0, 0xf0),
            muted: RGBColor(0xb8, 0xb8, 0xb8),
            grid: RGBColor(0x3a, 0x3d, 0x44),
            outline: RGBColor(0x12, 0x14, 0x18),
            categories: [
                RGBColor(0x3d, 0x9b, 0xe0), // blue, lifted for the dark ground
                RGBColor(0xe6, 0x9f, 0x00),
                RGBColor(0x1d, 0xb8, 0x8a),
                RGBColor(0xe0, 0x8f, 0xbd),
                RGBColor(0x56, 0xb4, 0xe9),
                RGBColor(0xf0, 0x72, 0x1a),
                RGBColor(0xa8, 0xa8, 0xa8),
            ],
        },
    }
}

/// The colours a chart uses.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Palette {
    /// Chart background.
    pub background: RGBColor,
    /// Labels and reported-figure markers.
    pub text: RGBColor,
    /// Axis labels and secondary text.
    pub(crate) muted: RGBColor,
    /// Grid lines.
    pub(crate) grid: RGBColor,
    /// Outline around filled marks.
    pub(crate) outline: RGBColor,
    /// Victim category fills, indexed by [`Category::index`].
    pub categories: [RGBColor; 7],
}

impl Palette {
    /// Fill for a victim category.
    pub fn category(&self, c: Category) -> RGBColor {
        self.categories[c.index()]
    }

    /// `#rrggbb` for CSS and SVG attributes.
    pub fn hex(c: RGBColor) -> String {
        format!("#{:02x}{:02x}{:02x}", c.0, c.1, c.2)
    }
}

/// Each known publisher's symbol: the one place that assigns them ([`Symbol::for_publisher`]).
pub(crate) const PUBLISHER_SYMBOLS: [(&str, Symbol); 7] = [
    ("Chainalysis", Symbol::Diamond),
    ("TRM Labs", Symbol::TriangleUp),
    ("Elliptic", Symbol::Square),
    ("UN Panel of Experts", Symbol::Ring),
    ("MSMT", Symbol::TriangleDown),
    ("U.S. Department of State (MSMT participant)", Symbol::Plus),
    ("South Korea National Intelligence Service (NIS)", Symbol::Cross),
];

/// The symbol used for a reported-figure publisher or an enforcement kind. Shapes, not
/// colours, tell them apart, so the distinction survives colour blindness and grey print.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Symbol {
    /// Filled diamond.
    Diamond,
    /// Filled triangle pointing up.
    TriangleUp,
    /// Hollow square.
    Square,
    /// Hollow circle.
    Ring,
    /// Filled triangle pointing down.
    TriangleDown,
    /// Plus sign.
    Plus,
    /// Diagonal cross (×): a seventh publisher has a symbol of its own.
    Cross,
    /// Six-pointed asterisk (*): money frozen.
    Asterisk,
    /// Tick (✓): money returned to the victim.
    Check,
}

impl Symbol {
    /// Symbols in the order publishers are assigned them.
    pub(crate) const SEQUENCE: [Symbol; 7] = [
        Symbol::Diamond,
        Symbol::TriangleUp,
        Symbol::Square,
        Symbol::Ring,
        Symbol::TriangleDown,
        Symbol::Plus,
        Symbol::Cross,
    ];

    /// The symbol of a publisher of yearly figures: the same in every chart, legend and
    /// view, whichever publishers a view shows (a symbol assigned by position changed with
    /// the filters). The publishers of the shipped dataset have fixed symbols; any other
    /// takes one from its name, so it too keeps it everywhere.
    pub(crate) fn for_publisher(publisher: &str) -> Symbol {
        match PUBLISHER_SYMBOLS.iter().find(|(name, _)| *name == publisher) {
            Some((_, symbol)) => *symbol,
            None => {
                let hash = publisher.bytes().fold(0u32, |h, b| h.wrapping_mul(31).wrapping_add(u32::from(b)));
                Symbol::SEQUENCE[hash as usize % Symbol::SEQUENCE.len()]
            }
        }
    }

    /// The symbol for an enforcement kind.
    pub(crate) fn for_enforcement(kind: EnforcementKind) -> Symbol {
        match kind {
            EnforcementKind::Sanction => Symbol::Diamond,
            EnforcementKind::Indictment => Symbol::TriangleUp,
            EnforcementKind::Seizure => Symbol::Square,
            EnforcementKind::Advisory => Symbol::Ring,
            EnforcementKind::Attribution => Symbol::TriangleDown,
        }
    }

    /// The symbol for what happened to money after a theft: frozen (asterisk), seized (a
    /// square, as an enforcement seizure), recovered from the thieves (plus), returned to
    /// the victim (tick), refused (cross).
    pub(crate) fn for_after(kind: CooperationKind, returned: bool) -> Symbol {
        match (kind, returned) {
            (CooperationKind::Refusal, _) => Symbol::Cross,
            (_, true) => Symbol::Check,
            (CooperationKind::Freeze, false) => Symbol::Asterisk,
            (CooperationKind::Seizure, false) => Symbol::Square,
            (CooperationKind::Recovery, false) => Symbol::Plus,
        }
    }

    /// Name, for the legend's accessible text.
    pub fn name(self) -> &'static str {
        match self {
            Symbol::Diamond => "diamond",
            Symbol::TriangleUp => "triangle",
            Symbol::Square => "square",
            Symbol::Ring => "circle",
            Symbol::TriangleDown => "down-triangle",
            Symbol::Plus => "plus",
            Symbol::Cross => "cross",
            Symbol::Asterisk => "asterisk",
            Symbol::Check => "tick",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// WCAG relative luminance.
    fn luminance(c: RGBColor) -> f64 {
        let channel = |v: u8| {
            let s = f64::from(v) / 255.0;
            if s <= 0.039_28 {
                s / 12.92
            } else {
                ((s + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(c.0) + 0.7152 * channel(c.1) + 0.0722 * channel(c.2)
    }

    fn contrast(a: RGBColor, b: RGBColor) -> f64 {
        let (la, lb) = (luminance(a), luminance(b));
        (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
    }

    #[test]
    fn chart_text_meets_wcag_aa_in_both_themes() {
        for theme in [Theme::Light, Theme::Dark] {
            let p = palette(theme);
            assert!(contrast(p.text, p.background) >= 4.5, "{theme:?} text");
            assert!(contrast(p.muted, p.background) >= 4.5, "{theme:?} muted");
        }
    }

    #[test]
    fn every_category_fill_is_told_apart_from_the_background_by_fill_or_outline() {
        for theme in [Theme::Light, Theme::Dark] {
            let p = palette(theme);
            for c in p.categories {
                let fill = contrast(c, p.background);
                let edge = contrast(c, p.outline).max(contrast(p.outline, p.background));
                assert!(fill >= 3.0 || edge >= 3.0, "{theme:?} {c:?}");
            }
        }
    }

    #[test]
    fn category_colours_are_distinct() {
        for theme in [Theme::Light, Theme::Dark] {
            let p = palette(theme);
            for (i, a) in p.categories.iter().enumerate() {
                for b in &p.categories[i + 1..] {
                    assert_ne!(a, b);
                }
            }
        }
    }
}
