//! JSON without generics: a reader that walks a text once, knows where it is (the JSON path
//! of the value being read, for every message), and a writer for the few documents the page
//! writes itself. serde's derived readers were a fifth of the WebAssembly (a copy of each
//! type's reader per input type, and its error machinery); these are one copy in all.

use std::borrow::Cow;
use std::fmt::Write as _;

mod number;

pub use number::parse_f64;

/// Why a text could not be read, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    /// The JSON path of the value (`incidents[3].usd`), empty for the whole document.
    pub path: String,
    /// What is wrong, in serde's words where serde had words for it.
    pub message: String,
    /// True when the text is not JSON at all (rather than JSON of the wrong shape).
    pub(crate) syntax: bool,
}

/// One step of a JSON path.
#[derive(Debug, Clone)]
enum Step<'a> {
    Key(Cow<'a, str>),
    Index(usize),
}

/// A pull reader over JSON text. Besides what it reads, it notes what in the text itself is
/// at fault though the text is JSON ([`Reader::literals`]): a key given twice in one object
/// (JSON readers differ on which one counts) and a number too small for a float (which
/// would read as 0 without a word, and 0 is an amount).
pub struct Reader<'a> {
    text: &'a str,
    pos: usize,
    path: Vec<Step<'a>>,
    literals: Literals,
}

/// Most faults of the text itself named before the rest are only counted.
const MAX_LITERALS: usize = 20;

/// The faults of the text itself found so far.
#[derive(Default)]
struct Literals {
    named: Vec<Error>,
    found: usize,
    /// Where the last one was: a value read again after a failed attempt is not counted twice.
    last_at: Option<usize>,
}

