//! Every class of bad input, run through the `zhuxue` binary as a user would, with the exit
//! code, error kind, field and message it gets. The table in `docs/bad-input.md` is generated
//! from this run and checked against it, so it cannot go stale:
//! `ZHUXUE_UPDATE_DOCS=1 cargo test -p zhuxue-cli --test bad_input` rewrites it.

use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::{json, Value};

fn base() -> Value {
    json!({
        "as_of": "2025-03-10",
        "household": { "hukou": { "region": "430923", "area": "rural" }, "statuses": [] },
        "student": { "stage": "junior", "grade": 2, "enrolment": { "region": "430923", "boarding": false } }
    })
}

/// The base case with one JSON pointer set (or removed, for `None`).
fn with(pointer: &str, value: Option<Value>) -> Vec<u8> {
    let mut case = base();
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    let obj = case.pointer_mut(parent).and_then(Value::as_object_mut).unwrap();
    match value {
        Some(v) => obj.insert(key.to_string(), v),
        None => obj.remove(key),
    };
    serde_json::to_vec(&case).unwrap()
}

fn text(s: &str) -> Vec<u8> {
    s.as_bytes().to_vec()
}

fn utf16(s: &str, bom: bool) -> Vec<u8> {
    let mut out = if bom { vec![0xFF, 0xFE] } else { Vec::new() };
    for unit in s.encode_utf16() {
        out.extend_from_slice(&unit.to_le_bytes());
    }
    out
}

enum Input {
    Stdin(Vec<u8>),
    Path(String),
}

