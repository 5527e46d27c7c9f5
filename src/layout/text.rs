//! A deterministic estimate of text width, used by every layout and by the SVG backend, so
//! chart geometry is the same natively and in the browser (no DOM measuring).

/// Estimated width in pixels of `text` set in a sans-serif face at `size` pixels. It errs
/// wide, so labels placed with it do not collide when the real font is narrower.
pub fn width(text: &str, size: f64) -> f64 {
    text.chars()
        .map(|c| match c {
            'i' | 'l' | 'j' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' | '(' | ')' | ' ' => 0.32,
            'f' | 't' | 'r' | '-' | '/' => 0.42,
            'm' | 'w' => 0.86,
            'M' | 'W' | '@' | '%' => 0.95,
            '0'..='9' | '$' => 0.58,
            c if c.is_ascii_uppercase() => 0.7,
            c if c.is_ascii() => 0.56,
            // CJK and other wide scripts.
            _ => 1.0,
        })
        .sum::<f64>()
        * size
}

/// Line height for text at `size` pixels.
pub fn line_height(size: f64) -> f64 {
    size * 1.2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wider_text_measures_wider() {
        assert!(width("Bybit", 12.0) < width("Harmony Horizon", 12.0));
        assert!(width("iiii", 12.0) < width("MMMM", 12.0));
        assert_eq!(width("", 12.0), 0.0);
        assert!((width("Ronin", 24.0) - 2.0 * width("Ronin", 12.0)).abs() < 1e-9);
    }
}
