//! Roster throughput: a generated 100,000-row roster (UTF-8 CSV and the same in GBK) with a
//! 低保 list, read, checked and written back as CSV, on one core; then a 300,000-row file of
//! about 50 MB (a county's register), every row accounted for. Prints rows per second; the
//! goal (≥ 200,000 rows/s for CSV in → CSV out) is printed beside it, not asserted.
//! `cargo bench -p zhuxue-roster --bench roster`.

use std::hint::black_box;
use std::time::Instant;

use zhuxue_engine::date::Date;
use zhuxue_roster::{check, export, ListKind, Options};

const W: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

fn id(i: usize) -> String {
    let base = format!(
        "621126{:04}{:02}{:02}{:03}",
        2005 + i % 15,
        1 + i % 12,
        1 + (i / 12) % 28,
        i % 997
    );
    let sum: u32 = base.bytes().zip(W).map(|(b, w)| u32::from(b - b'0') * w).sum();
    format!("{base}{}", b"10X98765432"[(sum % 11) as usize] as char)
}

fn roster(n: usize) -> (String, String) {
    let stages =
        [("小学", "三年级"), ("初中", "初二"), ("高中", "高一"), ("中职", "二年级"), ("本科", "2")];
    let mut r = String::from("姓名,身份证号,学籍号,学段,年级,户籍地,户籍类型,就读学校所在地,学校位置,学校性质,是否寄宿,困难认定等级,家庭身份,已享受资助项目\n");
    let mut l = String::from("姓名,身份证号,类别,认定日期\n");
    for i in 0..n {
        let (stage, grade) = stages[i % stages.len()];
        let boarding = if i % 3 == 0 { "寄宿" } else { "走读" };
        let hardship = ["特别困难", "比较困难", "一般困难", "不困难", ""][i % 5];
        let paid = ["寄宿生生活补助", "", "国家助学金", "非寄宿生生活补助", ""][i % 5];
        r.push_str(&format!(
            "学生{i},{},G{i:012},{stage},{grade},甘肃省定西市岷县,农村,甘肃省兰州市城关区,城区,公办,{boarding},{hardship},,{paid}\n",
            id(i)
        ));
        if i % 7 == 0 {
            l.push_str(&format!("家长{i},{},农村低保,2022-03-01\n", id(i)));
        }
    }
    (r, l)
}

fn main() {
    let n = 100_000;
    let (text, list) = roster(n);
    let (gbk, _, _) = encoding_rs::GBK.encode(&text);
    let options = Options { as_of: Date::new(2025, 10, 10).unwrap(), mapping: Vec::new() };
    let lists = vec![(ListKind::Dibao, list.into_bytes())];
    for (label, bytes) in [("UTF-8 CSV", text.as_bytes()), ("GBK CSV", &gbk[..])] {
        let mut times = Vec::new();
        let mut summary = String::new();
        for _ in 0..3 {
            let start = Instant::now();
            let report = check(black_box(bytes), &lists, &options).expect("checks");
            let out = export::csv(&report);
            black_box(out.len());
            times.push(start.elapsed().as_secs_f64());
            summary = report.summary();
        }
        times.sort_by(|a, b| a.partial_cmp(b).unwrap());
        let t = times[1];
        println!(
            "roster {label}, {n} rows + a 低保 list of {} rows, CSV in → CSV out, one core: median {:.2} s, {:.0} rows/s (goal ≥ 200,000)\n  {summary}",
            n / 7 + 1,
            t,
            n as f64 / t
        );
    }
    // The same roster as XLSX (IDs and names as shared strings, as Excel saves them): reading
    // the workbook alone, and the whole check.
    let xlsx = export::xlsx(&check(text.as_bytes(), &[], &options).expect("checks")).expect("xlsx");
    let mut read_times = Vec::new();
    let mut check_times = Vec::new();
    for _ in 0..3 {
        let start = Instant::now();
        let grid = zhuxue_roster::xlsx::read(black_box(&xlsx), &mut |_| {}).expect("reads");
        black_box(grid.len());
        read_times.push(start.elapsed().as_secs_f64());
        let start = Instant::now();
        let report = check(black_box(&xlsx), &lists, &options).expect("checks");
        black_box(export::csv(&report).len());
        check_times.push(start.elapsed().as_secs_f64());
    }
    read_times.sort_by(|a, b| a.partial_cmp(b).unwrap());
    check_times.sort_by(|a, b| a.partial_cmp(b).unwrap());
    println!(
        "roster XLSX ({:.1} MB), {n} rows + the 低保 list, one core: reading the sheet median {:.2} s; XLSX in → CSV out median {:.2} s, {:.0} rows/s",
        xlsx.len() as f64 / 1e6,
        read_times[1],
        check_times[1],
        n as f64 / check_times[1]
    );
    // A county's whole register in one file: about 50 MB of CSV.
    let big = 300_000;
    let (text, list) = roster(big);
    let lists = vec![(ListKind::Dibao, list.into_bytes())];
    let start = Instant::now();
    let report = check(text.as_bytes(), &lists, &options).expect("checks");
    let out = export::csv(&report);
    let t = start.elapsed().as_secs_f64();
    assert_eq!(report.rows.len(), big, "every row accounted for");
    println!(
        "roster of {:.1} MB ({big} rows), CSV in → CSV out ({:.1} MB), one core: {t:.2} s, {:.0} rows/s",
        text.len() as f64 / 1e6,
        out.len() as f64 / 1e6,
        big as f64 / t
    );
}
