//! 居民身份证号码 (GB 11643-1999): normalised, checked, and compared in one form.
//!
//! An 18-digit number carries a check character (ISO 7064 MOD 11-2), a birth date and the
//! region code of first registration. 15-digit numbers (issued before 1999) are converted by
//! inserting the century "19" and computing the check character. Lower-case `x`, spaces and
//! full-width digits are accepted; anything else is refused with the reason.

use zhuxue_engine::date::Date;

/// A checked 18-character ID number (upper-case `X`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct IdNumber(String);

impl IdNumber {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The birth date the number carries.
    pub fn birth_date(&self) -> Option<Date> {
        let y = self.0.get(6..10)?.parse().ok()?;
        let m = self.0.get(10..12)?.parse().ok()?;
        let d = self.0.get(12..14)?.parse().ok()?;
        Date::new(y, m, d)
    }

    /// Whether the number is a man's: its 17th digit is odd.
    pub fn male(&self) -> bool {
        self.0.as_bytes().get(16).is_some_and(|d| (d - b'0') % 2 == 1)
    }

    /// The six-digit region code of first registration.
    pub fn region(&self) -> u32 {
        self.0.get(..6).and_then(|s| s.parse().ok()).unwrap_or(0)
    }

    /// Shown on screen: 620102********123X (region and last four only).
    pub fn masked(&self) -> String {
        format!("{}********{}", &self.0[..6], &self.0[14..])
    }
}

const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK: [char; 11] = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];

fn check_char(first17: &[u8]) -> char {
    let sum: u32 = first17.iter().zip(WEIGHTS).map(|(d, w)| u32::from(d - b'0') * w).sum();
    CHECK[(sum % 11) as usize]
}

/// An ID number Excel turned into a number: its digits after the fifteenth are lost.
const EXCEL_NUMBER: &str = "被 Excel 当作数字保存，15 位以后的数字已丢失：请把这一列设为“文本”格式后重新填写，或从学籍系统重新导出";

/// Reads an ID number: trims, drops inner spaces, maps full-width digits and `x`, converts 15
/// digits to 18, and checks length, digits, birth date and check character. The error is a
/// Chinese reason.
pub fn parse(text: &str) -> Result<IdNumber, String> {
    let cleaned: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{feff}' && *c != '\'')
        .map(|c| match c {
            '０'..='９' => {
                char::from_u32(u32::from(c) - u32::from('０') + u32::from('0')).unwrap_or(c)
            }
            'x' | 'ｘ' | 'Ｘ' => 'X',
            c => c,
        })
        .collect();
    if cleaned.is_empty() {
        return Err("身份证号为空".to_string());
    }
    // Excel showed it as a number (6.21126E+17): the last digits are gone.
    let (mantissa, exponent) = cleaned.split_once(['E', 'e']).unwrap_or(("", ""));
    if !mantissa.is_empty()
        && mantissa.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && exponent.trim_start_matches('+').bytes().all(|b| b.is_ascii_digit())
    {
        return Err(format!("身份证号“{cleaned}”{EXCEL_NUMBER}"));
    }
    let bytes = cleaned.as_bytes();
    let number = match bytes.len() {
        15 if bytes.iter().all(u8::is_ascii_digit) => {
            let mut first17 = Vec::with_capacity(17);
            first17.extend_from_slice(&bytes[..6]);
            first17.extend_from_slice(b"19");
            first17.extend_from_slice(&bytes[6..]);
            let c = check_char(&first17);
            let mut s = String::from_utf8(first17).unwrap_or_default();
            s.push(c);
            s
        }
        18 if bytes[..17].iter().all(u8::is_ascii_digit)
            && (bytes[17].is_ascii_digit() || bytes[17] == b'X') =>
        {
            let expected = check_char(&bytes[..17]);
            if char::from(bytes[17]) != expected {
                // Excel keeps 15 significant digits of a number: 621126201309180000.
                if cleaned.ends_with("000") {
                    return Err(format!("身份证号{EXCEL_NUMBER}"));
                }
                return Err(format!(
                    "身份证号校验位错误（最后一位应为 {expected}），请核对是否输错"
                ));
            }
            cleaned
        }
        n if n == 18 || n == 15 => {
            return Err("身份证号含有数字以外的字符（只有最后一位可以是 X）".to_string())
        }
        n => return Err(format!("身份证号应为18位（或旧的15位），这里是{n}位")),
    };
    let id = IdNumber(number);
    if id.birth_date().is_none() {
        return Err(format!("身份证号中的出生日期 {} 不是真实日期", &id.0[6..14]));
    }
    if zhuxue_engine::regions::lookup(id.region() / 10_000 * 10_000).is_none()
        && !is_historic(id.region())
    {
        return Err(format!("身份证号前两位 {} 不是省级代码", &id.0[..2]));
    }
    if !known_region(id.region()) {
        return Err(format!(
            "身份证号前六位 {} 不是已知的行政区划代码（已含1980年以来撤销或变更的代码），请核对是否输错",
            &id.0[..6]
        ));
    }
    Ok(id)
}

