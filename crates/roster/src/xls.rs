//! The first visible worksheet of an Excel 97–2003 workbook (`.xls`, BIFF8) as rows of text: what the
//! national 学籍 system and many department systems export, and what WPS saves as "Excel
//! 97-2003" (WPS's own .et files are reported to use the same layout, a compound file with a
//! `Workbook` stream, and are read the same way; no real .et file has been tried). Read from the bytes with every offset checked, so a damaged or truncated file is
//! an error message, never a panic.
//!
//! Two layers: the compound file ([MS-CFB]: sectors, the allocation table, the directory, the
//! mini stream for streams under 4 KB) holds the `Workbook` stream; the stream is a sequence
//! of BIFF8 records ([MS-XLS]). What is read: the shared strings (`SST`, also where a string
//! runs on into `CONTINUE` records), the cell records (`LABELSST`, `LABEL`, `RSTRING`,
//! `NUMBER`, `RK`, `MULRK`, `BOOLERR`, and `FORMULA` with its cached result and `STRING`), the
//! number formats (`FORMAT`, `XF`) to show dates as `YYYY-MM-DD`, and `DATEMODE` (1904
//! dates). The text of each cell is what [`crate::xlsx`] gives for the same cell in an XLSX
//! file. Excel 5.0/95 files (`Book`, BIFF5) and password-protected ones are said to be so.

use crate::xlsx::{number_text, Grid, Step};

pub const SIGNATURE: &[u8; 8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

const DAMAGED: &str =
    "Excel 文件（.xls）已损坏或不完整，读不出来：请在 Excel 或 WPS 中打开，“另存为” Excel 工作簿（.xlsx）或 CSV 后再选择";

/// Reads the `n`th visible worksheet (counting from 0; the `n`th worksheet if all are
/// hidden); `None` when there are fewer.
pub fn read_sheet(
    bytes: &[u8],
    n: usize,
    progress: &mut dyn FnMut(Step),
) -> Result<Option<Grid>, String> {
    let cfb = Cfb::open(bytes).ok_or(DAMAGED)?;
    let names: Vec<&str> = cfb.entries.iter().map(|e| e.name.as_str()).collect();
    let workbook = cfb
        .entries
        .iter()
        .find(|e| e.kind == STREAM && e.name.eq_ignore_ascii_case("Workbook"))
        .ok_or_else(|| {
            if names.iter().any(|n| n.eq_ignore_ascii_case("Book")) {
                "这是 Excel 5.0/95 格式的旧文件，本工具读不了：请在 Excel 或 WPS 中打开，“另存为” Excel 工作簿（.xlsx）或 CSV 后再选择".to_string()
            } else if names.contains(&"WordDocument") {
                "这是 Word 文档，不是表格：请选择名册的表格文件（.xlsx、.xls 或 CSV）".to_string()
            } else {
                "这个文件不是 Excel 表格，读不出来：请在 WPS 或 Excel 中打开，“另存为” Excel 工作簿（.xlsx）或 CSV 后再选择".to_string()
            }
        })?;
    let stream = cfb.stream(workbook).ok_or(DAMAGED)?;
    workbook_rows(&stream, n, progress)
}

// ---------------------------------------------------------------------------------------------
// The compound file

const STREAM: u8 = 2;
const ROOT: u8 = 5;
/// Sector ids at and above this are markers (end of chain, free, FAT, DIFAT), not sectors.
const MAX_SECTOR: u32 = 0xFFFF_FFFA;
const END_OF_CHAIN: u32 = 0xFFFF_FFFE;

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at.checked_add(2)?)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at.checked_add(4)?)?.try_into().ok()?))
}

fn f64_at(b: &[u8], at: usize) -> Option<f64> {
    Some(f64::from_le_bytes(b.get(at..at.checked_add(8)?)?.try_into().ok()?))
}

struct Entry {
    name: String,
    kind: u8,
    start: u32,
    size: u64,
}

