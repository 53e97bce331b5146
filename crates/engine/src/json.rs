//! Reading case text strictly: bytes → JSON value, refusing what a lenient reader would guess at.
//!
//! - Empty input, UTF-16, invalid UTF-8 (with the byte offset), input over
//!   [`MAX_INPUT_BYTES`] and nesting deeper than [`MAX_DEPTH`] are refused with a message
//!   that says so. A UTF-8 byte-order mark is skipped. Bytes are never replaced.
//! - A key that appears twice in one object is an error naming it (a lenient reader keeps the
//!   last one and the answer silently changes).
//!
//! The CLI, the JS API and the app all read cases through [`parse_bytes`], so they accept and
//! refuse exactly the same inputs.

use serde_json::{Map, Value};

use crate::error::{quote, CaseError, ErrorKind};

/// The largest case text accepted. A real case is well under 2 KB.
pub const MAX_INPUT_BYTES: usize = 256 * 1024;
/// The deepest nesting of objects and lists accepted. A case nests 4 levels deep.
pub const MAX_DEPTH: usize = 16;

/// Reads case bytes into a JSON value, or a [`CaseError`] saying exactly what is wrong.
pub fn parse_bytes(bytes: &[u8]) -> Result<Value, CaseError> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(CaseError::new(
            "",
            format!(
                "输入过大（{} 字节），超过上限 {} 字节；一个案例通常不到 2 KB",
                bytes.len(),
                MAX_INPUT_BYTES
            ),
            ErrorKind::TooLarge,
        ));
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(encoding("输入是 UTF-16 编码，请另存为 UTF-8 后再试"));
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    // UTF-16 without a BOM shows as ASCII interleaved with zero bytes (valid UTF-8, so it
    // must be caught before decoding).
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        let message = if bytes.len() >= 2 && (bytes[0] == 0 || bytes[1] == 0) {
            "输入像是 UTF-16 编码，请另存为 UTF-8 后再试".to_string()
        } else {
            format!("输入第 {offset} 字节处（从 0 起）有空字节（NUL），不是文本")
        };
        return Err(encoding(message));
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            return Err(encoding(format!(
                "输入不是有效的 UTF-8 文本：第 {} 字节处（从 0 起）出现无效字节",
                e.valid_up_to()
            )));
        }
    };
    parse_str(text)
}

/// Reads case text into a JSON value (the checks of [`parse_bytes`] after decoding).
pub fn parse_str(text: &str) -> Result<Value, CaseError> {
    if text.len() > MAX_INPUT_BYTES {
        return parse_bytes(text.as_bytes());
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(CaseError::syntax("输入为空：没有任何案例内容"));
    }
    let mut p = Parser { text, bytes: text.as_bytes(), at: 0 };
    let value = p.value(0, &mut String::new())?;
    p.space();
    if p.at < p.bytes.len() {
        return Err(p.syntax());
    }
    Ok(value)
}

fn encoding(message: impl Into<String>) -> CaseError {
    CaseError::new("", message, ErrorKind::Encoding)
}

/// A small strict JSON reader (RFC 8259), written out rather than taken from serde_json's
/// deserializer: it refuses duplicate keys, deep nesting and fractional numbers where they
/// stand, naming the path, and costs the Wasm bundle a fraction of the generic one.
struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    at: usize,
}

