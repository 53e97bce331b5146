//! Errors: a case the engine cannot assess.
//!
//! "Not entitled" is a normal result and never an error. A [`CaseError`] means the case itself
//! is unusable — malformed, missing a required field, contradicting itself, or dated outside
//! the rules' coverage — and always names the field, with a message in Chinese that a family
//! or an aid officer can act on.

use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// Not JSON at all.
    Syntax,
    /// A required field is absent.
    Missing,
    /// A field has a value of the wrong type or outside its allowed set.
    Invalid,
    /// Two fields contradict each other.
    Contradiction,
    /// The as-of date is outside what the rules describe.
    NoRuleInForce,
    /// A field the format does not have (a misspelling, usually): named, with the nearest
    /// known name.
    UnknownField,
    /// Not UTF-8 text (UTF-16, invalid bytes).
    Encoding,
    /// Over the size or nesting limit.
    TooLarge,
    /// A file could not be read or written (the CLI).
    Io,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CaseError {
    /// The field at fault, as a JSON path (`student.enrolment.region`); empty for syntax errors.
    pub field: String,
    pub message: String,
    pub kind: ErrorKind,
}

impl CaseError {
    pub fn new(field: impl Into<String>, message: impl Into<String>, kind: ErrorKind) -> CaseError {
        CaseError { field: field.into(), message: message.into(), kind }
    }

    pub fn io(message: impl Into<String>) -> CaseError {
        CaseError::new("", message, ErrorKind::Io)
    }

    pub fn syntax(message: impl Into<String>) -> CaseError {
        CaseError { field: String::new(), message: message.into(), kind: ErrorKind::Syntax }
    }

    pub fn missing(field: impl Into<String>) -> CaseError {
        let field = field.into();
        let message = format!("缺少必填项 {field}");
        CaseError { field, message, kind: ErrorKind::Missing }
    }

    pub fn invalid(field: impl Into<String>, message: impl Into<String>) -> CaseError {
        let field = field.into();
        let message = format!("{field}：{}", message.into());
        CaseError { field, message, kind: ErrorKind::Invalid }
    }

    pub fn contradiction(field: impl Into<String>, message: impl Into<String>) -> CaseError {
        let field = field.into();
        let message = format!("{field}：{}", message.into());
        CaseError { field, message, kind: ErrorKind::Contradiction }
    }

    pub fn no_rule(field: impl Into<String>, message: impl Into<String>) -> CaseError {
        CaseError { field: field.into(), message: message.into(), kind: ErrorKind::NoRuleInForce }
    }

    /// `{"error": {"field": …, "message": …, "kind": …}}`, the CLI's and JS API's error shape.
    pub fn to_json(&self) -> String {
        serde_json::json!({ "error": self }).to_string()
    }
}

/// A user's value as quoted in a message: at most 60 characters (then “…”), with control,
/// format and bidirectional characters shown as `\u{…}` so a message cannot be reordered or
/// hidden by what it quotes.
pub fn quote(value: &str) -> String {
    const MAX: usize = 60;
    let mut out = String::from("“");
    for (i, c) in value.chars().enumerate() {
        if i == MAX {
            out.push('…');
            break;
        }
        let hidden = c.is_control()
            || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{206F}' | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}');
        if hidden {
            out.push_str(&format!("\\u{{{:04x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out.push('”');
    out
}

impl std::fmt::Display for CaseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for CaseError {}

#[cfg(test)]
mod tests {
    use super::quote;

    #[test]
    fn quotes_are_short_and_show_hidden_characters() {
        assert_eq!(quote("abc"), "“abc”");
        assert_eq!(quote("a\u{202E}b\n"), "“a\\u{202e}b\\u{000a}”");
        let long = "长".repeat(100);
        let q = quote(&long);
        assert_eq!(q.chars().count(), 60 + 3);
        assert!(q.ends_with("…”"));
    }
}
