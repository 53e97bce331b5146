//! Policy cases: every file in `tests/cases/*.toml` is a theme (one per program or topic),
//! each test a case and its exact expected answer. The files and the harness are in
//! `zhuxue_engine::reference` (compiled in, so the officer desk runs the same cases in the
//! browser); the file shape and `expect` keys are documented there.

use zhuxue_engine::reference;

#[test]
fn policy_cases() {
    let result = reference::run();
    assert!(result.total >= 60, "expected at least 60 policy cases, found {}", result.total);
    assert!(
        result.failures.is_empty(),
        "{} of {} policy cases failed:\n{}",
        result.failures.len(),
        result.total,
        result.failures.join("\n")
    );
}

/// Every case file on disk is compiled into the reference set, and nothing else is: the
/// national cases (tests/cases/) and each local overlay's cases beside it.
#[test]
fn the_reference_set_is_every_case_file() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut on_disk: Vec<String> = std::fs::read_dir(root.join("tests/cases"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".toml"))
        .collect();
    on_disk.sort();
    let mut local = Vec::new();
    for dir in std::fs::read_dir(root.join("policy/local")).unwrap() {
        for file in std::fs::read_dir(dir.unwrap().path()).unwrap() {
            let path = file.unwrap().path();
            if path.to_string_lossy().ends_with(".cases.toml") {
                local.push(path.strip_prefix(root).unwrap().display().to_string());
            }
        }
    }
    local.sort();
    on_disk.extend(local);
    let compiled: Vec<String> = reference::FILES.iter().map(|(n, _)| n.to_string()).collect();
    assert_eq!(compiled, on_disk);
}

/// Every local program has cases in the file beside its overlay: at least one where it is an
/// entitlement and one where it is not (the place next door, a failed condition, a date).
#[test]
fn every_local_program_has_cases_both_ways() {
    let cases = reference::cases().unwrap();
    for (overlay, p) in zhuxue_engine::local::programs() {
        let beside = overlay.path.replace(".toml", ".cases.toml");
        let mine: Vec<&serde_json::Value> =
            cases.iter().filter(|(f, _, _)| *f == beside).map(|(_, t, _)| &t["expect"]).collect();
        let id = p.info.id;
        let given = mine.iter().any(|e| !e["local"][id].is_null() || !e["includes"][id].is_null());
        let refused = mine.iter().any(|e| !e["not_entitled"][id].is_null());
        assert!(given, "{id}: no case in {beside} where it is an entitlement");
        assert!(refused, "{id}: no case in {beside} where it is refused");
    }
}

/// The harness catches a wrong answer: a changed expectation fails with the difference named.
#[test]
fn the_harness_fails_on_a_wrong_expectation() {
    let cases = reference::cases().unwrap();
    let (_, test, case) = cases
        .iter()
        .find(|(f, t, _)| *f == "compulsory.toml" && t["expect"]["total_annual_yuan"] == 750)
        .unwrap();
    let mut expect = test["expect"].clone();
    expect["total_annual_yuan"] = serde_json::json!(751);
    let e = reference::check(case, &expect).unwrap_err();
    assert_eq!(e, "total_annual_yuan 750, expected 751");
}

/// One case by file and position, as its own test (the generated tests below, one per case,
/// named after the file, the case's number and its name).
fn run_case(file: &str, index: usize) {
    let cases = reference::cases().unwrap();
    let (_, test, case) = cases.iter().filter(|(f, _, _)| *f == file).nth(index).unwrap();
    if let Err(msg) = reference::check(case, &test["expect"]) {
        panic!("{file} :: {}\n    {msg}", test["name"].as_str().unwrap_or("?"));
    }
}

include!(concat!(env!("OUT_DIR"), "/case_tests.rs"));

/// "<absent>" in a TOML case removes a default; in an expectation it says the value is absent.
#[test]
fn absent_removes_a_default_and_expects_no_value() {
    let cases = reference::cases().unwrap();
    let (_, _, case) = cases
        .iter()
        .find(|(f, t, _)| {
            *f == "errors.toml"
                && t["case"].get("household").is_some_and(serde_json::Value::is_null)
        })
        .unwrap();
    assert!(case.get("household").is_none(), "{case}");
    let (_, test, _) = cases
        .iter()
        .find(|(f, t, _)| {
            *f == "compulsory.toml"
                && t["expect"]["entitled"]["compulsory.tuition_waiver"]["yuan"].is_null()
                && t["expect"]["entitled"]["compulsory.tuition_waiver"].get("yuan").is_some()
        })
        .unwrap();
    assert_eq!(test["expect"]["total_annual_yuan"], 750);
}