struct Cfb<'a> {
    bytes: &'a [u8],
    sector_size: usize,
    fat: Vec<u32>,
    mini_fat: Vec<u32>,
    mini_stream: Vec<u8>,
    mini_cutoff: u64,
    entries: Vec<Entry>,
}

impl<'a> Cfb<'a> {
    fn open(bytes: &'a [u8]) -> Option<Cfb<'a>> {
        if !bytes.starts_with(SIGNATURE) || bytes.len() < 512 {
            return None;
        }
        let sector_size = match u16_at(bytes, 0x1E)? {
            9 => 512,
            12 => 4096,
            _ => return None,
        };
        if u16_at(bytes, 0x20)? != 6 {
            return None;
        }
        let mut cfb = Cfb {
            bytes,
            sector_size,
            fat: Vec::new(),
            mini_fat: Vec::new(),
            mini_stream: Vec::new(),
            mini_cutoff: u64::from(u32_at(bytes, 0x38)?),
            entries: Vec::new(),
        };
        // The allocation table's own sectors: 109 in the header, the rest in a chain of DIFAT
        // sectors (each ending with the next one's id).
        let mut fat_sectors: Vec<u32> = (0..109)
            .filter_map(|i| u32_at(bytes, 0x4C + 4 * i))
            .filter(|s| *s <= MAX_SECTOR)
            .collect();
        let per_sector = sector_size / 4;
        let mut next = u32_at(bytes, 0x44)?;
        let mut guard = 0;
        while next <= MAX_SECTOR {
            guard += 1;
            if guard > cfb.sectors() {
                return None;
            }
            let sector = cfb.sector(next)?;
            fat_sectors.extend(
                (0..per_sector - 1)
                    .filter_map(|i| u32_at(sector, 4 * i))
                    .filter(|s| *s <= MAX_SECTOR),
            );
            next = u32_at(sector, 4 * (per_sector - 1))?;
        }
        if fat_sectors.len() > cfb.sectors() {
            return None;
        }
        let mut fat = Vec::with_capacity(fat_sectors.len() * per_sector);
        for s in fat_sectors {
            let sector = cfb.sector(s)?;
            fat.extend((0..sector.len() / 4).filter_map(|i| u32_at(sector, 4 * i)));
        }
        cfb.fat = fat;
        let directory = cfb.chain(u32_at(bytes, 0x30)?, usize::MAX)?;
        cfb.entries = directory
            .chunks_exact(128)
            .map(|e| {
                let len = usize::from(u16_at(e, 0x40).unwrap_or(0)).min(64);
                let units: Vec<u16> =
                    (0..len.saturating_sub(2) / 2).filter_map(|i| u16_at(e, 2 * i)).collect();
                let size = u64::from(u32_at(e, 0x78).unwrap_or(0))
                    | if sector_size == 4096 {
                        u64::from(u32_at(e, 0x7C).unwrap_or(0)) << 32
                    } else {
                        0
                    };
                Entry {
                    name: String::from_utf16_lossy(&units),
                    kind: e[0x42],
                    start: u32_at(e, 0x74).unwrap_or(END_OF_CHAIN),
                    size,
                }
            })
            .collect();
        let root = cfb.entries.first().filter(|e| e.kind == ROOT)?;
        let (root_start, root_size) = (root.start, root.size);
        if root_start <= MAX_SECTOR {
            cfb.mini_stream = cfb.chain(root_start, usize::try_from(root_size).ok()?)?;
        }
        let mini_fat = cfb.chain(u32_at(bytes, 0x3C)?, usize::MAX).unwrap_or_default();
        cfb.mini_fat = (0..mini_fat.len() / 4).filter_map(|i| u32_at(&mini_fat, 4 * i)).collect();
        Some(cfb)
    }

    /// How many whole or partial sectors the file has after its header.
    fn sectors(&self) -> usize {
        self.bytes.len().div_ceil(self.sector_size).saturating_sub(1)
    }

    /// A sector's bytes (the last one may be short: not every writer pads the file).
    fn sector(&self, id: u32) -> Option<&'a [u8]> {
        let from = (id as usize).checked_add(1)?.checked_mul(self.sector_size)?;
        let to = from.checked_add(self.sector_size)?.min(self.bytes.len());
        self.bytes.get(from..to).filter(|s| !s.is_empty())
    }

