//! Calendar dates and school terms, without a clock.
//!
//! The engine never reads the current date: the as-of date is part of the case. Dates are
//! plain (year, month, day) triples compared field by field, which is all the rules need.

use std::fmt;

/// A valid Gregorian date. Constructed by [`Date::parse`] (checked) or by [`Date::ymd`] in
/// generated policy data (checked by the data tests).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

impl Date {
    /// Builds a date without checking it; used by generated data, which the tests re-check.
    pub const fn ymd(year: u16, month: u8, day: u8) -> Date {
        Date { year, month, day }
    }

    pub fn year(self) -> u16 {
        self.year
    }

    pub fn month(self) -> u8 {
        self.month
    }

    pub fn day(self) -> u8 {
        self.day
    }

    /// Parses `YYYY-MM-DD`, rejecting impossible dates (2025-02-30) and years outside
    /// 1900–2199, which no case about a living student can need.
    pub fn parse(text: &str) -> Option<Date> {
        let bytes = text.as_bytes();
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return None;
        }
        let digits = |range: std::ops::Range<usize>| -> Option<u32> {
            let mut n = 0u32;
            for &b in &bytes[range] {
                if !b.is_ascii_digit() {
                    return None;
                }
                n = n * 10 + u32::from(b - b'0');
            }
            Some(n)
        };
        let year = digits(0..4)?;
        let month = digits(5..7)?;
        let day = digits(8..10)?;
        if !(1900..=2199).contains(&year) || !(1..=12).contains(&month) {
            return None;
        }
        let date = Date::ymd(year as u16, month as u8, day as u8);
        (day >= 1 && day <= u32::from(days_in_month(date.year, date.month))).then_some(date)
    }

    /// True when the fields form a real calendar date (used to check generated data).
    pub fn is_valid(self) -> bool {
        (1..=12).contains(&self.month)
            && self.day >= 1
            && self.day <= days_in_month(self.year, self.month)
    }

    /// The school term this date falls in. The school year starts on 1 September; the autumn
    /// term runs 1 Sep – 31 Jan, the spring term 1 Feb – 31 Aug.
    pub fn term(self) -> Term {
        let (start_year, season) = match self.month {
            9..=12 => (self.year, Season::Autumn),
            1 => (self.year - 1, Season::Autumn),
            _ => (self.year - 1, Season::Spring),
        };
        Term { start_year, season }
    }

    /// 1 September of the school year this date falls in.
    pub fn school_year_start(self) -> Date {
        Date::ymd(self.term().start_year, 9, 1)
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Season {
    Autumn,
    Spring,
}

/// One school term: the school year is named by the calendar year it starts in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Term {
    pub start_year: u16,
    pub season: Season,
}

impl serde::Serialize for Term {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Term", 2)?;
        st.serialize_field("school_year", &format!("{}-{}", self.start_year, self.start_year + 1))?;
        st.serialize_field(
            "season",
            match self.season {
                Season::Autumn => "autumn",
                Season::Spring => "spring",
            },
        )?;
        st.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_valid_and_rejects_impossible_dates() {
        assert_eq!(Date::parse("2024-02-29"), Some(Date::ymd(2024, 2, 29)));
        assert_eq!(Date::parse("2023-02-29"), None);
        assert_eq!(Date::parse("2100-02-29"), None);
        assert_eq!(Date::parse("2000-02-29"), Some(Date::ymd(2000, 2, 29)));
        assert_eq!(Date::parse("2025-13-01"), None);
        assert_eq!(Date::parse("2025-04-31"), None);
        assert_eq!(Date::parse("2025-4-3"), None);
        assert_eq!(Date::parse("２０２５-01-01"), None);
        assert_eq!(Date::parse("1899-12-31"), None);
    }

    #[test]
    fn terms_follow_the_school_calendar() {
        let t = Date::ymd(2025, 1, 31).term();
        assert_eq!((t.start_year, t.season), (2024, Season::Autumn));
        let t = Date::ymd(2025, 2, 1).term();
        assert_eq!((t.start_year, t.season), (2024, Season::Spring));
        let t = Date::ymd(2025, 8, 31).term();
        assert_eq!((t.start_year, t.season), (2024, Season::Spring));
        let t = Date::ymd(2025, 9, 1).term();
        assert_eq!((t.start_year, t.season), (2025, Season::Autumn));
    }
}
