//! The report as a file: the roster's own columns, then the result columns (比对结果, 说明,
//! 应享受资助). CSV is UTF-8 with a byte-order mark (so Excel shows Chinese); XLSX has a frozen
//! header row and filters. A cell that starts with `=`, `+`, `-` or `@` is written with a
//! leading apostrophe so no spreadsheet runs it as a formula.

use crate::check::Report;

pub const RESULT_HEADERS: [&str; 3] = ["比对结果", "说明", "应享受资助"];

/// Cell text made safe against formula injection.
pub fn neutralise(text: &str) -> String {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_string(),
    }
}

fn lines(report: &Report) -> (Vec<String>, impl Iterator<Item = Vec<String>> + '_) {
    let width =
        report.headers.len().max(report.rows.iter().map(|r| r.cells.len()).max().unwrap_or(0));
    let mut headers: Vec<String> = (0..width)
        .map(|i| report.headers.get(i).cloned().unwrap_or_else(|| format!("第{}列", i + 1)))
        .collect();
    headers.extend(RESULT_HEADERS.iter().map(|h| h.to_string()));
    let rows = report.rows.iter().map(move |r| {
        let mut cells: Vec<String> =
            (0..width).map(|i| r.cells.get(i).cloned().unwrap_or_default()).collect();
        cells.push(r.flag.label().to_string());
        cells.push(r.detail.clone());
        cells.push(r.entitled.clone());
        cells
    });
    (headers, rows)
}

/// CSV, UTF-8 with a byte-order mark.
pub fn csv(report: &Report) -> Vec<u8> {
    let mut out = b"\xEF\xBB\xBF".to_vec();
    {
        let mut w = csv::WriterBuilder::new().from_writer(&mut out);
        let (headers, rows) = lines(report);
        let _ = w.write_record(headers.iter().map(|h| neutralise(h)));
        for row in rows {
            let _ = w.write_record(row.iter().map(|c| neutralise(c)));
        }
        let _ = w.flush();
    }
    out
}

/// XLSX: frozen header row, filters on every column, cells as text.
pub fn xlsx(report: &Report) -> Result<Vec<u8>, String> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let _ = sheet.set_name("比对结果");
    let bold = Format::new().set_bold();
    let (headers, rows) = lines(report);
    let err = |e: rust_xlsxwriter::XlsxError| format!("无法写出 Excel 文件：{e}");
    for (c, h) in headers.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, neutralise(h), &bold).map_err(err)?;
    }
    let mut n = 0u32;
    for (r, row) in rows.enumerate() {
        for (c, cell) in row.iter().enumerate() {
            if !cell.is_empty() {
                sheet.write_string(r as u32 + 1, c as u16, neutralise(cell)).map_err(err)?;
            }
        }
        n = r as u32 + 1;
    }
    sheet.set_freeze_panes(1, 0).map_err(err)?;
    sheet.autofilter(0, 0, n, headers.len().saturating_sub(1) as u16).map_err(err)?;
    book.save_to_buffer().map_err(err)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised() {
        assert_eq!(neutralise("=1+1"), "'=1+1");
        assert_eq!(neutralise("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralise("-2"), "'-2");
        assert_eq!(neutralise("张三"), "张三");
    }
}