    /// The bytes of a sector chain, up to `limit` bytes; `None` for a broken chain (a sector
    /// outside the file, or a loop).
    fn chain(&self, start: u32, limit: usize) -> Option<Vec<u8>> {
        let mut out = Vec::new();
        let mut next = start;
        let mut guard = 0;
        while next != END_OF_CHAIN && out.len() < limit {
            guard += 1;
            // A sector appears once in a chain: more steps than sectors is a loop.
            if next > MAX_SECTOR || guard > self.sectors() {
                return None;
            }
            out.extend_from_slice(self.sector(next)?);
            next = *self.fat.get(next as usize)?;
        }
        out.truncate(limit);
        Some(out)
    }

    /// A stream's bytes: from the mini stream (64-byte sectors) when it is smaller than the
    /// cutoff, else from the file's sectors; `None` when the file ends before the stream does.
    fn stream(&self, e: &Entry) -> Option<Vec<u8>> {
        let size = usize::try_from(e.size).ok()?;
        let out = if e.size < self.mini_cutoff {
            let mut out = Vec::with_capacity(size.min(self.mini_stream.len()));
            let mut next = e.start;
            let mut guard = 0;
            while next != END_OF_CHAIN && out.len() < size {
                guard += 1;
                if next > MAX_SECTOR || guard > self.mini_stream.len() / 64 {
                    return None;
                }
                let from = (next as usize).checked_mul(64)?;
                out.extend_from_slice(self.mini_stream.get(from..from.checked_add(64)?)?);
                next = *self.mini_fat.get(next as usize)?;
            }
            out
        } else {
            self.chain(e.start, size)?
        };
        (out.len() >= size).then(|| out[..size].to_vec())
    }
}

// ---------------------------------------------------------------------------------------------
// The workbook stream: BIFF8 records

const BOF: u16 = 0x0809;
const EOF: u16 = 0x000A;
const CONTINUE: u16 = 0x003C;
const FILEPASS: u16 = 0x002F;
const DATEMODE: u16 = 0x0022;
const BOUNDSHEET: u16 = 0x0085;
const SST: u16 = 0x00FC;
const FORMAT: u16 = 0x041E;
const XF: u16 = 0x00E0;
const LABELSST: u16 = 0x00FD;
const LABEL: u16 = 0x0204;
const RSTRING: u16 = 0x00D6;
const NUMBER: u16 = 0x0203;
const RK: u16 = 0x027E;
const MULRK: u16 = 0x00BD;
const BOOLERR: u16 = 0x0205;
const FORMULA: u16 = 0x0006;
const STRING: u16 = 0x0207;

/// The records from `at`: (type, body, the offset of the next record).
fn record(stream: &[u8], at: usize) -> Option<(u16, &[u8], usize)> {
    let kind = u16_at(stream, at)?;
    let len = usize::from(u16_at(stream, at + 2)?);
    let body = stream.get(at + 4..at + 4 + len)?;
    Some((kind, body, at + 4 + len))
}

/// A record's body followed by the bodies of the `CONTINUE` records after it.
fn with_continues<'a>(stream: &'a [u8], body: &'a [u8], mut next: usize) -> (Vec<&'a [u8]>, usize) {
    let mut parts = vec![body];
    while let Some((CONTINUE, more, after)) = record(stream, next) {
        parts.push(more);
        next = after;
    }
    (parts, next)
}