impl<'a> Reader<'a> {
    /// A reader at the start of `text`.
    pub fn new(text: &'a str) -> Reader<'a> {
        Reader { text, pos: 0, path: Vec::new(), literals: Literals::default() }
    }

    /// A reader of `text`, the value found under `key` of a larger document (paths in its
    /// messages start there).
    pub fn within(text: &'a str, key: &str) -> Reader<'a> {
        Reader {
            text,
            pos: 0,
            path: vec![Step::Key(Cow::Owned(key.to_string()))],
            literals: Literals::default(),
        }
    }

    /// The JSON path of the value being read.
    pub fn path(&self) -> String {
        path_of(&self.path)
    }

    /// Notes a fault of the text itself at the value being read (once, however often the
    /// value is read).
    fn literal(&mut self, message: String) {
        if self.literals.last_at.is_some_and(|at| at >= self.pos) {
            return;
        }
        self.literals.last_at = Some(self.pos);
        self.literals.found += 1;
        if self.literals.named.len() < MAX_LITERALS {
            let path = self.path();
            let path = if path.is_empty() { "file".to_string() } else { path };
            self.literals.named.push(Error { path, message, syntax: false });
        }
    }

    /// Every key given twice and every number too small for a float found so far, each
    /// named by its path (the first `MAX_LITERALS`, then a count of the rest).
    pub fn literals(&mut self) -> Vec<Error> {
        let literals = std::mem::take(&mut self.literals);
        let mut out = literals.named;
        if literals.found > out.len() {
            let rest = literals.found - out.len();
            out.push(Error {
                path: "file".to_string(),
                message: format!("and {rest} more like these"),
                syntax: false,
            });
        }
        out
    }

    /// An error about the value being read.
    pub fn error(&self, message: impl Into<String>) -> Error {
        Error { path: self.path(), message: message.into(), syntax: false }
    }

    /// An error about the object being read (a field missing or unknown): the path without
    /// its last key.
    pub(crate) fn object_error(&self, message: impl Into<String>) -> Error {
        let mut e = self.error(message);
        if matches!(self.path.last(), Some(Step::Key(_))) {
            let key = self.path.len() - 1;
            e.path = path_of(&self.path[..key]);
        }
        e
    }

    fn syntax(&self, message: &str) -> Error {
        // Back to the start of the character the reader stopped in (a bad escape such as
        // `\এ` leaves it inside one): slicing there would panic.
        let mut end = self.pos.min(self.text.len());
        while !self.text.is_char_boundary(end) {
            end -= 1;
        }
        let before = &self.text[..end];
        let line = before.matches('\n').count() + 1;
        let column = before.len() - before.rfind('\n').map_or(0, |k| k + 1) + 1;
        Error {
            path: self.path(),
            message: format!("{message} at line {line} column {column}"),
            syntax: true,
        }
    }

    fn peek(&mut self) -> Option<u8> {
        while let Some(b) = self.text.as_bytes().get(self.pos) {
            if !matches!(b, b' ' | b'\n' | b'\r' | b'\t') {
                return Some(*b);
            }
            self.pos += 1;
        }
        None
    }

    /// Reads the punctuation `b` (`,`, `:`, `[` or `]`) ahead, past any whitespace: how a reader
    /// of a positional form of its own ([`crate::load::compact`]) steps between values.
    pub(crate) fn eat(&mut self, b: u8) -> Result<(), Error> {
        match self.peek() {
            Some(c) if c == b => {
                self.pos += 1;
                Ok(())
            }
            // The message is written only when it is needed: the compact reader steps over a
            // comma per value, and a string made for each was a third of reading the site's data.
            Some(_) => Err(self.syntax(&format!("expected `{}`", b as char))),
            None => Err(self.syntax("EOF while parsing a value")),
        }
    }

    /// How many bytes of the text are left to read.
    pub(crate) fn remaining(&self) -> usize {
        self.text.len().saturating_sub(self.pos)
    }

    /// The value ahead is `null`; it is read.
    pub(crate) fn null(&mut self) -> bool {
        if self.peek() == Some(b'n') && self.text[self.pos..].starts_with("null") {
            self.pos += 4;
            return true;
        }
        false
    }

    /// The whole text was read: nothing but whitespace follows.
    pub fn end(&mut self) -> Result<(), Error> {
        match self.peek() {
            None => Ok(()),
            Some(_) => Err(self.syntax("trailing characters")),
        }
    }

    /// What the value ahead is, in serde's words, for a message about the wrong type; the
    /// value is skipped.
    fn found(&mut self) -> Result<String, Error> {
        let start = self.pos;
        let kind = self.peek();
        self.skip()?;
        let raw = self.text[start..self.pos].trim();
        Ok(match kind {
            Some(b'"') => format!("string {raw}"),
            Some(b'{') => "map".to_string(),
            Some(b'[') => "sequence".to_string(),
            Some(b't' | b'f') => format!("boolean `{raw}`"),
            Some(b'n') => "null".to_string(),
            _ if raw.contains(['.', 'e', 'E']) => format!("floating point `{raw}`"),
            _ => format!("integer `{raw}`"),
        })
    }

    /// A wrong type: skips the value and says what it was instead of `expected`.
    pub fn wrong(&mut self, expected: &str) -> Error {
        match self.found() {
            Ok(found) => self.error(format!("invalid type: {found}, expected {expected}")),
            Err(e) => e,
        }
    }

    /// Reads an object, calling `field` with each key (the reader then at its value, which
    /// `field` must read or skip). `expected` names the type in a message.
    pub fn object(
        &mut self,
        expected: &str,
        field: &mut dyn FnMut(&mut Reader<'a>, &str) -> Result<(), Error>,
    ) -> Result<(), Error> {
        if self.peek() != Some(b'{') {
            return Err(self.wrong(expected));
        }
        self.pos += 1;
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(());
        }
        loop {
            if self.peek() != Some(b'"') {
                return Err(self.syntax("key must be a string"));
            }
            let key = self.raw_string()?;
            self.eat(b':')?;
            self.path.push(Step::Key(key.clone()));
            let read = field(self, &key);
            self.path.pop();
            read?;
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(());
                }
                Some(_) => return Err(self.syntax("expected `,` or `}`")),
                None => return Err(self.syntax("EOF while parsing an object")),
            }
        }
    }

