//! Tidy checks: the engine's invariants, enforced as ordinary tests.

use std::path::Path;

fn engine_sources() -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut stack = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("src")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push((path.display().to_string(), std::fs::read_to_string(&path).unwrap()));
            }
        }
    }
    out
}

/// Invariant 1: no UI crates, no IO, no clock in the engine.
#[test]
fn engine_has_no_ui_io_or_clock() {
    let manifest =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml")).unwrap();
    let deps = manifest.split("[dependencies]").nth(1).unwrap().split("\n[").next().unwrap();
    for banned in ["yew", "web-sys", "gloo", "wasm-bindgen", "js-sys", "chrono", "time"] {
        assert!(
            !deps.lines().any(|l| l.trim_start().starts_with(&format!("{banned} "))
                || l.trim_start().starts_with(&format!("{banned}="))),
            "engine must not depend on {banned}"
        );
    }
    for (path, text) in engine_sources() {
        for banned in [
            "std::fs",
            "std::net",
            "std::time",
            "SystemTime",
            "Instant::",
            "std::env",
            "println!",
            "std::io",
        ] {
            assert!(!text.contains(banned), "{path} uses {banned}");
        }
    }
}

/// Invariant 5: money is integer yuan; no floating point in the engine.
#[test]
fn engine_has_no_floating_point() {
    for (path, text) in engine_sources() {
        // The JSON reader's one mention: the visitor method that refuses fractional numbers.
        let text = text.replace("fn visit_f64<E: de::Error>(self, _: f64)", "");
        assert!(!text.contains("f64") && !text.contains("f32"), "{path} uses floating point");
    }
}

/// Invariant 2: no amount in Rust code. Four-digit yuan figures in string literals or code
/// would be a sign of a hard-coded amount; the rules read them from data.
#[test]
fn rules_contain_no_hard_coded_amounts() {
    for (path, text) in engine_sources() {
        if !path.contains("rules") {
            continue;
        }
        for amount in [
            "500", "625", "750", "1000", "1250", "1500", "2000", "2300", "3000", "3300", "3700",
            "6000", "10000", "16000", "20000", "25000",
        ] {
            for (n, line) in text.lines().enumerate() {
                let code = line.split("//").next().unwrap();
                let hit = code.match_indices(amount).any(|(i, _)| {
                    let before = code[..i].chars().last();
                    let after = code[i + amount.len()..].chars().next();
                    !before.is_some_and(|c| c.is_ascii_digit() || c == '_')
                        && !after.is_some_and(|c| c.is_ascii_digit() || c == '_')
                });
                assert!(!hit, "{path}:{}: literal {amount} looks like a hard-coded amount", n + 1);
            }
        }
    }
}
