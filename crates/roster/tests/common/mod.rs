//! What the reader tests share: a sheet as calamine reads it, cell text as the roster check
//! wants it.

use calamine::{Data, Range};
use zhuxue_roster::xlsx::Grid;

/// A whole number as Excel shows it: up to 15 digits as they are; longer ones rounded to 15
/// significant digits, the rest zeros (an 18-digit ID typed as a number).
pub fn excel_whole(f: f64) -> String {
    let digits = format!("{:.0}", f.abs());
    let sign = if f < 0.0 { "-" } else { "" };
    if digits.len() <= 15 {
        return format!("{sign}{digits}");
    }
    let mut kept: Vec<u8> = digits.as_bytes()[..15].to_vec();
    if digits.as_bytes()[15] >= b'5' {
        let mut i = 14;
        loop {
            if kept[i] == b'9' {
                kept[i] = b'0';
                if i == 0 {
                    kept.insert(0, b'1');
                    break;
                }
                i -= 1;
            } else {
                kept[i] += 1;
                break;
            }
        }
    }
    let zeros = digits.len() + usize::from(kept.len() > 15) - kept.len();
    format!("{sign}{}{}", String::from_utf8(kept).unwrap(), "0".repeat(zeros))
}

/// The rows of a calamine range with their line numbers; rows without a value left out.
pub fn grid(range: &Range<Data>) -> Grid {
    let (r0, c0) = range.start().unwrap_or((0, 0));
    let mut out: Grid = Vec::new();
    for (i, row) in range.rows().enumerate() {
        let mut cells: Vec<String> = vec![String::new(); c0 as usize];
        for d in row {
            cells.push(match d {
                Data::Empty => String::new(),
                Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
                Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e19 => excel_whole(*f),
                Data::Float(f) => f.to_string(),
                Data::Int(i) => i.to_string(),
                Data::Bool(b) => (if *b { "是" } else { "否" }).to_string(),
                Data::DateTime(d) => d.as_datetime().unwrap().date().to_string(),
                Data::Error(e) => format!("{e}"),
            });
        }
        while cells.last().is_some_and(String::is_empty) {
            cells.pop();
        }
        if !cells.is_empty() {
            out.push((r0 as usize + i + 1, cells));
        }
    }
    out
}

#[test]
fn whole_numbers_as_excel_shows_them() {
    assert_eq!(excel_whole(3.0), "3");
    assert_eq!(excel_whole(-12.0), "-12");
    assert_eq!(excel_whole(620102201602100352.0), "620102201602100000");
    assert_eq!(excel_whole(999999999999999999.0), "1000000000000000000");
    assert_eq!(excel_whole(123456789012345678.0), "123456789012346000");
}
