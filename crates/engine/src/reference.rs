//! The reference cases: every policy case of `tests/cases/*.toml` (each a case and its exact
//! expected answer), compiled in, and the one harness that checks them. `cargo test` runs them
//! (`tests/policy_cases.rs`); the officer desk runs the same cases in the browser, so an
//! officer can see that the build in front of them gives the published answers
//! ("N / N 一致").
//!
//! File shape (TOML, so each case can carry comments: its source, why the boundary matters):
//! ```toml
//! theme = "…"
//! [defaults]            # a whole case
//! as_of = "2025-03-10"
//! [[tests]]
//! name = "…"
//! # Source: …
//! case = { … }          # merged onto the defaults; "<absent>" removes a default
//! expect.total_annual_yuan = 750
//! expect.entitled."compulsory.nonboarding_allowance" = { outcome = "eligible", yuan = 750 }
//! ```
//! `expect` keys:
//! - `entitled`: program → { outcome, yuan, min_yuan, max_yuan, annual_yuan, kind, form, days, payer,
//!   basis, payer_name, payer_by, level, amount_basis, met: [criterion ids], unknown: [ids],
//!   needs: [fields], excludes: [ids],
//!   text: [substrings of some criterion text] }. The set of programs is exhaustive: an
//!   entitlement the engine returns that is not listed fails the test.
//! - `local`: the same for local programs only (exhaustive over entitlements with a `level`),
//!   so an overlay's cases need not restate the national answer; `includes`: some
//!   entitlements, not exhaustive (a national program with a local figure).
//! - `not_entitled`: program → the id of the failing criterion, or { id, text }.
//! - `notices`: the exact list of notice kinds, in order.
//! - `total_annual_yuan` (cash), `local_annual_yuan` (its local part), `in_kind_annual_yuan`,
//!   `loan_annual_limit_yuan`: exact.
//! - `notice_fields` / `notice_programs`: notice kind → the field / programs it names.
//! - `error`: { field, kind } — the case must be refused.

use serde_json::Value;

// The case files, by name (`FILES`): `tests/cases/*.toml` turned into JSON by build.rs.
include!(concat!(env!("OUT_DIR"), "/cases.rs"));

/// Deep-merges `patch` onto `base`: objects merge key by key, anything else replaces, and a
/// `null` in the patch (`"<absent>"` in the TOML) removes the key.
pub fn merge(base: &mut Value, patch: &Value) {
    match (base, patch) {
        (Value::Object(b), Value::Object(p)) => {
            for (k, v) in p {
                if v.is_null() {
                    b.remove(k);
                } else {
                    merge(b.entry(k.clone()).or_insert(Value::Null), v);
                }
            }
        }
        (b, p) => *b = p.clone(),
    }
}

/// Every test of every file, in order: (file name, test, case with the file's defaults
/// applied). A file that does not parse is a failure of the self-check, not a panic.
pub fn cases() -> Result<Vec<(&'static str, Value, Value)>, String> {
    let mut out = Vec::new();
    for (name, text) in FILES {
        let theme: Value = serde_json::from_str(text).map_err(|e| format!("{name}: {e}"))?;
        let defaults = theme.get("defaults").cloned().unwrap_or(Value::Object(Default::default()));
        for test in theme["tests"].as_array().ok_or_else(|| format!("{name}: no tests"))? {
            let mut case = defaults.clone();
            merge(&mut case, &test["case"]);
            out.push((name, test.clone(), case));
        }
    }
    Ok(out)
}

/// The self-check's result: how many cases, and each one that did not give the published
/// answer (file, name and what differs).
#[derive(Debug, Default)]
pub struct SelfCheck {
    pub total: usize,
    pub failures: Vec<String>,
}

/// Runs every reference case.
pub fn run() -> SelfCheck {
    let cases = match cases() {
        Ok(c) => c,
        Err(e) => return SelfCheck { total: 0, failures: vec![e] },
    };
    let mut result = SelfCheck { total: cases.len(), failures: Vec::new() };
    for (file, test, case) in &cases {
        if let Err(msg) = check(case, &test["expect"]) {
            let name = test["name"].as_str().unwrap_or("?");
            result.failures.push(format!("{file} :: {name}\n    {msg}"));
        }
    }
    result
}

