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
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CaseError {
    /// The field at fault, as a JSON path (`student.enrolment.region`); empty for syntax errors.
    pub field: String,
    pub message: String,
    pub kind: ErrorKind,
}

impl CaseError {
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

impl std::fmt::Display for CaseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for CaseError {}
