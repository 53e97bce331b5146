//! The family's answers: a partial case in the v1 JSON shape.
//!
//! Every field is optional while the questions are being answered. As JSON, the answers *are*
//! a v1 case (absent fields omitted), so the same JSON is what the engine reads, what the
//! device stores and what a share link carries. Answers that do not apply to the current stage
//! are kept (nothing the user entered is lost) and simply ignored by the engine.
//!
//! The conversion to and from [`Value`] is written out by hand rather than derived: derived
//! serde code for these structs cost about 5 KB of the compressed Wasm bundle.

use serde_json::{Map, Value};

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
    /// The statuses question was answered (with none ticked: 「以上都没有」, 未认定).
    pub statuses_checked: bool,
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
    pub birth_date: Option<String>,
    pub enlisting: Option<bool>,
    pub grassroots_employment: Option<bool>,
    pub admission_tier: Option<String>,
    pub county_high_school_years: Option<u8>,
    pub aid_received: Vec<Aid>,
}

/// One aid the student already gets this term, and the place paying it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Aid {
    pub program: String,
    pub region: String,
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
    pub vocational_undergraduate: Option<bool>,
    pub mongolian_instruction: Option<bool>,
}

/// Answers read from stored or shared JSON, with the values that were refused.
#[derive(Debug, Default)]
pub struct Loaded {
    pub answers: Answers,
    /// Each value the engine would refuse, with the engine's own message; the value is not
    /// kept (an unknown status kind is the one exception: it is kept, so the family sees it).
    pub rejected: Vec<zhuxue_engine::CaseError>,
}

/// Reads fields through the engine's own field reader, so the app accepts exactly what the
/// engine accepts.
struct Reader<'a> {
    rejected: &'a mut Vec<zhuxue_engine::CaseError>,
}

impl Reader<'_> {
    fn value<'v>(&mut self, obj: &'v Value, parent: &str, key: &str) -> Option<&'v Value> {
        let v = obj.get(key).filter(|v| !v.is_null())?;
        let path = if parent.is_empty() { key.to_string() } else { format!("{parent}.{key}") };
        match zhuxue_engine::case::check_field(&path, v) {
            Ok(()) => Some(v),
            Err(e) => {
                self.rejected.push(e);
                None
            }
        }
    }

    fn text(&mut self, obj: &Value, parent: &str, key: &str) -> Option<String> {
        self.value(obj, parent, key).and_then(Value::as_str).map(String::from)
    }

    fn flag(&mut self, obj: &Value, parent: &str, key: &str) -> Option<bool> {
        self.value(obj, parent, key).and_then(Value::as_bool)
    }

    /// Reports keys the case format does not have (they are not kept). `shape` names the
    /// object as the engine's key table does (`household.statuses[]`).
    fn unknown_keys(&mut self, obj: &Value, parent: &str, shape: &str) {
        let known = zhuxue_engine::case::keys(shape);
        for key in obj.as_object().into_iter().flat_map(|m| m.keys()) {
            if !known.contains(&key.as_str()) {
                let path = if parent.is_empty() { key.clone() } else { format!("{parent}.{key}") };
                if let Err(e) = zhuxue_engine::case::check_field(&path, &Value::Null) {
                    self.rejected.push(e);
                }
            }
        }
    }
}

/// Inserts the present fields only.
fn put(map: &mut Map<String, Value>, key: &str, value: Option<Value>) {
    if let Some(v) = value {
        map.insert(key.to_string(), v);
    }
}

impl Answers {
    /// Reads answers from v1 case JSON, keeping every value the engine accepts.
    pub fn from_value(v: &Value) -> Answers {
        Answers::read(v).answers
    }