    /// Reads an array, calling `item` with each index (the reader then at the item).
    pub fn array(
        &mut self,
        expected: &str,
        item: &mut dyn FnMut(&mut Reader<'a>, usize) -> Result<(), Error>,
    ) -> Result<(), Error> {
        if self.peek() != Some(b'[') {
            return Err(self.wrong(expected));
        }
        self.pos += 1;
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(());
        }
        let mut k = 0;
        loop {
            self.path.push(Step::Index(k));
            let read = item(self, k);
            self.path.pop();
            read?;
            k += 1;
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(());
                }
                Some(_) => return Err(self.syntax("expected `,` or `]`")),
                None => return Err(self.syntax("EOF while parsing a list")),
            }
        }
    }

    /// Reads a value with `read`. A value that does not fit is skipped (the reader is then
    /// past it) and its error returned inside; a text that is not JSON is the outer error.
    pub(crate) fn attempt<T>(
        &mut self,
        read: impl FnOnce(&mut Reader<'a>) -> Result<T, Error>,
    ) -> Result<Result<T, Error>, Error> {
        self.peek();
        let (start, depth) = (self.pos, self.path.len());
        match read(self) {
            Ok(v) => Ok(Ok(v)),
            Err(e) if e.syntax => Err(e),
            Err(e) => {
                self.pos = start;
                self.path.truncate(depth);
                self.skip()?;
                Ok(Err(e))
            }
        }
    }

    /// Where the reader is in its text (past any whitespace).
    pub fn position(&mut self) -> usize {
        self.peek();
        self.pos
    }

    /// The text from `start` (a [`Reader::position`]) to where the reader is.
    pub(crate) fn text_between(&self, start: usize) -> &'a str {
        &self.text[start.min(self.pos)..self.pos]
    }

    /// The text of the value ahead (checked to be JSON), which is skipped.
    pub fn span(&mut self) -> Result<&'a str, Error> {
        self.peek();
        let start = self.pos;
        self.skip()?;
        Ok(&self.text[start..self.pos])
    }

    /// Skips the value ahead, checking that it is JSON (numbers included: one no `f64` can
    /// hold is out of range).
    pub fn skip(&mut self) -> Result<(), Error> {
        match self.peek() {
            Some(b'{') => self.object("a value", &mut |r, _| r.skip()),
            Some(b'[') => self.array("a value", &mut |r, _| r.skip()),
            Some(b'"') => self.raw_string().map(drop),
            Some(b't') | Some(b'f') | Some(b'n') => {
                let word =
                    ["true", "false", "null"].into_iter().find(|w| self.text[self.pos..].starts_with(w));
                match word {
                    Some(w) => {
                        self.pos += w.len();
                        Ok(())
                    }
                    None => Err(self.syntax("expected ident")),
                }
            }
            Some(_) => self.number().map(drop),
            None => Err(self.syntax("EOF while parsing a value")),
        }
    }

    /// A string, escapes decoded.
    pub fn string(&mut self) -> Result<String, Error> {
        if self.peek() != Some(b'"') {
            return Err(self.wrong("a string"));
        }
        self.raw_string().map(Cow::into_owned)
    }

    /// A string at the reader (past its opening quote): the text itself when it has no
    /// escapes (no copy), else decoded.
    fn raw_string(&mut self) -> Result<Cow<'a, str>, Error> {
        self.pos += 1;
        let bytes = self.text.as_bytes();
        let start = self.pos;
        while let Some(b) = bytes.get(self.pos) {
            match b {
                b'"' => {
                    self.pos += 1;
                    return Ok(Cow::Borrowed(&self.text[start..self.pos - 1]));
                }
                b'\\' => break,
                b if *b < 0x20 => break,
                _ => self.pos += 1,
            }
        }
        let mut out = String::new();
        let mut run = start;
        loop {
            match bytes.get(self.pos) {
                None => return Err(self.syntax("EOF while parsing a string")),
                Some(b'"') => {
                    out.push_str(&self.text[run..self.pos]);
                    self.pos += 1;
                    return Ok(Cow::Owned(out));
                }
                Some(b'\\') => {
                    out.push_str(&self.text[run..self.pos]);
                    self.pos += 1;
                    self.escape(&mut out)?;
                    run = self.pos;
                }
                Some(b) if *b < 0x20 => {
                    return Err(
                        self.syntax("control character (\\u0000-\\u001F) found while parsing a string")
                    )
                }
                Some(_) => self.pos += 1,
            }
        }
    }

    fn escape(&mut self, out: &mut String) -> Result<(), Error> {
        let c = self.text.as_bytes().get(self.pos).copied();
        self.pos += 1;
        match c {
            Some(b'"') => out.push('"'),
            Some(b'\\') => out.push('\\'),
            Some(b'/') => out.push('/'),
            Some(b'b') => out.push('\u{8}'),
            Some(b'f') => out.push('\u{c}'),
            Some(b'n') => out.push('\n'),
            Some(b'r') => out.push('\r'),
            Some(b't') => out.push('\t'),
            Some(b'u') => {
                let first = self.hex4()?;
                let code = if (0xD800..0xDC00).contains(&first) {
                    // A surrogate pair: the second half follows as `\uXXXX`.
                    if !self.text[self.pos..].starts_with("\\u") {
                        return Err(self.syntax("unexpected end of hex escape"));
                    }
                    self.pos += 2;
                    let second = self.hex4()?;
                    if !(0xDC00..0xE000).contains(&second) {
                        return Err(self.syntax("lone leading surrogate in hex escape"));
                    }
                    0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                } else {
                    first
                };
                out.push(
                    char::from_u32(code)
                        .ok_or_else(|| self.syntax("lone leading surrogate in hex escape"))?,
                );
            }
            _ => return Err(self.syntax("invalid escape")),
        }
        Ok(())
    }

    fn hex4(&mut self) -> Result<u32, Error> {
        let digits =
            self.text.get(self.pos..self.pos + 4).ok_or_else(|| self.syntax("EOF while parsing a string"))?;
        let value = u32::from_str_radix(digits, 16).map_err(|_| self.syntax("invalid escape"))?;
        if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(self.syntax("invalid escape"));
        }
        self.pos += 4;
        Ok(value)
    }

    /// The text of a number, checked to be JSON's grammar and to fit an `f64`.
    fn number(&mut self) -> Result<(&'a str, f64), Error> {
        let bytes = self.text.as_bytes();
        let start = self.pos;
        let digits = |r: &mut Reader| {
            let from = r.pos;
            while bytes.get(r.pos).is_some_and(u8::is_ascii_digit) {
                r.pos += 1;
            }
            r.pos > from
        };
        if bytes.get(self.pos) == Some(&b'-') {
            self.pos += 1;
        }
        let first = self.pos;
        if !digits(self) {
            return Err(self.syntax("expected value"));
        }
        if bytes[first] == b'0' && self.pos > first + 1 {
            // A leading zero: the number ends at it, and a digit follows.
            self.pos = first + 1;
            return Err(self.syntax("invalid number"));
        }
        if bytes.get(self.pos) == Some(&b'.') {
            self.pos += 1;
            if !digits(self) {
                return Err(self.syntax("invalid number"));
            }
        }
        if matches!(bytes.get(self.pos), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(bytes.get(self.pos), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if !digits(self) {
                return Err(self.syntax("invalid number"));
            }
        }
        let raw = &self.text[start..self.pos];
        match parse_f64(raw) {
            Some(v) => {
                let mantissa = raw.split(['e', 'E']).next().unwrap_or_default();
                if v == 0.0 && mantissa.bytes().any(|b| matches!(b, b'1'..=b'9')) {
                    self.literal(format!(
                        "{} is too small for a number here and would read as 0; write 0, or the amount in dollars",
                        clip(raw)
                    ));
                }
                Ok((raw, v))
            }
            None => Err(self.syntax("number out of range")),
        }
    }

    /// A number, as an `f64`.
    pub fn f64(&mut self) -> Result<f64, Error> {
        match self.peek() {
            Some(b'-' | b'0'..=b'9') => self.number().map(|(_, v)| v),
            _ => Err(self.wrong("f64")),
        }
    }

    /// A whole number from `min` to `max`; `ty` names the type in a message (`u8`).
    pub fn integer(&mut self, min: i64, max: i64, ty: &str) -> Result<i64, Error> {
        if !matches!(self.peek(), Some(b'-' | b'0'..=b'9')) {
            return Err(self.wrong(ty));
        }
        let (raw, value) = self.number()?;
        if raw.contains(['.', 'e', 'E']) {
            let value = crate::decimal::Shortest(value);
            return Err(self.error(format!("invalid type: floating point `{value}`, expected {ty}")));
        }
        match raw.parse::<i64>() {
            Ok(n) if (min..=max).contains(&n) => Ok(n),
            _ => Err(self.error(format!("invalid value: integer `{raw}`, expected {ty}"))),
        }
    }

    /// `true` or `false`.
    pub fn bool(&mut self) -> Result<bool, Error> {
        for (word, value) in [("true", true), ("false", false)] {
            if self.peek() == Some(word.as_bytes()[0]) && self.text[self.pos..].starts_with(word) {
                self.pos += word.len();
                return Ok(value);
            }
        }
        Err(self.wrong("a boolean"))
    }

    /// A list of strings.
    pub fn strings(&mut self) -> Result<Vec<String>, Error> {
        let mut out = Vec::new();
        self.array("a sequence", &mut |r, _| {
            out.push(r.string()?);
            Ok(())
        })?;
        Ok(out)
    }

    /// One of `names` (a string naming an enum variant), as its index.
    pub fn variant(&mut self, names: &[&str]) -> Result<usize, Error> {
        let s = self.string()?;
        names
            .iter()
            .position(|n| *n == s)
            .ok_or_else(|| self.error(format!("unknown variant `{s}`, expected {}", one_of(names))))
    }
}

