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

use std::cell::RefCell;
use std::fmt;

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
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
    let problem = RefCell::new(None);
    let mut de = serde_json::Deserializer::from_str(text);
    let result = Strict { depth: 0, path: String::new(), problem: &problem }
        .deserialize(&mut de)
        .and_then(|v| de.end().map(|()| v));
    match result {
        Ok(v) => Ok(v),
        Err(e) => Err(problem.into_inner().unwrap_or_else(|| {
            CaseError::syntax(format!(
                "无法读取案例：不是有效的 JSON（第{}行第{}列）",
                e.line(),
                e.column()
            ))
        })),
    }
}

fn encoding(message: impl Into<String>) -> CaseError {
    CaseError::new("", message, ErrorKind::Encoding)
}

/// A JSON value reader that refuses duplicate keys and deep nesting, remembering the first
/// problem as a [`CaseError`] with its path.
struct Strict<'p> {
    depth: usize,
    path: String,
    problem: &'p RefCell<Option<CaseError>>,
}

impl Strict<'_> {
    fn child(&self, path: String) -> Strict<'_> {
        Strict { depth: self.depth + 1, path, problem: self.problem }
    }

    fn fail<E: de::Error>(&self, error: CaseError) -> E {
        self.problem.borrow_mut().get_or_insert(error);
        E::custom("strict")
    }

    fn enter<E: de::Error>(&self) -> Result<(), E> {
        if self.depth >= MAX_DEPTH {
            let field = if self.path.is_empty() { "(根)".to_string() } else { self.path.clone() };
            return Err(self.fail(CaseError::new(
                field,
                format!("嵌套层数超过上限 {MAX_DEPTH} 层；一个案例只有 4 层"),
                ErrorKind::TooLarge,
            )));
        }
        Ok(())
    }
}

impl<'de> DeserializeSeed<'de> for Strict<'_> {
    type Value = Value;

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Strict<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    /// No field of a case is a fraction (money is integer yuan, grades are whole): a number
    /// with a fraction or exponent is refused where it stands, so `2.0` is not read as `2`.
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Value, E> {
        let field = if self.path.is_empty() { "(根)".to_string() } else { self.path.clone() };
        Err(self.fail(CaseError::invalid(field, "应为整数（不能带小数点或指数）")))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_string()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        self.enter()?;
        let mut items = Vec::new();
        loop {
            let child = self.child(format!("{}[{}]", self.path, items.len()));
            match seq.next_element_seed(child)? {
                Some(v) => items.push(v),
                None => return Ok(Value::Array(items)),
            }
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        self.enter()?;
        let mut object = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let path =
                if self.path.is_empty() { key.clone() } else { format!("{}.{key}", self.path) };
            if object.contains_key(&key) {
                return Err(self.fail(CaseError::new(
                    path.clone(),
                    format!(
                        "{}：同一对象中出现了两次键 {}，无法判断以哪个为准",
                        quote(&path),
                        quote(&key)
                    ),
                    ErrorKind::Invalid,
                )));
            }
            let value = map.next_value_seed(self.child(path))?;
            object.insert(key, value);
        }
        Ok(Value::Object(object))
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
        let (k, _, m) = kind(parse_str("{\"a\": 1} x"));
        assert_eq!(k, ErrorKind::Syntax);
        assert!(m.contains("第1行第10列"), "{m}");
    }

    #[test]
    fn accepts_a_bom_and_ordinary_json() {
        let v = parse_bytes(b"\xEF\xBB\xBF{\"a\": [1, -2, null, true, \"x\"]}").unwrap();
        assert_eq!(v["a"][1], serde_json::json!(-2));
        assert_eq!(parse_str("\u{feff}{}").unwrap(), serde_json::json!({}));
    }
}
