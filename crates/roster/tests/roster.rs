//! The roster check on the template files (exact flags and reasons for every row), the same
//! roster in GBK and as XLSX, exports read back, and generated rosters with broken rows.

use std::collections::HashSet;

use zhuxue_engine::date::Date;
use zhuxue_roster::{check, export, Flag, ListKind, Options};

fn file(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/../../examples/roster/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn options() -> Options {
    Options { as_of: Date::new(2025, 10, 10).unwrap(), mapping: Vec::new() }
}

fn lists() -> Vec<(ListKind, Vec<u8>)> {
    vec![(ListKind::Dibao, file("dibao.csv")), (ListKind::LiftedOut, file("lifted_out.csv"))]
}

/// The roster (CSV text) checked with these lists (CSV text) on the default date.
fn checked(roster: &str, lists: &[(ListKind, &str)]) -> zhuxue_roster::Report {
    let lists: Vec<(ListKind, Vec<u8>)> =
        lists.iter().map(|(k, text)| (*k, text.as_bytes().to_vec())).collect();
    check(roster.as_bytes(), &lists, &options()).unwrap()
}

/// Each row's flag and 说明.
fn verdicts(report: &zhuxue_roster::Report) -> Vec<(Flag, &str)> {
    report.rows.iter().map(|r| (r.flag, r.detail.as_str())).collect()
}

/// (name, flag, a part of the detail, a part of the entitled column).
const EXPECTED: [(&str, Flag, &str, &str); 8] = [
    ("张一", Flag::Ok, "", "家庭经济困难寄宿生生活补助（每年1500元）"),
    (
        "李二",
        Flag::Missed,
        "符合“家庭经济困难非寄宿生生活补助”条件（每年750元），但名册中未资助",
        "家庭经济困难非寄宿生生活补助（每年750元）",
    ),
    (
        "王三",
        Flag::PaidNotEntitled,
        "已资助“家庭经济困难非寄宿生生活补助”，但不符合条件：不属于四类家庭经济困难学生",
        "",
    ),
    (
        "赵四",
        Flag::Double,
        "同一身份证号在名册中出现2次",
        "家庭经济困难寄宿生生活补助（每年1500元）",
    ),
    (
        "赵四（重复录入）",
        Flag::Double,
        "同一身份证号在名册中出现2次",
        "家庭经济困难寄宿生生活补助（每年1500元）",
    ),
    ("钱五", Flag::NeedsInfo, "“普通高中国家助学金”还需核实：困难认定等级", ""),
    ("孙六", Flag::Invalid, "身份证号：身份证号校验位错误（最后一位应为 5）", ""),
    // 「脱贫户(不享受政策)」 is a group, not a status: no non-boarder allowance.
    ("周七", Flag::Ok, "", ""),
];

fn assert_expected(report: &zhuxue_roster::Report) {
    assert_eq!(report.rows.len(), EXPECTED.len());
    for (row, (name, flag, detail, entitled)) in report.rows.iter().zip(EXPECTED) {
        assert_eq!(row.cells[0], name);
        assert_eq!(row.flag, flag, "{name}: {}", row.detail);
        if detail.is_empty() {
            assert_eq!(row.detail, "", "{name}");
        } else {
            assert!(row.detail.contains(detail), "{name}: {}", row.detail);
        }
        assert_eq!(row.entitled, entitled, "{name}");
    }
    let total: usize = report.counts.iter().map(|(_, n)| n).sum();
    assert_eq!(total, report.rows.len(), "the summary's counts add up to the rows");
    assert_eq!(
        report.summary(),
        "共 8 行：无法评估 1，重复资助 2，不符合条件却已资助 1，应助未助 1，待核实 1，一致 2"
    );
}

#[test]
fn template_rows_get_exact_flags_and_reasons() {
    let report = check(&file("roster-template.csv"), &lists(), &options()).unwrap();
    assert_eq!(report.format, zhuxue_roster::table::Format::Utf8Bom);
    assert_expected(&report);
    let lists: Vec<String> = report.lists.iter().map(|l| l.summary()).collect();
    assert_eq!(
        lists,
        ["低保名单 2 行（身份证号无效 0 行）", "脱贫户名单 2 行（身份证号无效 0 行）"]
    );
    assert_eq!(report.rows[0].id.as_ref().unwrap().masked(), "621126********011X");
}

#[test]
fn the_same_roster_in_gbk_gives_the_same_answers() {
    let text = String::from_utf8(file("roster-template.csv")).unwrap();
    let (gbk, _, errors) = encoding_rs::GBK.encode(text.trim_start_matches('\u{feff}'));
    assert!(!errors);
    let report = check(&gbk, &lists(), &options()).unwrap();
    assert_eq!(report.format, zhuxue_roster::table::Format::Gb18030);
    assert_expected(&report);
}

#[test]
fn exports_carry_every_row_and_neutralise_formulas() {
    let report = check(&file("roster-template.csv"), &lists(), &options()).unwrap();
    let csv = export::csv(&report);
    assert!(csv.starts_with(b"\xEF\xBB\xBF"));
    let text = String::from_utf8(csv[3..].to_vec()).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 9);
    assert!(lines[0].ends_with("已享受资助项目,比对结果,说明,应享受资助"));
    assert!(lines[2].starts_with("李二,"));
    assert!(lines[2].contains(",应助未助,"));
    // XLSX: read back by the roster's own reader, the same rows and result columns.
    let xlsx = export::xlsx(&report).unwrap();
    let (table, format) = zhuxue_roster::table::read(&xlsx, |_| true).unwrap();
    assert_eq!(format, zhuxue_roster::table::Format::Xlsx);
    assert_eq!(table.headers.last().unwrap(), "应享受资助");
    assert_eq!(table.rows.len(), 8);
    assert_eq!(table.rows[1].cells[16], "应助未助");
    assert_eq!(table.rows[1].cells[1], "62112620130918022X");
    // The XLSX export read as a roster gives the same answers (the result columns are ignored).
    let again = check(&xlsx, &lists(), &options()).unwrap();
    assert_expected(&again);
}

/// A generated roster: valid rows of every kind plus broken ones (bad checksum, formula cells,
/// empty rows, missing cells, a 15-digit ID with spaces, lower-case x).
fn generated(n: usize) -> (String, usize) {
    const W: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let id = |i: usize| {
        let base =
            format!("621126{:04}{:02}{:02}{:03}", 2008 + i % 10, 1 + i % 12, 1 + i % 28, i % 1000);
        let sum: u32 = base.bytes().zip(W).map(|(b, w)| u32::from(b - b'0') * w).sum();
        format!("{base}{}", b"10X98765432"[(sum % 11) as usize] as char)
    };
    let mut out = String::from("姓名,身份证号,学段,年级,户籍地,户籍类型,是否寄宿,学校位置,困难认定等级,家庭身份,已享受资助项目\n");
    let mut broken = 0;
    for i in 0..n {
        let line = match i % 10 {
            0 => {
                broken += 1;
                let mut bad = id(i);
                bad.replace_range(17.., if bad.ends_with('0') { "1" } else { "0" });
                format!("坏校验{i},{bad},初中,初二,岷县,农村,寄宿,乡镇,特别困难,,")
            }
            1 => {
                broken += 1;
                format!("=HYPERLINK(\"x\"),{},初中,初二,岷县,农村,寄宿,乡镇,,,", "@bad")
            }
            2 => {
                broken += 1;
                ",,,,,,,,,,".to_string()
            }
            3 => format!(
                "小写x{i},{},初中,初一,岷县,农村,走读,乡镇,不困难,农村低保,",
                id(i).to_lowercase()
            ),
            4 => {
                broken += 1;
                format!("缺列{i},{}", id(i))
            }
            _ => format!(
                "学生{i},{},初中,初{},甘肃省定西市岷县,农村,寄宿,乡镇,比较困难,,寄宿生生活补助",
                id(i),
                ["一", "二", "三"][i % 3]
            ),
        };
        out.push_str(&line);
        out.push('\n');
    }
    (out, broken)
}