/// A JSON path (`incidents[3].usd`).
fn path_of(steps: &[Step]) -> String {
    let mut out = String::new();
    for step in steps {
        match step {
            Step::Key(k) if out.is_empty() => out.push_str(k),
            Step::Key(k) => {
                out.push('.');
                out.push_str(k);
            }
            Step::Index(n) => {
                let _ = write!(out, "[{n}]");
            }
        }
    }
    out
}

/// At most 60 characters of a text echoed in a message.
fn clip(s: &str) -> Cow<'_, str> {
    match s.char_indices().nth(60) {
        Some((end, _)) => Cow::Owned(format!("{}…", &s[..end])),
        None => Cow::Borrowed(s),
    }
}

/// "one of `a`, `b`, `c`" (serde's words for the names a value may take).
pub(crate) fn one_of(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    match quoted.len() {
        1 => quoted[0].clone(),
        2 => format!("{} or {}", quoted[0], quoted[1]),
        _ => format!("one of {}", quoted.join(", ")),
    }
}

/// The fields of one object being read: each once, every required one present.
pub(crate) struct Fields {
    names: &'static [&'static str],
    seen: Vec<bool>,
}

impl Fields {
    /// The fields an object may have.
    pub fn new(names: &'static [&'static str]) -> Fields {
        Fields { names, seen: vec![false; names.len()] }
    }

    /// Which field `key` is (its index in the names); refuses an unknown one. A field given
    /// again is `None` (its value to be skipped), noted as a fault of the text
    /// ([`Reader::literals`]).
    pub fn which(&mut self, r: &mut Reader, key: &str) -> Result<Option<usize>, Error> {
        let Some(k) = self.names.iter().position(|n| *n == key) else {
            return Err(r.object_error(format!("unknown field `{key}`, expected {}", one_of(self.names))));
        };
        if self.seen[k] {
            r.literal(format!(
                "the key \"{}\" is given twice in one object; JSON readers differ on which one counts, so give it once",
                clip(key)
            ));
            return Ok(None);
        }
        self.seen[k] = true;
        Ok(Some(k))
    }
}

