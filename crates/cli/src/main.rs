//! `zhuxue` — the command line.
//!
//! `zhuxue assess CASE.json` prints the assessment JSON (format v1) and exits 0. For a case
//! that cannot be assessed it prints `{"error": {"field", "message", "kind"}}` to stdout and
//! exits 1. `zhuxue assess -` reads the case from standard input. Usage errors exit 2.

use std::io::Read;
use std::process::ExitCode;

const USAGE: &str = "用法 / usage:\n  zhuxue assess CASE.json   评估一个案例，输出评估结果 JSON\n  zhuxue assess -           从标准输入读取案例\n  zhuxue --version          规则版本";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["assess", path] => assess(path),
        ["--version" | "version"] => {
            let info = zhuxue_engine::rules_info();
            println!(
                "zhuxue {} (rules {}, verified {})",
                env!("CARGO_PKG_VERSION"),
                info.version,
                info.verified_on
            );
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn assess(path: &str) -> ExitCode {
    let mut text = String::new();
    let read = if path == "-" {
        std::io::stdin().read_to_string(&mut text).map(|_| ())
    } else {
        std::fs::read(path).map(|bytes| text = String::from_utf8_lossy(&bytes).into_owned())
    };
    if let Err(e) = read {
        let error = zhuxue_engine::CaseError::syntax(format!("无法读取案例文件 {path}：{e}"));
        println!("{}", error.to_json());
        return ExitCode::FAILURE;
    }
    match zhuxue_engine::assess_json(&text) {
        Ok(json) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(json) => {
            println!("{json}");
            ExitCode::FAILURE
        }
    }
}
