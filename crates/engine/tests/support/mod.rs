//! Shared by the policy-case harness and the benchmark: reading the case files.

use std::path::Path;

use serde_json::Value;

/// Deep-merges `patch` onto `base`: objects merge key by key, anything else replaces, and a
/// `null` in the patch removes the key.
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

/// Every test of every theme file in `tests/cases/`, in file order: (file name, test, case
/// with the theme's defaults applied).
pub fn load_cases() -> Vec<(String, Value, Value)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    let mut out = Vec::new();
    for file in files.iter().filter(|f| f.extension().is_some_and(|e| e == "json")) {
        let theme: Value = serde_json::from_str(&std::fs::read_to_string(file).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let defaults = theme.get("defaults").cloned().unwrap_or(Value::Object(Default::default()));
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        for test in theme["tests"].as_array().expect("tests array") {
            let mut case = defaults.clone();
            merge(&mut case, &test["case"]);
            out.push((name.clone(), test.clone(), case));
        }
    }
    out
}