/// A required field's value, or serde's "missing field" message about `object`'s reader.
pub fn required<T>(value: Option<T>, name: &str, r: &Reader) -> Result<T, Error> {
    value.ok_or_else(|| r.error(format!("missing field `{name}`")))
}

/// A JSON document written with two-space indentation (as `serde_json::to_string_pretty`).
#[derive(Default)]
pub(crate) struct Writer {
    out: String,
    depth: usize,
    /// Whether the container being written has an item yet.
    first: Vec<bool>,
}

impl Writer {
    /// An empty document.
    pub fn new() -> Writer {
        Writer::default()
    }

    fn item(&mut self) {
        if let Some(first) = self.first.last_mut() {
            if !*first {
                self.out.push(',');
            }
            *first = false;
            self.out.push('\n');
            for _ in 0..self.depth {
                self.out.push_str("  ");
            }
        }
    }

    /// Starts an object (as a value, or after [`Writer::key`]).
    pub(crate) fn open_object(&mut self) -> &mut Writer {
        self.open('{')
    }

    /// Starts an array.
    pub(crate) fn open_array(&mut self) -> &mut Writer {
        self.open('[')
    }

    fn open(&mut self, c: char) -> &mut Writer {
        self.out.push(c);
        self.depth += 1;
        self.first.push(true);
        self
    }

