//! The family's answers: a partial case in the v1 JSON shape.
//!
//! Every field is optional while the questions are being answered. As JSON, the answers *are*
//! a v1 case (absent fields omitted), so the same JSON is what the engine reads, what the
//! device stores and what a share link carries. Answers that do not apply to the current stage
//! are kept (nothing the user entered is lost) and simply ignored by the engine.
//!
//! The conversion to and from [`Value`] is written out by hand rather than derived: derived
//! serde code for these structs cost about 5 KB of the compressed Wasm bundle.

use serde_json::{json, Map, Value};

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Answers {
    pub as_of: Option<String>,
    pub household: Household,
    pub student: Student,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Household {
    pub hukou: Hukou,
    pub statuses: Vec<Status>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Hukou {
    pub region: Option<String>,
    pub area: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Status {
    pub kind: String,
    pub from: Option<String>,
    pub to: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Student {
    pub stage: Option<String>,
    pub grade: Option<u8>,
    pub enrolment: Enrolment,
    pub disabled: Option<bool>,
    pub orphan: Option<bool>,
    pub hardship: Option<String>,
    pub veteran: Option<bool>,
    pub funded_teacher_trainee: Option<bool>,
    pub salaried: Option<bool>,
    pub out_of_province_checked: Option<bool>,
    pub aid_received: Vec<Value>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Enrolment {
    pub region: Option<String>,
    pub ownership: Option<String>,
    pub boarding: Option<bool>,
    pub setting: Option<String>,
    pub kindergarten: Option<String>,
    pub major: Option<String>,
    pub full_time: Option<bool>,
    pub nutrition_program: Option<bool>,
    pub contiguous_poverty_area: Option<bool>,
    pub central_university: Option<bool>,
}

fn text(v: &Value, key: &str) -> Option<String> {
    v.get(key).and_then(Value::as_str).map(String::from)
}

fn flag(v: &Value, key: &str) -> Option<bool> {
    v.get(key).and_then(Value::as_bool)
}

/// Inserts the present fields only.
fn put(map: &mut Map<String, Value>, key: &str, value: Option<Value>) {
    if let Some(v) = value {
        map.insert(key.to_string(), v);
    }
}

impl Answers {
    /// Reads answers from v1 case JSON, keeping whatever fields are readable.
    pub fn from_value(v: &Value) -> Answers {
        let null = Value::Null;
        let household = v.get("household").unwrap_or(&null);
        let hukou = household.get("hukou").unwrap_or(&null);
        let student = v.get("student").unwrap_or(&null);
        let e = student.get("enrolment").unwrap_or(&null);
        Answers {
            as_of: text(v, "as_of"),
            household: Household {
                hukou: Hukou { region: text(hukou, "region"), area: text(hukou, "area") },
                statuses: household
                    .get("statuses")
                    .and_then(Value::as_array)
                    .map(|list| {
                        list.iter()
                            .filter_map(|s| {
                                Some(Status {
                                    kind: text(s, "kind")?,
                                    from: text(s, "from"),
                                    to: text(s, "to"),
                                })
                            })
                            .collect()
                    })
                    .unwrap_or_default(),
            },
            student: Student {
                stage: text(student, "stage"),
                grade: student
                    .get("grade")
                    .and_then(Value::as_u64)
                    .and_then(|g| u8::try_from(g).ok()),
                enrolment: Enrolment {
                    region: text(e, "region"),
                    ownership: text(e, "ownership"),
                    boarding: flag(e, "boarding"),
                    setting: text(e, "setting"),
                    kindergarten: text(e, "kindergarten"),
                    major: text(e, "major"),
                    full_time: flag(e, "full_time"),
                    nutrition_program: flag(e, "nutrition_program"),
                    contiguous_poverty_area: flag(e, "contiguous_poverty_area"),
                    central_university: flag(e, "central_university"),
                },
                disabled: flag(student, "disabled"),
                orphan: flag(student, "orphan"),
                hardship: text(student, "hardship"),
                veteran: flag(student, "veteran"),
                funded_teacher_trainee: flag(student, "funded_teacher_trainee"),
                salaried: flag(student, "salaried"),
                out_of_province_checked: flag(student, "out_of_province_checked"),
                aid_received: student
                    .get("aid_received")
                    .and_then(Value::as_array)
                    .cloned()
                    .unwrap_or_default(),
            },
        }
    }

    /// The answers as (partial) v1 case JSON.
    pub fn to_value(&self) -> Value {
        let s = |v: &Option<String>| v.clone().map(Value::String);
        let b = |v: Option<bool>| v.map(Value::Bool);
        let e = &self.student.enrolment;
        let mut enrolment = Map::new();
        put(&mut enrolment, "region", s(&e.region));
        put(&mut enrolment, "ownership", s(&e.ownership));
        put(&mut enrolment, "boarding", b(e.boarding));
        put(&mut enrolment, "setting", s(&e.setting));
        put(&mut enrolment, "kindergarten", s(&e.kindergarten));
        put(&mut enrolment, "major", s(&e.major));
        put(&mut enrolment, "full_time", b(e.full_time));
        put(&mut enrolment, "nutrition_program", b(e.nutrition_program));
        put(&mut enrolment, "contiguous_poverty_area", b(e.contiguous_poverty_area));
        put(&mut enrolment, "central_university", b(e.central_university));
        let st = &self.student;
        let mut student = Map::new();
        put(&mut student, "stage", s(&st.stage));
        put(&mut student, "grade", st.grade.map(Value::from));
        student.insert("enrolment".into(), Value::Object(enrolment));
        put(&mut student, "disabled", b(st.disabled));
        put(&mut student, "orphan", b(st.orphan));
        put(&mut student, "hardship", s(&st.hardship));
        put(&mut student, "veteran", b(st.veteran));
        put(&mut student, "funded_teacher_trainee", b(st.funded_teacher_trainee));
        put(&mut student, "salaried", b(st.salaried));
        put(&mut student, "out_of_province_checked", b(st.out_of_province_checked));
        if !st.aid_received.is_empty() {
            student.insert("aid_received".into(), Value::Array(st.aid_received.clone()));
        }
        let h = &self.household;
        let mut hukou = Map::new();
        put(&mut hukou, "region", s(&h.hukou.region));
        put(&mut hukou, "area", s(&h.hukou.area));
        let statuses: Vec<Value> = h
            .statuses
            .iter()
            .map(|x| {
                let mut m = Map::new();
                m.insert("kind".into(), Value::String(x.kind.clone()));
                put(&mut m, "from", s(&x.from));
                put(&mut m, "to", s(&x.to));
                Value::Object(m)
            })
            .collect();
        let mut root = Map::new();
        put(&mut root, "as_of", s(&self.as_of));
        root.insert(
            "household".into(),
            json!({ "hukou": Value::Object(hukou), "statuses": statuses }),
        );
        root.insert("student".into(), Value::Object(student));
        Value::Object(root)
    }

    /// The case the engine reads: the answers, with the 学籍地 defaulting to the 户籍地 until
    /// the family says otherwise.
    pub fn to_case(&self) -> Value {
        let mut a = self.clone();
        if a.student.enrolment.region.is_none() {
            a.student.enrolment.region = a.household.hukou.region.clone();
        }
        a.to_value()
    }

    pub fn stage(&self) -> &str {
        self.student.stage.as_deref().unwrap_or("")
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
        let mut a = Answers { as_of: Some("2025-09-01".into()), ..Answers::default() };
        a.household.hukou.region = Some("621126".into());
        a.student.stage = Some("junior".into());
        a.student.grade = Some(2);
        a.household.statuses.push(Status {
            kind: "dibao".into(),
            from: Some("2024-01-01".into()),
            to: None,
        });
        a.student.enrolment.boarding = Some(false);
        let case = a.to_case();
        assert_eq!(case["student"]["enrolment"]["region"], "621126");
        assert_eq!(case["as_of"], "2025-09-01");
        assert!(case["student"].get("hardship").is_none());
        assert_eq!(Answers::from_value(&a.to_value()), a);
        // A whole v1 case reads back field for field.
        let mut example: Value =
            serde_json::from_str(include_str!("../examples/junior-boarder-gansu.json")).unwrap();
        example["student"].as_object_mut().unwrap().remove("aid_received"); // empty: omitted
        let read = Answers::from_value(&example);
        assert_eq!(read.to_value(), example);
    }
}
