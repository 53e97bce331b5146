//! The first visible sheet of an XLSX workbook as rows of text, streamed: the shared strings and then
//! the sheet are parsed as they are inflated, with progress all along (a 100,000-row roster
//! has 200,000 shared strings; reading them at once froze the progress bar for half a second).
//!
//! What is read: shared strings (rich text runs joined, phonetic runs left out, `_xHHHH_`
//! escapes decoded), inline strings, formula results (the cached value Excel shows), numbers
//! (whole numbers as digits, never in exponent form), booleans (是/否), errors (#N/A), and
//! numbers in a date format as `YYYY-MM-DD`. Merged cells keep their value in the top-left
//! cell, as Excel stores them. Anything else in the package is ignored.

use std::io::{BufRead, BufReader, Cursor};

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use zip::ZipArchive;

/// How far the reading has got.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// Shared strings read so far, of the count the workbook declares (0 when it does not).
    Strings { done: usize, of: usize },
    /// Rows of the sheet read so far.
    Rows(usize),
}

/// Rows with their line numbers (as Excel numbers them); rows without any value are absent.
pub type Grid = Vec<(usize, Vec<String>)>;

type Archive<'a> = ZipArchive<Cursor<&'a [u8]>>;
type Part<'z, 'a> = Reader<BufReader<zip::read::ZipFile<'z, Cursor<&'a [u8]>>>>;

/// Reads the first visible sheet (the first sheet if all are hidden).
pub fn read(bytes: &[u8], progress: &mut dyn FnMut(Step)) -> Result<Grid, String> {
    read_sheet(bytes, 0, progress)?.ok_or_else(|| "Excel 文件中没有工作表".to_string())
}

/// Reads the `n`th visible sheet (counting from 0; the `n`th sheet if all are hidden);
/// `None` when there are fewer.
pub fn read_sheet(
    bytes: &[u8],
    n: usize,
    progress: &mut dyn FnMut(Step),
) -> Result<Option<Grid>, String> {
    let mut zip = ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| format!("无法打开 Excel 文件（不是有效的 XLSX 压缩包：{e}）"))?;
    let parts = Parts::find(&mut zip);
    if parts.sheets.is_empty() {
        return Err("Excel 文件中没有工作表".to_string());
    }
    let Some(sheet) = parts.sheets.get(n) else { return Ok(None) };
    let dates = match &parts.styles {
        Some(path) => open(&mut zip, path).map(date_styles).unwrap_or_default(),
        None => Vec::new(),
    };
    let strings = match &parts.strings {
        Some(path) => match open(&mut zip, path) {
            Some(xml) => shared_strings(xml, progress)?,
            None => Vec::new(),
        },
        None => Vec::new(),
    };
    let xml = open(&mut zip, sheet).ok_or_else(|| format!("Excel 文件缺少工作表 {sheet}"))?;
    rows(xml, &strings, &dates, progress).map(Some)
}

/// Paths of the parts the reading needs, from the workbook and its relationships.
#[derive(Default)]
struct Parts {
    /// The sheets the user sees, in the workbook's order (a hidden one is a template's 字典
    /// of drop-down values, not the roster); all of them if every one is hidden.
    sheets: Vec<String>,
    strings: Option<String>,
    styles: Option<String>,
}