    /// Ends the object or array opened last.
    pub fn close(&mut self, c: char) -> &mut Writer {
        self.depth = self.depth.saturating_sub(1);
        if self.first.pop() == Some(false) {
            self.out.push('\n');
            for _ in 0..self.depth {
                self.out.push_str("  ");
            }
        }
        self.out.push(c);
        self
    }

    /// An object's key; its value follows.
    pub fn key(&mut self, k: &str) -> &mut Writer {
        self.item();
        self.quoted(k);
        self.out.push_str(": ");
        self
    }

    /// An array's next element; its value follows.
    pub fn element(&mut self) -> &mut Writer {
        self.item();
        self
    }

    /// A string value.
    pub fn string(&mut self, s: &str) -> &mut Writer {
        self.quoted(s);
        self
    }

    /// A number value (whole numbers without a fraction; a non-finite one as `null`).
    pub fn number(&mut self, v: f64) -> &mut Writer {
        if v.is_finite() {
            self.out.push_str(&crate::decimal::shortest(v));
        } else {
            self.out.push_str("null");
        }
        self
    }

    /// A raw value already in JSON (`true`, `null`, a number).
    pub fn raw(&mut self, s: &str) -> &mut Writer {
        self.out.push_str(s);
        self
    }

    /// A list of strings.
    pub fn strings(&mut self, list: &[String]) -> &mut Writer {
        self.open_array();
        for s in list {
            self.element().string(s);
        }
        self.close(']')
    }

    fn quoted(&mut self, s: &str) {
        self.out.push('"');
        for c in s.chars() {
            match c {
                '"' => self.out.push_str("\\\""),
                '\\' => self.out.push_str("\\\\"),
                '\n' => self.out.push_str("\\n"),
                '\r' => self.out.push_str("\\r"),
                '\t' => self.out.push_str("\\t"),
                '\u{8}' => self.out.push_str("\\b"),
                '\u{c}' => self.out.push_str("\\f"),
                c if (c as u32) < 0x20 => {
                    let _ = write!(self.out, "\\u{:04x}", c as u32);
                }
                c => self.out.push(c),
            }
        }
        self.out.push('"');
    }

