//! Text width and line breaking that know Korean and Japanese as well as Latin.
//!
//! Width: for ASCII this is exactly the estimate every chart layout uses
//! ([`crate::layout::text::width`] at a size of 1 em), so a Latin label measures the same
//! here and there. That estimate counts every non-ASCII character as 1 em, which is right
//! for Hangul, kana and kanji (set on a square body) but twice too wide for `é` or `ü`:
//! here accented Latin letters measure as their base letters, so French, German and
//! Italian labels are not wrapped early. Marks that take no room (combining accents,
//! zero-width and bidi controls) measure 0.
//!
//! Breaking: Latin and Korean break at spaces (Korean is written with spaces between
//! words, and its press keeps words whole, CSS's `word-break: keep-all`); Japanese and
//! Chinese break between any two characters, except that no line starts with closing
//! punctuation or a small kana (`。`, `、`, `」`, `）`, `』`, `！`, `？`, `ー`, `っ`, …) and
//! none ends with an opening bracket (`「`, `（`, …): the line-start rule of JIS X 4051
//! (kinsoku shori). Where a break would fall before such a character, the character
//! before it goes down with it (oidashi) so no line runs past its width; only inside a
//! piece wider than a whole line does it hang past the width on the line before.

use crate::layout::text::width as layout_width;
use crate::text::fold_case;

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
fn breaks_anywhere(c: char) -> bool {
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

/// Width of one character in em.
fn char_em(c: char) -> f64 {
    if c.is_ascii() {
        let mut buf = [0u8; 4];
        return layout_width(c.encode_utf8(&mut buf), 1.0);
    }
    let n = c as u32;
    match n {
        // Combining accents, zero-width spaces and joiners, bidi controls, variation
        // selectors, the byte-order mark: no advance of their own.
        0x0300..=0x036F | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x2064 | 0xFE00..=0xFE0F | 0xFEFF => {
            0.0
        }
        0x00A0 => layout_width(" ", 1.0),
        0x202F | 0x2009 => 0.2,
        0x2013 => layout_width("-", 1.0) + 0.14,
        0x2018 | 0x2019 => layout_width("'", 1.0),
        0x201C | 0x201D | 0x00AB | 0x00BB => layout_width("-", 1.0),
        0x00E6 | 0x0153 => layout_width("m", 1.0),
        0x00C6 | 0x0152 => layout_width("M", 1.0),
        // ì í î ï ı: as narrow as i.
        0x00EC..=0x00EF | 0x0131 => layout_width("i", 1.0),
        // Latin-1 and Latin Extended-A/B letters: as their base letter, capital or small
        // by the crate's own case rule (no Unicode tables in the wasm).
        0x00C0..=0x024F if n != 0xD7 && n != 0xF7 => {
            let folded = fold_case(c.encode_utf8(&mut [0u8; 4]));
            if !folded.starts_with(c) {
                layout_width("A", 1.0)
            } else {
                layout_width("a", 1.0)
            }
        }
        // Hangul, kana, kanji and everything else: a full em (the layout estimate's
        // rule, which errs wide for scripts it does not know).
        _ => 1.0,
    }
}

/// Estimated width of `text` in em (multiply by the font size in pixels): ASCII exactly
/// as [`crate::layout::text::width`], accented Latin as its base letters, Hangul, kana and
/// kanji 1 em each.
pub fn width_em(text: &str) -> f64 {
    text.chars().map(char_em).sum()
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
pub fn wrap(text: &str, max_em: f64) -> Vec<String> {
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
        if width_em(joined.trim_end_matches(' ')) <= max_em {
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
        line = if width_em(piece.trim_end_matches(' ')) > max_em {
            split_overlong(&piece, max_em, &mut lines)
        } else {
            piece
        };
    }
    lines.push(line);
    lines
}