    /// Reads answers from v1 case JSON: each field through the engine's field reader; refused
    /// values are reported, not kept.
    pub fn read(v: &Value) -> Loaded {
        let mut rejected = Vec::new();
        let mut r = Reader { rejected: &mut rejected };
        let null = Value::Null;
        r.unknown_keys(v, "", "");
        let household = v.get("household").unwrap_or(&null);
        r.unknown_keys(household, "household", "household");
        let hukou = household.get("hukou").unwrap_or(&null);
        r.unknown_keys(hukou, "household.hukou", "household.hukou");
        let student = v.get("student").unwrap_or(&null);
        let e = student.get("enrolment").unwrap_or(&null);
        let p = "student.enrolment";
        r.unknown_keys(student, "student", "student");
        r.unknown_keys(e, p, p);
        let mut statuses = Vec::new();
        for (i, st) in
            household.get("statuses").and_then(Value::as_array).into_iter().flatten().enumerate()
        {
            let path = format!("household.statuses[{i}]");
            r.unknown_keys(st, &path, "household.statuses[]");
            let Some(kind) = st.get("kind").and_then(Value::as_str) else { continue };
            // An unknown kind (say, from a newer version) is kept and shown, so the family
            // can see it and remove it; the engine reports it until then.
            let _ = r.value(st, &path, "kind");
            statuses.push(Status {
                kind: kind.chars().take(60).collect(),
                from: r.text(st, &path, "from"),
                to: r.text(st, &path, "to"),
            });
        }
        let mut aid_received = Vec::new();
        for (i, aid) in
            student.get("aid_received").and_then(Value::as_array).into_iter().flatten().enumerate()
        {
            let path = format!("student.aid_received[{i}]");
            r.unknown_keys(aid, &path, "student.aid_received[]");
            if let (Some(program), Some(region)) =
                (r.text(aid, &path, "program"), r.text(aid, &path, "region"))
            {
                aid_received.push(Aid { program, region });
            }
        }
        let answers = Answers {
            as_of: r.text(v, "", "as_of"),
            household: Household {
                hukou: Hukou {
                    region: r.text(hukou, "household.hukou", "region"),
                    area: r.text(hukou, "household.hukou", "area"),
                },
                statuses,
                statuses_checked: r
                    .flag(household, "household", "statuses_checked")
                    .unwrap_or(false),
            },
            student: Student {
                stage: r.text(student, "student", "stage"),
                grade: r
                    .value(student, "student", "grade")
                    .and_then(Value::as_u64)
                    .and_then(|g| u8::try_from(g).ok()),
                enrolment: Enrolment {
                    region: r.text(e, p, "region"),
                    ownership: r.text(e, p, "ownership"),
                    boarding: r.flag(e, p, "boarding"),
                    setting: r.text(e, p, "setting"),
                    kindergarten: r.text(e, p, "kindergarten"),
                    major: r.text(e, p, "major"),
                    full_time: r.flag(e, p, "full_time"),
                    nutrition_program: r.flag(e, p, "nutrition_program"),
                    contiguous_poverty_area: r.flag(e, p, "contiguous_poverty_area"),
                    central_university: r.flag(e, p, "central_university"),
                    vocational_undergraduate: r.flag(e, p, "vocational_undergraduate"),
                    mongolian_instruction: r.flag(e, p, "mongolian_instruction"),
                },
                disabled: r.flag(student, "student", "disabled"),
                orphan: r.flag(student, "student", "orphan"),
                hardship: r.text(student, "student", "hardship"),
                birth_date: r.text(student, "student", "birth_date"),
                veteran: r.flag(student, "student", "veteran"),
                funded_teacher_trainee: r.flag(student, "student", "funded_teacher_trainee"),
                salaried: r.flag(student, "student", "salaried"),
                out_of_province_checked: r.flag(student, "student", "out_of_province_checked"),
                enlisting: r.flag(student, "student", "enlisting"),
                grassroots_employment: r.flag(student, "student", "grassroots_employment"),
                admission_tier: r.text(student, "student", "admission_tier"),
                county_high_school_years: r
                    .value(student, "student", "county_high_school_years")
                    .and_then(Value::as_u64)
                    .and_then(|n| u8::try_from(n).ok()),
                aid_received,
            },
        };
        Loaded { answers, rejected }
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
        put(&mut enrolment, "vocational_undergraduate", b(e.vocational_undergraduate));
        put(&mut enrolment, "mongolian_instruction", b(e.mongolian_instruction));
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
        put(&mut student, "birth_date", s(&st.birth_date));
        put(&mut student, "enlisting", b(st.enlisting));
        put(&mut student, "grassroots_employment", b(st.grassroots_employment));
        put(&mut student, "admission_tier", s(&st.admission_tier));
        put(&mut student, "county_high_school_years", st.county_high_school_years.map(Value::from));
        if !st.aid_received.is_empty() {
            let list = st
                .aid_received
                .iter()
                .map(|a| {
                    let mut m = Map::new();
                    m.insert("program".into(), Value::String(a.program.clone()));
                    m.insert("region".into(), Value::String(a.region.clone()));
                    Value::Object(m)
                })
                .collect();
            student.insert("aid_received".into(), Value::Array(list));
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
        let mut household = Map::new();
        household.insert("hukou".into(), Value::Object(hukou));
        household.insert("statuses".into(), Value::Array(statuses));
        if h.statuses_checked {
            household.insert("statuses_checked".into(), Value::Bool(true));
        }
        root.insert("household".into(), Value::Object(household));
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

    /// The answer at a case field path (`student.enrolment.boarding`), as JSON; `None` when
    /// unanswered. Questions read their answers by the field they fill, from one table.
    pub fn get(&self, field: &str) -> Option<Value> {
        let pointer = format!("/{}", field.replace('.', "/"));
        self.to_value().pointer(&pointer).filter(|v| !v.is_null()).cloned()
    }

    /// [`Answers::get`] for a text answer.
    pub fn text(&self, field: &str) -> Option<String> {
        self.get(field).and_then(|v| v.as_str().map(String::from))
    }

    /// Sets (or, with `None`, clears) the answer at a case field path. The result is read back
    /// through the engine's field reader, so a value the engine refuses is never kept.
    pub fn set(&mut self, field: &str, value: Option<Value>) {
        let mut v = self.to_value();
        let mut at = &mut v;
        let mut parts = field.split('.').peekable();
        while let Some(key) = parts.next() {
            let Some(obj) = at.as_object_mut() else { return };
            if parts.peek().is_none() {
                match value {
                    Some(ref x) => obj.insert(key.to_string(), x.clone()),
                    None => obj.remove(key),
                };
                break;
            }
            at = obj.entry(key.to_string()).or_insert_with(|| Value::Object(Map::new()));
        }
        *self = Answers::from_value(&v);
    }

    pub fn stage(&self) -> &str {
        self.student.stage.as_deref().unwrap_or("")
    }

    /// The case fields that local programs of the student's places read for this stage
    /// (asked only then).
    pub fn local_fields(&self) -> Vec<&'static str> {
        self.places_and_stage()
            .map_or_else(Vec::new, |(h, e, s)| zhuxue_engine::local::fields_needed(h, e, s))
    }

    /// Local programs of the student's places and stage whose receipt a rule reads (a stacking
    /// limit such as 「燕宝 + 一项」): offered in 「本学期已经领取的资助」 beside the national ones.
    pub fn local_aid_programs(&self) -> Vec<&'static str> {
        let Some((hukou, enrolment, stage)) = self.places_and_stage() else { return Vec::new() };
        zhuxue_engine::local::for_places(hukou, enrolment, stage)
            .filter(|p| p.stacking.as_ref().is_some_and(|s| s.max_others.is_some()))
            .map(|p| p.info.id)
            .collect()
    }