impl Parts {
    fn find(zip: &mut Archive) -> Parts {
        let mut parts = Parts::default();
        let rel_id = |attrs: &Vec<(String, String)>| {
            attrs.iter().find(|(k, _)| k == "r:id" || k.ends_with(":id")).map(|(_, v)| v.clone())
        };
        let sheets = open(zip, "xl/workbook.xml").map(|xml| elements(xml, b"sheet"));
        let sheets = sheets.unwrap_or_default();
        let visible: Vec<String> = sheets
            .iter()
            .filter(|a| !a.iter().any(|(k, v)| k == "state" && v != "visible"))
            .filter_map(rel_id)
            .collect();
        let order =
            if visible.is_empty() { sheets.iter().filter_map(rel_id).collect() } else { visible };
        let rels = open(zip, "xl/_rels/workbook.xml.rels").map(relationships).unwrap_or_default();
        let path = |target: &str| match target.strip_prefix('/') {
            Some(absolute) => absolute.to_string(),
            None => format!("xl/{}", target.trim_start_matches("./")),
        };
        for (_, kind, target) in &rels {
            if kind.ends_with("/sharedStrings") {
                parts.strings = Some(path(target));
            } else if kind.ends_with("/styles") {
                parts.styles = Some(path(target));
            }
        }
        let exists = |zip: &Archive, p: &str| zip.index_for_name(p).is_some();
        parts.sheets = order
            .iter()
            .filter_map(|id| rels.iter().find(|(r, _, _)| r == id).map(|(_, _, t)| path(t)))
            .filter(|p| exists(zip, p))
            .collect();
        if parts.sheets.is_empty() {
            // No usable workbook: the worksheets in the package.
            let mut sheets: Vec<&str> = zip
                .file_names()
                .filter(|n| n.starts_with("xl/worksheets/") && n.ends_with(".xml"))
                .collect();
            sheets.sort_by_key(|n| (n.len(), *n));
            parts.sheets = sheets.into_iter().map(String::from).collect();
        }
        if parts.strings.is_none() && exists(zip, "xl/sharedStrings.xml") {
            parts.strings = Some("xl/sharedStrings.xml".into());
        }
        if parts.styles.is_none() && exists(zip, "xl/styles.xml") {
            parts.styles = Some("xl/styles.xml".into());
        }
        parts
    }
}

/// A part of the package as a streaming XML reader (`None` when absent or unreadable).
fn open<'z, 'a>(zip: &'z mut Archive<'a>, path: &str) -> Option<Part<'z, 'a>> {
    let index = zip.index_for_name(path).or_else(|| {
        // Some writers differ in case (Sheet1.xml).
        let lower = path.to_lowercase();
        (0..zip.len()).find(|i| zip.name_for_index(*i).is_some_and(|n| n.to_lowercase() == lower))
    })?;
    let file = zip.by_index(index).ok()?;
    let mut reader = Reader::from_reader(BufReader::with_capacity(64 * 1024, file));
    reader.config_mut().trim_text(false);
    Some(reader)
}

fn attributes(e: &BytesStart) -> Vec<(String, String)> {
    e.attributes()
        .flatten()
        .map(|a| {
            let key = String::from_utf8_lossy(a.key.as_ref()).into_owned();
            (key, unescaped(&a.value))
        })
        .collect()
}

/// An attribute value with its character and entity references resolved.
fn unescaped(raw: &[u8]) -> String {
    let text = String::from_utf8_lossy(raw);
    match quick_xml::escape::unescape(&text) {
        Ok(v) => v.into_owned(),
        Err(_) => text.into_owned(),
    }
}

/// One attribute's value, references resolved.
fn attribute(e: &BytesStart, name: &[u8]) -> Option<String> {
    e.attributes().flatten().find(|a| a.key.as_ref() == name).map(|a| unescaped(&a.value))
}

/// The attributes of the first element with this local name.
/// The attributes of every element of this name, in order.
fn elements<R: BufRead>(mut xml: Reader<R>, name: &[u8]) -> Vec<Vec<(String, String)>> {
    let mut out = Vec::new();
    let mut buf = Vec::new();
    loop {
        match xml.read_event_into(&mut buf) {
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == name => {
                out.push(attributes(&e));
            }
            Ok(Event::Eof) | Err(_) => return out,
            _ => {}
        }
        buf.clear();
    }
}

/// (Id, Type, Target) of every relationship.
fn relationships<R: BufRead>(mut xml: Reader<R>) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    let mut buf = Vec::new();
    loop {
        match xml.read_event_into(&mut buf) {
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == b"Relationship" => {
                let a = attributes(&e);
                let get = |k: &str| a.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
                if let (Some(id), Some(kind), Some(target)) =
                    (get("Id"), get("Type"), get("Target"))
                {
                    out.push((id, kind, target));
                }
            }
            Ok(Event::Eof) | Err(_) => return out,
            _ => {}
        }
        buf.clear();
    }
}