/// Reads across record boundaries. Characters of a string that runs on into the next record
/// start there with a new flags byte (compressed or UTF-16), as [MS-XLS] 2.5.293 says.
struct Parts<'a> {
    parts: Vec<&'a [u8]>,
    part: usize,
    at: usize,
}

impl<'a> Parts<'a> {
    fn new(parts: Vec<&'a [u8]>) -> Parts<'a> {
        Parts { parts, part: 0, at: 0 }
    }

    /// Moves past exhausted parts; false at the end of the last one.
    fn settle(&mut self) -> bool {
        while self.at >= self.parts.get(self.part).map_or(0, |p| p.len()) {
            if self.part + 1 >= self.parts.len() {
                return false;
            }
            self.part += 1;
            self.at = 0;
        }
        true
    }

    fn byte(&mut self) -> Option<u8> {
        if !self.settle() {
            return None;
        }
        let b = *self.parts.get(self.part)?.get(self.at)?;
        self.at += 1;
        Some(b)
    }

    fn u16(&mut self) -> Option<u16> {
        Some(u16::from_le_bytes([self.byte()?, self.byte()?]))
    }

    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes([self.byte()?, self.byte()?, self.byte()?, self.byte()?]))
    }

    fn skip(&mut self, mut n: usize) -> Option<()> {
        while n > 0 {
            if !self.settle() {
                return None;
            }
            let left = self.parts.get(self.part)?.len() - self.at;
            let step = left.min(n);
            self.at += step;
            n -= step;
        }
        Some(())
    }

    /// `count` characters, one or two bytes each by `wide`, which a new part may change.
    fn chars(&mut self, count: usize, mut wide: bool) -> Option<String> {
        let mut units: Vec<u16> = Vec::with_capacity(count.min(1 << 16));
        while units.len() < count {
            let part = self.parts.get(self.part)?;
            if self.at >= part.len() {
                if self.part + 1 >= self.parts.len() {
                    return None;
                }
                // The next part starts with the flags byte of the characters that follow.
                self.part += 1;
                wide = self.parts.get(self.part)?.first()? & 1 != 0;
                self.at = 1;
                continue;
            }
            let part = &part[self.at..];
            let want = count - units.len();
            if wide {
                let n = (part.len() / 2).min(want);
                if n == 0 {
                    return None;
                }
                units.extend((0..n).map(|i| u16::from_le_bytes([part[2 * i], part[2 * i + 1]])));
                self.at += 2 * n;
            } else {
                let n = part.len().min(want);
                units.extend(part[..n].iter().map(|b| u16::from(*b)));
                self.at += n;
            }
        }
        Some(String::from_utf16_lossy(&units))
    }

    /// An `XLUnicodeRichExtendedString` (the shared strings' form): its text, with formatting
    /// runs and phonetic data skipped.
    fn rich_string(&mut self) -> Option<String> {
        let count = usize::from(self.u16()?);
        let flags = self.byte()?;
        let runs = if flags & 0x08 != 0 { usize::from(self.u16()?) } else { 0 };
        let phonetic = if flags & 0x04 != 0 { self.u32()? as usize } else { 0 };
        let text = self.chars(count, flags & 1 != 0)?;
        self.skip(runs * 4)?;
        self.skip(phonetic)?;
        Some(text)
    }

    /// An `XLUnicodeString` (16-bit count, flags, characters): cell labels, formats, formula
    /// string results.
    fn string(&mut self) -> Option<String> {
        let count = usize::from(self.u16()?);
        let flags = self.byte()?;
        self.chars(count, flags & 1 != 0)
    }
}

/// Places a cell's text (BIFF8 has at most 65,536 rows and 256 columns).
fn put(rows: &mut Vec<Vec<String>>, row: u16, col: u16, text: String) {
    let (row, col) = (usize::from(row), usize::from(col));
    if text.is_empty() || col >= 256 {
        return; // no value, or past BIFF8's last column (IV): a damaged record
    }
    if rows.len() <= row {
        rows.resize_with(row + 1, Vec::new);
    }
    let cells = &mut rows[row];
    if cells.len() <= col {
        cells.resize(col + 1, String::new());
    }
    cells[col] = text;
}