#[test]
fn generated_rosters_account_for_every_row() {
    for n in [10, 10_000] {
        let (text, broken) = generated(n);
        let report = check(text.as_bytes(), &[], &options()).unwrap();
        assert_eq!(report.rows.len(), n, "every input row appears once");
        let invalid = report.rows.iter().filter(|r| r.flag == Flag::Invalid).count();
        // Duplicated generated IDs (i % 1000 repeats) may also flag Double; every broken row is
        // Invalid and no valid row is.
        assert_eq!(invalid, broken, "n = {n}");
        let lines: HashSet<usize> = report.rows.iter().map(|r| r.line).collect();
        assert_eq!(lines.len(), n, "each row keeps its own line number");
        let total: usize = report.counts.iter().map(|(_, c)| c).sum();
        assert_eq!(total, n);
        // The formula-looking cell is kept as it was read, and neutralised on the way out.
        let csv = String::from_utf8(export::csv(&report)).unwrap();
        assert!(csv.contains("\"'=HYPERLINK(\"\"x\"\")\""), "formula neutralised");
    }
}

/// 100,000 rows as CSV, as XLSX (a merged title row above the header, merged cells in the body)
/// and as a 50 MB CSV (a long 备注 on every row): every row accounted for, every broken row 无法评估.
#[test]
fn large_rosters_account_for_every_row() {
    let n = 100_000;
    let (text, broken) = generated(n);
    let counted =
        |report: &zhuxue_roster::Report| report.counts.iter().map(|(_, c)| c).sum::<usize>();
    let invalid = |report: &zhuxue_roster::Report| {
        report.rows.iter().filter(|r| r.flag == Flag::Invalid).count()
    };
    let report = check(text.as_bytes(), &[], &options()).unwrap();
    assert_eq!((report.rows.len(), counted(&report), invalid(&report)), (n, n, broken));

    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    let bold = rust_xlsxwriter::Format::new().set_bold();
    sheet.merge_range(0, 0, 0, 10, "某某县2025年秋季学期学生资助名册", &bold).unwrap();
    for (r, line) in text.lines().enumerate() {
        for (c, cell) in line.split(',').enumerate() {
            if !cell.is_empty() {
                sheet.write_string(r as u32 + 1, c as u16, cell).unwrap();
            }
        }
    }
    // Rows 7 and 8 of the sheet (two valid students) share a merged 学校位置 cell.
    sheet.merge_range(7, 7, 8, 7, "乡镇", &rust_xlsxwriter::Format::new()).unwrap();
    let xlsx = book.save_to_buffer().unwrap();
    let report = check(&xlsx, &[], &options()).unwrap();
    // An empty row of a sheet has no cells, so it is no row (as Excel shows it): the
    // generator's empty rows (one in ten) are absent; every other row is there once.
    let empty = n / 10;
    assert_eq!(report.rows.len(), n - empty);
    assert_eq!((counted(&report), invalid(&report)), (n - empty, broken - empty));
    assert_eq!(report.rows[0].line, 3, "title row 1, header row 2, first student row 3");
    // (Sheet rows 8 and 9 are generated rows 5 and 6: report rows 4 and 5, row 2 being empty.)
    assert_eq!((report.rows[4].line, report.rows[4].cells[7].as_str()), (8, "乡镇"));
    assert_eq!(
        (report.rows[5].line, report.rows[5].cells[7].as_str()),
        (9, ""),
        "a merged cell's value is in its first row only"
    );

    let padded: String = text
        .lines()
        .enumerate()
        .map(|(i, l)| {
            let note = if i == 0 { "备注".to_string() } else { "家访记录".repeat(40) };
            format!("{l},{note}\n")
        })
        .collect();
    assert!(padded.len() > 50_000_000, "{} bytes", padded.len());
    let report = check(padded.as_bytes(), &[], &options()).unwrap();
    assert_eq!((report.rows.len(), counted(&report)), (n, n));
}

#[test]
fn a_roster_without_an_id_column_is_refused_per_row_not_dropped() {
    let text = "姓名,学段,年级,户籍地\n张三,初中,初二,岷县\n李四,初中,初一,岷县\n";
    let report = check(text.as_bytes(), &[], &options()).unwrap();
    assert_eq!(report.rows.len(), 2);
    for row in &report.rows {
        assert_eq!(row.flag, Flag::Invalid);
        assert_eq!(row.detail, "名册缺少必需的列：身份证号");
    }
}

#[test]
fn a_list_whose_id_column_is_text_with_spaces_still_matches() {
    let roster = "姓名,身份证号,学段,年级,户籍地,户籍类型,是否寄宿,学校位置,困难认定等级\n李二,62112620130918022X,初中,初一,岷县,农村,走读,乡镇,不困难\n";
    let list = "姓名,身份证号码,类别\n李二之母,\" 6211 2620 1309 1802 2x \",农村低保\n";
    let report = checked(roster, &[(ListKind::Dibao, list)]);
    assert_eq!(report.rows[0].flag, Flag::Missed, "{}", report.rows[0].detail);
}

#[test]
fn the_roster_as_an_xls_export_gives_the_same_answers() {
    // The template saved as Excel 97-2003 with a merged title row above the header, as the
    // 学籍 system exports (tests/data/make-xls.py).
    let xls = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/roster-template.xls"))
        .unwrap();
    let report = check(&xls, &lists(), &options()).unwrap();
    assert_eq!(report.format, zhuxue_roster::table::Format::Xls);
    assert_expected(&report);
}

#[test]
fn a_sheet_of_instructions_before_the_roster_is_passed_over() {
    // XLS: 填表说明 first, the roster second (tests/data/make-xls.py).
    let xls =
        std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/instructions-first.xls"))
            .unwrap();
    assert_expected(&check(&xls, &lists(), &options()).unwrap());
    // XLSX: the same, the template's rows on the second sheet.
    let mut book = rust_xlsxwriter::Workbook::new();
    let notes = book.add_worksheet().set_name("填表说明").unwrap();
    notes.write_string(0, 0, "填表说明").unwrap();
    notes.write_string(1, 0, "1. 身份证号请按文本格式填写。").unwrap();
    let sheet = book.add_worksheet().set_name("学生名册").unwrap();
    let text = String::from_utf8(file("roster-template.csv")).unwrap();
    for (r, line) in text.trim_start_matches('\u{feff}').lines().enumerate() {
        for (c, cell) in line.split(',').enumerate() {
            sheet.write_string(r as u32, c as u16, cell).unwrap();
        }
    }
    let xlsx = book.save_to_buffer().unwrap();
    assert_expected(&check(&xlsx, &lists(), &options()).unwrap());
}

