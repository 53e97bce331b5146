//! Writes `examples/roster/roster-template.xlsx` from `roster-template.csv` (the same header
//! and rows), so officers can start from either:
//! `cargo run -p zhuxue-roster --example template`.

fn main() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/roster");
    let csv = std::fs::read(format!("{dir}/roster-template.csv")).expect("roster-template.csv");
    let (table, _) = zhuxue_roster::table::read(&csv, |_| true).expect("readable");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("学生名册").expect("name");
    let bold = rust_xlsxwriter::Format::new().set_bold();
    for (c, h) in table.headers.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, h, &bold).expect("header");
    }
    for (r, row) in table.rows.iter().enumerate() {
        for (c, cell) in row.cells.iter().enumerate() {
            // Text, so an ID number is never turned into a number.
            sheet.write_string(r as u32 + 1, c as u16, cell).expect("cell");
        }
    }
    sheet.set_freeze_panes(1, 0).expect("freeze");
    book.save(format!("{dir}/roster-template.xlsx")).expect("save");
    println!("wrote {dir}/roster-template.xlsx");
}
