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

/// Every case file on disk is compiled into the reference set, and nothing else is.
#[test]
fn the_reference_set_is_every_case_file() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let mut on_disk: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".toml"))
        .collect();
    on_disk.sort();
    let compiled: Vec<String> = reference::FILES.iter().map(|(n, _)| n.to_string()).collect();
    assert_eq!(compiled, on_disk);
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
