//! The family's answers: a partial case in the v1 JSON shape.
//!
//! Every field is optional while the questions are being answered. Serialised, the answers
//! *are* a v1 case (absent fields omitted), so the same JSON is what the engine reads, what the
//! device stores and what a share link carries. Answers that do not apply to the current stage
//! are kept (nothing the user entered is lost) and simply ignored by the engine.

use serde::{Deserialize, Serialize};
use serde_json::Value;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Answers {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_of: Option<String>,
    pub household: Household,
    pub student: Student,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Household {
    pub hukou: Hukou,
    pub statuses: Vec<Status>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Hukou {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub area: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Status {
    pub kind: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Student {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stage: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub grade: Option<u8>,
    pub enrolment: Enrolment,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub disabled: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub orphan: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hardship: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub veteran: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub funded_teacher_trainee: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub salaried: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub out_of_province_checked: Option<bool>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub aid_received: Vec<Value>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Enrolment {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ownership: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub boarding: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub setting: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kindergarten: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub major: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub full_time: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nutrition_program: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contiguous_poverty_area: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub central_university: Option<bool>,
}

impl Answers {
    /// Reads answers from v1 case JSON, keeping whatever fields are readable.
    pub fn from_json(text: &str) -> Option<Answers> {
        serde_json::from_str(text).ok()
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The case the engine reads: the answers, with the 学籍地 defaulting to the 户籍地 until
    /// the family says otherwise.
    pub fn to_case(&self) -> Value {
        let mut a = self.clone();
        if a.student.enrolment.region.is_none() {
            a.student.enrolment.region = a.household.hukou.region.clone();
        }
        // Statuses ticked without a date count from the start of time; an empty `from`
        // string (a cleared date field) means the same.
        for s in &mut a.household.statuses {
            if s.from.as_deref() == Some("") {
                s.from = None;
            }
            if s.to.as_deref() == Some("") {
                s.to = None;
            }
        }
        serde_json::to_value(&a).unwrap_or(Value::Null)
    }

    pub fn stage(&self) -> &str {
        self.student.stage.as_deref().unwrap_or("")
    }

    pub fn has_status(&self, kind: &str) -> bool {
        self.household.statuses.iter().any(|s| s.kind == kind)
    }

    /// Whether the school is in another province than the household registration.
    pub fn cross_province(&self) -> bool {
        match (&self.household.hukou.region, &self.student.enrolment.region) {
            (Some(h), Some(e)) => h.get(..2) != e.get(..2),
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_serialise_as_a_v1_case() {
        let mut a = Answers::default();
        a.as_of = Some("2025-09-01".into());
        a.household.hukou.region = Some("621126".into());
        a.student.stage = Some("junior".into());
        a.student.grade = Some(2);
        let case = a.to_case();
        assert_eq!(case["student"]["enrolment"]["region"], "621126");
        assert_eq!(case["as_of"], "2025-09-01");
        assert!(case["student"].get("hardship").is_none());
        let back = Answers::from_json(&a.to_json()).unwrap();
        assert_eq!(back, a);
    }
}