/// Cell error codes as Excel shows them.
fn error_text(code: u8) -> &'static str {
    match code {
        0x00 => "#NULL!",
        0x07 => "#DIV/0!",
        0x0F => "#VALUE!",
        0x17 => "#REF!",
        0x1D => "#NAME?",
        0x24 => "#NUM!",
        _ => "#N/A",
    }
}

/// An `RK` number: a 30-bit integer or the high bits of a float, maybe divided by 100.
fn rk_number(rk: u32) -> f64 {
    let n = if rk & 2 != 0 {
        f64::from((rk as i32) >> 2)
    } else {
        f64::from_bits(u64::from(rk & 0xFFFF_FFFC) << 32)
    };
    if rk & 1 != 0 {
        n / 100.0
    } else {
        n
    }
}

/// What the workbook's global records say that the cells need.
#[derive(Default)]
struct Globals {
    strings: Vec<String>,
    /// For each cell format (XF): whether it shows a date.
    xf_dates: Vec<bool>,
    date1904: bool,
    /// Where the worksheets start: the visible ones in order, or all if every one is hidden.
    sheets: Vec<usize>,
}

fn globals(stream: &[u8], progress: &mut dyn FnMut(Step)) -> Result<Globals, String> {
    match record(stream, 0) {
        Some((BOF, body, _)) if u16_at(body, 0) == Some(0x0600) => {}
        Some((BOF, _, _)) => {
            return Err("这是 Excel 5.0/95 或更早格式的文件，本工具读不了：请在 Excel 或 WPS 中打开，“另存为” Excel 工作簿（.xlsx）或 CSV 后再选择".to_string())
        }
        _ => return Err(DAMAGED.to_string()),
    }
    let mut g = Globals::default();
    let mut formats: Vec<(u16, bool)> = Vec::new();
    let mut xf_formats: Vec<u16> = Vec::new();
    let mut all = Vec::new();
    let mut at = record(stream, 0).map_or(0, |r| r.2);
    while let Some((kind, body, next)) = record(stream, at) {
        at = next;
        match kind {
            EOF => break,
            FILEPASS => {
                return Err("这个 Excel 文件设了打开密码，本工具读不了：请在 Excel 或 WPS 中去掉密码，或“另存为” .xlsx 或 CSV 后再选择".to_string())
            }
            DATEMODE => g.date1904 = u16_at(body, 0) == Some(1),
            // Worksheets (type 0: not a chart or macro sheet); a hidden one is a template's 字典
            // of allowed values.
            BOUNDSHEET if body.get(5) == Some(&0) => {
                if let Some(at) = u32_at(body, 0) {
                    all.push(at as usize);
                    if body.get(4).is_some_and(|state| state & 3 == 0) {
                        g.sheets.push(at as usize);
                    }
                }
            }
            FORMAT => {
                let (parts, _) = with_continues(stream, body, next);
                let mut p = Parts::new(parts);
                if let (Some(id), Some(code)) = (p.u16(), p.string()) {
                    formats.push((id, crate::xlsx::is_date_format(&code)));
                }
            }
            XF => xf_formats.push(u16_at(body, 2).unwrap_or(0)),
            SST => {
                let (parts, after) = with_continues(stream, body, next);
                at = after;
                let mut p = Parts::new(parts);
                p.skip(4);
                let declared = p.u32().unwrap_or(0) as usize;
                // A count larger than the bytes could hold is a damaged file, not a reservation.
                g.strings.reserve(declared.min(stream.len() / 3));
                while g.strings.len() < declared {
                    match p.rich_string() {
                        Some(s) => g.strings.push(s),
                        None => break,
                    }
                    if g.strings.len() % 20_000 == 0 {
                        progress(Step::Strings { done: g.strings.len(), of: declared });
                    }
                }
                progress(Step::Strings { done: g.strings.len(), of: declared });
            }
            _ => {}
        }
    }
    if g.sheets.is_empty() {
        g.sheets = all;
    }
    g.xf_dates = xf_formats
        .iter()
        .map(|id| {
            formats
                .iter()
                .find(|(f, _)| f == id)
                .map_or_else(|| crate::xlsx::builtin_date_format(u32::from(*id)), |(_, date)| *date)
        })
        .collect();
    Ok(g)
}