#[test]
fn the_xlsx_template_holds_the_csv_template() {
    let report = check(&file("roster-template.xlsx"), &lists(), &options()).unwrap();
    assert_eq!(report.format, zhuxue_roster::table::Format::Xlsx);
    assert_expected(&report);
}

mod properties {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

        /// Arbitrary bytes as a roster or a list never panic; whatever is read, every row is
        /// accounted for once and the counts add up.
        #[test]
        fn arbitrary_bytes_never_panic(roster in prop::collection::vec(any::<u8>(), 0..400),
                                       list in prop::collection::vec(any::<u8>(), 0..200)) {
            if let Ok(report) = check(&roster, &[(ListKind::Dibao, list)], &options()) {
                let total: usize = report.counts.iter().map(|(_, n)| n).sum();
                prop_assert_eq!(total, report.rows.len());
                let _ = export::csv(&report);
            }
        }

        /// Rows made of roster vocabulary, shuffled and damaged, never panic and are all
        /// accounted for.
        #[test]
        fn vocabulary_rows_never_panic(cells in prop::collection::vec(prop::collection::vec(prop::sample::select(&[
            "初中", "初二", "小学", "三年级", "高中", "大班", "本科", "岷县", "城关区", "621126", "农村", "城镇",
            "寄宿", "走读", "特别困难", "不困难", "农村低保", "脱贫户(不享受政策)", "寄宿生生活补助", "国家助学金",
            "62112620130918022X", "62112620130918022x", "123", "", "=1+1", "\"", "，", "、",
        ][..]), 0..16), 1..30)) {
            let mut text = String::from("姓名,身份证号,学段,年级,户籍地,户籍类型,是否寄宿,困难认定等级,家庭身份,已享受资助项目\n");
            for row in &cells {
                text.push_str(&row.iter().map(|c| format!("\"{}\"", c.replace('"', "\"\""))).collect::<Vec<_>>().join(","));
                text.push('\n');
            }
            let report = check(text.as_bytes(), &[], &options()).unwrap();
            // A blank line is no row (as Excel shows a CSV file); every other line is one.
            let lines = cells.iter().filter(|r| !r.is_empty()).count();
            prop_assert_eq!(report.rows.len(), lines);
            let total: usize = report.counts.iter().map(|(_, n)| n).sum();
            prop_assert_eq!(total, lines);
        }
    }
}

#[test]
fn a_birth_date_that_does_not_fit_the_stage_is_questioned() {
    // A parent's ID (born 1980) on a junior pupil's row.
    let roster = "姓名,身份证号,学段,年级,户籍地,户籍类型,是否寄宿,学校位置,困难认定等级\n某家长,110105198001010016,初中,初二,岷县,农村,走读,乡镇,不困难\n";
    let report = check(roster.as_bytes(), &[], &options()).unwrap();
    let row = &report.rows[0];
    assert_eq!(row.flag, Flag::NeedsInfo, "{}", row.detail);
    assert!(
        row.detail.contains("身份证号显示出生于 1980-01-01（45 岁），与学段不符（10—20 岁）"),
        "{}",
        row.detail
    );
}

#[test]
fn columns_chosen_by_header_name_and_remembered_choices_that_do_not_apply_do_no_harm() {
    let roster = "姓名,号码,学段,年级,户籍地,户籍类型,是否寄宿,学校位置,困难认定等级\n李二,62112620130918022X,初中,初一,岷县,农村,走读,乡镇,不困难\n";
    let mut o = options();
    let report = check(roster.as_bytes(), &[], &o).unwrap();
    assert_eq!(report.rows[0].flag, Flag::Invalid);
    o.mapping = vec![
        (zhuxue_roster::columns::Column::Id, zhuxue_roster::MapTo::Header("号码".into())),
        (
            zhuxue_roster::columns::Column::StudentNo,
            zhuxue_roster::MapTo::Header("不存在的列".into()),
        ),
    ];
    let report = check(roster.as_bytes(), &[], &o).unwrap();
    assert_eq!(report.rows[0].flag, Flag::Ok, "{}", report.rows[0].detail);
    o.mapping = vec![(zhuxue_roster::columns::Column::Hardship, zhuxue_roster::MapTo::Nothing)];
    o.mapping.push((zhuxue_roster::columns::Column::Id, zhuxue_roster::MapTo::Index(1)));
    let report = check(roster.as_bytes(), &[], &o).unwrap();
    assert_eq!(report.mapping.get(zhuxue_roster::columns::Column::Hardship), None);
}

