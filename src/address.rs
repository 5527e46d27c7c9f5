//! Web addresses as the dataset holds them: what makes one unfit to link to (a user name
//! before the host, invisible or direction-changing characters, a backslash), and its host
//! as a browser shows it, with look-alike Unicode labels in their ASCII (punycode) form.
//! Pure text work, the same natively and in the browser.

/// Characters that change how text around them is ordered or that show nothing at all:
/// inside an address they make it read differently from where it leads (a right-to-left
/// override in a host reverses its letters; a zero-width space hides in a look-alike).
pub(crate) fn is_invisible_or_bidi(c: char) -> bool {
    matches!(
        c,
        '\u{00ad}'
            | '\u{034f}'
            | '\u{061c}'
            | '\u{115f}'
            | '\u{1160}'
            | '\u{17b4}'
            | '\u{17b5}'
            | '\u{180e}'
            | '\u{200b}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{3164}'
            | '\u{feff}'
            | '\u{ffa0}'
    )
}

/// `U+202E`, for naming a character in a message.
fn code_point(c: char) -> String {
    format!("U+{:04X}", u32::from(c))
}

/// The part of an http(s) address between `//` and the path: `user@host:port`.
fn authority(url: &str) -> Option<&str> {
    let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://"))?;
    Some(&rest[..rest.find(['/', '?', '#']).unwrap_or(rest.len())])
}

/// Why `url` is not fit to link to, or `None`. It must be an http(s) address with a host
/// and nothing that would make it read differently from where it leads.
pub fn problem(url: &str) -> Option<String> {
    let shown = clip(url);
    let Some(authority) = authority(url) else {
        return Some(format!("\"{shown}\" is not an http(s) link"));
    };
    if let Some(c) = url.chars().find(|c| c.is_whitespace() || c.is_control()) {
        return Some(format!(
            "\"{shown}\" holds a space or control character ({}); an address has none",
            code_point(c)
        ));
    }
    if let Some(c) = url.chars().find(|c| is_invisible_or_bidi(*c)) {
        return Some(format!(
            "\"{shown}\" holds an invisible or direction-changing character ({}), which makes the address read differently from where it leads",
            code_point(c)
        ));
    }
    if url.contains('\\') {
        return Some(format!("\"{shown}\" holds a backslash, which browsers read as a slash"));
    }
    if authority.contains('@') {
        return Some(format!(
            "\"{shown}\" has a user name before its host (user@host), which hides the host it leads to; give the plain address"
        ));
    }
    if host_of(authority).is_empty() {
        return Some(format!("\"{shown}\" has no host"));
    }
    None
}

/// An authority's host as written and what follows it (`user@host:8080` → `host`, `:8080`).
fn split_authority(authority: &str) -> (&str, &str) {
    let after_user = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let end = if after_user.starts_with('[') {
        // An IPv6 literal keeps its colons.
        after_user.find(']').map_or(after_user.len(), |k| k + 1)
    } else {
        after_user.find(':').unwrap_or(after_user.len())
    };
    after_user.split_at(end)
}

/// The host of an authority, lowercased as browsers show it.
fn host_of(authority: &str) -> String {
    crate::text::fold_case(split_authority(authority).0)
}

/// A host as the address bar shows it: each label that is plain ASCII, or Latin letters
/// with accents (`münchen`), as written; any other Unicode label (a Cyrillic `і` among
/// Latin letters, a whole label of Cyrillic look-alikes such as `аррle`) in its ASCII
/// form, `xn--` and its punycode (RFC 3492), which is where the browser goes.
pub fn display_host(host: &str) -> String {
    crate::text::fold_case(host)
        .split(['.', '\u{3002}', '\u{ff0e}', '\u{ff61}'])
        .map(|label| {
            if label.is_ascii() || label.chars().all(is_plain_latin) {
                label.to_string()
            } else {
                punycode(label).map_or_else(|| label.to_string(), |p| format!("xn--{p}"))
            }
        })
        .collect::<Vec<_>>()
        .join(".")
}

/// An http(s) address with its host as [`display_host`] shows it and any user name
/// before the host dropped (the host is where the link leads). Other text is returned as is.
pub fn display_url(url: &str) -> String {
    let Some(authority) = authority(url) else { return url.to_string() };
    let scheme = if url.starts_with("https://") { "https://" } else { "http://" };
    let (host, port) = split_authority(authority);
    format!("{scheme}{}{port}{}", display_host(host), &url[scheme.len() + authority.len()..])
}

/// ASCII letters and digits, and the accented Latin letters of Latin-1 and Latin
/// Extended-A (not the dotless `ı`, `ĸ` or the long `ſ`, which pass for other letters).
fn is_plain_latin(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || c == '-'
        || (('\u{00e0}'..='\u{017e}').contains(&c) && !matches!(c, '\u{00f7}' | '\u{0131}' | '\u{0138}'))
}

/// At most 120 characters of an address echoed in a message.
fn clip(s: &str) -> String {
    if s.chars().count() <= 120 {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(120).collect::<String>())
    }
}

/// Punycode (RFC 3492 §6.3) of one label, without the `xn--` prefix; `None` if it would
/// overflow (a label far longer than any host allows).
pub(crate) fn punycode(label: &str) -> Option<String> {
    const BASE: u32 = 36;
    const T_MIN: u32 = 1;
    const T_MAX: u32 = 26;
    let input: Vec<u32> = label.chars().map(u32::from).collect();
    let mut out: String = label.chars().filter(char::is_ascii).collect();
    let basic = out.len() as u32;
    if basic > 0 {
        out.push('-');
    }
    let digit = |d: u32| char::from(if d < 26 { b'a' + d as u8 } else { b'0' + (d - 26) as u8 });
    let (mut n, mut delta, mut bias, mut handled) = (128u32, 0u32, 72u32, basic);
    while (handled as usize) < input.len() {
        let m = input.iter().copied().filter(|&c| c >= n).min()?;
        delta = delta.checked_add((m - n).checked_mul(handled + 1)?)?;
        n = m;
        for &c in &input {
            if c < n {
                delta = delta.checked_add(1)?;
            }
            if c == n {
                let mut q = delta;
                let mut k = BASE;
                loop {
                    let t = k.saturating_sub(bias).clamp(T_MIN, T_MAX);
                    if q < t {
                        break;
                    }
                    out.push(digit(t + (q - t) % (BASE - t)));
                    q = (q - t) / (BASE - t);
                    k += BASE;
                }
                out.push(digit(q));
                bias = adapt(delta, handled + 1, handled == basic);
                delta = 0;
                handled += 1;
            }
        }
        delta = delta.checked_add(1)?;
        n = n.checked_add(1)?;
    }
    Some(out)
}

/// The bias adaptation of RFC 3492 §6.1.
fn adapt(delta: u32, points: u32, first: bool) -> u32 {
    let mut delta = if first { delta / 700 } else { delta / 2 };
    delta += delta / points;
    let mut k = 0;
    while delta > ((36 - 1) * 26) / 2 {
        delta /= 36 - 1;
        k += 36;
    }
    k + (36 * delta) / (delta + 38)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn punycode_matches_the_rfc_and_python_s_codec() {
        // Checked against Python's `str.encode("punycode")`.
        for (label, code) in [
            ("münchen", "mnchen-3ya"),
            ("bücher", "bcher-kva"),
            ("bybіt", "bybt-n9d"),
            ("аррle", "le-6kc8da"),
            ("ü", "tda"),
        ] {
            assert_eq!(punycode(label).as_deref(), Some(code), "{label}");
        }
    }
}