/// (class, what the input is, the input).
fn classes() -> Vec<(&'static str, &'static str, Input)> {
    use Input::*;
    let case = serde_json::to_vec(&base()).unwrap();
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend_from_slice(&case);
    let mut nul = case.clone();
    nul.insert(10, 0);
    let gbk = {
        // 「初中」 in GBK inside an otherwise valid case.
        let mut v = with("/student/stage", Some(json!("XX")));
        let at = v.windows(4).position(|w| w == b"\"XX\"").unwrap() + 1;
        v.splice(at..at + 2, [0xB3, 0xF5, 0xD6, 0xD0]);
        v
    };
    let deep = format!("{}{}", "[".repeat(100), "]".repeat(100));
    let huge = format!("{{\"as_of\": \"{}\"}}", "x".repeat(300 * 1024));
    let long_stage = "初中".repeat(200);
    let dup = String::from_utf8(case.clone()).unwrap().replacen(
        "\"grade\":2",
        "\"grade\":2,\"grade\":3",
        1,
    );
    vec![
        ("valid case (for reference)", "the base case", Stdin(case.clone())),
        ("UTF-8 with a byte-order mark", "EF BB BF + the base case", Stdin(bom)),
        ("empty input", "0 bytes", Stdin(Vec::new())),
        ("whitespace only", "\"  \\n\"", Stdin(text("  \n"))),
        ("not JSON", "`hello`", Stdin(text("hello"))),
        (
            "truncated JSON",
            "`{\"as_of\": \"2025-03-10\"`",
            Stdin(text("{\"as_of\": \"2025-03-10\"")),
        ),
        ("text after the JSON", "`{…} x`", Stdin([case.clone(), text(" x")].concat())),
        ("a list instead of an object", "`[1, 2]`", Stdin(text("[1, 2]"))),
        ("a string instead of an object", "`\"case\"`", Stdin(text("\"case\""))),
        ("null", "`null`", Stdin(text("null"))),
        ("UTF-16 with a byte-order mark", "FF FE + UTF-16LE", Stdin(utf16("{\"as_of\": 1}", true))),
        ("UTF-16 without a byte-order mark", "UTF-16LE", Stdin(utf16("{\"as_of\": 1}", false))),
        ("GBK bytes (not UTF-8)", "stage 「初中」 in GBK", Stdin(gbk)),
        ("a NUL byte", "00 inside the text", Stdin(nul)),
        ("over the size limit", "300 KB", Stdin(huge.into_bytes())),
        ("nested too deep", "100 nested lists", Stdin(deep.into_bytes())),
        ("duplicate key", "`\"grade\": 2, \"grade\": 3`", Stdin(dup.into_bytes())),
        ("unknown top-level field", "`\"note\": \"x\"`", Stdin(with("/note", Some(json!("x"))))),
        (
            "misspelt optional field",
            "`student.hardshp`",
            Stdin(with("/student/hardshp", Some(json!("special")))),
        ),
        (
            "field in the wrong object",
            "`student.boarding`",
            Stdin(with("/student/boarding", Some(json!(true)))),
        ),
        ("missing as_of", "no `as_of`", Stdin(with("/as_of", None))),
        ("missing household", "no `household`", Stdin(with("/household", None))),
        ("missing stage", "no `student.stage`", Stdin(with("/student/stage", None))),
        ("missing grade", "no `student.grade`", Stdin(with("/student/grade", None))),
        (
            "missing school region",
            "no `student.enrolment.region`",
            Stdin(with("/student/enrolment/region", None)),
        ),
        ("date as a number", "`\"as_of\": 20250310`", Stdin(with("/as_of", Some(json!(20250310))))),
        ("impossible date", "`2025-02-30`", Stdin(with("/as_of", Some(json!("2025-02-30"))))),
        (
            "date outside the supported years",
            "`2200-01-01`",
            Stdin(with("/as_of", Some(json!("2200-01-01")))),
        ),
        (
            "date before the rules' coverage",
            "`2017-01-31`",
            Stdin(with("/as_of", Some(json!("2017-01-31")))),
        ),
        (
            "date in another format",
            "`2025/03/10`",
            Stdin(with("/as_of", Some(json!("2025/03/10")))),
        ),
        (
            "region with five digits",
            "`43092`",
            Stdin(with("/household/hukou/region", Some(json!("43092")))),
        ),
        (
            "region as a number",
            "`430923` (number)",
            Stdin(with("/household/hukou/region", Some(json!(430923)))),
        ),
        (
            "region with a sign",
            "`+620102`",
            Stdin(with("/household/hukou/region", Some(json!("+620102")))),
        ),
        (
            "region in full-width digits",
            "`４３０９２３`",
            Stdin(with("/household/hukou/region", Some(json!("４３０９２３")))),
        ),
        (
            "region not in the code table",
            "`999999`",
            Stdin(with("/household/hukou/region", Some(json!("999999")))),
        ),
        (
            "prefecture instead of county",
            "`430900`",
            Stdin(with("/student/enrolment/region", Some(json!("430900")))),
        ),
        ("unknown stage", "`college`", Stdin(with("/student/stage", Some(json!("college"))))),
        (
            "value with bidi controls",
            "`junior` + U+202E",
            Stdin(with("/student/stage", Some(json!("junior\u{202E}x")))),
        ),
        (
            "value with a line break",
            "`jun\\nior`",
            Stdin(with("/student/stage", Some(json!("jun\nior")))),
        ),
        ("very long value", "「初中」×200", Stdin(with("/student/stage", Some(json!(long_stage))))),
        ("grade zero", "`0`", Stdin(with("/student/grade", Some(json!(0))))),
        (
            "grade with a fraction",
            "`2.0`",
            Stdin(text(&String::from_utf8(case.clone()).unwrap().replacen(
                "\"grade\":2",
                "\"grade\":2.0",
                1,
            ))),
        ),
        ("grade as text", "`\"2\"`", Stdin(with("/student/grade", Some(json!("2"))))),
        ("negative grade", "`-1`", Stdin(with("/student/grade", Some(json!(-1))))),
        ("grade beyond the stage", "junior grade 5", Stdin(with("/student/grade", Some(json!(5))))),
        (
            "huge grade",
            "`10000000000`",
            Stdin(with("/student/grade", Some(json!(10_000_000_000u64)))),
        ),
        (
            "yes/no as text",
            "`\"boarding\": \"yes\"`",
            Stdin(with("/student/enrolment/boarding", Some(json!("yes")))),
        ),
        ("unknown hardship level", "`very`", Stdin(with("/student/hardship", Some(json!("very"))))),
        (
            "unknown status kind",
            "`poor`",
            Stdin(with("/household/statuses", Some(json!([{ "kind": "poor" }])))),
        ),
        (
            "status ends before it starts",
            "from 2024-05-01 to 2024-04-30",
            Stdin(with(
                "/household/statuses",
                Some(json!([{ "kind": "dibao", "from": "2024-05-01", "to": "2024-04-30" }])),
            )),
        ),
        ("statuses not a list", "`{}`", Stdin(with("/household/statuses", Some(json!({}))))),
        (
            "enrolment not an object",
            "`\"430923\"`",
            Stdin(with("/student/enrolment", Some(json!("430923")))),
        ),
        (
            "unknown program in aid received",
            "`compulsory.bonus`",
            Stdin(with(
                "/student/aid_received",
                Some(json!([{ "program": "compulsory.bonus", "region": "430923" }])),
            )),
        ),
        (
            "out-of-province check in the home province",
            "`out_of_province_checked: true`",
            Stdin(with("/student/out_of_province_checked", Some(json!(true)))),
        ),
        (
            "born after the as-of date",
            "`birth_date: 2026-01-01`",
            Stdin(with("/student/birth_date", Some(json!("2026-01-01")))),
        ),
        (
            "file not found",
            "a path that does not exist",
            Path("/nonexistent/zhuxue-case.json".into()),
        ),
        ("a directory instead of a file", "`/`", Path("/".into())),
    ]
}

