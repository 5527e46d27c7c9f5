//! Text helpers without the Unicode tables (which the standard library's case mapping
//! brings into the WebAssembly at about 20 KB): case folding by rule for the scripts the
//! data's names are written in.

/// Text with its letters' case folded, for matching and ordering without regard to case:
/// Latin (ASCII, Latin-1 and Latin Extended-A), Greek and Cyrillic capitals become small
/// letters; other scripts have no case, or keep it. A few arithmetic rules instead of the
/// Unicode tables, which were about 2% of the WebAssembly for the same names.
pub fn fold_case(s: &str) -> String {
    s.chars()
        .map(|c| {
            let n = c as u32;
            let lower = match n {
                0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE | 0x391..=0x3A1 | 0x3A3..=0x3AB | 0x410..=0x42F => {
                    n + 32
                }
                0x400..=0x40F => n + 80,
                // Latin Extended-A pairs capital and small letters, capital first (the
                // pairs shift by one place after U+0138 and stop at U+017F).
                0x100..=0x137 | 0x14A..=0x177 if n.is_multiple_of(2) => n + 1,
                0x139..=0x148 | 0x179..=0x17E if !n.is_multiple_of(2) => n + 1,
                // The capitals outside those runs.
                0x130 => 0x69,
                0x178 => 0xFF,
                0x386 => 0x3AC,
                0x388..=0x38A => n + 37,
                0x38C => 0x3CC,
                0x38E | 0x38F => n + 63,
                _ => n,
            };
            char::from_u32(lower).unwrap_or(c)
        })
        .collect()
}

/// A sentence with its first letter a capital (an ASCII or Latin-1 small letter; any other
/// first character as it is).
pub(crate) fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    let Some(first) = chars.next() else { return String::new() };
    let upper = match first {
        'a'..='z' => first.to_ascii_uppercase(),
        '\u{e0}'..='\u{fe}' if first != '\u{f7}' => char::from_u32(first as u32 - 32).unwrap_or(first),
        _ => first,
    };
    let mut out = String::with_capacity(s.len());
    out.push(upper);
    out.push_str(chars.as_str());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sentence_starts_with_a_capital() {
        assert_eq!(capitalised("chainalysis said"), "Chainalysis said");
        assert_eq!(capitalised("élan"), "Élan");
        assert_eq!(capitalised("÷ x"), "÷ x");
        assert_eq!(capitalised("업비트"), "업비트");
        assert_eq!(capitalised(""), "");
    }
}
