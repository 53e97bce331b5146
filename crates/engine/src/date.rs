//! Calendar dates and school terms, without a clock.
//!
//! The engine never reads the current date: the as-of date is part of the case. Dates are
//! plain (year, month, day) triples compared field by field, which is all the rules need.

use std::fmt;

/// A valid Gregorian date between [`Date::MIN_YEAR`] and [`Date::MAX_YEAR`]. Every public
/// constructor checks it ([`Date::new`], [`Date::parse`]), so no `Date` value is impossible
/// and no arithmetic on one (term naming, school years) can overflow.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

impl Date {
    /// The earliest year a date may have: no case about a living student needs an earlier one.
    pub const MIN_YEAR: u16 = 1900;
    /// The latest year a date may have.
    pub const MAX_YEAR: u16 = 2199;

    /// Builds a date from its parts, or `None` when they do not form a real calendar date in
    /// the supported years (`Date::new(2024, 241, 229)` is `None`).
    pub const fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        if year < Date::MIN_YEAR || year > Date::MAX_YEAR || month < 1 || month > 12 {
            return None;
        }
        if day < 1 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// A date known to be valid, for the generated policy data: an invalid one fails the
    /// build, because the statics are evaluated at compile time.
    pub(crate) const fn ymd(year: u16, month: u8, day: u8) -> Date {
        match Date::new(year, month, day) {
            Some(d) => d,
            None => panic!("invalid date in policy data"),
        }
    }

    /// Parses a date known only to the year (`2021`) or month (`2021-06`) as well as a full
    /// `YYYY-MM-DD`: the first and the last day it can be (the same day for a full date).
    pub fn parse_period(text: &str) -> Option<(Date, Date)> {
        if !text.is_ascii() {
            return None;
        }
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        match text.len() {
            4 if digits(text) => {
                let y: u16 = text.parse().ok()?;
                Some((Date::new(y, 1, 1)?, Date::new(y, 12, 31)?))
            }
            7 if digits(&text[..4]) && &text[4..5] == "-" && digits(&text[5..]) => {
                let y: u16 = text[..4].parse().ok()?;
                let m: u8 = text[5..].parse().ok()?;
                Some((Date::new(y, m, 1)?, Date::new(y, m, days_in_month(y, m))?))
            }
            _ => Date::parse(text).map(|d| (d, d)),
        }
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
        let year = u16::try_from(digits(0..4)?).ok()?;
        let month = u8::try_from(digits(5..7)?).ok()?;
        let day = u8::try_from(digits(8..10)?).ok()?;
        Date::new(year, month, day)
    }

    /// True when the fields form a real calendar date (always, by construction; kept for the
    /// data tests).
    pub fn is_valid(self) -> bool {
        Date::new(self.year, self.month, self.day).is_some()
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

    /// 1 September of the school year this date falls in (or the date itself at the edge of
    /// the supported years).
    pub fn school_year_start(self) -> Date {
        Date::new(self.term().start_year, 9, 1).unwrap_or(self)
    }

    /// The first day of the term this date falls in: 1 September or 1 February (or the date
    /// itself at the edge of the supported years).
    pub fn term_start(self) -> Date {
        let t = self.term();
        let first = match t.season {
            Season::Autumn => Date::new(t.start_year, 9, 1),
            Season::Spring => t.start_year.checked_add(1).and_then(|y| Date::new(y, 2, 1)),
        };
        first.unwrap_or(self)
    }

    /// The number of days from `self` to `later` (negative when `later` is earlier).
    pub fn days_until(self, later: Date) -> i64 {
        later.day_number() - self.day_number()
    }

    /// A day count (days since 1970-01-01, Howard Hinnant's `days_from_civil`): constant time.
    fn day_number(self) -> i64 {
        let (m, d) = (i64::from(self.month), i64::from(self.day));
        let y = i64::from(self.year) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }
}

const fn days_in_month(year: u16, month: u8) -> u8 {
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
    #[test]
    fn periods_known_to_the_year_or_month() {
        let d = |y, m, d| Date::new(y, m, d).unwrap();
        assert_eq!(Date::parse_period("2021"), Some((d(2021, 1, 1), d(2021, 12, 31))));
        assert_eq!(Date::parse_period("2024-02"), Some((d(2024, 2, 1), d(2024, 2, 29))));
        assert_eq!(Date::parse_period("2021-06-15"), Some((d(2021, 6, 15), d(2021, 6, 15))));
        for bad in
            ["202", "2021-13", "2021-6", "1899", "2021-02-30", "二〇二一", "2021年", "", "20211"]
        {
            assert_eq!(Date::parse_period(bad), None, "{bad}");
        }
    }

    use super::*;

    impl Date {
        fn next_day(self) -> Option<Date> {
            Date::new(self.year, self.month, self.day + 1)
                .or_else(|| Date::new(self.year, self.month + 1, 1))
                .or_else(|| Date::new(self.year + 1, 1, 1))
        }
    }

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
        assert_eq!(Date::parse("2200-01-01"), None);
    }

    #[test]
    fn constructor_rejects_impossible_dates() {
        assert_eq!(Date::new(2024, 241, 229), None);
        assert_eq!(Date::new(2024, 2, 30), None);
        assert_eq!(Date::new(2024, 0, 1), None);
        assert_eq!(Date::new(2024, 1, 0), None);
        assert_eq!(Date::new(65535, 1, 1), None);
        assert_eq!(Date::new(0, 1, 1), None);
        assert_eq!(Date::new(2024, 2, 29), Some(Date::ymd(2024, 2, 29)));
        // The extremes name their terms without overflow.
        let last = Date::new(Date::MAX_YEAR, 12, 31).unwrap();
        assert_eq!(last.term().start_year, Date::MAX_YEAR);
        let first = Date::new(Date::MIN_YEAR, 1, 1).unwrap();
        assert_eq!(first.term().start_year, Date::MIN_YEAR - 1);
        assert!(serde_json::to_string(&first.term()).is_ok());
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
        assert_eq!(Date::ymd(2025, 9, 30).term_start(), Date::ymd(2025, 9, 1));
        assert_eq!(Date::ymd(2026, 1, 31).term_start(), Date::ymd(2025, 9, 1));
        assert_eq!(Date::ymd(2026, 2, 1).term_start(), Date::ymd(2026, 2, 1));
        assert_eq!(Date::ymd(2026, 8, 31).term_start(), Date::ymd(2026, 2, 1));
    }

    #[test]
    fn day_differences() {
        assert_eq!(Date::ymd(2024, 2, 28).days_until(Date::ymd(2024, 3, 1)), 2);
        assert_eq!(Date::ymd(2025, 3, 1).days_until(Date::ymd(2024, 3, 1)), -365);
        assert_eq!(Date::ymd(1900, 1, 1).days_until(Date::ymd(2199, 12, 31)), 109572);
        assert_eq!(Date::ymd(1970, 1, 1).day_number(), 0);
        assert_eq!(Date::ymd(2000, 3, 1).day_number(), 11017);
        // Every day of the supported years is one more than the day before.
        let mut d = Date::ymd(1900, 1, 1);
        let mut n = d.day_number();
        while let Some(next) = d.next_day() {
            assert_eq!(next.day_number(), n + 1, "{next}");
            (d, n) = (next, n + 1);
        }
        assert_eq!(d, Date::ymd(2199, 12, 31));
    }
}
