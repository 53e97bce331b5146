//! The published JSON Schemas (`docs/schema/case.schema.json`, `assessment.schema.json`) are
//! checked against the engine, so that portals and the JS API's users can rely on them:
//!
//! - every reference case's assessment validates against the assessment schema, and every
//!   property the schema names appears in at least one of them (no stale or invented field);
//! - every reference case the engine accepts validates against the case schema; the schema's
//!   keys per object are exactly the engine's (`case::keys`), and its enumerations are exactly
//!   what the engine's field reader accepts.
//!
//! The validator below covers the keywords the two schemas use ($ref, type, enum, const,
//! required, properties, additionalProperties, items, minimum, maximum, pattern); a schema
//! using any other keyword, or a pattern it does not know, fails the test rather than being
//! skipped.

use std::collections::BTreeSet;

use serde_json::{json, Value};
use zhuxue_engine::{case, reference, Case};

fn schema(name: &str) -> Value {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/schema").join(name);
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap()
}

const KEYWORDS: &[&str] = &[
    "$schema",
    "$id",
    "$ref",
    "$defs",
    "title",
    "description",
    "type",
    "enum",
    "const",
    "required",
    "properties",
    "additionalProperties",
    "items",
    "minimum",
    "maximum",
    "pattern",
];

/// The patterns the schemas use, each as a check (an unknown pattern fails the test).
fn pattern_matches(pattern: &str, s: &str) -> bool {
    let digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
    let date = |t: &str| {
        t.len() == 10
            && &t[4..5] == "-"
            && &t[7..8] == "-"
            && digits(&t[..4])
            && digits(&t[5..7])
            && digits(&t[8..])
    };
    match pattern {
        "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" => s.is_ascii() && date(s),
        "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$" => {
            s.is_ascii()
                && match s.len() {
                    4 => digits(s),
                    7 => &s[4..5] == "-" && digits(&s[..4]) && digits(&s[5..]),
                    10 => date(s),
                    _ => false,
                }
        }
        "^[0-9]{6}$" => s.len() == 6 && digits(s),
        "^[0-9]{4}-[0-9]{4}$" => {
            s.len() == 9 && s.is_ascii() && &s[4..5] == "-" && digits(&s[..4]) && digits(&s[5..])
        }
        "^[a-z_]+\\.[a-z_]+$" => {
            let parts: Vec<&str> = s.split('.').collect();
            parts.len() == 2
                && parts.iter().all(|p| {
                    !p.is_empty() && p.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
                })
        }
        "^([a-z_]+\\.[a-z_]+|local\\.[0-9]{2}([0-9]{2}){0,2}\\.[a-z0-9_]+)$" => {
            let parts: Vec<&str> = s.split('.').collect();
            let word = |p: &str, extra: fn(u8) -> bool| {
                !p.is_empty() && p.bytes().all(|b| b.is_ascii_lowercase() || b == b'_' || extra(b))
            };
            match parts.as_slice() {
                ["local", code, name] => {
                    matches!(code.len(), 2 | 4 | 6)
                        && digits(code)
                        && word(name, |b| b.is_ascii_digit())
                }
                [a, b] => word(a, |_| false) && word(b, |_| false),
                _ => false,
            }
        }
        other => panic!("schema pattern the test does not know: {other}"),
    }
}

struct Validator<'a> {
    root: &'a Value,
    errors: Vec<String>,
    /// (schema location, property) pairs seen in the data.
    seen: BTreeSet<String>,
}