    /// The 户籍地 and 学籍地 codes (the school's defaulting to the 户籍地) and the stage, once
    /// all are answered.
    fn places_and_stage(&self) -> Option<(u32, u32, zhuxue_engine::case::Stage)> {
        let code = |v: &Option<String>| v.as_deref().and_then(|c| c.parse::<u32>().ok());
        let hukou = code(&self.household.hukou.region)?;
        let enrolment = code(&self.student.enrolment.region).unwrap_or(hukou);
        let stage = zhuxue_engine::case::Stage::ALL.iter().find(|(k, _, _)| *k == self.stage())?.1;
        Some((hukou, enrolment, stage))
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
    use serde_json::json;

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

    #[test]
    fn every_case_field_survives_load_save_share() {
        let case = json!({
            "as_of": "2025-03-10",
            "household": { "hukou": { "region": "430923", "area": "rural" }, "statuses": [
                { "kind": "dibao", "from": "2019-01-01", "to": "2020-06-30" },
                { "kind": "dibao", "from": "2023-01-01" },
                { "kind": "future_kind" }
            ] },
            "student": {
                "stage": "undergraduate", "grade": 2, "birth_date": "2005-04-01",
                "enrolment": { "region": "440106", "ownership": "public", "full_time": true,
                    "central_university": false, "vocational_undergraduate": true },
                "hardship": "relative", "veteran": true, "enlisting": false,
                "grassroots_employment": true, "funded_teacher_trainee": false,
                "aid_received": [ { "program": "higher.origin_loan", "region": "430923" } ]
            }
        });
        let loaded = Answers::read(&case);
        assert_eq!(loaded.answers.to_value(), case, "nothing dropped, nothing added");
        // The unknown status kind is kept (shown to the family) and reported.
        assert_eq!(loaded.rejected.len(), 1);
        assert_eq!(loaded.rejected[0].field, "household.statuses[2].kind");
    }

    #[test]
    fn values_the_engine_refuses_are_not_kept() {
        let case = json!({
            "as_of": "2025-02-30",
            "note": "x",
            "household": { "hukou": { "region": "999999" }, "statuses": [ { "kind": "dibao", "from": "2024-13-01" } ] },
            "student": { "stage": "junior", "grade": 99, "hardshp": "special",
                "enrolment": { "region": "620100", "boarding": "yes" },
                "aid_received": [ { "program": "x.y", "region": "430923" } ] }
        });
        let loaded = Answers::read(&case);
        let a = &loaded.answers;
        assert_eq!(a.as_of, None);
        assert_eq!(a.household.hukou.region, None);
        assert_eq!(
            a.household.statuses,
            vec![Status { kind: "dibao".into(), from: None, to: None }]
        );
        assert_eq!(a.student.grade, None);
        assert_eq!(a.student.enrolment.region, None);
        assert_eq!(a.student.enrolment.boarding, None);
        assert!(a.student.aid_received.is_empty());
        let mut fields: Vec<&str> = loaded.rejected.iter().map(|e| e.field.as_str()).collect();
        fields.sort();
        assert_eq!(
            fields,
            [
                "as_of",
                "household.hukou.region",
                "household.statuses[0].from",
                "note",
                "student.aid_received[0].program",
                "student.enrolment.boarding",
                "student.enrolment.region",
                "student.grade",
                "student.hardshp",
            ]
        );
    }
}
