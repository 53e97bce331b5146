//! Reads back an exported report (XLSX or CSV) natively and checks it against the template's
//! expected flags: used by `scripts/test.sh` on the file the desk journey downloaded in
//! Chromium. An XLSX is read with calamine, independently of the roster's own reader; a CSV
//! with the roster's CSV reader. `cargo run -p zhuxue-roster --example readback -- FILE`.

/// The header row and the data rows, every cell as text.
fn read(bytes: &[u8]) -> (String, Vec<String>, Vec<Vec<String>>) {
    if bytes.starts_with(b"PK\x03\x04") {
        use calamine::{Data, Reader, Xlsx};
        let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).expect("an XLSX workbook");
        let name = book.sheet_names()[0].clone();
        let range = book.worksheet_range(&name).expect("a first sheet");
        let mut rows = range.rows().map(|r| {
            r.iter()
                .map(|d| match d {
                    Data::Float(f) if f.fract() == 0.0 => format!("{f:.0}"),
                    d => d.to_string(),
                })
                .collect::<Vec<String>>()
        });
        let headers = rows.next().expect("a header row");
        ("Excel（XLSX，calamine）".to_string(), headers, rows.collect())
    } else {
        let (table, format) = zhuxue_roster::table::read(bytes, |_| true).expect("readable");
        let rows = table.rows.into_iter().map(|r| r.cells).collect();
        (format.label().to_string(), table.headers, rows)
    }
}

fn main() {
    let path = std::env::args().nth(1).expect("usage: readback FILE");
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let (format, headers, rows) = read(&bytes);
    let flag = headers.iter().position(|h| h == "比对结果").expect("a 比对结果 column");
    let flags: Vec<&str> = rows.iter().map(|r| r[flag].as_str()).collect();
    let expected = [
        "一致",
        "应助未助",
        "不符合条件却已资助",
        "重复资助",
        "重复资助",
        "待核实",
        "无法评估",
        "一致",
    ];
    assert_eq!(flags, expected, "{path}");
    assert_eq!(rows[1][1], "62112620130918022X", "the export carries the full ID");
    println!("{path}: {format} ({}): {} rows, flags as expected", headers.len(), flags.len());
}