/// For each cell style (`cellXfs`, by index), whether its number format shows a date.
fn date_styles<R: BufRead>(mut xml: Reader<R>) -> Vec<bool> {
    let mut custom: Vec<(u32, bool)> = Vec::new();
    let mut out = Vec::new();
    let mut in_xfs = false;
    let mut buf = Vec::new();
    loop {
        match xml.read_event_into(&mut buf) {
            Ok(Event::Start(e) | Event::Empty(e)) => match e.local_name().as_ref() {
                b"numFmt" => {
                    let id = attribute(&e, b"numFmtId").and_then(|v| v.parse().ok());
                    let code = attribute(&e, b"formatCode");
                    if let (Some(id), Some(code)) = (id, code) {
                        custom.push((id, is_date_format(&code)));
                    }
                }
                b"cellXfs" => in_xfs = true,
                b"xf" if in_xfs => {
                    let id: u32 =
                        attribute(&e, b"numFmtId").and_then(|v| v.parse().ok()).unwrap_or(0);
                    let date = custom
                        .iter()
                        .find(|(c, _)| *c == id)
                        .map_or(builtin_date_format(id), |(_, d)| *d);
                    out.push(date);
                }
                _ => {}
            },
            Ok(Event::End(e)) if e.local_name().as_ref() == b"cellXfs" => in_xfs = false,
            Ok(Event::Eof) | Err(_) => return out,
            _ => {}
        }
        buf.clear();
    }
}

/// Whether a built-in number format (by its id, the same in XLSX and XLS) shows a date.
pub(crate) fn builtin_date_format(id: u32) -> bool {
    matches!(id, 14..=22 | 27..=36 | 45..=47 | 50..=58)
}

/// Whether a number format shows a date: it has a y, d or m outside quotes, brackets and
/// escapes (m alone with h or s is minutes, but a time is a date-time for our purpose).
pub(crate) fn is_date_format(code: &str) -> bool {
    if code.eq_ignore_ascii_case("general") {
        return false; // its e is no era year (XLS workbooks list the built-in formats too)
    }
    let mut quoted = false;
    let mut bracket = false;
    let mut escaped = false;
    for c in code.chars() {
        if escaped {
            escaped = false;
            continue;
        }
        match c {
            '\\' | '_' | '*' => escaped = true,
            '"' => quoted = !quoted,
            '[' if !quoted => bracket = true,
            ']' if !quoted => bracket = false,
            'y' | 'Y' | 'd' | 'D' | 'm' | 'M' | 'e' if !quoted && !bracket => return true,
            _ => {}
        }
    }
    false
}

/// The text inside one string item (`<si>` or `<is>`): `<t>` runs joined, `<rPh>` left out,
/// up to the closing tag `end`.
fn string_item<R: BufRead>(
    xml: &mut Reader<R>,
    end: &[u8],
    buf: &mut Vec<u8>,
) -> Result<String, String> {
    let mut text = String::new();
    let (mut in_t, mut phonetic) = (false, false);
    loop {
        buf.clear();
        match xml.read_event_into(buf) {
            Ok(Event::Start(e)) => match e.local_name().as_ref() {
                b"t" => in_t = !phonetic,
                b"rPh" => phonetic = true,
                _ => {}
            },
            Ok(Event::End(e)) => match e.local_name().as_ref() {
                b"t" => in_t = false,
                b"rPh" => phonetic = false,
                name if name == end => return Ok(unescape_excel(text)),
                _ => {}
            },
            Ok(Event::Text(t)) if in_t => {
                text.push_str(&t.xml10_content().map_err(|e| e.to_string())?);
            }
            Ok(Event::CData(t)) if in_t => text.push_str(&String::from_utf8_lossy(&t)),
            Ok(Event::GeneralRef(r)) if in_t => push_reference(&r, &mut text),
            Ok(Event::Eof) => return Ok(unescape_excel(text)),
            Err(e) => return Err(e.to_string()),
            _ => {}
        }
    }
}

