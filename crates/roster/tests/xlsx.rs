//! The streaming XLSX reader against calamine (a full reader) on workbooks written by
//! rust_xlsxwriter: title rows merged across the sheet, empty rows, numbers, IDs typed as
//! numbers, dates, formulas, booleans, rich text, inline strings; and damaged files.

use proptest::prelude::*;
use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook};
use zhuxue_roster::xlsx::{self, Grid, Step};

mod common;

/// The first sheet as calamine reads it.
fn calamine_grid(bytes: &[u8]) -> Grid {
    use calamine::{Reader, Xlsx};
    let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    let name = book.sheet_names()[0].clone();
    common::grid(&book.worksheet_range(&name).unwrap())
}

fn ours(bytes: &[u8]) -> Grid {
    xlsx::read(bytes, &mut |_| {}).unwrap()
}

fn roster_book() -> Vec<u8> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let date = Format::new().set_num_format("yyyy\"年\"m\"月\"d\"日\"");
    let bold = Format::new().set_bold();
    sheet.merge_range(0, 0, 0, 6, "某某中学2025年秋季学期学生资助名册", &bold).unwrap();
    // Row 2 empty; the header on row 3.
    for (c, h) in
        ["姓名", "身份证号", "学段", "年级", "认定日期", "是否寄宿", "备注"].iter().enumerate()
    {
        sheet.write_string(2, c as u16, *h).unwrap();
    }
    sheet.write_string(3, 0, "张一").unwrap();
    sheet.write_number(3, 1, 620_102_201_602_100_338_f64).unwrap();
    sheet.write_string(3, 2, "初中").unwrap();
    sheet.write_number(3, 3, 2).unwrap();
    sheet
        .write_datetime_with_format(3, 4, ExcelDateTime::from_ymd(2023, 5, 10).unwrap(), &date)
        .unwrap();
    sheet.write_boolean(3, 5, true).unwrap();
    sheet.write_string(3, 6, "a & b <c> \"d\" 换行\r\n").unwrap();
    sheet.write_string(4, 0, "李二").unwrap();
    sheet.write_string(4, 1, "62112620130918022X").unwrap();
    sheet.write_formula(4, 3, Formula::new("=1+1").set_result("2")).unwrap();
    sheet.write_formula(4, 2, Formula::new("=\"小\"&\"学\"").set_result("小学")).unwrap();
    sheet.write_number(4, 6, 1.5).unwrap();
    // A merged block in the body: the value sits in its first cell.
    sheet.merge_range(5, 0, 6, 0, "王三（合并两行）", &Format::new()).unwrap();
    sheet.write_string(5, 2, "高中").unwrap();
    let red = Format::new().set_font_color(rust_xlsxwriter::Color::Red);
    sheet.write_rich_string(6, 6, &[(&Format::default(), "富"), (&red, "文本")]).unwrap();
    sheet.write_string(9, 10, "远处的单元格").unwrap();
    book.save_to_buffer().unwrap()
}

#[test]
fn the_streaming_reader_reads_what_calamine_reads() {
    {
        let bytes = roster_book();
        let got = ours(&bytes);
        assert_eq!(got, calamine_grid(&bytes));
        // And exactly this, so a change in both cannot pass unseen.
        assert_eq!(got[0], (1, vec!["某某中学2025年秋季学期学生资助名册".to_string()]));
        assert_eq!(got[1].0, 3, "the empty row 2 is absent; line numbers as Excel shows them");
        assert_eq!(
            got[2].1,
            [
                "张一",
                "620102201602100000", // typed as a number: Excel keeps 15 digits
                "初中",
                "2",
                "2023-05-10",
                "是",
                "a & b <c> \"d\" 换行\r\n"
            ]
        );
        assert_eq!(got[3].1, ["李二", "62112620130918022X", "小学", "2", "", "", "1.5"]);
        assert_eq!(
            got[4],
            (6, vec!["王三（合并两行）".to_string(), String::new(), "高中".to_string()])
        );
        let last = got.last().unwrap();
        assert_eq!((last.0, last.1.len(), last.1[10].as_str()), (10, 11, "远处的单元格"));
    }
}

#[test]
fn progress_covers_opening_and_reading() {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    for r in 0..25_000u32 {
        sheet.write_string(r, 0, format!("学生{r}")).unwrap();
        sheet.write_string(r, 1, format!("ID{r:018}")).unwrap();
    }
    let bytes = book.save_to_buffer().unwrap();
    let mut steps = Vec::new();
    let grid = xlsx::read(&bytes, &mut |s| steps.push(s)).unwrap();
    assert_eq!(grid.len(), 25_000);
    assert_eq!(
        steps,
        [
            Step::Strings { done: 10_000, of: 50_000 },
            Step::Strings { done: 20_000, of: 50_000 },
            Step::Strings { done: 30_000, of: 50_000 },
            Step::Strings { done: 40_000, of: 50_000 },
            Step::Strings { done: 50_000, of: 50_000 },
            Step::Strings { done: 50_000, of: 50_000 },
            Step::Rows(5_000),
            Step::Rows(10_000),
            Step::Rows(15_000),
            Step::Rows(20_000),
            Step::Rows(25_000),
        ]
    );
}

