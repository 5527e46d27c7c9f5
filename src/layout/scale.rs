//! Scales from data values to pixels, with "nice" tick values for axes.

/// A linear map from a data interval to a pixel interval.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Linear {
    /// Data start.
    pub(crate) d0: f64,
    /// Data end.
    pub(crate) d1: f64,
    /// Pixel for `d0`.
    pub(crate) r0: f64,
    /// Pixel for `d1`.
    pub r1: f64,
}

impl Linear {
    /// Maps a data value to a pixel.
    pub fn map(&self, v: f64) -> f64 {
        if self.d1 == self.d0 {
            return self.r0;
        }
        self.r0 + (v - self.d0) / (self.d1 - self.d0) * (self.r1 - self.r0)
    }

    /// Maps a pixel back to a data value.
    pub(crate) fn invert(&self, px: f64) -> f64 {
        if self.r1 == self.r0 {
            return self.d0;
        }
        self.d0 + (px - self.r0) / (self.r1 - self.r0) * (self.d1 - self.d0)
    }
}

/// A step of 1, 2 or 5 times a power of ten giving about `count` ticks over `span`.
pub(crate) fn nice_step(span: f64, count: usize) -> f64 {
    if !(span.is_finite() && span > 0.0) || count == 0 {
        return 1.0;
    }
    let raw = span / count as f64;
    let magnitude = 10f64.powf(raw.log10().floor());
    let residual = raw / magnitude;
    let factor = if residual <= 1.0 {
        1.0
    } else if residual <= 2.0 {
        2.0
    } else if residual <= 5.0 {
        5.0
    } else {
        10.0
    };
    factor * magnitude
}

/// A rounded-up axis maximum and its ticks from zero: `(max, ticks)`.
pub(crate) fn nice_axis(max_value: f64, count: usize) -> (f64, Vec<f64>) {
    let max_value = if max_value.is_finite() && max_value > 0.0 { max_value } else { 1.0 };
    let step = nice_step(max_value, count);
    let top = (max_value / step).ceil() * step;
    let n = (top / step).round() as usize;
    (top, (0..=n).map(|k| k as f64 * step).collect())
}

/// A base-10 logarithmic map from a positive data interval to a pixel interval.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Log {
    /// Data start (> 0).
    pub(crate) d0: f64,
    /// Data end (> d0).
    pub(crate) d1: f64,
    /// Pixel for `d0`.
    pub(crate) r0: f64,
    /// Pixel for `d1`.
    pub r1: f64,
}

impl Log {
    /// A log scale whose domain is widened to whole powers of ten around `lo..hi`.
    pub(crate) fn covering(lo: f64, hi: f64, r0: f64, r1: f64) -> Log {
        let lo = if lo.is_finite() && lo > 0.0 { lo } else { 1.0 };
        let hi = if hi.is_finite() && hi > lo { hi } else { lo * 10.0 };
        Log { d0: 10f64.powf(lo.log10().floor()), d1: 10f64.powf(hi.log10().ceil()), r0, r1 }
    }

    /// Maps a data value to a pixel; values at or below zero map to the start.
    pub fn map(&self, v: f64) -> f64 {
        let v = v.max(self.d0);
        let t = (v.log10() - self.d0.log10()) / (self.d1.log10() - self.d0.log10());
        self.r0 + t * (self.r1 - self.r0)
    }

    /// Maps a pixel back to a data value.
    pub(crate) fn invert(&self, px: f64) -> f64 {
        if self.r1 == self.r0 {
            return self.d0;
        }
        let t = (px - self.r0) / (self.r1 - self.r0);
        10f64.powf(self.d0.log10() + t * (self.d1.log10() - self.d0.log10()))
    }

    /// Powers of ten within the domain.
    pub(crate) fn ticks(&self) -> Vec<f64> {
        let (a, b) = (self.d0.log10().round() as i32, self.d1.log10().round() as i32);
        (a..=b).map(|e| 10f64.powi(e)).collect()
    }
}

/// A value axis: linear or base-10 logarithmic.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Scale {
    /// Equal steps for equal differences.
    Linear(Linear),
    /// Equal steps for equal ratios.
    Log(Log),
}