fn push_reference(r: &quick_xml::events::BytesRef, text: &mut String) {
    if let Ok(Some(c)) = r.resolve_char_ref() {
        text.push(c);
    } else if let Ok(name) = r.decode() {
        match quick_xml::escape::resolve_predefined_entity(&name) {
            Some(s) => text.push_str(s),
            None => {
                text.push('&');
                text.push_str(&name);
                text.push(';');
            }
        }
    }
}

/// Excel writes control characters as `_xHHHH_` (and a literal `_x` as `_x005F_x`).
fn unescape_excel(text: String) -> String {
    if !text.contains("_x") {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(at) = rest.find("_x") {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        let code = tail
            .get(2..6)
            .filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()) && tail.get(6..7) == Some("_"))
            .and_then(|h| u32::from_str_radix(h, 16).ok())
            .and_then(char::from_u32);
        match code {
            Some(c) => {
                out.push(c);
                rest = &tail[7..];
            }
            None => {
                out.push_str("_x");
                rest = &tail[2..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn shared_strings<R: BufRead>(
    mut xml: Reader<R>,
    progress: &mut dyn FnMut(Step),
) -> Result<Vec<String>, String> {
    let mut strings = Vec::new();
    let mut of = 0;
    let mut buf = Vec::new();
    let mut item = Vec::new();
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf) {
            Ok(Event::Start(e)) if e.local_name().as_ref() == b"sst" => {
                of = attribute(&e, b"uniqueCount")
                    .or_else(|| attribute(&e, b"count"))
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(0);
                // A declared count is a hint, never trusted for an allocation beyond reason.
                strings.reserve(of.min(1 << 20));
            }
            Ok(Event::Start(e)) if e.local_name().as_ref() == b"si" => {
                strings.push(
                    string_item(&mut xml, b"si", &mut item)
                        .map_err(|e| format!("无法读取 Excel 文件的共享字符串：{e}"))?,
                );
                if strings.len() % 10_000 == 0 {
                    progress(Step::Strings { done: strings.len(), of });
                }
            }
            Ok(Event::Empty(e)) if e.local_name().as_ref() == b"si" => strings.push(String::new()),
            Ok(Event::Eof) => break,
            Err(e) => return Err(format!("无法读取 Excel 文件的共享字符串：{e}")),
            _ => {}
        }
    }
    progress(Step::Strings { done: strings.len(), of: of.max(strings.len()) });
    Ok(strings)
}

/// "AB12" → (column 27, row 12), 0-based column, 1-based row.
fn cell_ref(r: &str) -> Option<(usize, usize)> {
    let letters = r.bytes().take_while(u8::is_ascii_alphabetic).count();
    if letters == 0 || letters > 3 {
        return None;
    }
    let col = r
        .bytes()
        .take(letters)
        .fold(0usize, |n, b| n * 26 + usize::from(b.to_ascii_uppercase() - b'A') + 1)
        - 1;
    let row = r[letters..].parse().ok().filter(|r| *r >= 1)?;
    Some((col, row))
}

/// A cell's type (its `t` attribute).
#[derive(Clone, Copy, Default, PartialEq, Eq)]
enum Kind {
    #[default]
    Number,
    Shared,
    Text,
    Bool,
    Error,
    Date,
}

impl Kind {
    fn of(t: &[u8]) -> Kind {
        match t {
            b"s" => Kind::Shared,
            b"str" | b"inlineStr" => Kind::Text,
            b"b" => Kind::Bool,
            b"e" => Kind::Error,
            b"d" => Kind::Date,
            _ => Kind::Number,
        }
    }
}

/// The cell under construction.
#[derive(Default)]
struct Cell {
    col: usize,
    kind: Kind,
    style: usize,
    has_value: bool,
}

fn rows<R: BufRead>(
    mut xml: Reader<R>,
    strings: &[String],
    dates: &[bool],
    progress: &mut dyn FnMut(Step),
) -> Result<Grid, String> {
    /// A sheet this wide is not a roster; cells beyond it are ignored (XFD is 16,384).
    const MAX_COLUMNS: usize = 16_384;
    let mut out: Grid = Vec::new();
    let mut buf = Vec::new();
    let mut item = Vec::new();
    let (mut line, mut next_col) = (0usize, 0usize);
    let mut cell: Option<Cell> = None;
    // The cell's value as written (one buffer for all cells).
    let mut value = String::new();
    let mut in_v = false;
    let fail = |e: quick_xml::Error| format!("无法读取工作表：{e}");
    loop {
        buf.clear();
        // The result is matched where it is returned: binding the event first, or
        // `map_err(..)?`, moved the whole result (the reader's error type is large) on each of
        // the sheet's millions of events — a fifth of the reading time.
        match xml.read_event_into(&mut buf) {
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == b"row" => {
                line = attribute(&e, b"r").and_then(|r| r.parse().ok()).unwrap_or(line + 1);
                next_col = 0;
            }
            Ok(Event::Start(e)) if e.local_name().as_ref() == b"c" => {
                // One pass over the attributes, without allocating: this runs for every cell.
                let mut c = Cell::default();
                let mut at = None;
                // (No duplicate-attribute check: a repeated attribute's last value wins.)
                for a in e.attributes().with_checks(false).flatten() {
                    match a.key.as_ref() {
                        b"r" => at = std::str::from_utf8(&a.value).ok().and_then(cell_ref),
                        b"t" => c.kind = Kind::of(&a.value),
                        b"s" => {
                            c.style = std::str::from_utf8(&a.value)
                                .ok()
                                .and_then(|s| s.parse().ok())
                                .unwrap_or(0)
                        }
                        _ => {}
                    }
                }
                let (col, row) = at.unwrap_or((next_col, line.max(1)));
                line = row;
                next_col = col + 1;
                c.col = col;
                value.clear();
                cell = Some(c);
            }
            Ok(Event::Empty(e)) if e.local_name().as_ref() == b"c" => {
                next_col =
                    attribute(&e, b"r").and_then(|r| cell_ref(&r)).map_or(next_col, |c| c.0) + 1;
            }
            Ok(Event::Start(e)) if e.local_name().as_ref() == b"v" => in_v = cell.is_some(),
            Ok(Event::End(e)) if e.local_name().as_ref() == b"v" => in_v = false,
            Ok(Event::Start(e)) if e.local_name().as_ref() == b"is" => {
                let text = string_item(&mut xml, b"is", &mut item)
                    .map_err(|e| format!("无法读取工作表：{e}"))?;
                if let Some(c) = &mut cell {
                    value = text;
                    c.has_value = true;
                }
            }
            Ok(Event::Text(t)) if in_v => {
                if let Some(c) = &mut cell {
                    value.push_str(&t.xml10_content().map_err(|e| e.to_string())?);
                    c.has_value = true;
                }
            }
            Ok(Event::GeneralRef(r)) if in_v => {
                if let Some(c) = &mut cell {
                    push_reference(&r, &mut value);
                    c.has_value = true;
                }
            }
            Ok(Event::End(e)) if e.local_name().as_ref() == b"c" => {
                let Some(c) = cell.take() else { continue };
                let Some(text) = cell_text(&c, &value, strings, dates) else { continue };
                if c.col >= MAX_COLUMNS {
                    continue;
                }
                if out.last().is_none_or(|(l, _)| *l != line) {
                    // As wide as the row before (rows of a roster are alike): no regrowing.
                    let width = out.last().map_or(0, |(_, cells)| cells.len());
                    out.push((line, Vec::with_capacity(width)));
                    if out.len() % 5000 == 0 {
                        progress(Step::Rows(out.len()));
                    }
                }
                if let Some((_, cells)) = out.last_mut() {
                    if cells.len() <= c.col {
                        cells.resize(c.col + 1, String::new());
                    }
                    cells[c.col] = text;
                }
            }
            Ok(Event::Eof) => return Ok(out),
            Err(e) => return Err(fail(e)),
            Ok(_) => {}
        }
    }
}

/// Digits only, no leading zero, at most 15 of them (so a float holds them exactly).
fn plain_integer(t: &str) -> bool {
    (1..=15).contains(&t.len())
        && t.bytes().all(|b| b.is_ascii_digit())
        && (t.len() == 1 || !t.starts_with('0'))
}

/// A number as Excel shows it: in a date format as `YYYY-MM-DD` (a serial from day 0 to
/// 9999-12-31; outside that, Excel shows no date either), whole numbers as digits (an ID or a
/// code typed as a number), never in exponent form.
pub(crate) fn number_text(f: f64, date_format: bool) -> String {
    if date_format && (0.0..2_958_466.0).contains(&f) {
        crate::table::excel_date(f)
    } else if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{f:.0}")
    } else if f.fract() == 0.0 && f.abs() < 1e19 {
        // Excel keeps 15 significant digits and shows the rest as zeros (621126201309180000),
        // not the float's own tail (…180032).
        let e = format!("{f:.14e}");
        let (mantissa, exponent) = e.split_once('e').unwrap_or((&e, "0"));
        let digits = mantissa.replace('.', "");
        let width = exponent.parse::<usize>().unwrap_or(0) + 1 + usize::from(f < 0.0);
        format!("{digits:0<width$}")
    } else {
        f.to_string()
    }
}

/// The text Excel shows for a cell (`None` when it has no value).
fn cell_text(c: &Cell, value: &str, strings: &[String], dates: &[bool]) -> Option<String> {
    if !c.has_value {
        return None;
    }
    let v = value;
    let text = match c.kind {
        Kind::Shared => strings.get(v.trim().parse::<usize>().ok()?)?.clone(),
        Kind::Text => value.to_string(),
        Kind::Bool => (if v.trim() == "1" { "是" } else { "否" }).to_string(),
        Kind::Error => v.to_string(),
        // An ISO date-time: the date.
        Kind::Date => v.get(..10).unwrap_or(v).to_string(),
        // A whole number Excel wrote as plain digits (a grade, a count, a code) reads as written:
        // the same text the float would print, without a float's round trip.
        Kind::Number
            if !dates.get(c.style).copied().unwrap_or(false) && plain_integer(v.trim()) =>
        {
            v.trim().to_string()
        }
        Kind::Number => match v.trim().parse::<f64>() {
            Ok(f) => number_text(f, dates.get(c.style).copied().unwrap_or(false)),
            Err(_) => v.to_string(),
        },
    };
    (!text.is_empty()).then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_and_escapes() {
        assert_eq!(cell_ref("A1"), Some((0, 1)));
        assert_eq!(cell_ref("AB12"), Some((27, 12)));
        assert_eq!(cell_ref("XFD1048576"), Some((16_383, 1_048_576)));
        assert_eq!(cell_ref("1A"), None);
        assert_eq!(cell_ref("A0"), None);
        assert!(plain_integer("0") && plain_integer("2") && plain_integer("123456789012345"));
        assert!(!plain_integer("") && !plain_integer("07") && !plain_integer("1234567890123456"));
        assert!(!plain_integer("-3") && !plain_integer("1.5") && !plain_integer("1E+17"));
        assert_eq!(unescape_excel("a_x000D_b".into()), "a\rb");
        assert_eq!(unescape_excel("_x005F_x0041_".into()), "_x0041_");
        assert_eq!(unescape_excel("身份_x".into()), "身份_x");
        assert_eq!(number_text(621_126_201_309_180_000.0, false), "621126201309180000");
        assert_eq!(number_text(-1_234_567_890_123_456_789.0, false), "-1234567890123460000");
        assert_eq!(number_text(123_456_789_012_345.0, false), "123456789012345");
        assert_eq!(number_text(45_658.0, true), "2025-01-01");
        assert_eq!(number_text(3e6, true), "3000000"); // after 9999-12-31: no date
        assert_eq!(number_text(-1.0, true), "-1");
        assert_eq!(number_text(2.5, false), "2.5");
        assert!(is_date_format("yyyy/m/d"));
        assert!(is_date_format("[$-804]yyyy\"年\"m\"月\"d\"日\""));
        assert!(!is_date_format("0.00"));
        assert!(!is_date_format("General"));
        assert!(!is_date_format("\"元\"0"));
        assert!(!is_date_format("[Red]0"));
    }
}