/// Checks one reference case against its expectation; the error says what differs.
pub fn check(case: &Value, expect: &Value) -> Result<(), String> {
    let parsed = crate::Case::from_value(case);
    let result = parsed.and_then(|c| crate::assess(&c));
    if let Some(err) = expect.get("error") {
        let e = match result {
            Ok(_) => return Err("expected an error, got an assessment".into()),
            Err(e) => e,
        };
        let want_field = err["field"].as_str().unwrap();
        if e.field != want_field {
            return Err(format!(
                "error field {:?}, expected {want_field:?} ({})",
                e.field, e.message
            ));
        }
        if let Some(kind) = err.get("kind") {
            let got = serde_json::to_value(e.kind).unwrap();
            if &got != kind {
                return Err(format!("error kind {got}, expected {kind}"));
            }
        }
        if let Some(text) = err.get("text").and_then(Value::as_str) {
            if !e.message.contains(text) {
                return Err(format!("error message {:?} lacks {text:?}", e.message));
            }
        }
        return Ok(());
    }
    let a = result.map_err(|e| format!("unexpected error: {} ({})", e.message, e.field))?;
    let a = serde_json::to_value(&a).unwrap();
    let entitlements = a["entitlements"].as_array().unwrap();
    if let Some(entitled) = expect.get("entitled").and_then(Value::as_object) {
        let got: Vec<&str> = entitlements.iter().map(|e| e["program"].as_str().unwrap()).collect();
        let mut want: Vec<&str> = entitled.keys().map(String::as_str).collect();
        let mut got_sorted = got.clone();
        got_sorted.sort();
        want.sort();
        if got_sorted != want {
            return Err(format!("entitlements {got_sorted:?}, expected {want:?}"));
        }
        for (program, spec) in entitled {
            let e = entitlements.iter().find(|e| e["program"] == program.as_str()).unwrap();
            check_entitlement(program, e, spec)?;
        }
    }
    // `local`: the local entitlements, exhaustive over programs with a `level`; `includes`:
    // some entitlements, national or local, not exhaustive.
    if let Some(local) = expect.get("local").and_then(Value::as_object) {
        let mut got: Vec<&str> = entitlements
            .iter()
            .filter(|e| !e["level"].is_null())
            .map(|e| e["program"].as_str().unwrap())
            .collect();
        let mut want: Vec<&str> = local.keys().map(String::as_str).collect();
        got.sort();
        want.sort();
        if got != want {
            return Err(format!("local entitlements {got:?}, expected {want:?}"));
        }
    }
    for key in ["local", "includes"] {
        for (program, spec) in expect.get(key).and_then(Value::as_object).into_iter().flatten() {
            let e = entitlements
                .iter()
                .find(|e| e["program"] == program.as_str())
                .ok_or_else(|| format!("{program}: expected among the entitlements, it is not"))?;
            check_entitlement(program, e, spec)?;
        }
    }
    if let Some(not) = expect.get("not_entitled").and_then(Value::as_object) {
        for (program, spec) in not {
            let n = a["not_entitled"]
                .as_array()
                .unwrap()
                .iter()
                .find(|n| n["program"] == program.as_str())
                .ok_or_else(|| format!("{program}: expected not_entitled, it is not there"))?;
            let failed: Vec<&Value> =
                n["criteria"].as_array().unwrap().iter().filter(|c| c["met"] == false).collect();
            let (id, text) = match spec {
                Value::String(id) => (id.as_str(), None),
                v => (v["id"].as_str().unwrap(), v["text"].as_str()),
            };
            let c = failed
                .iter()
                .find(|c| c["id"] == id)
                .ok_or_else(|| format!("{program}: failing criteria {failed:?}, expected {id}"))?;
            if let Some(text) = text {
                if !c["text"].as_str().unwrap().contains(text) {
                    return Err(format!("{program}: reason {} lacks {text:?}", c["text"]));
                }
            }
        }
    }
    if let Some(kinds) = expect.get("notices") {
        let got: Vec<Value> =
            a["notices"].as_array().unwrap().iter().map(|n| n["kind"].clone()).collect();
        if &Value::Array(got.clone()) != kinds {
            return Err(format!("notices {got:?}, expected {kinds}"));
        }
    }
    for key in
        ["total_annual_yuan", "local_annual_yuan", "in_kind_annual_yuan", "loan_annual_limit_yuan"]
    {
        if let Some(total) = expect.get(key) {
            // `local_annual_yuan` is left out of the JSON when 0.
            let got = if a[key].is_null() { Value::from(0) } else { a[key].clone() };
            if &got != total {
                return Err(format!("{key} {}, expected {total}", a[key]));
            }
        }
    }
    // `notice_fields`: kind → the field it names; `notice_programs`: kind → its programs.
    for (key, part) in [("notice_fields", "field"), ("notice_programs", "programs")] {
        for (kind, want) in expect.get(key).and_then(Value::as_object).into_iter().flatten() {
            let found = a["notices"]
                .as_array()
                .unwrap()
                .iter()
                .any(|n| n["kind"] == kind.as_str() && &n[part] == want);
            if !found {
                return Err(format!("no {kind} notice with {part} {want}: {}", a["notices"]));
            }
        }
    }
    if let Some(texts) = expect.get("notice_text").and_then(Value::as_array) {
        for t in texts {
            let t = t.as_str().unwrap();
            if !a["notices"]
                .as_array()
                .unwrap()
                .iter()
                .any(|n| n["text"].as_str().unwrap().contains(t))
            {
                return Err(format!("no notice mentions {t:?}"));
            }
        }
    }
    Ok(())
}

