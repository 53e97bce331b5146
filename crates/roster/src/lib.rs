//! # zhuxue roster check (比对)
//!
//! A school's roster (学籍) and any number of department lists (低保, 特困, 脱贫户, 监测对象,
//! 残疾, 孤儿, 低收入, and payment lists of aid paid elsewhere) go in as CSV (UTF-8, UTF-8 with BOM, GBK/GB18030 — detected), XLSX or XLS; every
//! roster row comes out once, with the rules engine's assessment compared with the aid the
//! roster says was paid: 应助未助, 不符合条件却已资助, 重复资助, 待核实, 无法评估, 一致.
//!
//! Bytes in, a report out: no IO, no clock (the as-of date is an option), so the same code
//! runs in the CLI (`zhuxue roster`) and in the browser.
//!
//! - [`table`]: bytes → text cells (encoding detection, the header row).
//! - [`xlsx`]: the first visible sheet of a workbook, streamed with progress.
//! - [`xls`]: the first visible worksheet of an Excel 97–2003 workbook (compound file, BIFF8).
//! - [`columns`]: the roster's columns, header names and cell vocabulary.
//! - [`id`]: 身份证号 (GB 11643): normalised and checked.
//! - [`check`]: the 比对.
//! - [`export`]: CSV and XLSX out.

pub mod check;
pub mod columns;
pub mod export;
pub mod id;
pub mod table;
pub mod xls;
pub mod xlsx;

pub use check::{
    check, check_with_progress, headers, Flag, ListKind, ListRead, MapTo, Options, Report,
};
