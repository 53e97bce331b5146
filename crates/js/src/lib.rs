//! The JS API: the engine compiled to an ES module for portals and scripts, with no server.
//!
//! The Rust side speaks JSON text (the engine's own strict reader checks every case exactly as
//! the CLI and the app do); `pkg-files/index.js` turns it into plain objects and typed errors,
//! and `pkg-files/index.d.ts` types it after `docs/schema/`. `scripts/build-js.sh` builds the
//! package directory (`dist/api/`), usable without a bundler.

use serde_json::{json, Value};
use wasm_bindgen::prelude::*;
use zhuxue_engine::{policy, CaseError};

// The Wasm allocator: smaller than Rust's default (dlmalloc); see Cargo.toml.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// The assessment of a case (JSON text), or `{"error": {field, message, kind}}`.
#[wasm_bindgen(js_name = assessJson)]
pub fn assess_json(case: &str) -> String {
    match zhuxue_engine::assess_json(case) {
        Ok(text) | Err(text) => text,
    }
}

/// `{"valid": true}`, or `{"valid": false, "error": {field, message, kind}}`: the same checks
/// as `assess`, without the assessment.
#[wasm_bindgen(js_name = validateJson)]
pub fn validate_json(case: &str) -> String {
    let result = zhuxue_engine::Case::from_json(case)
        .and_then(|case| zhuxue_engine::validate::validate(&case));
    match result {
        Ok(()) => json!({ "valid": true }).to_string(),
        Err(e) => json!({ "valid": false, "error": e }).to_string(),
    }
}

/// Every program the rules know, national then local: id, names, dates in force, payer
/// basis, how to apply, and its documents; a local program also its level, the places it
/// covers (code prefixes), which place decides, who pays, and its overlay file.
#[wasm_bindgen(js_name = programsJson)]
pub fn programs_json() -> String {
    let local = zhuxue_engine::local::programs().map(|(o, p)| {
        let mut v = program(&p.info);
        v["level"] = json!(p.level);
        v["regions"] = json!(p.prefixes);
        v["payer_by"] = json!(p.payer);
        v["file"] = json!(o.path);
        v
    });
    let list: Vec<Value> = policy::PROGRAMS.iter().map(program).chain(local).collect();
    Value::Array(list).to_string()
}

fn program(p: &policy::ProgramInfo) -> Value {
    {
        {
            let citations: Vec<_> =
                p.citations.iter().filter_map(|id| policy::citation(id)).collect();
            json!({
                "id": p.id,
                "name": p.name,
                "name_en": p.name_en,
                "from": p.from,
                "until": p.until,
                "payer": p.payer,
                "apply": { "where": p.apply_where, "when": p.apply_when, "documents": p.documents },
                "citations": citations,
            })
        }
    }
}

/// The rules version, the day its figures were last verified, the first day it covers, and
/// its scope.
#[wasm_bindgen(js_name = rulesInfoJson)]
pub fn rules_info_json() -> String {
    serde_json::to_string(&zhuxue_engine::rules_info())
        .unwrap_or_else(|e| CaseError::syntax(e.to_string()).to_json())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Value {
        serde_json::from_str(text).unwrap()
    }

    const CASE: &str = include_str!("../../../examples/junior-boarder-gansu.json");

    #[test]
    fn assess_returns_the_engines_assessment_or_its_error() {
        let a = parse(&assess_json(CASE));
        assert_eq!(a, parse(&zhuxue_engine::assess_json(CASE).unwrap()));
        assert!(a["entitlements"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["program"] == "compulsory.boarding_allowance"));
        let e = parse(&assess_json(r#"{"as_of": "2025-10-10"}"#));
        assert_eq!(
            e,
            json!({"error": {"field": "household", "message": "缺少必填项 household", "kind": "missing"}})
        );
    }

    #[test]
    fn validate_answers_valid_or_the_error() {
        assert_eq!(parse(&validate_json(CASE)), json!({"valid": true}));
        let bad = CASE.replace("\"grade\": 2", "\"grade\": 9");
        let v = parse(&validate_json(&bad));
        assert_eq!(v["valid"], false);
        assert_eq!(v["error"]["field"], "student.grade");
        assert_eq!(v["error"]["kind"], "invalid");
        assert_eq!(v["error"]["message"], "student.grade：初中没有9年级（最高4年级）");
    }

    #[test]
    fn programs_and_rules_info() {
        let programs = parse(&programs_json());
        let list = programs.as_array().unwrap();
        assert_eq!(list.len(), policy::PROGRAMS.len() + zhuxue_engine::local::programs().count());
        let yanbao = list.iter().find(|p| p["id"] == "local.64.yanbao_scholarship").unwrap();
        assert_eq!(yanbao["level"], "foundation");
        assert_eq!(yanbao["payer_by"], "宁夏燕宝慈善基金会");
        assert_eq!(yanbao["regions"].as_array().unwrap().len(), 9);
        let boarding = list.iter().find(|p| p["id"] == "compulsory.boarding_allowance").unwrap();
        assert_eq!(boarding["name"], "家庭经济困难寄宿生生活补助");
        assert!(boarding["citations"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["number"] == "国发〔2015〕67号"));
        let info = parse(&rules_info_json());
        assert_eq!(info["version"], policy::META.version);
        assert_eq!(info["scope"], "national+local");
        assert!(info["overlays"].as_array().unwrap().iter().any(|o| o["region"] == "620623"
            && o["file"] == "policy/local/62-甘肃/620623-天祝藏族自治县.toml"));
    }
}