impl Scale {
    /// Maps a data value to a pixel.
    pub fn map(&self, v: f64) -> f64 {
        match self {
            Scale::Linear(s) => s.map(v),
            Scale::Log(s) => s.map(v),
        }
    }

    /// Maps a pixel back to a data value.
    pub(crate) fn invert(&self, px: f64) -> f64 {
        match self {
            Scale::Linear(s) => s.invert(px),
            Scale::Log(s) => s.invert(px),
        }
    }
}

/// A point in a chart's data: `x` on its horizontal axis (days since 1970 on a time axis,
/// the year on the yearly chart), `y` an amount in US dollars.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Position {
    /// Horizontal data value.
    pub x: f64,
    /// Vertical data value.
    pub y: f64,
}

/// How one drawing maps data to its SVG pixels and back (leptos-chartistry calls the two
/// directions `position_to_svg` and `svg_to_position`). The page's brush and keys use the
/// inverse, so nothing about the geometry is read back out of the SVG.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Projection {
    /// The horizontal axis.
    pub x: Linear,
    /// The vertical axis.
    pub y: Scale,
}

impl Projection {
    /// Where a data position is drawn, in SVG pixels.
    pub fn position_to_svg(&self, p: Position) -> (f64, f64) {
        (self.x.map(p.x), self.y.map(p.y))
    }

    /// The data position under an SVG pixel. A point left or right of the axis's drawn
    /// range reads as that range's end (a drag that runs past the plot).
    pub fn svg_to_position(&self, x: f64, y: f64) -> Position {
        let (lo, hi) = (self.x.r0.min(self.x.r1), self.x.r0.max(self.x.r1));
        Position { x: self.x.invert(super::clamp(x, lo, hi)), y: self.y.invert(y) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_axes_round_up_to_1_2_5_steps() {
        let cases = [
            (1.34e9, 5, 1.5e9, 0.5e9),
            (660.5e6, 5, 800e6, 200e6),
            (2.02e9, 4, 3e9, 1e9),
            (0.0, 5, 1.0, 0.2),
        ];
        for (max, count, want_top, want_step) in cases {
            let (top, ticks) = nice_axis(max, count);
            assert!((top - want_top).abs() < 1e-3 * want_top, "{max}: top {top}");
            assert!((ticks[1] - ticks[0] - want_step).abs() < 1e-3 * want_step, "{max}: {ticks:?}");
            assert_eq!(ticks[0], 0.0);
        }
    }

    #[test]
    fn linear_maps_and_inverts() {
        let s = Linear { d0: 0.0, d1: 100.0, r0: 300.0, r1: 0.0 };
        assert_eq!(s.map(25.0), 225.0);
        assert_eq!(s.invert(225.0), 25.0);
    }

    #[test]
    fn a_projection_inverts_what_it_maps_and_holds_x_within_the_axis() {
        let p = Projection {
            x: Linear { d0: 100.0, d1: 200.0, r0: 60.0, r1: 860.0 },
            y: Scale::Log(Log::covering(3.0e6, 1.46e9, 400.0, 20.0)),
        };
        for (x, y) in [(100.0, 1e6), (150.0, 3.3e7), (200.0, 1e10), (123.4, 5.0e8)] {
            let (sx, sy) = p.position_to_svg(Position { x, y });
            let back = p.svg_to_position(sx, sy);
            assert!((back.x - x).abs() < 1e-9 && (back.y / y - 1.0).abs() < 1e-9, "{x} {y}: {back:?}");
        }
        assert_eq!(p.svg_to_position(0.0, 400.0).x, 100.0, "left of the axis reads as its start");
        assert_eq!(p.svg_to_position(2000.0, 400.0).x, 200.0, "right of it as its end");
    }

    #[test]
    fn log_scale_spans_whole_decades() {
        let s = Log::covering(3.0e6, 1.46e9, 400.0, 0.0);
        assert_eq!(s.d0, 1e6);
        assert_eq!(s.d1, 1e10);
        assert_eq!(s.ticks(), vec![1e6, 1e7, 1e8, 1e9, 1e10]);
        assert!((s.map(1e8) - 200.0).abs() < 1e-9);
    }
}
