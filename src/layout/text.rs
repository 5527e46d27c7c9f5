//! A deterministic estimate of text width, used by every layout, by the SVG backend and by
//! the locales' line breaking, so chart geometry is the same natively and in the browser
//! (no DOM measuring), and a line breaker that wraps Latin and Korean at spaces and Japanese
//! between characters (never starting a line with closing punctuation).

use crate::text::fold_case;

/// Estimated width in pixels of `text` set in a sans-serif face at `size` pixels: the one
/// estimate every chart layout, every label test and every locale's line breaking use. It
/// errs wide, so labels placed with it do not collide when the real font is narrower.
/// ASCII by the table below; accented Latin letters as their base letters (French, German
/// and Italian are not wrapped early); Hangul, kana and kanji, set on a square body, 1 em
/// each, as is anything else it does not know; marks that take no room (combining accents,
/// zero-width and bidi controls) nothing.
pub fn width(text: &str, size: f64) -> f64 {
    em_width(text) * size
}

/// Width of `text` in em.
fn em_width(text: &str) -> f64 {
    text.chars().map(char_em).sum()
}

/// Width of an ASCII character in em.
fn ascii_em(c: char) -> f64 {
    match c {
        'i' | 'l' | 'j' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' | '(' | ')' | ' ' => 0.32,
        'f' | 't' | 'r' | '-' | '/' => 0.42,
        'm' | 'w' => 0.86,
        'M' | 'W' | '@' | '%' => 0.95,
        '0'..='9' | '$' => 0.58,
        c if c.is_ascii_uppercase() => 0.7,
        _ => 0.56,
    }
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
    // Japanese and Chinese have no spaces to break at: they break between characters,
    // never before closing punctuation ([`wrap_em`]).
    if text.chars().any(breaks_anywhere) && size > 0.0 {
        return wrap_em(text, max_width / size);
    }
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

// Line breaking that knows Korean and Japanese as well as Latin (issue 17; see
// `crate::locale::text` for the rules and where they come from).

/// True for characters set on a full square body: Hangul, kana, CJK ideographs and
/// punctuation, full-width forms.
pub(crate) fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115F
        | 0x2E80..=0x303E
        | 0x3041..=0x33FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF
        | 0xA960..=0xA97F
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE10..=0xFE19
        | 0xFE30..=0xFE6F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x20000..=0x3FFFD)
}

/// True for Hangul, which breaks at spaces like Latin.
fn is_hangul(c: char) -> bool {
    matches!(c as u32, 0x1100..=0x11FF | 0x3130..=0x318F | 0xA960..=0xA97F | 0xAC00..=0xD7AF)
}

/// True where a line may break before or after the character without a space: Japanese
/// and Chinese script and punctuation.
pub(crate) fn breaks_anywhere(c: char) -> bool {
    is_wide(c) && !is_hangul(c)
}

/// Characters no line may start with: closing brackets and quotes, stops and commas,
/// `！`/`？`, the prolonged sound mark, iteration marks and small kana.
pub fn is_no_start(c: char) -> bool {
    matches!(
        c,
        '。' | '、'
            | '，'
            | '．'
            | '・'
            | '：'
            | '；'
            | '！'
            | '？'
            | '）'
            | '」'
            | '』'
            | '】'
            | '〕'
            | '〉'
            | '》'
            | '〗'
            | '〙'
            | '｝'
            | '］'
            | '〟'
            | '’'
            | '”'
            | 'ー'
            | '々'
            | 'ゝ'
            | 'ゞ'
            | 'ヽ'
            | 'ヾ'
            | 'ぁ'
            | 'ぃ'
            | 'ぅ'
            | 'ぇ'
            | 'ぉ'
            | 'っ'
            | 'ゃ'
            | 'ゅ'
            | 'ょ'
            | 'ゎ'
            | 'ァ'
            | 'ィ'
            | 'ゥ'
            | 'ェ'
            | 'ォ'
            | 'ッ'
            | 'ャ'
            | 'ュ'
            | 'ョ'
            | 'ヮ'
            | 'ヵ'
            | 'ヶ'
            | ')'
            | ']'
            | '}'
            | ','
            | '.'
            | '!'
            | '?'
            | ':'
            | ';'
            | '%'
    )
}

