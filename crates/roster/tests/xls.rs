//! The .xls (Excel 97–2003) reader: on files xlwt wrote (`tests/data/make-xls.py`), against
//! calamine's reader and with exact cell texts; on compound files built here with the parts
//! xlwt never writes (a workbook in the mini stream, an allocation table listed in a DIFAT
//! sector); and on damaged files: cut or with bytes changed, an error or a table, never a panic.

use zhuxue_roster::xls;
use zhuxue_roster::xlsx::Grid;

fn data(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// The first visible worksheet.
fn read(bytes: &[u8]) -> Result<Grid, String> {
    xls::read_sheet(bytes, 0, &mut |_| {}).map(Option::unwrap_or_default)
}

mod common;

/// The first sheet as calamine reads it.
fn calamine_grid(bytes: &[u8]) -> Grid {
    use calamine::{Reader, Xls};
    let mut book: Xls<_> = Xls::new(std::io::Cursor::new(bytes)).unwrap();
    let name = book.sheet_names()[0].clone();
    common::grid(&book.worksheet_range(&name).unwrap())
}

#[test]
fn every_kind_of_cell_reads_as_excel_shows_it() {
    let bytes = data("cells.xls");
    let grid = read(&bytes).unwrap();
    let row = |line: usize| grid.iter().find(|(l, _)| *l == line).map(|(_, c)| c.clone());
    assert_eq!(row(1).unwrap(), ["姓名", "数字", "日期", "是否"]);
    assert_eq!(row(2).unwrap(), ["张三", "3", "2021-01-01", "是"]);
    assert_eq!(row(3).unwrap(), ["李四", "2.5", "2025-09-01", "否"]);
    // An ID number typed as a number: Excel keeps 15 digits, and so does the text.
    assert_eq!(row(4).unwrap(), ["身份证号当数字", "621126201309180000", "1234567.125"]);
    assert_eq!(row(5), None, "an empty row is no row");
    // Shared strings past 8,224 bytes run on into CONTINUE records, split inside a string.
    for i in 0..12 {
        let cells = row(6 + i).unwrap();
        assert_eq!(cells[0], format!("长文本{i:02}{}", "资助".repeat(900)));
        assert_eq!(cells[1], format!("latin-{i:02}-{}", "abcdefghij".repeat(500)));
    }
    assert_eq!(grid.len(), 16);
    // The same text calamine reads, cell for cell.
    assert_eq!(grid, calamine_grid(&bytes));
}

#[test]
fn the_roster_template_saved_as_xls() {
    let grid = read(&data("roster-template.xls")).unwrap();
    assert_eq!(grid[0], (1, vec!["某某中学2025年秋季学期学生名册".to_string()]));
    assert_eq!(grid[1].1[..3], ["姓名", "身份证号", "学籍号"]);
    assert_eq!(grid.len(), 10);
    assert_eq!(grid, calamine_grid(&data("roster-template.xls")));
}

#[test]
fn a_hidden_first_sheet_is_passed_over() {
    // A template's hidden 字典 sheet first, the roster second (tests/data/make-xls.py).
    let grid = read(&data("hidden-first.xls")).unwrap();
    assert_eq!(
        grid,
        vec![(1, vec!["姓名".into(), "学段".into()]), (2, vec!["张三".into(), "初中".into()])]
    );
}

// A compound file built here (version 3, 512-byte sectors): header, one FAT sector, the
// directory, and either the workbook in the mini stream (under 4,096 bytes, with a mini FAT)
// or in ordinary sectors; the FAT sector listed in the header or in a DIFAT sector.
fn compound(workbook: &[u8], mini: bool, difat: bool) -> Vec<u8> {
    // A stream under the 4,096-byte cutoff belongs in the mini stream; padded past it (as
    // xlwt pads), it is in ordinary sectors.
    let mut padded = workbook.to_vec();
    if !mini {
        padded.resize(workbook.len().max(4096), 0);
    }
    let workbook = &padded[..];
    const FREE: u32 = 0xFFFF_FFFF;
    const END: u32 = 0xFFFF_FFFE;
    const FATSECT: u32 = 0xFFFF_FFFD;
    const DIFSECT: u32 = 0xFFFF_FFFC;
    let sectors_of = |n: usize| n.div_ceil(512).max(1);
    // Sector layout: 0 FAT, 1 DIFAT (if any), then directory, then mini FAT, then data.
    let mut fat: Vec<u32> = vec![FATSECT];
    if difat {
        fat.push(DIFSECT);
    }
    let dir_at = fat.len() as u32;
    fat.push(END);
    let mut mini_fat_at = END;
    let (root_start, root_size, wb_start);
    let data: Vec<u8> = if mini {
        mini_fat_at = fat.len() as u32;
        fat.push(END);
        let minis = workbook.len().div_ceil(64);
        let mut stream = workbook.to_vec();
        stream.resize(sectors_of(minis * 64) * 512, 0);
        root_start = fat.len() as u32;
        root_size = (minis * 64) as u32;
        for i in 0..sectors_of(minis * 64) {
            let last = i + 1 == sectors_of(minis * 64);
            fat.push(if last { END } else { fat.len() as u32 + 1 });
        }
        wb_start = 0;
        stream
    } else {
        root_start = END;
        root_size = 0;
        wb_start = fat.len() as u32;
        let n = sectors_of(workbook.len());
        for i in 0..n {
            fat.push(if i + 1 == n { END } else { fat.len() as u32 + 1 });
        }
        let mut stream = workbook.to_vec();
        stream.resize(n * 512, 0);
        stream
    };
    assert!(fat.len() <= 128);
    fat.resize(128, FREE);
    let mut out = vec![0u8; 512];
    out[..8].copy_from_slice(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1");
    out[0x18..0x1A].copy_from_slice(&0x3Eu16.to_le_bytes());
    out[0x1A..0x1C].copy_from_slice(&3u16.to_le_bytes());
    out[0x1C..0x1E].copy_from_slice(&0xFFFEu16.to_le_bytes());
    out[0x1E..0x20].copy_from_slice(&9u16.to_le_bytes());
    out[0x20..0x22].copy_from_slice(&6u16.to_le_bytes());
    out[0x2C..0x30].copy_from_slice(&1u32.to_le_bytes());
    out[0x30..0x34].copy_from_slice(&dir_at.to_le_bytes());
    out[0x38..0x3C].copy_from_slice(&4096u32.to_le_bytes());
    out[0x3C..0x40].copy_from_slice(&mini_fat_at.to_le_bytes());
    out[0x40..0x44].copy_from_slice(&u32::from(mini).to_le_bytes());
    out[0x44..0x48].copy_from_slice(&(if difat { 1 } else { END }).to_le_bytes());
    out[0x48..0x4C].copy_from_slice(&u32::from(difat).to_le_bytes());
    for i in 0..109 {
        let id = if i == 0 && !difat { 0 } else { FREE };
        out[0x4C + 4 * i..0x50 + 4 * i].copy_from_slice(&id.to_le_bytes());
    }
    // Sector 0: the FAT.
    out.extend(fat.iter().flat_map(|v| v.to_le_bytes()));
    // Sector 1: the DIFAT, naming sector 0, then free entries, then "no next DIFAT".
    if difat {
        let mut d = vec![0u32];
        d.resize(127, FREE);
        d.push(END);
        out.extend(d.iter().flat_map(|v| v.to_le_bytes()));
    }
    // The directory: root entry and the Workbook stream.
    let entry = |name: &str, kind: u8, start: u32, size: u32| {
        let mut e = vec![0u8; 128];
        let units: Vec<u16> = name.encode_utf16().chain([0]).collect();
        for (i, u) in units.iter().enumerate() {
            e[2 * i..2 * i + 2].copy_from_slice(&u.to_le_bytes());
        }
        e[0x40..0x42].copy_from_slice(&((units.len() * 2) as u16).to_le_bytes());
        e[0x42] = kind;
        e[0x44..0x50].copy_from_slice(&[0xFF; 12]);
        e[0x74..0x78].copy_from_slice(&start.to_le_bytes());
        e[0x78..0x7C].copy_from_slice(&size.to_le_bytes());
        e
    };
    let mut root = entry("Root Entry", 5, root_start, root_size);
    root[0x4C..0x50].copy_from_slice(&1u32.to_le_bytes()); // its child: the Workbook entry
    out.extend(root);
    out.extend(entry("Workbook", 2, wb_start, workbook.len() as u32));
    out.extend(vec![0u8; 256]);
    if mini {
        let minis = workbook.len().div_ceil(64) as u32;
        let mut mf: Vec<u32> = (1..minis).collect();
        mf.push(END);
        mf.resize(128, FREE);
        out.extend(mf.iter().flat_map(|v| v.to_le_bytes()));
    }
    out.extend(data);
    out
}

/// The Workbook stream of a small .xls: its first sheet has 姓名 / 张三 and a number.
fn small_workbook() -> Vec<u8> {
    let rec = |kind: u16, body: &[u8]| {
        [&kind.to_le_bytes()[..], &(body.len() as u16).to_le_bytes(), body].concat()
    };
    let mut sst = [2u32.to_le_bytes(), 2u32.to_le_bytes()].concat();
    for s in ["姓名", "张三"] {
        sst.extend(2u16.to_le_bytes());
        sst.push(1);
        sst.extend(s.encode_utf16().flat_map(u16::to_le_bytes));
    }
    let mut globals = rec(0x0809, &[0, 6, 5, 0]);
    let sheet_record_at = globals.len();
    globals.extend(rec(0x0085, &[0, 0, 0, 0, 0, 0, 1, 0, b'S']));
    globals.extend(rec(0x00FC, &sst));
    globals.extend(rec(0x000A, &[]));
    let at = (globals.len() as u32).to_le_bytes();
    globals[sheet_record_at + 4..sheet_record_at + 8].copy_from_slice(&at);
    let cell = |r: u16, c: u16, rest: &[u8]| {
        [&r.to_le_bytes()[..], &c.to_le_bytes(), &0u16.to_le_bytes(), rest].concat()
    };
    let mut s = globals;
    s.extend(rec(0x0809, &[0, 6, 0x10, 0]));
    s.extend(rec(0x00FD, &cell(0, 0, &0u32.to_le_bytes())));
    s.extend(rec(0x00FD, &cell(1, 0, &1u32.to_le_bytes())));
    s.extend(rec(0x0203, &cell(1, 1, &12.0f64.to_le_bytes())));
    s.extend(rec(0x000A, &[]));
    s
}

#[test]
fn a_small_workbook_in_the_mini_stream_and_a_fat_listed_in_a_difat_sector() {
    let expected: Grid = vec![(1, vec!["姓名".into()]), (2, vec!["张三".into(), "12".into()])];
    let workbook = small_workbook();
    assert!(workbook.len() < 4096);
    for (mini, difat) in [(true, false), (false, false), (false, true), (true, true)] {
        let file = compound(&workbook, mini, difat);
        assert_eq!(read(&file).unwrap(), expected, "mini {mini}, difat {difat}");
        // Through the roster's table reader: the format is said.
        let (table, format) = zhuxue_roster::table::read(&file, |_| true).unwrap();
        assert_eq!(format, zhuxue_roster::table::Format::Xls);
        assert_eq!(format.label(), "Excel 97-2003（XLS）");
        assert_eq!(
            (table.headers, table.rows[0].cells.clone()),
            (vec!["姓名".into()], vec!["张三".into(), "12".into()])
        );
    }
}

#[test]
fn other_compound_files_are_said_to_be_what_they_are() {
    let mut word = compound(&small_workbook(), true, false);
    // Rename the stream: "Workbook" → "WordDocument" is longer; "Book" (Excel 5.0) is not.
    let at = word
        .windows(16)
        .position(|w| w == "Workbook".encode_utf16().flat_map(u16::to_le_bytes).collect::<Vec<_>>())
        .unwrap();
    let mut book = word.clone();
    book[at..at + 18].copy_from_slice(
        &"Book\0\0\0\0\0".encode_utf16().flat_map(u16::to_le_bytes).collect::<Vec<_>>(),
    );
    book[at + 0x40..at + 0x42].copy_from_slice(&10u16.to_le_bytes());
    assert!(read(&book).unwrap_err().starts_with("这是 Excel 5.0/95 格式的旧文件"));
    word[at..at + 18].copy_from_slice(
        &"Document\0".encode_utf16().flat_map(u16::to_le_bytes).collect::<Vec<_>>(),
    );
    assert!(read(&word).unwrap_err().starts_with("这个文件不是 Excel 表格"));
}

/// A small deterministic generator (xorshift), so a failure names the case that failed.
fn xorshift(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}

#[test]
fn damaged_files_are_errors_or_tables_never_panics() {
    let files = [
        data("roster-template.xls"),
        data("cells.xls"),
        compound(&small_workbook(), true, false),
        compound(&small_workbook(), false, true),
    ];
    let mut seed = 0x2545_F491_4F6C_DD1Du64;
    for file in &files {
        // Cut short anywhere in the header, the tables, or the data.
        let step = (file.len() / 600).max(1);
        for cut in (0..file.len()).step_by(step) {
            if let Ok(grid) = read(&file[..cut]) {
                assert!(grid.len() <= 17);
            }
        }
        // One to eight bytes changed, 1,500 times (XLS_FUZZ_ROUNDS=… for a longer run).
        let rounds =
            std::env::var("XLS_FUZZ_ROUNDS").ok().and_then(|v| v.parse().ok()).unwrap_or(1500);
        for _ in 0..rounds {
            let mut bad = file.clone();
            for _ in 0..=(xorshift(&mut seed) % 8) {
                let at = (xorshift(&mut seed) % bad.len() as u64) as usize;
                bad[at] = xorshift(&mut seed) as u8;
            }
            let _ = read(&bad);
            let _ = zhuxue_roster::table::read(&bad, |_| true);
        }
    }
    assert_eq!(
        read(&files[0][..300]).unwrap_err(),
        "Excel 文件（.xls）已损坏或不完整，读不出来：请在 Excel 或 WPS 中打开，“另存为” Excel 工作簿（.xlsx）或 CSV 后再选择"
    );
}