impl<'a> Validator<'a> {
    fn resolve(&self, s: &'a Value, at: &mut String) -> &'a Value {
        match s.get("$ref").and_then(Value::as_str) {
            Some(r) => {
                let name = r.strip_prefix("#/$defs/").expect("only local $defs refs");
                *at = format!("$defs/{name}");
                let root: &'a Value = self.root;
                &root["$defs"][name]
            }
            None => s,
        }
    }

    fn check(&mut self, s: &'a Value, v: &Value, path: &str, at: &str) {
        let mut at = at.to_string();
        let s = self.resolve(s, &mut at);
        for key in s.as_object().unwrap().keys() {
            assert!(
                KEYWORDS.contains(&key.as_str()),
                "schema keyword the test does not know: {key} at {at}"
            );
        }
        if let Some(t) = s.get("type") {
            let types: Vec<&str> = match t {
                Value::String(one) => vec![one.as_str()],
                Value::Array(many) => many.iter().map(|x| x.as_str().unwrap()).collect(),
                _ => panic!("bad type at {at}"),
            };
            let ok = types.iter().any(|t| match *t {
                "string" => v.is_string(),
                "integer" => v.is_i64() || v.is_u64(),
                "boolean" => v.is_boolean(),
                "array" => v.is_array(),
                "object" => v.is_object(),
                "null" => v.is_null(),
                other => panic!("type {other} at {at}"),
            });
            if !ok {
                self.errors.push(format!("{path}: {v} is not {types:?}"));
                return;
            }
        }
        if let Some(e) = s.get("enum").and_then(Value::as_array) {
            if !e.contains(v) {
                self.errors.push(format!("{path}: {v} not in {e:?}"));
            }
        }
        if let Some(c) = s.get("const") {
            if c != v {
                self.errors.push(format!("{path}: {v} is not {c}"));
            }
        }
        if let (Some(min), Some(n)) = (s.get("minimum").and_then(Value::as_i64), v.as_i64()) {
            if n < min {
                self.errors.push(format!("{path}: {n} < {min}"));
            }
        }
        if let (Some(max), Some(n)) = (s.get("maximum").and_then(Value::as_i64), v.as_i64()) {
            if n > max {
                self.errors.push(format!("{path}: {n} > {max}"));
            }
        }
        if let (Some(p), Some(text)) = (s.get("pattern").and_then(Value::as_str), v.as_str()) {
            if !pattern_matches(p, text) {
                self.errors.push(format!("{path}: {text:?} does not match {p}"));
            }
        }
        if let (Some(items), Some(list)) = (s.get("items"), v.as_array()) {
            for (i, item) in list.iter().enumerate() {
                self.check(items, item, &format!("{path}[{i}]"), &format!("{at}/items"));
            }
        }
        if let Some(obj) = v.as_object() {
            let props = s.get("properties").and_then(Value::as_object);
            for req in s.get("required").and_then(Value::as_array).into_iter().flatten() {
                if !obj.contains_key(req.as_str().unwrap()) {
                    self.errors.push(format!("{path}: missing required {req}"));
                }
            }
            for (k, item) in obj {
                match props.and_then(|p| p.get(k)) {
                    Some(sub) => {
                        self.seen.insert(format!("{at}/{k}"));
                        self.check(sub, item, &format!("{path}.{k}"), &format!("{at}/{k}"));
                    }
                    None if s.get("additionalProperties") == Some(&Value::Bool(false)) => {
                        self.errors.push(format!("{path}: {k} is not in the schema"))
                    }
                    None => {}
                }
            }
        }
    }
}

/// Every property the schema declares, as the `seen` keys name them.
fn declared(root: &Value) -> BTreeSet<String> {
    fn walk(s: &Value, at: &str, out: &mut BTreeSet<String>) {
        if let Some(props) = s.get("properties").and_then(Value::as_object) {
            for (k, sub) in props {
                out.insert(format!("{at}/{k}"));
                if sub.get("$ref").is_none() {
                    walk(sub, &format!("{at}/{k}"), out);
                }
            }
        }
        if let Some(items) = s.get("items") {
            if items.get("$ref").is_none() {
                walk(items, &format!("{at}/items"), out);
            }
        }
    }
    let mut out = BTreeSet::new();
    walk(root, "", &mut out);
    for (name, def) in root["$defs"].as_object().unwrap() {
        walk(def, &format!("$defs/{name}"), &mut out);
    }
    out
}

fn accepted_cases() -> Vec<(String, Value)> {
    reference::cases()
        .unwrap()
        .into_iter()
        .filter(|(_, test, _)| test["expect"].get("error").is_none())
        .map(|(file, test, case)| {
            (format!("{file} :: {}", test["name"].as_str().unwrap_or("?")), case)
        })
        .collect()
}

#[test]
fn every_assessment_matches_the_assessment_schema_and_uses_all_of_it() {
    let root = schema("assessment.schema.json");
    let mut v = Validator { root: &root, errors: Vec::new(), seen: BTreeSet::new() };
    let cases = accepted_cases();
    assert!(cases.len() >= 150, "only {} reference cases", cases.len());
    for (name, case) in &cases {
        let case = Case::from_value(case).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        let a = serde_json::to_value(zhuxue_engine::assess(&case).unwrap()).unwrap();
        let before = v.errors.len();
        v.check(&root, &a, "", "");
        if v.errors.len() > before {
            v.errors.insert(before, format!("in {name}:"));
        }
    }
    assert!(v.errors.is_empty(), "{}", v.errors.join("\n"));
    let unused: Vec<_> = declared(&root).difference(&v.seen).cloned().collect();
    assert!(
        unused.is_empty(),
        "properties the schema declares but no reference assessment has: {unused:?}"
    );
}

#[test]
fn every_accepted_case_matches_the_case_schema() {
    let root = schema("case.schema.json");
    let mut v = Validator { root: &root, errors: Vec::new(), seen: BTreeSet::new() };
    for (name, case) in accepted_cases() {
        let before = v.errors.len();
        v.check(&root, &case, "", "");
        if v.errors.len() > before {
            v.errors.insert(before, format!("in {name}:"));
        }
    }
    assert!(v.errors.is_empty(), "{}", v.errors.join("\n"));
    // And the schema refuses what the engine refuses for its shape.
    let mut bad = Validator { root: &root, errors: Vec::new(), seen: BTreeSet::new() };
    let wrong = json!({"as_of": "2025-9-1", "household": {"hukou": {"region": "62010"}, "typo": 1},
        "student": {"stage": "college", "grade": 0, "enrolment": {"region": "620102", "boarding": "yes"}}});
    bad.check(&root, &wrong, "", "");
    let at: Vec<&str> = bad.errors.iter().map(|e| e.split(':').next().unwrap()).collect();
    assert_eq!(
        at,
        [
            ".as_of",
            ".household.hukou.region",
            ".household",
            ".student.enrolment.boarding",
            ".student.grade",
            ".student.stage"
        ],
        "{:#?}",
        bad.errors
    );
}

/// The schema's objects have exactly the engine's keys, and its enumerations are exactly the
/// values the engine's field reader accepts.
#[test]
fn the_case_schema_is_the_engines_vocabulary() {
    let root = schema("case.schema.json");
    fn object_at<'a>(root: &'a Value, shape: &str) -> &'a Value {
        let mut s = root;
        for part in shape.split('.').filter(|p| !p.is_empty()) {
            let (name, list) = part.strip_suffix("[]").map_or((part, false), |n| (n, true));
            s = &s["properties"][name];
            if list {
                s = &s["items"];
            }
        }
        s
    }
    let shapes = [
        "",
        "household",
        "household.hukou",
        "household.statuses[]",
        "student",
        "student.enrolment",
        "student.aid_received[]",
    ];
    for shape in shapes {
        let obj = object_at(&root, shape);
        let mut in_schema: Vec<&str> =
            obj["properties"].as_object().unwrap().keys().map(String::as_str).collect();
        let mut in_engine = case::keys(shape).to_vec();
        in_schema.sort();
        in_engine.sort();
        assert_eq!(in_schema, in_engine, "keys of {shape:?}");
        assert_eq!(obj["additionalProperties"], json!(false), "{shape:?} must refuse unknown keys");
        for key in in_engine {
            let prop = &obj["properties"][key];
            let Some(values) = prop.get("enum").and_then(Value::as_array) else { continue };
            let path = if shape.is_empty() {
                key.to_string()
            } else {
                format!("{}.{key}", shape.replace("[]", "[0]"))
            };
            for value in values.iter().filter(|v| !v.is_null()) {
                assert!(
                    case::check_field(&path, value).is_ok(),
                    "{path}: the engine refuses {value} the schema allows"
                );
            }
            assert!(
                case::check_field(&path, &json!("not_a_value")).is_err(),
                "{path}: the engine accepts a value the schema refuses"
            );
        }
    }
}
