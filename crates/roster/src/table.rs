//! Spreadsheet bytes → a table of text cells: CSV in UTF-8 (with or without a byte-order mark),
//! UTF-16 with a byte-order mark (Excel's "Unicode text") or GBK/GB18030 — detected, not
//! asked — XLSX and XLS (Excel 97–2003): the first visible worksheet.
//!
//! Officers' files have title rows above the header, merged cells, empty rows and numbers
//! stored as numbers (an ID number as `1.1010519491231E17` would be lost): the header is the
//! first row that names a known column, empty rows are kept as rows (and reported), and every
//! cell is read as the text Excel shows.

/// Where a table came from and how it was read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Format {
    Utf8,
    Utf8Bom,
    Gb18030,
    /// UTF-16 with a byte-order mark: Excel's "Unicode text" (tab-separated).
    Utf16,
    Xlsx,
    /// Excel 97–2003 (BIFF8), what the 学籍 system exports.
    Xls,
}

impl Format {
    pub fn label(&self) -> &'static str {
        match self {
            Format::Utf8 => "CSV（UTF-8）",
            Format::Utf8Bom => "CSV（UTF-8，带BOM）",
            Format::Gb18030 => "CSV（GBK/GB18030）",
            Format::Utf16 => "文本（UTF-16，Excel“Unicode 文本”）",
            Format::Xlsx => "Excel（XLSX）",
            Format::Xls => "Excel 97-2003（XLS）",
        }
    }
}

/// A sheet as text: the header row, then every later row (even empty ones), each with its
/// line number in the file (1-based, as Excel numbers rows).
#[derive(Clone, Debug, Default)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Row>,
    /// The file's line number of the header row.
    pub header_line: usize,
}

#[derive(Clone, Debug)]
pub struct Row {
    pub line: usize,
    pub cells: Vec<String>,
}

impl Row {
    pub fn is_empty(&self) -> bool {
        self.cells.iter().all(|c| c.trim().is_empty())
    }
}

/// Reads spreadsheet bytes. `looks_like_header` picks the header row (the first row for which
/// it returns true; the first non-empty row if none does).
pub fn read(
    bytes: &[u8],
    looks_like_header: impl Fn(&[String]) -> bool,
) -> Result<(Table, Format), String> {
    read_with_progress(bytes, looks_like_header, &mut |_| {})
}

/// [`decode`], turning GB18030 into text in 1 MB steps with progress between them.
fn decode_with_progress(bytes: &[u8], progress: &mut dyn FnMut(Progress)) -> (String, Format) {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        // encoding_rs reads the byte-order mark and decodes either byte order.
        let (text, _, _) = encoding_rs::UTF_16LE.decode(bytes);
        return (text.into_owned(), Format::Utf16);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return (String::from_utf8_lossy(rest).into_owned(), Format::Utf8Bom);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return (text.to_string(), Format::Utf8);
    }
    const STEP: usize = 1 << 20;
    let mut decoder = encoding_rs::GB18030.new_decoder_without_bom_handling();
    let mut text = String::with_capacity(bytes.len() + bytes.len() / 2);
    let mut done = 0;
    while done < bytes.len() {
        let end = (done + STEP).min(bytes.len());
        let last = end == bytes.len();
        let mut chunk = &bytes[done..end];
        loop {
            let needed = decoder.max_utf8_buffer_length(chunk.len()).unwrap_or(chunk.len() * 3);
            text.reserve(needed);
            let (result, read, _) = decoder.decode_to_string(chunk, &mut text, last);
            chunk = &chunk[read..];
            if result == encoding_rs::CoderResult::InputEmpty {
                break;
            }
        }
        done = end;
        progress(Progress::Decoding { done, of: bytes.len() });
    }
    (text, Format::Gb18030)
}

/// Reads the `n`th visible sheet of a workbook.
type SheetReader = fn(
    &[u8],
    usize,
    &mut dyn FnMut(crate::xlsx::Step),
) -> Result<Option<crate::xlsx::Grid>, String>;

/// How far a long step has got, for a progress bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Progress {
    /// Turning bytes into text (GBK files): bytes so far, of all.
    Decoding { done: usize, of: usize },
    /// Opening a workbook: shared strings read so far, of the count it declares.
    Opening { done: usize, of: usize },
    /// Reading rows of the table.
    Reading { rows: usize },
    /// Reading the department lists: lists so far, of all.
    Lists { done: usize, of: usize },
    /// Checking ID numbers: rows so far, of all.
    Matching { done: usize, of: usize },
    /// Assessing rows: rows so far, of all.
    Checking { done: usize, of: usize },
}