/// Whether a first-six-digit code is a region an ID number can carry: in the current region
/// table, or a GB/T 2260 code in use at some time since 1980 (`data/gb2260-historic.txt`,
/// provenance in `data/SOURCE.md`).
pub fn known_region(code: u32) -> bool {
    zhuxue_engine::regions::lookup(code).is_some() || is_historic(code)
}

fn is_historic(code: u32) -> bool {
    static CODES: std::sync::OnceLock<Vec<u32>> = std::sync::OnceLock::new();
    CODES
        .get_or_init(|| {
            let mut v: Vec<u32> = include_str!("../data/gb2260-historic.txt")
                .lines()
                .filter(|l| !l.starts_with('#'))
                .flat_map(str::split_whitespace)
                .filter_map(|c| c.parse().ok())
                .collect();
            v.sort_unstable();
            v
        })
        .binary_search(&code)
        .is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checks_and_normalises() {
        // GB 11643 example: 11010519491231002X.
        let id = parse("11010519491231002x").unwrap();
        assert_eq!(id.as_str(), "11010519491231002X");
        assert_eq!(id.birth_date(), Date::new(1949, 12, 31));
        assert_eq!(id.masked(), "110105********002X");
        assert_eq!(parse(" 1101 0519 4912 3100 2X ").unwrap(), id);
        assert_eq!(parse("１１０１０５１９４９１２３１００２Ｘ").unwrap(), id);
        // 15 digits: 19 inserted, check character computed.
        assert_eq!(parse("110105491231002").unwrap(), id);
        let e = parse("110105194912310022").unwrap_err();
        assert!(e.contains("校验位错误（最后一位应为 X）"), "{e}");
        assert!(parse("11010519491231").unwrap_err().contains("这里是14位"));
        assert!(parse("1101051949123100A2").unwrap_err().contains("数字以外"));
        assert!(parse("").unwrap_err().contains("为空"));
        // What Excel does to an ID typed into a number cell.
        assert_eq!(
            parse("6.21126E+17").unwrap_err(),
            "身份证号“6.21126E+17”被 Excel 当作数字保存，15 位以后的数字已丢失：请把这一列设为“文本”格式后重新填写，或从学籍系统重新导出"
        );
        assert!(parse("1.10105E+17").unwrap_err().contains("被 Excel 当作数字保存"));
        // 11010519491231002X kept to 15 significant digits: 110105194912310000.
        assert_eq!(
            parse("110105194912310000").unwrap_err(),
            "身份证号被 Excel 当作数字保存，15 位以后的数字已丢失：请把这一列设为“文本”格式后重新填写，或从学籍系统重新导出"
        );
        // A 30 February never existed.
        let mut v = b"11010520150230001".to_vec();
        let c = check_char(&v);
        v.push(c as u8);
        assert!(parse(std::str::from_utf8(&v).unwrap()).unwrap_err().contains("不是真实日期"));
        // Province code 99 does not exist.
        let mut v = b"99010520150101001".to_vec();
        let c = check_char(&v);
        v.push(c as u8);
        assert!(parse(std::str::from_utf8(&v).unwrap()).unwrap_err().contains("不是省级代码"));
    }

    fn with_check(first17: &str) -> String {
        let c = check_char(first17.as_bytes());
        format!("{first17}{c}")
    }

    #[test]
    fn region_codes_include_historic_ones() {
        // Current codes: 兰州市城关区, 木里藏族自治县.
        assert!(parse(&with_check("62010220100101001")).is_ok());
        assert!(parse(&with_check("51342220100101001")).is_ok());
        // Abolished or renumbered codes stay valid for life: 北京市崇文区 (to 2009), 巢湖市
        // (1999–2010), 哈密市 652201 (renumbered 2016), 港澳台居民居住证 810000.
        for code in ["110103", "341400", "652201", "810000"] {
            let id = with_check(&format!("{code}20050101001"));
            assert_eq!(parse(&id).map(|i| i.region()), Ok(code.parse().unwrap()), "{code}");
        }
        // A real province with a county code that never existed.
        let e = parse(&with_check("62019920100101001")).unwrap_err();
        assert_eq!(
            e,
            "身份证号前六位 620199 不是已知的行政区划代码（已含1980年以来撤销或变更的代码），请核对是否输错"
        );
        assert!(!known_region(620199));
        assert!(known_region(341400));
    }
}
