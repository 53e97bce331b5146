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

const USAGE: &str = "用法 / usage:\n  zhuxue assess CASE.json   评估一个案例，输出评估结果 JSON\n  zhuxue assess -           从标准输入读取案例\n  zhuxue roster ROSTER.csv|.xlsx [--list KIND=FILE]... [--map 列=表头]... [--as-of YYYY-MM-DD] -o OUT.csv|OUT.xlsx\n                            名册比对（KIND：dibao tekun lifted_out monitored disabled orphan low_income paid（资助发放名单） previous（上学期比对结果，说明中写出本学期的变化）；\n                            --map 身份证号=证件号码 指定某列读取哪个表头，docs/roster.md 列出所有列）\n  zhuxue --version          规则版本";

fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    let first = args.first().and_then(|a| a.to_str());
    match (first, args.len()) {
        (Some("assess"), 2) => assess(&args[1]),
        (Some("roster"), _) => roster(&args[1..]),
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

/// `zhuxue roster`: reads the roster and the lists, checks every row, writes the report, and
/// prints a one-line summary on stderr. Exit 0 when the report was written (whatever the
/// flags), 1 when a file could not be read or written, 2 on usage errors.
fn roster(args: &[OsString]) -> ExitCode {
    let usage = |why: &str| {
        let _ = writeln!(std::io::stderr(), "{why}\n{USAGE}");
        ExitCode::from(2)
    };
    let mut roster_path = None;
    let mut lists = Vec::new();
    let mut out_path = None;
    let mut as_of = None;
    let mut maps: Vec<(zhuxue_roster::columns::Column, String)> = Vec::new();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.to_str() {
            Some("--list") => {
                let Some(spec) = it.next().and_then(|s| s.to_str()) else {
                    return usage("--list 需要 KIND=FILE");
                };
                let Some((kind, file)) = spec.split_once('=') else {
                    return usage("--list 需要 KIND=FILE");
                };
                let Some(kind) = zhuxue_roster::ListKind::parse(kind) else {
                    return usage(&format!("未知的名单类别 {kind}"));
                };
                lists.push((kind, OsString::from(file)));
            }
            Some("--map") => {
                let Some((column, header)) =
                    it.next().and_then(|s| s.to_str()).and_then(|s| s.split_once('='))
                else {
                    return usage("--map 需要 列=表头（如 身份证号=证件号码）");
                };
                let Some(column) =
                    zhuxue_roster::columns::Column::ALL.into_iter().find(|c| c.header() == column)
                else {
                    return usage(&format!("未知的列 {column}（见 docs/roster.md）"));
                };
                maps.push((column, header.to_string()));
            }
            Some("-o" | "--output") => out_path = it.next().cloned(),
            Some("--as-of") => {
                let Some(d) =
                    it.next().and_then(|s| s.to_str()).and_then(zhuxue_engine::date::Date::parse)
                else {
                    return usage("--as-of 需要 YYYY-MM-DD 格式的日期");
                };
                as_of = Some(d);
            }
            _ if roster_path.is_none() => roster_path = Some(arg.clone()),
            _ => return usage(&format!("多余的参数 {}", arg.to_string_lossy())),
        }
    }
    let (Some(roster_path), Some(out_path)) = (roster_path, out_path) else {
        return usage("需要名册文件和 -o 输出文件");
    };
    let read = |path: &OsString| {
        std::fs::read(path).map_err(|e| {
            CaseError::io(format!("无法读取 {}：{}", path.to_string_lossy(), io_reason(&e)))
        })
    };
    let fail = |e: CaseError| {
        let _ = writeln!(std::io::stderr(), "{}", e.to_json());
        ExitCode::FAILURE
    };
    let roster_bytes = match read(&roster_path) {
        Ok(b) => b,
        Err(e) => return fail(e),
    };
    let mut list_bytes = Vec::new();
    for (kind, path) in &lists {
        match read(path) {
            Ok(b) => list_bytes.push((*kind, b)),
            Err(e) => return fail(e),
        }
    }
    // A header the officer names is looked up in the roster's header row.
    let headers = match zhuxue_roster::headers(&roster_bytes) {
        Ok(h) => h,
        Err(e) => return fail(CaseError::new("", e, zhuxue_engine::error::ErrorKind::Invalid)),
    };
    let mut mapping = Vec::new();
    for (column, header) in maps {
        if header.is_empty() {
            mapping.push((column, zhuxue_roster::MapTo::Nothing));
            continue;
        }
        match headers.iter().position(|h| h.trim() == header) {
            Some(i) => mapping.push((column, zhuxue_roster::MapTo::Index(i))),
            None => {
                return usage(&format!("名册中没有表头“{header}”；表头有：{}", headers.join("、")))
            }
        }
    }
    let options = zhuxue_roster::Options { as_of: as_of.unwrap_or_else(today), mapping };
    let report = match zhuxue_roster::check(&roster_bytes, &list_bytes, &options) {
        Ok(r) => r,
        Err(e) => return fail(CaseError::new("", e, zhuxue_engine::error::ErrorKind::Invalid)),
    };
    let out_name = out_path.to_string_lossy().to_lowercase();
    let bytes = if out_name.ends_with(".xlsx") {
        match zhuxue_roster::export::xlsx(&report) {
            Ok(b) => b,
            Err(e) => return fail(CaseError::io(e)),
        }
    } else {
        zhuxue_roster::export::csv(&report)
    };
    if let Err(e) = std::fs::write(&out_path, bytes) {
        return fail(CaseError::io(format!(
            "无法写出 {}：{}",
            out_path.to_string_lossy(),
            write_reason(&e)
        )));
    }
    // One line; a list with refused ID numbers is named, with the first reason.
    let refused: String = report
        .lists
        .iter()
        .filter(|l| l.refused > 0)
        .map(|l| format!("；{}", l.summary()))
        .collect();
    let _ = writeln!(
        std::io::stderr(),
        "{}（{}，按 {} 的政策，规则 {}）{refused}",
        report.summary(),
        report.format.label(),
        options.as_of,
        zhuxue_engine::rules_info().version
    );
    ExitCode::SUCCESS
}

/// Today's date from the system clock (UTC), for `--as-of` when it is not given.
fn today() -> zhuxue_engine::date::Date {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / 86_400) as i64;
    // civil_from_days (Howard Hinnant).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let y = (yoe + era * 400 + i64::from(m <= 2)) as u16;
    zhuxue_engine::date::Date::new(y, m, d)
        .unwrap_or_else(|| zhuxue_engine::rules_info().verified_on)
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