/// [`read`], reporting progress while decoding (in 1 MB steps) and every few thousand rows.
pub fn read_with_progress(
    bytes: &[u8],
    looks_like_header: impl Fn(&[String]) -> bool,
    progress: &mut dyn FnMut(Progress),
) -> Result<(Table, Format), String> {
    // Files that are not a table this reads: said, never read as an empty table.
    if bytes.starts_with(b"%PDF") {
        return Err("这是 PDF 文件，不是表格：请打开原来的表格文件，另存为 Excel 工作簿（.xlsx）或 CSV 后再选择".to_string());
    }
    let workbook = if bytes.starts_with(crate::xls::SIGNATURE) {
        Some((crate::xls::read_sheet as SheetReader, Format::Xls))
    } else if bytes.starts_with(b"PK\x03\x04") {
        Some((crate::xlsx::read_sheet as SheetReader, Format::Xlsx))
    } else {
        None
    };
    let (grid, format) = if let Some((read_sheet, format)) = workbook {
        let mut step = |step| match step {
            crate::xlsx::Step::Strings { done, of } => progress(Progress::Opening { done, of }),
            crate::xlsx::Step::Rows(rows) => progress(Progress::Reading { rows }),
        };
        // The first visible sheet; if no row of it is a header (a sheet of instructions
        // first), the next ones, up to ten; none: the first.
        let first = read_sheet(bytes, 0, &mut step)?.unwrap_or_default();
        let mut grid = None;
        if !first.iter().any(|(_, r)| looks_like_header(r)) {
            for n in 1..10 {
                match read_sheet(bytes, n, &mut step) {
                    Ok(Some(g)) if g.iter().any(|(_, r)| looks_like_header(r)) => {
                        grid = Some(g);
                        break;
                    }
                    Ok(Some(_)) => {}
                    Ok(None) | Err(_) => break,
                }
            }
        }
        (grid.unwrap_or(first), format)
    } else {
        let (text, format) = decode_with_progress(bytes, progress);
        // Text has no NUL; a binary file (an image, a Word document) does.
        if format != Format::Utf16 && text.contains('\0') {
            return Err("不是 CSV 或 Excel（.xlsx、.xls）文件，读不出表格：请选择名册的表格文件"
                .to_string());
        }
        (csv_rows(&text, &mut |rows| progress(Progress::Reading { rows }))?, format)
    };
    progress(Progress::Reading { rows: grid.len() });
    let header_at = grid
        .iter()
        .position(|(_, r)| looks_like_header(r))
        .or_else(|| grid.iter().position(|(_, r)| r.iter().any(|c| !c.trim().is_empty())))
        .ok_or_else(|| "文件中没有任何内容".to_string())?;
    let header_line = grid[header_at].0;
    let headers: Vec<String> = grid[header_at].1.iter().map(|h| h.trim().to_string()).collect();
    let rows =
        grid.into_iter().skip(header_at + 1).map(|(line, cells)| Row { line, cells }).collect();
    Ok((Table { headers, rows, header_line }, format))
}

/// Bytes → text: UTF-8 when the bytes are UTF-8 (byte-order mark dropped), else GB18030 (a
/// superset of GBK and GB2312, what Excel saves as "CSV" on a Chinese Windows).
pub fn decode(bytes: &[u8]) -> (String, Format) {
    decode_with_progress(bytes, &mut |_| {})
}

/// Rows with their line numbers (a blank line is no row, as in Excel's view of a CSV file).
fn csv_rows(
    text: &str,
    progress: &mut dyn FnMut(usize),
) -> Result<Vec<(usize, Vec<String>)>, String> {
    // Tab- or semicolon-separated exports exist; pick the separator the first lines use most
    // (a comma when none is used more).
    let head: Vec<&str> = text.lines().take(10).collect();
    let count = |d: u8| head.iter().map(|l| l.bytes().filter(|b| *b == d).count()).sum::<usize>();
    let mut delimiter = b',';
    for d in [b'\t', b';'] {
        if count(d) > count(delimiter) {
            delimiter = d;
        }
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut out = Vec::new();
    let mut record = csv::StringRecord::new();
    // Line numbers counted incrementally from the previous record's offset (linear time).
    let (mut counted_to, mut line_at) = (0usize, 1usize);
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {
                // The csv reader's own line count skips blank lines; count from the byte offset.
                // (The reported start may be before the blank lines skipped.)
                let mut at = record.position().map_or(0, |p| p.byte() as usize);
                while matches!(text.as_bytes().get(at), Some(b'\n' | b'\r')) {
                    at += 1;
                }
                let at = at.min(text.len()).max(counted_to);
                line_at += text.as_bytes()[counted_to..at].iter().filter(|b| **b == b'\n').count();
                counted_to = at;
                let line = line_at;
                out.push((line, record.iter().map(String::from).collect()));
                if out.len() % 5000 == 0 {
                    progress(out.len());
                }
            }
            Ok(false) => return Ok(out),
            Err(e) => {
                let line = e.position().map_or(out.len() + 1, |p| p.line() as usize);
                return Err(format!("CSV 第{line}行无法读取（引号不配对？）"));
            }
        }
    }
}