fn workbook_rows(
    stream: &[u8],
    n: usize,
    progress: &mut dyn FnMut(Step),
) -> Result<Option<Grid>, String> {
    let g = globals(stream, progress)?;
    if g.sheets.is_empty() {
        return Err("Excel 文件中没有工作表".to_string());
    }
    let Some(&start) = g.sheets.get(n) else { return Ok(None) };
    if !matches!(record(stream, start), Some((BOF, _, _))) {
        return Err(DAMAGED.to_string());
    }
    // Rows as they come.
    let mut rows: Vec<Vec<String>> = Vec::new();
    let number = |xf: u16, f: f64| {
        let date = g.xf_dates.get(usize::from(xf)).copied().unwrap_or(false);
        // 1904 dates: day 0 is 1904-01-01, 1,462 days after the 1900 system's.
        let f = if date && g.date1904 { f + 1462.0 } else { f };
        number_text(f, date)
    };
    let cell = |body: &[u8]| Some((u16_at(body, 0)?, u16_at(body, 2)?, u16_at(body, 4)?));
    let mut at = record(stream, start).map_or(start, |r| r.2);
    // Charts embedded in the sheet bring their own BOF … EOF.
    let mut depth = 0;
    let mut pending_formula: Option<(u16, u16)> = None;
    let mut seen = 0usize;
    while let Some((kind, body, next)) = record(stream, at) {
        at = next;
        seen += 1;
        if seen % 50_000 == 0 {
            progress(Step::Rows(rows.len()));
        }
        match kind {
            BOF => depth += 1,
            EOF if depth == 0 => break,
            EOF => depth -= 1,
            _ if depth > 0 => {}
            LABELSST => {
                if let (Some((r, c, _)), Some(i)) = (cell(body), u32_at(body, 6)) {
                    if let Some(s) = g.strings.get(i as usize) {
                        put(&mut rows, r, c, s.clone());
                    }
                }
            }
            LABEL | RSTRING => {
                if let Some((r, c, _)) = cell(body) {
                    let (parts, after) = with_continues(stream, body, next);
                    at = after;
                    let mut p = Parts::new(parts);
                    p.skip(6);
                    if let Some(s) = p.string() {
                        put(&mut rows, r, c, s);
                    }
                }
            }
            NUMBER => {
                if let (Some((r, c, xf)), Some(f)) = (cell(body), f64_at(body, 6)) {
                    put(&mut rows, r, c, number(xf, f));
                }
            }
            RK => {
                if let (Some((r, c, xf)), Some(rk)) = (cell(body), u32_at(body, 6)) {
                    put(&mut rows, r, c, number(xf, rk_number(rk)));
                }
            }
            MULRK => {
                if let (Some(r), Some(first)) = (u16_at(body, 0), u16_at(body, 2)) {
                    let n = body.len().saturating_sub(6) / 6;
                    for i in 0..n {
                        let at = 4 + 6 * i;
                        if let (Some(xf), Some(rk)) = (u16_at(body, at), u32_at(body, at + 2)) {
                            put(
                                &mut rows,
                                r,
                                first.saturating_add(i as u16),
                                number(xf, rk_number(rk)),
                            );
                        }
                    }
                }
            }
            BOOLERR => {
                if let (Some((r, c, _)), Some(v), Some(e)) = (cell(body), body.get(6), body.get(7))
                {
                    let text = match (*e, *v) {
                        (0, 0) => "否",
                        (0, _) => "是",
                        (_, code) => error_text(code),
                    };
                    put(&mut rows, r, c, text.to_string());
                }
            }
            FORMULA => {
                if let (Some((r, c, xf)), Some(result)) = (cell(body), body.get(6..14)) {
                    if result[6..8] == [0xFF, 0xFF] {
                        match result[0] {
                            0 => pending_formula = Some((r, c)),
                            1 => put(
                                &mut rows,
                                r,
                                c,
                                (if result[2] != 0 { "是" } else { "否" }).to_string(),
                            ),
                            2 => put(&mut rows, r, c, error_text(result[2]).to_string()),
                            _ => {}
                        }
                    } else if let Some(f) = f64_at(body, 6) {
                        put(&mut rows, r, c, number(xf, f));
                    }
                }
            }
            STRING => {
                let (parts, after) = with_continues(stream, body, next);
                at = after;
                if let Some((r, c)) = pending_formula.take() {
                    if let Some(s) = Parts::new(parts).string() {
                        put(&mut rows, r, c, s);
                    }
                }
            }
            _ => {}
        }
    }
    progress(Step::Rows(rows.len()));
    Ok(Some(
        rows.into_iter()
            .enumerate()
            .filter(|(_, cells)| cells.iter().any(|c| !c.is_empty()))
            .map(|(i, cells)| (i + 1, cells))
            .collect(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// BIFF8 records: type, length, body.
    fn rec(kind: u16, body: &[u8]) -> Vec<u8> {
        let mut out = kind.to_le_bytes().to_vec();
        out.extend_from_slice(&(body.len() as u16).to_le_bytes());
        out.extend_from_slice(body);
        out
    }

    fn cell(row: u16, col: u16, xf: u16, rest: &[u8]) -> Vec<u8> {
        [&row.to_le_bytes()[..], &col.to_le_bytes(), &xf.to_le_bytes(), rest].concat()
    }

    #[test]
    fn rk_numbers() {
        assert_eq!(rk_number((123 << 2) | 2), 123.0);
        assert_eq!(rk_number((150 << 2) | 3), 1.5);
        assert_eq!(rk_number(((-7i32 << 2) | 2) as u32), -7.0);
        let bits = (1.25f64.to_bits() >> 32) as u32;
        assert_eq!(rk_number(bits), 1.25);
    }

    /// A workbook stream with a shared string split across a CONTINUE record (the rest of
    /// the characters in UTF-16 after a new flags byte), every kind of cell, and a formula
    /// whose result is a string.
    #[test]
    fn records_across_continues_and_every_kind_of_cell() {
        let mut globals = rec(BOF, &[0x00, 0x06, 0x05, 0x00]);
        // XF 0: general; XF 1: built-in format 14 (a date).
        globals.extend(rec(XF, &[0, 0, 0, 0]));
        globals.extend(rec(XF, &[0, 0, 14, 0]));
        // SST: "姓名" (UTF-16), then "abc张三": "abc" compressed in the SST record, "张三"
        // UTF-16 in the CONTINUE record.
        let mut sst = vec![];
        sst.extend(2u32.to_le_bytes());
        sst.extend(2u32.to_le_bytes());
        sst.extend(2u16.to_le_bytes());
        sst.push(1);
        for u in "姓名".encode_utf16() {
            sst.extend(u.to_le_bytes());
        }
        sst.extend(5u16.to_le_bytes());
        sst.push(0);
        sst.extend(b"abc");
        let mut cont = vec![1u8];
        for u in "张三".encode_utf16() {
            cont.extend(u.to_le_bytes());
        }
        let sheet_at_placeholder = globals.len();
        globals.extend(rec(BOUNDSHEET, &[0, 0, 0, 0, 0, 0, 1, 0, b'S']));
        globals.extend(rec(SST, &sst));
        globals.extend(rec(CONTINUE, &cont));
        globals.extend(rec(EOF, &[]));
        let sheet_at = globals.len() as u32;
        globals[sheet_at_placeholder + 4..sheet_at_placeholder + 8]
            .copy_from_slice(&sheet_at.to_le_bytes());
        let mut s = globals;
        s.extend(rec(BOF, &[0x00, 0x06, 0x10, 0x00]));
        s.extend(rec(LABELSST, &cell(0, 0, 0, &0u32.to_le_bytes())));
        s.extend(rec(LABELSST, &cell(1, 0, 0, &1u32.to_le_bytes())));
        s.extend(rec(NUMBER, &cell(1, 1, 0, &621126201309180000f64.to_le_bytes())));
        s.extend(rec(RK, &cell(1, 2, 1, &(((45_658u32) << 2) | 2).to_le_bytes())));
        let mut mulrk = vec![];
        mulrk.extend(2u16.to_le_bytes());
        mulrk.extend(0u16.to_le_bytes());
        for n in [7u32, 8] {
            mulrk.extend(0u16.to_le_bytes());
            mulrk.extend(((n << 2) | 2).to_le_bytes());
        }
        mulrk.extend(1u16.to_le_bytes());
        s.extend(rec(MULRK, &mulrk));
        s.extend(rec(BOOLERR, &cell(2, 2, 0, &[1, 0])));
        s.extend(rec(BOOLERR, &cell(2, 3, 0, &[0x2A, 1])));
        let mut label = cell(3, 0, 0, &[]);
        label.extend(2u16.to_le_bytes());
        label.push(0);
        label.extend(b"ok");
        s.extend(rec(LABEL, &label));
        s.extend(rec(FORMULA, &cell(3, 1, 0, &[0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0, 0, 0, 0, 0, 0])));
        let mut string = 4u16.to_le_bytes().to_vec();
        string.push(0);
        string.extend(b"=A4!");
        s.extend(rec(STRING, &string));
        // A chart inside the sheet: its own BOF … EOF, its records not cells.
        s.extend(rec(BOF, &[0x00, 0x06, 0x20, 0x00]));
        s.extend(rec(LABELSST, &cell(9, 0, 0, &0u32.to_le_bytes())));
        s.extend(rec(EOF, &[]));
        s.extend(rec(EOF, &[]));
        let grid = workbook_rows(&s, 0, &mut |_| {}).unwrap().unwrap();
        assert_eq!(
            grid,
            vec![
                (1, vec!["姓名".to_string()]),
                (2, vec!["abc张三".into(), "621126201309180000".into(), "2025-01-01".into()]),
                (3, vec!["7".into(), "8".into(), "是".into(), "#N/A".into()]),
                (4, vec!["ok".into(), "=A4!".into()]),
            ]
        );
        // Cut anywhere, the stream is an error or fewer rows, never a panic.
        for cut in 0..s.len() {
            let _ = workbook_rows(&s[..cut], 0, &mut |_| {});
        }
    }

    #[test]
    fn old_and_protected_workbooks_are_said_to_be() {
        let biff5 = rec(BOF, &[0x00, 0x05, 0x05, 0x00]);
        assert!(workbook_rows(&biff5, 0, &mut |_| {})
            .unwrap_err()
            .starts_with("这是 Excel 5.0/95"));
        let mut locked = rec(BOF, &[0x00, 0x06, 0x05, 0x00]);
        locked.extend(rec(FILEPASS, &[1, 0]));
        assert!(workbook_rows(&locked, 0, &mut |_| {}).unwrap_err().contains("设了打开密码"));
        let mut no_sheet = rec(BOF, &[0x00, 0x06, 0x05, 0x00]);
        no_sheet.extend(rec(EOF, &[]));
        assert_eq!(workbook_rows(&no_sheet, 0, &mut |_| {}).unwrap_err(), "Excel 文件中没有工作表");
        assert_eq!(read_sheet(&SIGNATURE[..], 0, &mut |_| {}).unwrap_err(), DAMAGED);
    }
}