impl Parser<'_> {
    /// A syntax error at the current position, as line and column (counted in characters).
    fn syntax(&self) -> CaseError {
        let before = &self.text[..self.at.min(self.text.len())];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        CaseError::syntax(format!("无法读取案例：不是有效的 JSON（第{line}行第{column}列）"))
    }

    fn space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.at) {
            self.at += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn eat(&mut self, b: u8) -> Result<(), CaseError> {
        if self.peek() == Some(b) {
            self.at += 1;
            Ok(())
        } else {
            Err(self.syntax())
        }
    }

    fn literal(&mut self, word: &str, value: Value) -> Result<Value, CaseError> {
        if self.bytes[self.at..].starts_with(word.as_bytes()) {
            self.at += word.len();
            Ok(value)
        } else {
            Err(self.syntax())
        }
    }

    fn field(path: &str) -> String {
        if path.is_empty() {
            "(根)".to_string()
        } else {
            path.to_string()
        }
    }

    fn value(&mut self, depth: usize, path: &mut String) -> Result<Value, CaseError> {
        self.space();
        match self.peek() {
            Some(b'{' | b'[') if depth >= MAX_DEPTH => Err(CaseError::new(
                Parser::field(path),
                format!("嵌套层数超过上限 {MAX_DEPTH} 层；一个案例只有 4 层"),
                ErrorKind::TooLarge,
            )),
            Some(b'{') => self.object(depth, path),
            Some(b'[') => self.array(depth, path),
            Some(b'"') => self.string().map(Value::String),
            Some(b't') => self.literal("true", Value::Bool(true)),
            Some(b'f') => self.literal("false", Value::Bool(false)),
            Some(b'n') => self.literal("null", Value::Null),
            Some(b'-' | b'0'..=b'9') => self.number(path),
            _ => Err(self.syntax()),
        }
    }

    fn object(&mut self, depth: usize, path: &mut String) -> Result<Value, CaseError> {
        self.at += 1;
        let mut map = Map::new();
        self.space();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(Value::Object(map));
        }
        loop {
            self.space();
            if self.peek() != Some(b'"') {
                return Err(self.syntax());
            }
            let key = self.string()?;
            self.space();
            self.eat(b':')?;
            let len = path.len();
            if !path.is_empty() {
                path.push('.');
            }
            path.push_str(&key);
            if map.contains_key(&key) {
                return Err(CaseError::new(
                    path.clone(),
                    format!(
                        "{}：同一对象中出现了两次键{}，无法判断以哪个为准",
                        quote(path).trim_matches(['“', '”']),
                        quote(&key)
                    ),
                    ErrorKind::Invalid,
                ));
            }
            let value = self.value(depth + 1, path)?;
            path.truncate(len);
            map.insert(key, value);
            self.space();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b'}') => {
                    self.at += 1;
                    return Ok(Value::Object(map));
                }
                _ => return Err(self.syntax()),
            }
        }
    }

    fn array(&mut self, depth: usize, path: &mut String) -> Result<Value, CaseError> {
        self.at += 1;
        let mut items = Vec::new();
        self.space();
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(Value::Array(items));
        }
        loop {
            let len = path.len();
            path.push_str(&format!("[{}]", items.len()));
            let value = self.value(depth + 1, path)?;
            path.truncate(len);
            items.push(value);
            self.space();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b']') => {
                    self.at += 1;
                    return Ok(Value::Array(items));
                }
                _ => return Err(self.syntax()),
            }
        }
    }

    /// An integer. No field of a case is a fraction (money is integer yuan, grades are
    /// whole): a number with a fraction or exponent is refused where it stands, so `2.0` is
    /// not read as `2`.
    fn number(&mut self, path: &str) -> Result<Value, CaseError> {
        let start = self.at;
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        match self.peek() {
            Some(b'0') => self.at += 1,
            Some(b'1'..=b'9') => {
                while let Some(b'0'..=b'9') = self.peek() {
                    self.at += 1;
                }
            }
            _ => return Err(self.syntax()),
        }
        let digits_end = self.at;
        let mut fraction = false;
        if self.peek() == Some(b'.') {
            self.at += 1;
            fraction = true;
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.syntax());
            }
            while let Some(b'0'..=b'9') = self.peek() {
                self.at += 1;
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.at += 1;
            fraction = true;
            if let Some(b'+' | b'-') = self.peek() {
                self.at += 1;
            }
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.syntax());
            }
            while let Some(b'0'..=b'9') = self.peek() {
                self.at += 1;
            }
        }
        if fraction {
            return Err(CaseError::invalid(Parser::field(path), "应为整数（不能带小数点或指数）"));
        }
        let digits = &self.text[start..digits_end];
        match (digits.parse::<u64>(), digits.parse::<i64>()) {
            (Ok(n), _) => Ok(Value::from(n)),
            (_, Ok(n)) => Ok(Value::from(n)),
            _ => Err(CaseError::invalid(Parser::field(path), "数值超出范围，应为整数")),
        }
    }

    fn string(&mut self) -> Result<String, CaseError> {
        self.at += 1;
        let mut out = String::new();
        loop {
            let rest = &self.text[self.at..];
            let run = rest.find(|c: char| c == '"' || c == '\\' || c < ' ').unwrap_or(rest.len());
            out.push_str(&rest[..run]);
            self.at += run;
            match self.peek() {
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.at += 1;
                    let c = match self.peek() {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.at += 1;
                            let first = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&first) {
                                if !self.bytes[self.at..].starts_with(b"\\u") {
                                    return Err(self.syntax());
                                }
                                self.at += 2;
                                let second = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&second) {
                                    return Err(self.syntax());
                                }
                                0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                            } else {
                                first
                            };
                            out.push(char::from_u32(code).ok_or_else(|| self.syntax())?);
                            continue;
                        }
                        _ => return Err(self.syntax()),
                    };
                    self.at += 1;
                    out.push(c);
                }
                // A control character inside a string, or the end of the text.
                _ => return Err(self.syntax()),
            }
        }
    }

    fn hex4(&mut self) -> Result<u32, CaseError> {
        let digits = self.text.get(self.at..self.at + 4).ok_or_else(|| self.syntax())?;
        let n = u32::from_str_radix(digits, 16).map_err(|_| self.syntax())?;
        if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(self.syntax());
        }
        self.at += 4;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(r: Result<Value, CaseError>) -> (ErrorKind, String, String) {
        let e = r.unwrap_err();
        (e.kind, e.field, e.message)
    }

    #[test]
    fn refuses_what_a_lenient_reader_would_guess() {
        let (k, f, m) = kind(parse_str(r#"{"a": {"b": 1, "b": 2}}"#));
        assert_eq!((k, f.as_str()), (ErrorKind::Invalid, "a.b"));
        assert!(m.contains("两次"), "{m}");
        let (k, _, m) = kind(parse_str(""));
        assert_eq!(k, ErrorKind::Syntax);
        assert!(m.contains("为空"));
        let (k, _, _) = kind(parse_str("  \n"));
        assert_eq!(k, ErrorKind::Syntax);
        let deep = format!("{}{}", "[".repeat(40), "]".repeat(40));
        let (k, f, _) = kind(parse_str(&deep));
        assert_eq!(k, ErrorKind::TooLarge);
        assert_eq!(f, "[0]".repeat(MAX_DEPTH));
        let (k, _, m) = kind(parse_bytes(b"{\"a\": \"\xff\"}"));
        assert_eq!(k, ErrorKind::Encoding);
        assert!(m.contains("第 7 字节"), "{m}");
        let (k, _, m) = kind(parse_bytes(&[0xFF, 0xFE, b'{', 0, b'}', 0]));
        assert_eq!(k, ErrorKind::Encoding);
        assert!(m.contains("UTF-16"));
        let (k, _, m) = kind(parse_bytes(&[b'{', 0, b'}', 0]));
        assert_eq!(k, ErrorKind::Encoding);
        assert!(m.contains("UTF-16"));
        let big = vec![b' '; MAX_INPUT_BYTES + 1];
        assert_eq!(kind(parse_bytes(&big)).0, ErrorKind::TooLarge);
        let (k, f, _) = kind(parse_str(r#"{"student": {"grade": 2.0}}"#));
        assert_eq!((k, f.as_str()), (ErrorKind::Invalid, "student.grade"));
        let (k, f, _) = kind(parse_str(r#"{"a": [1e3]}"#));
        assert_eq!((k, f.as_str()), (ErrorKind::Invalid, "a[0]"));
        for bad in [
            "{",
            "[1,]",
            "{\"a\" 1}",
            "{\"a\":1,}",
            "\"\\x\"",
            "\"\\ud800\"",
            "\"a\nb\"",
            "01",
            "-",
            "1.",
            "tru",
            "nul",
            "{1: 2}",
            "\"\\u12\"",
            "[1 2]",
            "\"abc",
        ] {
            assert_eq!(kind(parse_str(bad)).0, ErrorKind::Syntax, "{bad:?}");
        }
        let (_, _, m) = kind(parse_str("{\n  \"a\": x}"));
        assert!(m.contains("第2行第8列"), "{m}");
        let (k, _, m) = kind(parse_str("{\"a\": 1} x"));
        assert_eq!(k, ErrorKind::Syntax);
        assert!(m.contains("第1行第10列"), "{m}");
    }

    #[test]
    fn accepts_a_bom_and_ordinary_json() {
        let v = parse_bytes(b"\xEF\xBB\xBF{\"a\": [1, -2, null, true, \"x\"]}").unwrap();
        assert_eq!(v["a"][1], serde_json::json!(-2));
        let v = parse_str(r#" { "s": "a\"\\\/\b\f\n\r\t\u00e9\u4e2d\ud83d\ude00", "e": {}, "l": [], "n": 18446744073709551615, "m": -9223372036854775808 } "#).unwrap();
        assert_eq!(v["s"], "a\"\\/\u{8}\u{c}\n\r\té中😀");
        assert_eq!(v["n"], serde_json::json!(u64::MAX));
        assert_eq!(v["m"], serde_json::json!(i64::MIN));
        assert_eq!(
            (v["e"].clone(), v["l"].clone()),
            (serde_json::json!({}), serde_json::json!([]))
        );
        assert_eq!(parse_str("\u{feff}{}").unwrap(), serde_json::json!({}));
    }
}