fn check_entitlement(program: &str, e: &Value, spec: &Value) -> Result<(), String> {
    let fail = |what: &str, got: &Value, want: &Value| {
        Err(format!("{program}: {what} = {got}, expected {want}"))
    };
    let pairs = [
        ("outcome", &e["outcome"]),
        ("yuan", &e["amount"]["yuan"]),
        ("min_yuan", &e["amount"]["min_yuan"]),
        ("max_yuan", &e["amount"]["max_yuan"]),
        ("kind", &e["amount"]["kind"]),
        ("form", &e["form"]),
        ("days", &e["amount"]["days"]),
        ("annual_yuan", &e["annual_yuan"]),
        ("payer", &e["payer"]["region"]),
        ("basis", &e["payer"]["basis"]),
        ("payer_name", &e["payer"]["name"]),
        ("amount_basis", &e["amount"]["basis"]),
        ("excludes", &e["excludes"]),
        ("level", &e["level"]),
        ("payer_by", &e["payer"]["by"]),
    ];
    for (key, got) in pairs {
        if let Some(want) = spec.get(key) {
            if got != want {
                return fail(key, got, want);
            }
        }
    }
    if spec.get("outcome").is_none() {
        return Err(format!("{program}: the expectation must state the outcome"));
    }
    if let Some(needs) = spec.get("needs") {
        let got = e.get("needs").cloned().unwrap_or(Value::Array(vec![]));
        if &got != needs {
            return fail("needs", &got, needs);
        }
    }
    let criteria = e["criteria"].as_array().unwrap();
    for (key, met) in [("met", Value::Bool(true)), ("unknown", Value::Null)] {
        for id in spec.get(key).and_then(Value::as_array).into_iter().flatten() {
            if !criteria.iter().any(|c| &c["id"] == id && c["met"] == met) {
                return Err(format!("{program}: criterion {id} not {key}: {criteria:?}"));
            }
        }
    }
    for t in spec.get("text").and_then(Value::as_array).into_iter().flatten() {
        let t = t.as_str().unwrap();
        if !criteria.iter().any(|c| c["text"].as_str().unwrap().contains(t)) {
            return Err(format!("{program}: no criterion text contains {t:?}"));
        }
    }
    if e["citations"].as_array().is_none_or(|c| c.is_empty()) {
        return Err(format!("{program}: no citations"));
    }
    Ok(())
}
