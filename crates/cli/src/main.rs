//! `zhuxue` — the command line.
//!
//! `zhuxue assess CASE.json` prints the assessment JSON (format v1) and exits 0. For a case
//! that cannot be assessed it prints `{"error": {"field", "message", "kind"}}` to stdout and
//! exits 1. `zhuxue assess -` reads the case from standard input. Usage errors exit 2.
//!
//! It never panics: a file that cannot be read is an `io` error naming the file, a closed pipe
//! on stdout ends quietly (like other Unix tools: `zhuxue assess x.json | head -c1`), a write
//! that fails for another reason (a full disk) is reported on stderr with exit code 1, and a
//! path that is not UTF-8 is read all the same.

use std::ffi::OsString;
use std::io::{ErrorKind, Read, Write};
use std::process::ExitCode;

use zhuxue_engine::CaseError;

const USAGE: &str = "用法 / usage:\n  zhuxue assess CASE.json   评估一个案例，输出评估结果 JSON\n  zhuxue assess -           从标准输入读取案例\n  zhuxue --version          规则版本";

fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    let first = args.first().and_then(|a| a.to_str());
    match (first, args.len()) {
        (Some("assess"), 2) => assess(&args[1]),
        (Some("--version" | "version"), 1) => {
            let info = zhuxue_engine::rules_info();
            let line = format!(
                "zhuxue {} (rules {}, verified {})",
                env!("CARGO_PKG_VERSION"),
                info.version,
                info.verified_on
            );
            emit(&line, ExitCode::SUCCESS)
        }
        _ => {
            let _ = writeln!(std::io::stderr(), "{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn assess(path: &OsString) -> ExitCode {
    let shown = path.to_string_lossy();
    let mut bytes = Vec::new();
    // Read one byte past the limit so an oversized input is refused as such.
    let limit = zhuxue_engine::json::MAX_INPUT_BYTES as u64 + 1;
    let read = if path == "-" {
        std::io::stdin().lock().take(limit).read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::File::open(path).and_then(|f| f.take(limit).read_to_end(&mut bytes)).map(|_| ())
    };
    if let Err(e) = read {
        let what =
            if path == "-" { "标准输入".to_string() } else { format!("案例文件 {shown}") };
        let error = CaseError::io(format!("无法读取{what}：{}", io_reason(&e)));
        return emit(&error.to_json(), ExitCode::FAILURE);
    }
    match zhuxue_engine::assess_json_bytes(&bytes) {
        Ok(json) => emit(&json, ExitCode::SUCCESS),
        Err(json) => emit(&json, ExitCode::FAILURE),
    }
}

/// The reason an IO operation failed, in Chinese where the kind is common.
fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        ErrorKind::NotFound => "文件不存在".to_string(),
        ErrorKind::PermissionDenied => "没有读取权限".to_string(),
        ErrorKind::IsADirectory => "这是一个目录，不是文件".to_string(),
        ErrorKind::InvalidData => "内容不是有效的文本".to_string(),
        _ => format!("{e}"),
    }
}

/// Writes one line to stdout. A reader that went away (broken pipe) ends the program quietly
/// with `code`; any other write failure is reported on stderr and exits 1.
fn emit(line: &str, code: ExitCode) -> ExitCode {
    let mut out = std::io::stdout().lock();
    let result = writeln!(out, "{line}").and_then(|()| out.flush());
    match result {
        Ok(()) => code,
        Err(e) if e.kind() == ErrorKind::BrokenPipe => code,
        Err(e) => {
            let error = CaseError::io(format!("无法写出结果：{}", write_reason(&e)));
            let _ = writeln!(std::io::stderr(), "{}", error.to_json());
            ExitCode::FAILURE
        }
    }
}

fn write_reason(e: &std::io::Error) -> String {
    match e.kind() {
        ErrorKind::StorageFull => "磁盘已满".to_string(),
        ErrorKind::PermissionDenied => "没有写入权限".to_string(),
        _ => format!("{e}"),
    }
}