#[test]
fn excel_unicode_text_utf16_tab_separated_gives_the_same_answers() {
    let text = String::from_utf8(file("roster-template.csv"))
        .unwrap()
        .trim_start_matches('\u{feff}')
        .replace(',', "\t");
    let mut bytes = vec![0xFF, 0xFE];
    for unit in text.encode_utf16() {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    let report = check(&bytes, &lists(), &options()).unwrap();
    assert_eq!(report.format, zhuxue_roster::table::Format::Utf16);
    assert_expected(&report);
}

fn with_check(first17: &str) -> String {
    const W: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let sum: u32 = first17.bytes().zip(W).map(|(b, w)| u32::from(b - b'0') * w).sum();
    format!("{first17}{}", b"10X98765432"[(sum % 11) as usize] as char)
}

#[test]
fn aid_paid_by_two_places_is_double_and_aid_paid_elsewhere_is_not_missed() {
    let liu = with_check("43092320120506031");
    let roster = format!(
        "姓名,身份证号,学段,年级,户籍地,户籍类型,就读学校所在地,学校位置,是否寄宿,困难认定等级,家庭身份,已享受资助项目\n\
         刘一,{liu},初中,初二,湖南省益阳市安化县,农村,广东省广州市天河区,城区,寄宿,比较困难,,寄宿生生活补助\n\
         李二,62112620130918022X,初中,初一,岷县,农村,岷县,乡镇,走读,不困难,脱贫户,\n\
         张一,62112620120305011X,初中,初二,岷县,农村,岷县,乡镇,寄宿,特别困难,,寄宿生生活补助\n"
    );
    // The 户籍地's payment list: 刘一 paid again at home; 李二 paid (no place written);
    // 张一 paid by the province, which pays through its counties.
    let paid = format!(
        "身份证号,姓名,资助项目,发放地\n{liu},刘一,寄宿生生活补助,湖南省益阳市安化县\n\
         62112620130918022X,李二,非寄宿生生活补助,\n62112620120305011X,张一,寄宿生生活补助,甘肃省\n"
    );
    let lists = [(ListKind::Paid, paid.into_bytes())];
    let report = check(roster.as_bytes(), &lists, &options()).unwrap();
    let [liu_row, li, zhang] = &report.rows[..] else { panic!("3 rows") };
    assert_eq!(liu_row.flag, Flag::Double, "{}", liu_row.detail);
    assert!(
        liu_row.detail.contains(
            "“家庭经济困难寄宿生生活补助”由两地发放：名册（就读学校所在地 天河区）、发放名单1（湖南省益阳市安化县）"
        ),
        "{}",
        liu_row.detail
    );
    assert_eq!(li.flag, Flag::Ok, "paid by the list, so not missed: {}", li.detail);
    assert_eq!(li.entitled, "家庭经济困难非寄宿生生活补助（每年750元）");
    assert_eq!(zhang.flag, Flag::Ok, "a province and its county are one payer: {}", zhang.detail);
    assert_eq!(report.lists[0].summary(), "资助发放名单 3 行（身份证号无效 0 行）");
    // Without the payment list, 李二 is 应助未助 and 刘一 is not double.
    let alone = check(roster.as_bytes(), &[], &options()).unwrap();
    assert_eq!(alone.rows[1].flag, Flag::Missed);
    assert_ne!(alone.rows[0].flag, Flag::Double, "{}", alone.rows[0].detail);
}

#[test]
fn a_payment_list_without_a_program_column_is_refused_by_name() {
    let roster = "姓名,身份证号,学段,年级,户籍地\n张一,62112620120305011X,初中,初二,岷县\n";
    let paid = "身份证号,金额\n62112620120305011X,1250\n";
    let e = check(roster.as_bytes(), &[(ListKind::Paid, paid.as_bytes().to_vec())], &options())
        .unwrap_err();
    assert_eq!(e, "资助发放名单：找不到资助项目列（如“资助项目”）");
}

/// A list without an ID column is refused with one message naming the list once.
#[test]
fn a_list_without_an_id_column_is_named_once() {
    let list = "姓名,类别\n张三,低保\n".as_bytes().to_vec();
    let err = check(&file("roster-template.csv"), &[(ListKind::Dibao, list.clone())], &options())
        .unwrap_err();
    assert_eq!(err, "低保名单：找不到身份证号列（如“身份证号”）");
    let err =
        check(&file("roster-template.csv"), &[(ListKind::Paid, list)], &options()).unwrap_err();
    assert!(
        err.ends_with("名单：找不到身份证号列（如“身份证号”）") && err.matches("名单").count() == 1,
        "{err}"
    );
}

/// A local program run by a province is compared like a national one: 海南's living guarantee
/// (by its name as officers write it, from the overlay's `aliases`) paid is 一致, missing is
/// 应助未助; a local program's missing fact (录取批次) is not a finding.
#[test]
fn a_provinces_own_program_is_compared_too() {
    let a = with_check("46903020110506031");
    let b = with_check("46903020110607042");
    let c = with_check("64042219990304051");
    let roster = format!(
        "姓名,身份证号,学段,年级,户籍地,户籍类型,就读学校所在地,学校位置,是否寄宿,困难认定等级,家庭身份,已享受资助项目\n\
         陈一,{a},初中,初二,琼中黎族苗族自治县,农村,琼中黎族苗族自治县,乡镇,走读,特别困难,脱贫户,非寄宿生生活补助、基本生活保障\n\
         陈二,{b},初中,初二,琼中黎族苗族自治县,农村,琼中黎族苗族自治县,乡镇,走读,特别困难,脱贫户,非寄宿生生活补助\n\
         马三,{c},本科,大一,西吉县,农村,宁夏回族自治区银川市兴庆区,城区,,特别困难,,国家助学金\n"
    );
    let report = check(roster.as_bytes(), &[], &options()).unwrap();
    let [paid, missed, ningxia] = &report.rows[..] else { panic!("3 rows") };
    assert_eq!(paid.flag, Flag::Ok, "{}", paid.detail);
    assert!(
        paid.entitled.contains("海南过渡期家庭经济困难学生基本生活保障（每年2900元）"),
        "{}",
        paid.entitled
    );
    assert_eq!(missed.flag, Flag::Missed, "{}", missed.detail);
    assert_eq!(
        missed.detail,
        "符合“海南过渡期家庭经济困难学生基本生活保障”条件（每年2900元），但名册中未资助"
    );
    // 燕宝 (a foundation's) and the county award need the admission batch: no roster column,
    // so no 待核实 for them.
    assert_ne!(ningxia.flag, Flag::NeedsInfo, "{}", ningxia.detail);
    assert!(!ningxia.detail.contains("燕宝"), "{}", ningxia.detail);
}

#[test]
fn the_local_programs_facts_are_read_from_their_own_columns() {
    // 内蒙古: the 蒙古语授课 allowance, read from 授课语言; paid to a pupil taught in Chinese, it
    // is aid without grounds (paid to one taught in Mongolian it stands: conditional, as its
    // source is undated).
    let mongolian = with_check("15010220160304051");
    let chinese = with_check("15010220160405062");
    let roster = format!(
        "姓名,身份证号,学段,年级,户籍地,户籍类型,就读学校所在地,是否寄宿,困难认定等级,授课语言,已享受资助项目\n\
         巴一,{mongolian},小学,三年级,内蒙古自治区呼和浩特市新城区,城镇,内蒙古自治区呼和浩特市新城区,走读,不困难,蒙古语,内蒙古义务教育蒙古语授课学生生活补助\n\
         王二,{chinese},小学,三年级,内蒙古自治区呼和浩特市新城区,城镇,内蒙古自治区呼和浩特市新城区,走读,不困难,汉语,内蒙古义务教育蒙古语授课学生生活补助\n"
    );
    let report = check(roster.as_bytes(), &[], &options()).unwrap();
    let [taught, not_taught] = &report.rows[..] else { panic!("2 rows") };
    assert_eq!((taught.flag, taught.detail.as_str()), (Flag::Ok, ""));
    // Conditional (its source is undated): named with 待确认, never a finding.
    assert_eq!(taught.entitled, "内蒙古义务教育蒙古语授课学生生活补助（每年1080元，待确认）");
    assert_eq!(not_taught.flag, Flag::PaidNotEntitled);
    assert_eq!(
        not_taught.detail,
        "已资助“内蒙古义务教育蒙古语授课学生生活补助”，但不符合条件：要求在蒙古语授课班就读；本案：否"
    );
    // 宁夏, autumn 2018 (燕宝's terms are confirmed to 2018-09-28): 燕宝 (a foundation's, named
    // but not compared) needs 二本 or above; a batch the check cannot read is the row's error,
    // not a guess; an empty one leaves it unanswered.
    let ids: Vec<String> = (1..=5).map(|i| with_check(&format!("6404222000030{i}05{i}"))).collect();
    let roster = format!(
        "姓名,身份证号,学段,年级,户籍地,户籍类型,就读学校所在地,困难认定等级,录取批次,在本县高中就读年数\n\
         马一,{},本科,大一,宁夏回族自治区固原市西吉县,农村,宁夏回族自治区银川市兴庆区,不困难,本科二批,3\n\
         马二,{},本科,大一,宁夏回族自治区固原市西吉县,农村,宁夏回族自治区银川市兴庆区,不困难,一本,三年\n\
         马三,{},本科,大一,宁夏回族自治区固原市西吉县,农村,宁夏回族自治区银川市兴庆区,不困难,其他本科,\n\
         马四,{},本科,大一,宁夏回族自治区固原市西吉县,农村,宁夏回族自治区银川市兴庆区,不困难,,\n\
         马五,{},本科,大一,宁夏回族自治区固原市西吉县,农村,宁夏回族自治区银川市兴庆区,不困难,本科批,七年\n",
        ids[0], ids[1], ids[2], ids[3], ids[4]
    );
    let autumn = Options { as_of: Date::new(2018, 9, 10).unwrap(), mapping: Vec::new() };
    let report = check(roster.as_bytes(), &[], &autumn).unwrap();
    let got: Vec<(Flag, &str, &str)> =
        report.rows.iter().map(|r| (r.flag, r.detail.as_str(), r.entitled.as_str())).collect();
    let yanbao = "燕宝奖学金（本科，宁夏六盘山9县区）（每年4000元，基金会项目，不比对）";
    // The unnamed seed county's award: one-off, conditional for all of 宁夏.
    let award = |y| {
        format!("{yanbao}、县高级中学考入一本、二本大学生奖励（宁夏某县）（一次性{y}元，待确认）")
    };
    let (second, first) = (award(10000), award(12000));
    assert_eq!(
        got,
        [
            (Flag::Ok, "", second.as_str()),
            (Flag::Ok, "", first.as_str()),
            (Flag::Ok, "", ""),
            (Flag::Ok, "", ""),
            (
                Flag::Invalid,
                "录取批次：无法识别“本科批”（填 本科一批、本科二批、其他本科 或 专科；不确定的留空）",
                ""
            ),
        ]
    );
    // The years column: a number of years out of range is named too.
    let roster = format!(
        "姓名,身份证号,学段,年级,户籍地,就读学校所在地,在本县高中就读年数\n\
         马六,{},本科,大一,宁夏回族自治区固原市西吉县,宁夏回族自治区银川市兴庆区,七年\n",
        ids[0]
    );
    let report = check(roster.as_bytes(), &[], &autumn).unwrap();
    assert_eq!(report.rows[0].detail, "在本县高中就读年数：无法识别“七年”（填 0 到 6 的整数年数）");
    // In 2025 燕宝's terms are past the last date a source confirms: 待确认 too.
    let roster = format!(
        "姓名,身份证号,学段,年级,户籍地,就读学校所在地,困难认定等级,录取批次\n\
         马七,{},本科,大一,宁夏回族自治区固原市西吉县,宁夏回族自治区银川市兴庆区,不困难,本科二批\n",
        with_check("64042220060304051")
    );
    let report = check(roster.as_bytes(), &[], &options()).unwrap();
    assert_eq!(report.rows[0].flag, Flag::Ok, "{}", report.rows[0].detail);
    assert_eq!(
        report.rows[0].entitled,
        "燕宝奖学金（本科，宁夏六盘山9县区）（每年4000元，基金会项目，不比对，待确认）"
    );
}

#[test]
fn grades_counted_through_the_school_years_and_a_totals_line_are_read() {
    // 七年级 … 九年级 is how most junior schools write 初一 … 初三; 十年级 is 高一.
    let roster = "序号,姓名,身份证号,学段,年级,户籍地,户籍类型,是否寄宿,学校位置,困难认定等级,已享受资助项目\n\
         1,张一,62112620120305011X,初中,八年级,岷县,农村,寄宿,乡镇,特别困难,寄宿生生活补助\n\
         2,李二,62112620130918022X,初中,7,岷县,农村,走读,乡镇,不困难,\n\
         3,王三,621126201401010039,小学,七年级,岷县,农村,寄宿,乡镇,特别困难,\n\
         4,赵四,621126201207070046,初中,高一,岷县,农村,走读,乡镇,不困难,\n\
         合计,4人,,,,,,,,,\n";
    let report = checked(roster, &[]);
    let rows = verdicts(&report);
    assert_eq!(
        rows,
        [
            (Flag::Ok, ""),
            (Flag::Ok, ""),
            (Flag::Invalid, "年级：“七年级”是初中的年级，与学段“小学”不一致"),
            (Flag::Invalid, "年级：“高一”是普通高中的年级，与学段“初中”不一致"),
            (Flag::Invalid, "合计行，不是学生"),
        ]
    );
    // 八年级 is 初二 (the allowance paid is the one due), 7 is 初一 even with no 学段.
    let roster =
        "姓名,身份证号,学段,年级,户籍地,户籍类型,是否寄宿,学校位置,困难认定等级,已享受资助项目\n\
         张一,62112620120305011X,初中,八年级,岷县,农村,寄宿,乡镇,特别困难,寄宿生生活补助\n\
         李二,62112620130918022X,,7,岷县,农村,走读,乡镇,不困难,\n";
    let report = check(roster.as_bytes(), &[], &options()).unwrap();
    let rows: Vec<(Flag, &str, &str)> =
        report.rows.iter().map(|r| (r.flag, r.detail.as_str(), r.entitled.as_str())).collect();
    assert_eq!(
        rows,
        [(Flag::Ok, "", "家庭经济困难寄宿生生活补助（每年1500元）"), (Flag::Ok, "", ""),]
    );
}

#[test]
fn a_value_the_check_cannot_read_is_said_never_dropped() {
    let roster = "姓名,身份证号,学段,年级,户籍地,户口性质,就读方式,困难等级,学校位置\n\
         张一,62112620120305011X,初中,初二,岷县,农业家庭户口,住校生,一档,镇区\n\
         李二,62112620130918022X,初中,初一,岷县,居民户口,走读生,困难户,乡村\n";
    let report = checked(roster, &[]);
    let rows = verdicts(&report);
    assert_eq!(
        rows,
        [
            (
                Flag::Missed,
                "符合“家庭经济困难寄宿生生活补助”条件（每年1500元），但名册中未资助；学校位置：无法识别“镇区”（填 城区、县城 或 乡镇），按未填写处理"
            ),
            // Not one of the four groups, a day pupil: nothing depends on the level, so 一致 —
            // with both values named.
            (
                Flag::Ok,
                "户籍类型：“居民户口”不分农村、城镇，按未填写处理；困难认定等级：无法识别“困难户”（填 特别困难、比较困难、一般困难 或 不困难），按未填写处理"
            ),
        ]
    );
}

#[test]
fn a_list_whose_id_numbers_excel_turned_into_numbers_says_so() {
    let roster = "姓名,身份证号,学段,年级,户籍地,户籍类型,是否寄宿,学校位置,困难认定等级\n\
         李二,62112620130918022X,初中,初一,岷县,农村,走读,乡镇,不困难\n";
    let list =
        "姓名,身份证号,类别\n李二家长,6.21126E+17,农村低保\n王五,62112620120305011X,农村低保\n";
    let report = checked(roster, &[(ListKind::Dibao, list)]);
    assert_eq!(
        report.lists[0].summary(),
        "低保名单 2 行（身份证号无效 1 行，如第 2 行：身份证号“6.21126E+17”被 Excel 当作数字保存，15 位以后的数字已丢失：请把这一列设为“文本”格式后重新填写，或从学籍系统重新导出）"
    );
}

#[test]
fn household_lists_are_read_by_every_member_s_number_never_a_guardian_s() {
    // 李二 (a non-boarder, not assessed as 困难) is entitled to the non-boarder allowance only
    // when the household is on the 低保 list.
    let roster = "姓名,身份证号,学段,年级,户籍地,户籍类型,是否寄宿,学校位置,困难认定等级\n\
         李二,62112620130918022X,初中,初一,岷县,农村,走读,乡镇,不困难\n";
    let flags = |list: &str| {
        let report = checked(roster, &[(ListKind::Dibao, list)]);
        (report.rows[0].flag, report.lists[0].summary())
    };
    // One row per member, the head's number beside the member's (民政's usual export).
    let members = "户主姓名,户主身份证号,成员姓名,与户主关系,成员身份证号,保障类别\n\
         李大,620102198001010017,李大,本人,620102198001010017,农村低保\n\
         李大,620102198001010017,李二,子女,62112620130918022X,农村低保\n";
    assert_eq!(flags(members), (Flag::Missed, "低保名单 2 行（身份证号无效 0 行）".to_string()));
    // One row per household, the members side by side; an empty member cell is no error, a
    // refused one is said (the row's other numbers still count).
    let wide = "户主姓名,户主身份证号,成员1身份证号,成员2身份证号,成员3身份证号,保障类别\n\
         李大,620102198001010017,62112620130918022X,,,农村低保\n\
         王大,621126198001010991,62112620130918022,,,农村低保\n";
    assert_eq!(
        flags(wide),
        (
            Flag::Missed,
            "低保名单 2 行（身份证号无效 1 行，如第 3 行：身份证号应为18位（或旧的15位），这里是17位）"
                .to_string()
        )
    );
    // A guardian's or contact's number is not the household's: 李二's number there is no
    // status.
    let guardian =
        "姓名,身份证号,监护人身份证号,类别\n王五,62112620120305011X,62112620130918022X,农村低保\n";
    assert_eq!(flags(guardian).0, Flag::Ok);
    // The head's number alone can find no student: said, not read as a list that matches
    // nobody.
    let heads = "户主姓名,户主身份证号,保障人数,类别\n李大,620102198001010017,3,农村低保\n";
    let lists = vec![(ListKind::Dibao, heads.as_bytes().to_vec())];
    assert_eq!(
        check(roster.as_bytes(), &lists, &options()).unwrap_err(),
        "低保名单：名单只有“户主身份证号”列：学生不是户主时找不到。请使用列出每位家庭成员及其身份证号的名单"
    );
    // With two lists of the kind, the message says which.
    let good = "姓名,身份证号\n李二,62112620130918022X\n".as_bytes().to_vec();
    let lists = vec![(ListKind::Dibao, good), (ListKind::Dibao, heads.as_bytes().to_vec())];
    assert!(check(roster.as_bytes(), &lists, &options())
        .unwrap_err()
        .starts_with("第2个低保名单：名单只有"));
    // A payment list reads the student's number, not the parent's beside it.
    let paid = "家长身份证号,学生身份证号,资助项目\n62112620120305011X,62112620130918022X,非寄宿生生活补助\n";
    let lists = vec![(ListKind::Paid, paid.as_bytes().to_vec())];
    let report = check(roster.as_bytes(), &lists, &options()).unwrap();
    assert_eq!(report.lists[0].summary(), "资助发放名单 1 行（身份证号无效 0 行）");
    let only_parent = "家长身份证号,资助项目\n62112620130918022X,非寄宿生生活补助\n";
    let lists = vec![(ListKind::Paid, only_parent.as_bytes().to_vec())];
    assert_eq!(
        check(roster.as_bytes(), &lists, &options()).unwrap_err(),
        "资助发放名单：找不到学生本人的身份证号列（“家长身份证号”是别人的）"
    );
    // In the roster, a guardian's columns before the student's are not the student's.
    let guardian_first = "监护人姓名,监护人身份证号,学生姓名,学生身份证号,学段,年级,户籍地\n\
         李大,620102198001010017,李二,62112620130918022X,初中,初一,岷县\n";
    let report = checked(guardian_first, &[]);
    assert_eq!(report.rows[0].id.as_ref().unwrap().masked(), "621126********022X");
}

#[test]
fn a_status_the_list_says_has_ended_does_not_count() {
    let roster = "姓名,身份证号,学段,年级,户籍地,户籍类型,是否寄宿,学校位置,困难认定等级\n\
         李二,62112620130918022X,初中,初一,岷县,农村,走读,乡镇,不困难\n";
    let verdict = |kind: ListKind, list: &str| {
        let report = checked(roster, &[(kind, list)]);
        (report.rows[0].flag, report.rows[0].detail.clone())
    };
    let missed = "符合“家庭经济困难非寄宿生生活补助”条件（每年750元），但名册中未资助";
    // 脱贫户 with 是否享受政策 in a column of its own.
    let lifted = |enjoys: &str| {
        format!("姓名,身份证号,户类型,是否享受政策\n李二,62112620130918022X,脱贫户,{enjoys}\n")
    };
    assert_eq!(verdict(ListKind::LiftedOut, &lifted("是")), (Flag::Missed, missed.to_string()));
    assert_eq!(
        verdict(ListKind::LiftedOut, &lifted("否")),
        (Flag::Ok, "名单注明脱贫户风险已消除或不享受政策，本次不计".to_string())
    );
    // 监测对象 with 风险是否消除 and the day: ended before the date (2025-10-10), after it, or
    // not ended.
    let monitored = |eliminated: &str, on: &str| {
        format!("姓名,身份证号,监测对象类别,风险是否消除,风险消除时间\n李二,62112620130918022X,突发严重困难户,{eliminated},{on}\n")
    };
    // (A monitored household's junior pupil gets no allowance by that alone: 说明 is what
    // shows whether the status was taken.)
    let ended = (
        Flag::Ok,
        "名单注明防止返贫监测对象已于 2025-03-01 风险消除或不再享受政策，本次不计".to_string(),
    );
    assert_eq!(verdict(ListKind::Monitored, &monitored("否", "")), (Flag::Ok, String::new()));
    assert_eq!(verdict(ListKind::Monitored, &monitored("是", "2025-03-01")), ended);
    assert_eq!(verdict(ListKind::Monitored, &monitored("", "2025-03-01")), ended);
    assert_eq!(
        verdict(ListKind::Monitored, &monitored("是", "2026-03-01")),
        (Flag::Ok, String::new())
    );
}

#[test]
fn aid_recorded_a_column_per_program_is_read() {
    // A school's 台账: a column per aid, the amount paid (or 是) in it.
    let roster = "姓名,身份证号,学段,年级,户籍地,户籍类型,是否寄宿,学校位置,困难认定等级,寄宿生生活补助（元）,非寄宿生生活补助金额\n\
         张一,62112620120305011X,初中,初二,岷县,农村,寄宿,乡镇,特别困难,1500,\n\
         李二,62112620130918022X,初中,初一,岷县,农村,寄宿,乡镇,比较困难,0,\n\
         王三,620102201602100338,小学,三年级,甘肃省兰州市城关区,城镇,走读,城区,不困难,,625.00\n\
         赵四,621126201107010441,初中,初三,岷县,农村,寄宿,乡镇,比较困难,是,—\n";
    let report = checked(roster, &[]);
    assert_eq!(
        verdicts(&report),
        [
            (Flag::Ok, ""),
            (Flag::Missed, "符合“家庭经济困难寄宿生生活补助”条件（每年1500元），但名册中未资助"),
            (
                Flag::PaidNotEntitled,
                "已资助“家庭经济困难非寄宿生生活补助”，但不符合条件：不属于四类家庭经济困难学生（建档立卡/脱贫家庭、家庭经济困难残疾学生、农村低保家庭、农村特困供养）"
            ),
            (Flag::Ok, ""),
        ]
    );
    let said = zhuxue_roster::columns::says_paid;
    assert!(said("1,500.00") && said("￥750") && said("是") && said("√") && said("750元"));
    assert!(
        !said("0") && !said("0.00") && !said("否") && !said("") && !said("—") && !said("未享受")
    );
}

#[test]
fn a_payment_for_another_term_is_history_not_double_aid() {
    // 李二 moved from 漳县 to 岷县 over the summer: 漳县 paid the spring term, the school (岷县)
    // the autumn term the check is for (2025-10-10).
    let roster = "姓名,身份证号,学段,年级,户籍地,户籍类型,就读学校所在地,是否寄宿,学校位置,困难认定等级,已享受资助项目\n\
         李二,62112620130918022X,初中,初一,岷县,农村,岷县,寄宿,乡镇,比较困难,寄宿生生活补助\n";
    let verdict = |term: &str| {
        let paid = format!("姓名,身份证号,资助项目,发放地,发放学期\n李二,62112620130918022X,寄宿生生活补助,甘肃省定西市漳县,{term}\n");
        let report = checked(roster, &[(ListKind::Paid, &paid)]);
        report.rows[0].flag
    };
    for spring in ["2025年春季学期", "2024-2025学年第二学期", "2025-04-20", "2025年5月", "202506"]
    {
        assert_eq!(verdict(spring), Flag::Ok, "{spring}");
    }
    // The same term, a whole school year including it, or a term the cell does not name: two
    // places paid.
    for this in [
        "2025年秋季学期",
        "2025秋",
        "2025-2026学年第一学期",
        "2025-2026学年",
        "2025-11-05",
        "",
        "本学期",
    ] {
        assert_eq!(verdict(this), Flag::Double, "{this}");
    }
}

#[test]
fn a_roster_without_a_stage_column_reads_the_stage_from_the_grade() {
    // As the 学籍 system exports: 年级 only.
    let roster = "姓名,身份证件号,年级,户口所在地,户口性质,就读方式,学校位置,困难等级\n\
         张一,62112620120305011X,初中二年级,岷县,农村,住校,乡镇,特别困难\n\
         李二,62112620130918022X,七年级,岷县,农村,住校,乡镇,比较困难\n\
         王三,620102201602100338,小学三年级,甘肃省兰州市城关区,城镇,走读,城区,不困难\n\
         赵四,621126201107010441,三年级,岷县,农村,住校,乡镇,比较困难\n";
    let report = checked(roster, &[]);
    let entitled: Vec<&str> = report.rows.iter().map(|r| r.entitled.as_str()).collect();
    assert_eq!(entitled[..2], ["家庭经济困难寄宿生生活补助（每年1500元）"; 2]);
    assert_eq!(report.rows[2].flag, Flag::Ok);
    assert_eq!(
        (report.rows[3].flag, report.rows[3].detail.as_str()),
        (
            Flag::Invalid,
            "学段：名册没有学段列，年级“三年级”看不出学段（初一、七年级、小学三年级、高二 可以看出）：请加一列学段（小学、初中、高中 …）"
        )
    );
    let grade = zhuxue_roster::columns::grade;
    assert_eq!(grade("小学三年级"), Some((3, Some("primary"))));
    assert_eq!(grade("普通高中二年级"), Some((2, Some("senior"))));
    assert_eq!(grade("幼儿园大班"), Some((3, Some("preschool"))));
    assert_eq!(grade("小学七年级"), None, "a grade that names another stage is not read");
}

#[test]
fn a_gender_the_id_number_contradicts_is_said() {
    // 李二's number (…022X) is a woman's: 17th digit 2.
    let roster = |gender: &str| {
        format!(
            "姓名,性别,身份证号,学段,年级,户籍地,户籍类型,是否寄宿,学校位置,困难认定等级\n\
                 李二,{gender},62112620130918022X,初中,初一,岷县,农村,寄宿,乡镇,不困难\n"
        )
    };
    assert_eq!(verdicts(&checked(&roster("女"), &[])), [(Flag::Ok, "")]);
    assert_eq!(
        verdicts(&checked(&roster("男"), &[])),
        [(Flag::Ok, "性别“男”与身份证号不符（第17位表示女），请核对身份证号是否录错")]
    );
    assert_eq!(verdicts(&checked(&roster("未知"), &[])), [(Flag::Ok, "")]);
}

#[test]
fn a_missing_id_number_is_read_from_the_student_number() {
    // The 全国学籍号 of a student with a resident ID is G and the number.
    let with_id =
        "姓名,身份证号,全国学籍号,学段,年级,户籍地,户籍类型,是否寄宿,学校位置,困难认定等级\n\
         李二,,G62112620130918022X,初中,初一,岷县,农村,走读,乡镇,不困难\n\
         王五,,G621126201309180221,初中,初一,岷县,农村,走读,乡镇,不困难\n\
         赵六,,J62112620130918,初中,初一,岷县,农村,走读,乡镇,不困难\n";
    let list = "姓名,身份证号,类别\n李二之母,62112620130918022X,农村低保\n";
    let report = checked(with_id, &[(ListKind::Dibao, list)]);
    assert_eq!(
        verdicts(&report),
        [
            (Flag::Missed, "符合“家庭经济困难非寄宿生生活补助”条件（每年750元），但名册中未资助"),
            (
                Flag::Invalid,
                "身份证号：身份证号为空；全国学籍号“G621126201309180221”中的身份证号校验位错误（最后一位应为 X），请核对是否输错"
            ),
            (Flag::Invalid, "身份证号：身份证号为空"),
        ]
    );
    // A roster with a 全国学籍号 column and no ID column at all.
    let no_id = "姓名,全国学籍号,学段,年级,户籍地,户籍类型,是否寄宿,学校位置,困难认定等级\n\
         李二,G62112620130918022X,初中,初一,岷县,农村,走读,乡镇,不困难\n";
    assert_eq!(checked(no_id, &[(ListKind::Dibao, list)]).rows[0].flag, Flag::Missed);
}

#[test]
fn last_term_s_check_says_what_changed() {
    // Last term: the same roster without the 低保 list, and with 周七, who has since left.
    let last_roster = String::from_utf8(file("roster-template.csv")).unwrap();
    let previous =
        check(last_roster.as_bytes(), &[(ListKind::LiftedOut, file("lifted_out.csv"))], &options())
            .unwrap();
    let export = zhuxue_roster::export::xlsx(&previous).unwrap();
    // This term: 周七 is gone; a new pupil 吴八 came.
    let now = last_roster.lines().filter(|l| !l.starts_with("周七")).collect::<Vec<_>>().join("\n")
        + "\n吴八,62112620130918014X,G62112620130918014X,初中,初一,岷县,农村,岷县,乡镇,公办,寄宿,比较困难,,否,否,寄宿生生活补助\n";
    let mut lists = lists();
    lists.push((ListKind::Previous, export));
    let report = check(now.as_bytes(), &lists, &options()).unwrap();
    let detail =
        |name: &str| report.rows.iter().find(|r| r.cells[0] == name).unwrap().detail.clone();
    // 李二's household is on the 低保 list this term: the non-boarder allowance is new.
    assert_eq!(
        detail("李二"),
        "符合“家庭经济困难非寄宿生生活补助”条件（每年750元），但名册中未资助；与上学期相比：新增 家庭经济困难非寄宿生生活补助"
    );
    assert_eq!(detail("张一"), "", "unchanged: nothing said");
    assert_eq!(detail("吴八"), "上学期比对结果中没有此人（新转入或新录入）");
    let changed: Vec<&str> =
        report.rows.iter().filter(|r| r.changed).map(|r| r.cells[0].as_str()).collect();
    assert_eq!(changed, ["李二", "吴八"]);
    let read = report.lists.iter().find(|l| l.kind == ListKind::Previous).unwrap();
    assert_eq!(
        read.summary(),
        "上学期比对结果 8 行（身份证号无效 1 行，如第 8 行：身份证号校验位错误（最后一位应为 5），请核对是否输错）：本学期新增享受资助 1 人，不再享受 0 人，上学期没有的学生 1 人，已不在名册 1 人"
    );
    // And back: last term's check had 李二's allowance, this term's 低保 list is missing.
    let previous_export = zhuxue_roster::export::csv(&report);
    let lists =
        vec![(ListKind::LiftedOut, file("lifted_out.csv")), (ListKind::Previous, previous_export)];
    let back = check(now.as_bytes(), &lists, &options()).unwrap();
    let li = back.rows.iter().find(|r| r.cells[0] == "李二").unwrap();
    assert_eq!(li.detail, "与上学期相比：不再享受 家庭经济困难非寄宿生生活补助");
    assert!(back.lists[1].summary().ends_with(
        "：本学期新增享受资助 0 人，不再享受 1 人，上学期没有的学生 0 人，已不在名册 0 人"
    ));
    // A row this term cannot read, or aid waiting for one more fact, has not stopped.
    let unread = now.replace(
        "李二,62112620130918022X,G621126201309180022,初中,初一,岷县",
        "李二,62112620130918022X,G621126201309180022,初中,初一,",
    );
    let lists = vec![(ListKind::Previous, zhuxue_roster::export::csv(&report))];
    let back = check(unread.as_bytes(), &lists, &options()).unwrap();
    let li = back.rows.iter().find(|r| r.cells[0] == "李二").unwrap();
    assert_eq!(
        (li.flag, li.detail.as_str()),
        (Flag::Invalid, "户籍地：没有填写（写区县全称，如 甘肃省定西市岷县，或6位代码）")
    );
    assert!(back.lists[0].summary().ends_with(
        "：本学期新增享受资助 0 人，不再享受 0 人，上学期没有的学生 0 人，已不在名册 0 人"
    ));
    // 钱五's grant last term (assessed 比较困难); this term the 困难认定等级 is not filled in yet.
    let qian =
        "钱五,62112620080415055X,G621126200804150055,高中,高二,岷县,农村,岷县,县城,公办,寄宿,";
    let last = now.replace(qian, &format!("{qian}比较困难"));
    let earlier = check(last.as_bytes(), &[], &options()).unwrap();
    let qian_then = earlier.rows.iter().find(|r| r.cells[0] == "钱五").unwrap();
    assert!(qian_then.entitled.starts_with("普通高中国家助学金"), "{}", qian_then.entitled);
    let lists = vec![(ListKind::Previous, zhuxue_roster::export::csv(&earlier))];
    let back = check(now.as_bytes(), &lists, &options()).unwrap();
    let qian_now = back.rows.iter().find(|r| r.cells[0] == "钱五").unwrap();
    assert_eq!(qian_now.detail, "“普通高中国家助学金”还需核实：困难认定等级");
}

#[test]
fn aid_names_with_amounts_or_tiers_are_read_and_an_unread_name_is_no_finding() {
    let roster = "姓名,身份证号,学段,年级,户籍地,户籍类型,是否寄宿,学校位置,困难认定等级,家庭身份,已享受资助项目\n\
         张一,62112620120305011X,初中,初二,岷县,农村,寄宿,乡镇,特别困难,,寄宿生生活补助（1500元）\n\
         李二,62112620130918022X,初中,初一,岷县,农村,寄宿,乡镇,比较困难,,寄宿生补助1500元\n\
         王三,621126201401010039,初中,初一,岷县,农村,寄宿,乡镇,特别困难,,生活费补贴\n";
    let report = checked(roster, &[]);
    let rows = verdicts(&report);
    assert_eq!(
        rows,
        [
            (Flag::Ok, ""),
            (Flag::Ok, ""),
            (
                Flag::NeedsInfo,
                "符合“家庭经济困难寄宿生生活补助”条件（每年1500元），但名册中未资助；未识别的资助项目名称：生活费补贴（若这就是上面未资助的项目，请按标准名称填写，见 docs/roster.md）"
            ),
        ]
    );
    assert_eq!(
        zhuxue_roster::columns::aid_program("国家助学金（一档）", "senior"),
        Some("senior.national_grant")
    );
    assert_eq!(
        zhuxue_roster::columns::aid_program("国家助学金 2300元", "senior"),
        Some("senior.national_grant")
    );
    assert_eq!(zhuxue_roster::columns::aid_program("（一档）", "senior"), None);
    assert_eq!(zhuxue_roster::columns::aid_program("1500元", "junior"), None);
}

#[test]
fn a_status_recognised_after_the_date_is_said_not_to_count_yet() {
    let roster = "姓名,身份证号,学段,年级,户籍地,户籍类型,是否寄宿,学校位置,困难认定等级\n\
         赵四,621126201207070046,初中,初三,岷县,农村,走读,乡镇,特别困难\n\
         李二,62112620130918022X,初中,初一,岷县,农村,走读,乡镇,特别困难\n";
    let list = "姓名,身份证号,类别,认定日期\n赵四,621126201207070046,农村低保,2026/3/1\n李二,62112620130918022X,农村低保,2023.09\n";
    let report = checked(roster, &[(ListKind::Dibao, list)]);
    let rows = verdicts(&report);
    assert_eq!(
        rows,
        [
            (
                Flag::Ok,
                "最低生活保障家庭认定日期 2026-03-01 晚于政策计算日期 2025-10-10，本次按未认定计算"
            ),
            (Flag::Missed, "符合“家庭经济困难非寄宿生生活补助”条件（每年750元），但名册中未资助"),
        ]
    );
}
