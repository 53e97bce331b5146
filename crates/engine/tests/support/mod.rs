//! Shared by the benchmark: the reference cases (`zhuxue_engine::reference`).

use serde_json::Value;

/// Every test of every theme file, in file order: (file name, test, case with the theme's
/// defaults applied).
pub fn load_cases() -> Vec<(String, Value, Value)> {
    zhuxue_engine::reference::cases()
        .expect("the reference case files parse")
        .into_iter()
        .map(|(f, t, c)| (f.to_string(), t, c))
        .collect()
}