/// An Excel date serial (days since 1899-12-30) as `YYYY-MM-DD` (Howard Hinnant's
/// `civil_from_days`).
pub(crate) fn excel_date(serial: f64) -> String {
    let z = serial.floor() as i64 - 25_569 + 719_468; // to days since 1970-01-01, then shifted
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_that_are_not_tables_are_said_to_be() {
        let any = |_: &[String]| true;
        let xls = read(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0", any).unwrap_err();
        assert!(xls.starts_with("Excel 文件（.xls）已损坏或不完整"), "{xls}");
        assert!(read(b"%PDF-1.4 ...", any).unwrap_err().starts_with("这是 PDF 文件"));
        let png = read(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", any).unwrap_err();
        assert_eq!(png, "不是 CSV 或 Excel（.xlsx、.xls）文件，读不出表格：请选择名册的表格文件");
        // UTF-16 text (Excel's "Unicode text") has NUL bytes and is read.
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("姓名\t学段\n张三\t初中\n".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(read(&utf16, any).unwrap().0.rows.len(), 1);
    }

    #[test]
    fn encodings_are_detected() {
        let (t, f) = decode("姓名,学段\n张三,初中\n".as_bytes());
        assert_eq!((t.as_str(), f), ("姓名,学段\n张三,初中\n", Format::Utf8));
        let (t, f) = decode(b"\xEF\xBB\xBFa,b");
        assert_eq!((t.as_str(), f), ("a,b", Format::Utf8Bom));
        let (gbk, _, _) = encoding_rs::GBK.encode("姓名,学段\n张三,初中\n");
        let (t, f) = decode(&gbk);
        assert_eq!((t.as_str(), f), ("姓名,学段\n张三,初中\n", Format::Gb18030));
        // In steps: the same text, however the bytes fall across the step boundary.
        let long = "张三,初中\n".repeat(200_000);
        let (long_gbk, _, _) = encoding_rs::GBK.encode(&long);
        let mut steps = 0;
        let (t, f) = decode_with_progress(&long_gbk, &mut |_| steps += 1);
        assert_eq!(
            (t == long, f, steps),
            (true, Format::Gb18030, long_gbk.len().div_ceil(1 << 20))
        );
        let mut utf16 = vec![0xFF, 0xFE];
        for unit in "姓名\t学段\n张三\t初中\n".encode_utf16() {
            utf16.extend_from_slice(&unit.to_le_bytes());
        }
        let (t, f) = decode(&utf16);
        assert_eq!((t.as_str(), f), ("姓名\t学段\n张三\t初中\n", Format::Utf16));
    }

    #[test]
    fn the_header_is_found_below_a_title_row() {
        let text = "某某小学2025年秋季学生名册\n\n姓名,身份证号\n张三,1\n,\n李四,2\n";
        let (t, _) = read(text.as_bytes(), |r| r.iter().any(|c| c == "姓名")).unwrap();
        assert_eq!(t.headers, ["姓名", "身份证号"]);
        assert_eq!(t.header_line, 3);
        let lines: Vec<usize> = t.rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, [4, 5, 6]);
        assert!(t.rows[1].is_empty());
    }

    #[test]
    fn excel_serials_are_dates() {
        assert_eq!(excel_date(45_658.0), "2025-01-01");
        assert_eq!(excel_date(25_569.0), "1970-01-01");
        assert_eq!(excel_date(44_986.75), "2023-03-01");
    }

    #[test]
    fn tab_separated_and_quoted_cells() {
        let (t, _) = read("姓名\t备注\n张三\t\"a,b\"\n".as_bytes(), |_| true).unwrap();
        assert_eq!(t.rows[0].cells, ["张三", "a,b"]);
        assert!(read(b"", |_| true).is_err());
    }
}