    /// The document.
    pub fn finish(self) -> String {
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_numbers_and_paths_read_as_json_says() {
        let text = r#" {"a": [1, -2.5e3, "x\"\u00e9\ud83e\udde8\n"], "b": {"c": true, "d": null}} "#;
        let mut r = Reader::new(text);
        let mut seen = Vec::new();
        r.object("a map", &mut |r, key| {
            match key {
                "a" => r.array("a list", &mut |r, k| {
                    let v = if k < 2 { r.f64()?.to_string() } else { r.string()? };
                    seen.push(format!("{}={v}", r.path()));
                    Ok(())
                })?,
                _ => r.object("a map", &mut |r, _| {
                    seen.push(r.path());
                    r.skip()
                })?,
            }
            Ok(())
        })
        .expect("reads");
        r.end().expect("nothing after");
        assert_eq!(seen, ["a[0]=1", "a[1]=-2500", "a[2]=x\"é🧨\n", "b.c", "b.d"]);
    }

    #[test]
    fn malformed_text_is_named_with_its_line_column_and_path() {
        let cases = [
            ("{\"a\": [1, 2}", "expected `,` or `]` at line 1 column 12", "a"),
            ("{\"a\": 1e400}", "number out of range at line 1 column 12", "a"),
            ("{\"a\":\n 01}", "invalid number at line 2 column 3", "a"),
            ("[\"x", "EOF while parsing a string at line 1 column 4", "[0]"),
            ("{\"a\": tru}", "expected ident at line 1 column 7", "a"),
        ];
        for (text, words, path) in cases {
            let e = Reader::new(text).skip().expect_err(text);
            assert_eq!((e.message.as_str(), e.path.as_str(), e.syntax), (words, path, true), "{text}");
        }
    }

    #[test]
    fn a_wrong_type_says_what_it_found_in_serdes_words() {
        let cases = [
            ("\"a lot\"", "invalid type: string \"a lot\", expected f64"),
            ("true", "invalid type: boolean `true`, expected f64"),
            ("[1]", "invalid type: sequence, expected f64"),
            ("null", "invalid type: null, expected f64"),
        ];
        for (text, words) in cases {
            assert_eq!(Reader::new(text).f64().expect_err(text).message, words);
        }
        let e = Reader::new("300").integer(0, 255, "u8").expect_err("too big");
        assert_eq!(e.message, "invalid value: integer `300`, expected u8");
        let e = Reader::new("\"hearsay\"").variant(&["primary", "copy"]).expect_err("unknown");
        assert_eq!(e.message, "unknown variant `hearsay`, expected `primary` or `copy`");
    }

    #[test]
    fn written_documents_read_back_the_same() {
        let mut w = Writer::new();
        w.open_object();
        w.key("title").string("a \"b\"\n\u{1}é");
        w.key("n").number(1460000000.0);
        w.key("list").strings(&["x".to_string(), "y".to_string()]);
        w.key("empty").open_array().close(']');
        w.close('}');
        let text = w.finish();
        assert_eq!(
            text,
            "{\n  \"title\": \"a \\\"b\\\"\\n\\u0001é\",\n  \"n\": 1460000000,\n  \"list\": [\n    \"x\",\n    \"y\"\n  ],\n  \"empty\": []\n}"
        );
        let mut r = Reader::new(&text);
        let mut title = String::new();
        r.object("a map", &mut |r, key| {
            if key == "title" {
                title = r.string()?;
                Ok(())
            } else {
                r.skip()
            }
        })
        .expect("reads back");
        assert_eq!(title, "a \"b\"\n\u{1}é");
    }
}
