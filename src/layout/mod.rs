//! Chart geometry in plain numbers: the Sankey layout and where its labels go, label placement, marker lanes and
//! text metrics.
//! Nothing here draws; the renderers in [`crate::render`] turn this geometry into SVG.

pub mod flow_labels;
pub mod labels;
pub mod lanes;
pub mod sankey;
pub mod scale;
pub mod text;

/// `x` held within `lo..=hi`, as `f64::clamp` does (a NaN stays NaN), but never panicking:
/// std's panics when `lo > hi` and its message prints both bounds with `{:?}`, which alone
/// kept core's float formatting in the page's WebAssembly. With `lo > hi` this gives `hi`
/// for an `x` above it and `lo` for one below `lo`.
pub fn clamp(x: f64, lo: f64, hi: f64) -> f64 {
    if x < lo {
        lo
    } else if x > hi {
        hi
    } else {
        x
    }
}

/// An axis-aligned box in chart pixels, `y` growing downwards.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    /// Left.
    pub x0: f64,
    /// Top.
    pub y0: f64,
    /// Right.
    pub x1: f64,
    /// Bottom.
    pub y1: f64,
}

impl Rect {
    /// A box from its corners.
    pub fn new(x0: f64, y0: f64, x1: f64, y1: f64) -> Rect {
        Rect { x0, y0, x1, y1 }
    }

    /// Width.
    pub fn width(&self) -> f64 {
        self.x1 - self.x0
    }

    /// Height.
    pub fn height(&self) -> f64 {
        self.y1 - self.y0
    }

    /// True when the two boxes share any area (touching edges do not count).
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.x0 < other.x1 && other.x0 < self.x1 && self.y0 < other.y1 && other.y0 < self.y1
    }

    /// True when `other` lies entirely inside this box.
    pub fn contains(&self, other: &Rect) -> bool {
        other.x0 >= self.x0 && other.x1 <= self.x1 && other.y0 >= self.y0 && other.y1 <= self.y1
    }
}

#[cfg(test)]
mod tests {
    use super::Rect;

    #[test]
    fn boxes_overlap_only_when_they_share_area() {
        let a = Rect::new(0.0, 0.0, 10.0, 10.0);
        let cases = [
            (Rect::new(5.0, 5.0, 15.0, 15.0), true),
            (Rect::new(10.0, 0.0, 20.0, 10.0), false),
            (Rect::new(2.0, 2.0, 3.0, 3.0), true),
            (Rect::new(-5.0, 11.0, 5.0, 20.0), false),
        ];
        for (b, want) in cases {
            assert_eq!(a.overlaps(&b), want, "{b:?}");
            assert_eq!(b.overlaps(&a), want, "{b:?} (reversed)");
        }
    }
}