/// Characters no line may end with: opening brackets and quotes.
pub(crate) fn is_no_end(c: char) -> bool {
    matches!(
        c,
        '「' | '『'
            | '（'
            | '【'
            | '〔'
            | '〈'
            | '《'
            | '〖'
            | '〘'
            | '｛'
            | '［'
            | '〝'
            | '‘'
            | '“'
            | '('
            | '['
            | '{'
    )
}

/// Width of one character in em: the estimate every chart layout and every locale's line
/// breaking uses (see [`width`]).
pub(crate) fn char_em(c: char) -> f64 {
    if c.is_ascii() {
        return ascii_em(c);
    }
    let n = c as u32;
    match n {
        // Combining accents, zero-width spaces and joiners, bidi controls, variation
        // selectors, the byte-order mark: no advance of their own.
        0x0300..=0x036F | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x2064 | 0xFE00..=0xFE0F | 0xFEFF => {
            0.0
        }
        0x00A0 => ascii_em(' '),
        0x202F | 0x2009 => 0.2,
        0x2013 => ascii_em('-') + 0.14,
        0x2018 | 0x2019 => ascii_em('\''),
        0x201C | 0x201D | 0x00AB | 0x00BB => ascii_em('-'),
        0x00E6 | 0x0153 => ascii_em('m'),
        0x00C6 | 0x0152 => ascii_em('M'),
        // ì í î ï ı: as narrow as i.
        0x00EC..=0x00EF | 0x0131 => ascii_em('i'),
        // Latin-1 and Latin Extended-A/B letters: as their base letter, capital or small
        // by the crate's own case rule (no Unicode tables in the wasm).
        0x00C0..=0x024F if n != 0xD7 && n != 0xF7 => {
            let folded = fold_case(c.encode_utf8(&mut [0u8; 4]));
            if !folded.starts_with(c) {
                ascii_em('A')
            } else {
                ascii_em('a')
            }
        }
        // Hangul, kana, kanji and everything else: a full em (the layout estimate's
        // rule, which errs wide for scripts it does not know).
        _ => 1.0,
    }
}

/// True where a line may break between `prev` and `next` with nothing dropped but the
/// spaces before the break.
fn may_break(prev: char, next: char) -> bool {
    if next == ' ' || is_no_start(next) {
        return false;
    }
    if prev == ' ' {
        return true;
    }
    !is_no_end(prev) && (breaks_anywhere(prev) || breaks_anywhere(next))
}

/// Splits a piece wider than a whole line between characters (the only way to show it in
/// full), never before a character that may not start a line or before a space.
fn split_overlong(piece: &str, max_em: f64, lines: &mut Vec<String>) -> String {
    let mut line = String::new();
    let mut w = 0.0;
    for c in piece.chars() {
        let cw = char_em(c);
        if !line.is_empty() && w + cw > max_em && c != ' ' && !is_no_start(c) {
            lines.push(std::mem::take(&mut line));
            w = 0.0;
        }
        line.push(c);
        w += cw;
    }
    line
}

/// Breaks `text` into lines of at most `max_em` em where it can (see the module docs for
/// where it may break). Only spaces at a break are dropped: every other character stays,
/// in order. A character that may not start a line takes the one before it to the next
/// line; a piece with no break inside it wider than a line is split between characters.
/// Always at least one line (empty for empty text).
pub fn wrap_em(text: &str, max_em: f64) -> Vec<String> {
    // Pieces between break opportunities.
    let mut pieces: Vec<String> = Vec::new();
    let mut prev: Option<char> = None;
    for c in text.chars() {
        match (prev, pieces.last_mut()) {
            (Some(p), Some(last)) if !may_break(p, c) => last.push(c),
            _ => pieces.push(c.to_string()),
        }
        prev = Some(c);
    }
    let mut lines = Vec::new();
    let mut line = String::new();
    for piece in pieces {
        let joined = format!("{line}{piece}");
        if em_width(joined.trim_end_matches(' ')) <= max_em {
            line = joined;
            continue;
        }
        // The line so far ends here, without the spaces before the break (a line of
        // nothing but spaces is dropped whole).
        let kept = line.trim_end_matches(' ').len();
        line.truncate(kept);
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        line = if em_width(piece.trim_end_matches(' ')) > max_em {
            split_overlong(&piece, max_em, &mut lines)
        } else {
            piece
        };
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
