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
pub(crate) fn line_height(size: f64) -> f64 {
    size * 1.2
}

/// How much wider a bold face sets than the regular one: bold text is measured at this
/// multiple of its size, so a bold label's box still holds it.
pub(crate) const BOLD: f64 = 1.2;

/// True when every space-separated word of `text` fits within `max_width`, so that
/// [`wrap`] can set it without breaking inside a word.
pub(crate) fn words_fit(text: &str, size: f64, max_width: f64) -> bool {
    text.split(' ').all(|word| width(word, size) <= max_width)
}

/// Breaks `text` into lines of at most `max_width` pixels at spaces; a word wider than a
/// whole line is broken between characters (the only way such a word can be shown in
/// full). Only the spaces broken at are dropped, so no character of a name is lost.
/// Always at least one line (empty for empty text).
pub fn wrap(text: &str, size: f64, max_width: f64) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        let joined = if line.is_empty() { word.to_string() } else { format!("{line} {word}") };
        if width(&joined, size) <= max_width {
            line = joined;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        for c in word.chars() {
            line.push(c);
            if width(&line, size) > max_width && line.chars().count() > 1 {
                line.pop();
                // Prefer breaking after a slash, dash, arrow or comma inside the word.
                let cut = line
                    .char_indices()
                    .filter(|&(_, b)| matches!(b, '/' | '-' | '→' | ',' | ')'))
                    .map(|(k, b)| k + b.len_utf8())
                    .rfind(|&k| k < line.len())
                    .unwrap_or(line.len());
                let rest = format!("{}{c}", &line[cut..]);
                line.truncate(cut);
                lines.push(std::mem::replace(&mut line, rest));
            }
        }
    }
    lines.push(line);
    lines
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

    #[test]
    fn wrapping_breaks_at_spaces_and_keeps_every_character() {
        let name = "ChipMixer, then Blender and Sinbad";
        let lines = wrap(name, 10.0, 80.0);
        assert!(lines.len() > 1, "{lines:?}");
        assert!(lines.iter().all(|l| width(l, 10.0) <= 80.0), "{lines:?}");
        assert_eq!(lines.join(" "), name);
        assert_eq!(wrap("Ronin", 10.0, 80.0), vec!["Ronin"]);
        assert_eq!(wrap("", 10.0, 80.0), vec![""]);
    }

    #[test]
    fn a_word_longer_than_a_line_is_broken_between_characters() {
        let word = "x".repeat(200);
        let lines = wrap(&word, 10.0, 60.0);
        assert!(lines.len() > 1 && lines.iter().all(|l| width(l, 10.0) <= 60.0));
        assert_eq!(lines.concat(), word);
        assert!(!words_fit(&word, 10.0, 60.0));
        assert!(words_fit("Held btc", 10.0, 60.0));
        let swaps = wrap("(MATIC→USDT/USDC),", 10.0, 60.0);
        assert_eq!(swaps.concat(), "(MATIC→USDT/USDC),");
        assert!(swaps[0].ends_with('→') || swaps[0].ends_with('/'), "{swaps:?}");
    }
}
