//! The `zhuxue` binary, run as a user would.

use std::io::Write;
use std::process::{Command, Stdio};

fn zhuxue(args: &[&str], stdin: Option<&str>) -> (i32, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_zhuxue"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(text) = stdin {
        child.stdin.take().unwrap().write_all(text.as_bytes()).unwrap();
    }
    drop(child.stdin.take());
    let out = child.wait_with_output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8(out.stdout).unwrap())
}

fn example(name: &str) -> String {
    format!("{}/../../examples/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn assesses_a_case_file() {
    let (code, out) = zhuxue(&["assess", &example("junior-boarder-gansu.json")], None);
    assert_eq!(code, 0);
    let a: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(a["term"]["school_year"], "2026-2027");
    assert_eq!(a["total_annual_yuan"], 1500);
    let boarding = a["entitlements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["program"] == "compulsory.boarding_allowance")
        .unwrap();
    assert_eq!(boarding["amount"]["yuan"], 1500);
    assert_eq!(boarding["payer"]["region"], "620102");
    assert_eq!(boarding["payer"]["basis"], "enrolment");
    assert_eq!(boarding["citations"][0]["number"], "国发〔2015〕67号");
}

#[test]
fn every_example_is_assessed_with_citations_on_every_line() {
    let dir = format!("{}/../../examples", env!("CARGO_MANIFEST_DIR"));
    let mut n = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let (code, out) = zhuxue(&["assess", path.to_str().unwrap()], None);
        assert_eq!(code, 0, "{}", path.display());
        let a: serde_json::Value = serde_json::from_str(&out).unwrap();
        for e in a["entitlements"].as_array().unwrap() {
            assert!(!e["citations"].as_array().unwrap().is_empty(), "{}", e["program"]);
            for c in e["criteria"].as_array().unwrap() {
                assert!(
                    !c["citations"].as_array().unwrap().is_empty(),
                    "{} {}",
                    e["program"],
                    c["id"]
                );
            }
        }
        let national = a["entitlements"]
            .as_array()
            .unwrap()
            .iter()
            .chain(a["not_entitled"].as_array().unwrap())
            .filter(|e| !e["program"].as_str().unwrap().starts_with("local."))
            .count();
        assert_eq!(national, 26, "every program of the national catalogue is answered");
        n += 1;
    }
    assert!(n >= 5);
}

#[test]
fn reads_stdin() {
    let text = std::fs::read_to_string(example("university-freshman.json")).unwrap();
    let (code, out) = zhuxue(&["assess", "-"], Some(&text));
    assert_eq!(code, 0);
    let a: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(a["total_annual_yuan"], 3700);
}

#[test]
fn invalid_case_prints_an_error_naming_the_field_and_exits_non_zero() {
    let text = std::fs::read_to_string(example("university-freshman.json"))
        .unwrap()
        .replace("\"grade\": 1", "\"grade\": 9");
    let (code, out) = zhuxue(&["assess", "-"], Some(&text));
    assert_eq!(code, 1);
    let e: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(e["error"]["field"], "student.grade");
    assert_eq!(e["error"]["message"], "student.grade：本科没有9年级（最高5年级）");
}

#[test]
fn not_json_and_missing_files_are_errors_not_panics() {
    let (code, out) = zhuxue(&["assess", "-"], Some("{ not json"));
    assert_eq!(code, 1);
    assert!(out.contains("\"error\""), "{out}");
    let (code, out) = zhuxue(&["assess", "/nonexistent/case.json"], None);
    assert_eq!(code, 1);
    assert!(out.contains("无法读取案例文件"), "{out}");
}

#[test]
fn usage_errors_exit_2() {
    let (code, _) = zhuxue(&["frobnicate"], None);
    assert_eq!(code, 2);
}

#[test]
fn a_closed_pipe_ends_quietly() {
    // `zhuxue assess x.json | head -c0`: the reader is gone before anything is written.
    let mut child = Command::new(env!("CARGO_BIN_EXE_zhuxue"))
        .args(["assess", &example("junior-boarder-gansu.json")])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.is_empty(), "nothing on stderr: {stderr}");
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn a_full_disk_is_an_io_error_not_a_panic() {
    if !std::path::Path::new("/dev/full").exists() {
        return;
    }
    let out = Command::new(env!("CARGO_BIN_EXE_zhuxue"))
        .args(["assess", &example("junior-boarder-gansu.json")])
        .stdout(std::fs::File::create("/dev/full").unwrap())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    let e: serde_json::Value = serde_json::from_str(stderr.trim()).unwrap();
    assert_eq!(e["error"]["kind"], "io");
    assert_eq!(e["error"]["message"], "无法写出结果：磁盘已满");
}

#[test]
#[cfg(unix)]
fn a_path_that_is_not_utf8_is_read() {
    use std::os::unix::ffi::OsStrExt;
    let dir = std::env::temp_dir().join(format!("zhuxue-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let name = std::ffi::OsStr::from_bytes(b"case-\xff.json");
    let path = dir.join(name);
    std::fs::copy(example("junior-boarder-gansu.json"), &path).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_zhuxue")).arg("assess").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let missing = dir.join(std::ffi::OsStr::from_bytes(b"missing-\xfe.json"));
    let out =
        Command::new(env!("CARGO_BIN_EXE_zhuxue")).arg("assess").arg(&missing).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let e: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(e["error"]["kind"], "io");
    assert!(e["error"]["message"].as_str().unwrap().contains("文件不存在"));
    std::fs::remove_dir_all(&dir).unwrap();
}

fn roster_example(name: &str) -> String {
    format!("{}/../../examples/roster/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// `zhuxue roster ROSTER` with the example 低保 and 脱贫户 lists, these further `--list`s, on
/// 2025-10-10, into `out`: the exit status checked, the summary line returned.
fn roster_run(roster: &str, more: &[String], out: &std::path::Path) -> String {
    let mut command = Command::new(env!("CARGO_BIN_EXE_zhuxue"));
    command
        .args(["roster", roster])
        .args(["--list", &format!("dibao={}", roster_example("dibao.csv"))])
        .args(["--list", &format!("lifted_out={}", roster_example("lifted_out.csv"))]);
    for list in more {
        command.args(["--list", list]);
    }
    let o = command.args(["--as-of", "2025-10-10", "-o"]).arg(out).output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stderr).unwrap().trim().to_string()
}

#[test]
fn roster_writes_every_row_with_its_flag_and_a_summary() {
    let dir = std::env::temp_dir().join(format!("zhuxue-roster-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for out in ["out.csv", "out.xlsx"] {
        let out = dir.join(out);
        assert_eq!(
            roster_run(&roster_example("roster-template.csv"), &[], &out),
            "共 8 行：无法评估 1，重复资助 2，不符合条件却已资助 1，应助未助 1，待核实 1，一致 2（CSV（UTF-8，带BOM），按 2025-10-10 的政策，规则 2026.11.23）"
        );
        let bytes = std::fs::read(&out).unwrap();
        let (table, _) = zhuxue_roster::table::read(&bytes, |_| true).unwrap();
        assert_eq!(table.rows.len(), 8, "every row accounted for");
        let flags: Vec<&str> = table.rows.iter().map(|r| r.cells[16].as_str()).collect();
        assert_eq!(
            flags,
            [
                "一致",
                "应助未助",
                "不符合条件却已资助",
                "重复资助",
                "重复资助",
                "待核实",
                "无法评估",
                "一致"
            ]
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn roster_reads_the_student_system_s_xls_export() {
    let dir = std::env::temp_dir().join(format!("zhuxue-roster-xls-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("out.csv");
    let xls = format!("{}/../roster/tests/data/roster-template.xls", env!("CARGO_MANIFEST_DIR"));
    assert_eq!(
        roster_run(&xls, &[], &out),
        "共 8 行：无法评估 1，重复资助 2，不符合条件却已资助 1，应助未助 1，待核实 1，一致 2（Excel 97-2003（XLS），按 2025-10-10 的政策，规则 2026.11.23）"
    );
    let (table, _) = zhuxue_roster::table::read(&std::fs::read(&out).unwrap(), |_| true).unwrap();
    assert_eq!(table.rows.len(), 8, "every row accounted for");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn roster_with_a_payment_list_finds_aid_paid_by_two_places() {
    let dir = std::env::temp_dir().join(format!("zhuxue-roster-paid-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("out.csv");
    let paid = format!("paid={}", roster_example("paid.csv"));
    // 张一's allowance was also paid by 漳县: 重复资助; 李二's, recorded by the payment list, is
    // no longer 应助未助.
    assert_eq!(
        roster_run(&roster_example("roster-template.csv"), &[paid], &out),
        "共 8 行：无法评估 1，重复资助 3，不符合条件却已资助 1，应助未助 0，待核实 1，一致 2（CSV（UTF-8，带BOM），按 2025-10-10 的政策，规则 2026.11.23）"
    );
    let bytes = std::fs::read(&out).unwrap();
    let (table, _) = zhuxue_roster::table::read(&bytes, |_| true).unwrap();
    assert_eq!(table.rows.len(), 8);
    let zhang = &table.rows[0].cells;
    assert_eq!((zhang[0].as_str(), zhang[16].as_str()), ("张一", "重复资助"));
    assert_eq!(
        zhang[17],
        "“家庭经济困难寄宿生生活补助”由两地发放：名册（就读学校所在地 岷县）、发放名单1（甘肃省定西市漳县）"
    );
    assert_eq!(table.rows[1].cells[16], "一致");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn roster_usage_and_file_errors() {
    let (code, _) = zhuxue(&["roster", &roster_example("roster-template.csv")], None);
    assert_eq!(code, 2, "no -o");
    let (code, _) = zhuxue(
        &[
            "roster",
            &roster_example("roster-template.csv"),
            "--list",
            "aliens=x.csv",
            "-o",
            "/tmp/x.csv",
        ],
        None,
    );
    assert_eq!(code, 2, "unknown list kind");
    let o = Command::new(env!("CARGO_BIN_EXE_zhuxue"))
        .args(["roster", "/nonexistent/roster.csv", "-o", "/tmp/zhuxue-never.csv"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let e: serde_json::Value = serde_json::from_slice(&o.stderr).unwrap();
    assert_eq!(e["error"]["kind"], "io");
    assert_eq!(e["error"]["message"], "无法读取 /nonexistent/roster.csv：文件不存在");
}

#[test]
fn roster_columns_can_be_chosen_by_header() {
    // A roster whose ID column has an unusual header: unmapped, every row is refused per row;
    // mapped with --map, the rows are checked.
    let dir = std::env::temp_dir().join(format!("zhuxue-map-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let roster = dir.join("r.csv");
    std::fs::write(
        &roster,
        "姓名,号码,学段,年级,户籍地,户籍类型,是否寄宿,学校位置,困难认定等级\n李二,62112620130918022X,初中,初一,岷县,农村,走读,乡镇,不困难\n",
    )
    .unwrap();
    let out = dir.join("o.csv");
    let run = |extra: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_zhuxue"))
            .arg("roster")
            .arg(&roster)
            .args(extra)
            .args(["--as-of", "2025-10-10", "-o"])
            .arg(&out)
            .output()
            .unwrap()
    };
    let o = run(&[]);
    assert!(String::from_utf8_lossy(&o.stderr).contains("无法评估 1"));
    let o = run(&["--map", "身份证号=号码"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("一致 1"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let o = run(&["--map", "身份证号=没有这列"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("名册中没有表头“没有这列”"));
    std::fs::remove_dir_all(&dir).unwrap();
}
