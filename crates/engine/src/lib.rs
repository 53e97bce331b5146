//! # zhuxue engine
//!
//! Given a case — one household, one student, an as-of date — returns every national
//! student-aid entitlement with amount, payer, criteria and citations.
//!
//! # Layout
//!
//! - [`date`]: calendar dates and school terms (no clock: the as-of date is input).
//! - [`case`]: the case, format v1, and its JSON reader (errors name the field).
//! - [`validate`]: semantic checks (known codes, grades, contradictions, coverage).
//! - [`policy`]: dated, cited values generated at build time from `policy/*.toml`.
//! - [`local`]: province, prefecture and county programs, as data (`policy/local/`).
//! - [`regions`]: the administrative-division registry (names every place in Chinese).
//! - [`rules`]: one function per program; criteria are the explanation.
//! - [`assessment`]: the output, format v1.
//! - [`error`]: [`CaseError`], the one error type: a field and a Chinese message.
//!
//! # Errors
//!
//! Not being entitled is a result ([`assessment::NotEntitled`]), never an error. A
//! [`CaseError`] means the case cannot be assessed at all; it always names the field.
//! Nothing in the engine panics on any input: `tests/properties.rs` generates cases and raw
//! JSON to check it.

pub mod assessment;
pub mod case;
pub mod date;
pub mod error;
pub mod json;
pub mod local;
pub mod policy;
pub mod reference;
pub mod regions;
mod rules;
pub mod validate;

pub use assessment::Assessment;
pub use case::Case;
pub use error::CaseError;

/// Assesses a case after validating it.
pub fn assess(case: &Case) -> Result<Assessment, CaseError> {
    validate::validate(case)?;
    let mut a = rules::assess(case);
    rules::notices::assumed_dates(case, &mut a);
    Ok(a)
}

/// JSON in, JSON out: the assessment, or `{"error": {...}}`. The shape the CLI and the JS API
/// return.
pub fn assess_json(text: &str) -> Result<String, String> {
    assess_json_bytes(text.as_bytes())
}

/// [`assess_json`] over raw bytes (UTF-8, optionally with a byte-order mark; anything else is
/// an `encoding` error with the byte offset).
pub fn assess_json_bytes(bytes: &[u8]) -> Result<String, String> {
    let result = Case::from_bytes(bytes).and_then(|case| assess(&case));
    match result {
        Ok(a) => serde_json::to_string(&a).map_err(|e| CaseError::syntax(e.to_string()).to_json()),
        Err(e) => Err(e.to_json()),
    }
}

/// The rules version, for display and for records.
pub fn rules_info() -> assessment::RulesInfo {
    assessment::RulesInfo {
        version: policy::META.version,
        verified_on: policy::META.verified_on,
        coverage_from: policy::META.coverage_from,
        scope: if local::OVERLAYS.is_empty() { "national" } else { "national+local" },
        overlays: local::OVERLAYS.iter().map(assessment::OverlayRef::of).collect(),
    }
}