/// A workbook as some other writers make it: inline strings, cells without a reference, no
/// relationships file, a sheet named in upper case, an `_x000D_` escape.
#[test]
fn inline_strings_and_cells_without_references() {
    let sheet = r#"<?xml version="1.0" encoding="UTF-8"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c t="inlineStr"><is><t>姓名</t></is></c><c t="inlineStr"><is><t>身份证号</t></is></c></row>
<row><c t="inlineStr"><is><r><t>张</t></r><r><t xml:space="preserve">三 </t></r><rPh><t>ちょう</t></rPh></is></c><c t="str"><f>A1</f><v>62112620130918022X</v></c><c/><c t="e"><v>#N/A</v></c></row>
<row r="5"><c r="B5" t="inlineStr"><is><t>a_x000D_b &amp; &#x4E2D;</t></is></c></row>
</sheetData></worksheet>"#;
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    z.start_file("xl/worksheets/Sheet1.xml", zip::write::SimpleFileOptions::default()).unwrap();
    std::io::Write::write_all(&mut z, sheet.as_bytes()).unwrap();
    let bytes = z.finish().unwrap().into_inner();
    let grid = ours(&bytes);
    let text = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert_eq!(
        grid,
        vec![
            (1, text(&["姓名", "身份证号"])),
            (2, text(&["张三 ", "62112620130918022X", "", "#N/A"])),
            (5, text(&["", "a\rb & 中"])),
        ]
    );
}

#[test]
fn damaged_workbooks_are_refused_with_a_message() {
    let e = xlsx::read(b"PK\x03\x04not a zip", &mut |_| {}).unwrap_err();
    assert!(e.starts_with("无法打开 Excel 文件"), "{e}");
    // A zip without any worksheet.
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    z.start_file("hello.txt", zip::write::SimpleFileOptions::default()).unwrap();
    std::io::Write::write_all(&mut z, b"hi").unwrap();
    let bytes = z.finish().unwrap().into_inner();
    assert_eq!(xlsx::read(&bytes, &mut |_| {}).unwrap_err(), "Excel 文件中没有工作表");
}

#[test]
fn a_hidden_first_sheet_is_passed_over() {
    // A template's hidden 字典 of allowed values first, the roster second.
    let mut book = Workbook::new();
    let values = book.add_worksheet().set_name("字典").unwrap();
    values.write_string(0, 0, "初中").unwrap();
    values.set_hidden(true);
    let roster = book.add_worksheet().set_name("学生名册").unwrap();
    roster.write_string(0, 0, "姓名").unwrap();
    roster.write_string(1, 0, "张三").unwrap();
    roster.set_active(true);
    let bytes = book.save_to_buffer().unwrap();
    let grid = xlsx::read(&bytes, &mut |_| {}).unwrap();
    assert_eq!(grid, vec![(1, vec!["姓名".to_string()]), (2, vec!["张三".to_string()])]);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    /// Cells of any text or number read back as written, as calamine reads them.
    #[test]
    fn any_cells_read_as_calamine_reads_them(
        cells in prop::collection::vec((0u32..40, 0u16..12, prop_oneof![
            "[\\PC]{0,12}".prop_map(Cell::Text),
            (-1e12f64..1e12).prop_map(Cell::Number),
            any::<bool>().prop_map(Cell::Bool),
        ]), 0..60),
    ) {
        let mut book = Workbook::new();
        let sheet = book.add_worksheet();
        for (r, c, v) in &cells {
            match v {
                Cell::Text(t) => { sheet.write_string(*r, *c, t).unwrap(); }
                Cell::Number(n) => { sheet.write_number(*r, *c, *n).unwrap(); }
                Cell::Bool(b) => { sheet.write_boolean(*r, *c, *b).unwrap(); }
            }
        }
        let bytes = book.save_to_buffer().unwrap();
        prop_assert_eq!(ours(&bytes), calamine_grid(&bytes));
    }

    /// Damaged bytes of a real workbook never panic: a table or a message.
    #[test]
    fn damaged_bytes_never_panic(flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..20)) {
        let mut bytes = roster_book();
        for (at, b) in flips {
            let i = at.index(bytes.len());
            bytes[i] = b;
        }
        let _ = xlsx::read(&bytes, &mut |_| {});
    }
}

#[derive(Clone, Debug)]
enum Cell {
    Text(String),
    Number(f64),
    Bool(bool),
}
