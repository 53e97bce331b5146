//! Reads back an exported report (XLSX or CSV) natively with calamine/csv and checks it
//! against the template's expected flags: used by `scripts/test.sh` on the file the desk
//! journey downloaded in Chromium. `cargo run -p zhuxue-roster --example readback -- FILE`.

fn main() {
    let path = std::env::args().nth(1).expect("usage: readback FILE");
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let (table, format) = zhuxue_roster::table::read(&bytes, |_| true).expect("readable");
    let flag = table.headers.iter().position(|h| h == "比对结果").expect("a 比对结果 column");
    let flags: Vec<&str> = table.rows.iter().map(|r| r.cells[flag].as_str()).collect();
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
    assert_eq!(table.rows[1].cells[1], "62112620130918022X", "the export carries the full ID");
    println!(
        "{path}: {} ({}): {} rows, flags as expected",
        format.label(),
        table.headers.len(),
        flags.len()
    );
}