fn run(input: &Input) -> (i32, String) {
    let (arg, stdin) = match input {
        Input::Stdin(bytes) => ("-".to_string(), bytes.clone()),
        Input::Path(p) => (p.clone(), Vec::new()),
    };
    let mut child = Command::new(env!("CARGO_BIN_EXE_zhuxue"))
        .args(["assess", &arg])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The program may stop reading early (oversized input); a closed pipe here is fine.
    let _ = child.stdin.take().unwrap().write_all(&stdin);
    let out = child.wait_with_output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8(out.stdout).unwrap())
}

fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

#[test]
fn every_bad_input_class_gets_a_clear_error_and_the_table_is_current() {
    let classes = classes();
    assert!(classes.len() >= 46, "at least 45 bad-input classes besides the valid one");
    let mut table = String::from(
        "# Bad input: what the command line answers\n\n\
         Generated by `crates/cli/tests/bad_input.rs`, which runs every class through `zhuxue assess`\n\
         and fails when this file differs from what the program prints\n\
         (`ZHUXUE_UPDATE_DOCS=1 cargo test -p zhuxue-cli --test bad_input` rewrites it). The same\n\
         reader serves the JS API and the app, so they refuse exactly these inputs too.\n\n\
         Exit codes: 0 assessed, 1 the case cannot be assessed (the error is printed as JSON on\n\
         stdout), 2 usage. Error kinds: `syntax`, `encoding`, `too_large`, `unknown_field`,\n\
         `missing`, `invalid`, `contradiction`, `no_rule_in_force`, `io`.\n\n\
         | # | class | input | exit | kind | field | message |\n|---|---|---|---|---|---|---|\n",
    );
    for (i, (class, what, input)) in classes.iter().enumerate() {
        let (code, out) = run(input);
        let v: Value = serde_json::from_str(out.trim())
            .unwrap_or_else(|e| panic!("{class}: output is not JSON ({e}): {out}"));
        let (kind, field, message) = match v.get("error") {
            Some(e) => {
                let message = e["message"].as_str().unwrap_or_default();
                let field = e["field"].as_str().unwrap_or_default();
                assert_eq!(code, 1, "{class}: an error exits 1");
                assert!(!message.is_empty(), "{class}: an error has a message");
                assert!(
                    message.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                    "{class}: the message is in Chinese: {message}"
                );
                assert!(message.chars().count() <= 200, "{class}: message too long: {message}");
                assert!(
                    !message
                        .chars()
                        .any(|c| c.is_control() || ('\u{202A}'..='\u{202E}').contains(&c)),
                    "{class}: the message shows control or bidi characters raw"
                );
                (
                    e["kind"].as_str().unwrap_or_default().to_string(),
                    field.to_string(),
                    message.to_string(),
                )
            }
            None => {
                assert_eq!(code, 0, "{class}: an assessment exits 0");
                assert!(i < 2, "{class}: expected an error, got an assessment");
                (
                    "—".into(),
                    "—".into(),
                    format!(
                        "assessed ({} entitlements)",
                        v["entitlements"].as_array().map_or(0, Vec::len)
                    ),
                )
            }
        };
        if i >= 2 {
            assert_ne!(kind, "—", "{class}");
        }
        table.push_str(&format!(
            "| {} | {} | {} | {code} | {} | {} | {} |\n",
            i + 1,
            cell(class),
            cell(what),
            cell(&kind),
            if field.is_empty() { "—".to_string() } else { format!("`{}`", cell(&field)) },
            cell(&message)
        ));
    }
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/bad-input.md");
    if std::env::var_os("ZHUXUE_UPDATE_DOCS").is_some() {
        std::fs::write(path, &table).unwrap();
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        committed == table,
        "docs/bad-input.md is stale: run ZHUXUE_UPDATE_DOCS=1 cargo test -p zhuxue-cli --test bad_input"
    );
}
