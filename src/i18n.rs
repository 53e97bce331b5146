//! Languages: 简体中文 (default), 繁體中文 and English.
//!
//! UI strings are written once in simplified Chinese and English ([`Msg`]); traditional
//! Chinese is produced from the simplified text by a character table generated at build time
//! (`build.rs`), which also converts the engine's Chinese explanations and place names. In
//! English the policy texts stay in Chinese and program names show both forms, as the
//! documents themselves are Chinese.

use std::borrow::Cow;

include!(concat!(env!("OUT_DIR"), "/s2t.rs"));

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Hans,
    Hant,
    En,
}

impl Lang {
    pub const ALL: [(Lang, &'static str); 3] =
        [(Lang::Hans, "简体中文"), (Lang::Hant, "繁體中文"), (Lang::En, "English")];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Hans => "zh-Hans",
            Lang::Hant => "zh-Hant",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.iter().map(|(l, _)| *l).find(|l| l.code() == code)
    }

    /// Punctuation between the app's own parts (the policy texts inside stay Chinese): a colon,
    /// a full stop, a list separator.
    pub fn colon(self) -> &'static str {
        if self == Lang::En {
            ": "
        } else {
            "："
        }
    }

    pub fn stop(self) -> &'static str {
        if self == Lang::En {
            ". "
        } else {
            "。"
        }
    }

    pub fn list(self) -> &'static str {
        if self == Lang::En {
            ", "
        } else {
            "、"
        }
    }

    /// A UI message in this language.
    pub fn t(self, m: Msg) -> Cow<'static, str> {
        match self {
            Lang::Hans => Cow::Borrowed(m.hans()),
            Lang::Hant => Cow::Owned(to_traditional(m.hans())),
            Lang::En => Cow::Borrowed(m.en()),
        }
    }

    /// Chinese text from the engine or the data (criteria, places, documents): as is, or in
    /// traditional characters.
    pub fn zh<'a>(self, text: &'a str) -> Cow<'a, str> {
        match self {
            Lang::Hant => Cow::Owned(to_traditional(text)),
            _ => Cow::Borrowed(text),
        }
    }
}

/// Converts traditional characters to simplified ones (東鄉 → 东乡), character by character:
/// what a user types in traditional characters is searched in the simplified names.
pub fn to_simplified(text: &str) -> String {
    text.chars().map(|c| S2T.iter().find(|p| p.1 == c && p.0 != c).map_or(c, |p| p.0)).collect()
}

/// Converts simplified text to traditional as OpenCC does: the longest known phrase first
/// (重复 → 重複, 什么 → 什麼), else character by character (the usual form).
pub fn to_traditional(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 2);
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        // The phrases starting with this character: a contiguous, sorted range.
        let mut first = [0u8; 4];
        let first = &*c.encode_utf8(&mut first);
        let from = S2T_PHRASES.partition_point(|(p, _)| *p < first);
        let phrase = S2T_PHRASES[from..]
            .iter()
            .take_while(|(p, _)| p.starts_with(first))
            .filter(|(p, _)| rest.starts_with(p))
            .max_by_key(|(p, _)| p.len());
        match phrase {
            Some((p, t)) => {
                out.push_str(t);
                rest = &rest[p.len()..];
            }
            None => {
                out.push(match S2T.binary_search_by_key(&c, |p| p.0) {
                    Ok(i) => S2T[i].1,
                    Err(_) => c,
                });
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    out
}

macro_rules! messages {
    ($($id:ident => $hans:literal, $en:literal;)*) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Msg { $($id),* }
        impl Msg {
            /// Every message (tests check each in every language).
            pub const ALL: &'static [Msg] = &[$(Msg::$id),*];
            // Tables indexed by the message (smaller code than a match over 200 arms).
            pub fn hans(self) -> &'static str {
                const HANS: &[&str] = &[$($hans),*];
                HANS[self as usize]
            }
            pub fn en(self) -> &'static str {
                const EN: &[&str] = &[$($en),*];
                EN[self as usize]
            }
        }
    };
}

messages! {
    Title => "助学 · 学生资助查询", "Zhuxue · Student aid finder";
    Lede => "回答几个问题，查看孩子可以享受的学生资助（国家政策和已录入的地方政策）。全部计算在手机上完成，不上传任何信息。", "Answer a few questions to see the student aid your child can get (national programmes and the local ones encoded so far). Everything is computed on this phone; nothing is sent anywhere.";
    Language => "语言", "Language";
    LargeText => "大字", "Large text";
    StepOf => "第 {n} 步，共 {m} 步", "Step {n} of {m}";
    Next => "下一步", "Next";
    Back => "上一步", "Back";
    SeeResults => "查看结果", "See results";
    BackToResults => "返回结果", "Back to results";
    Edit => "修改", "Edit";
    Forget => "清除我的回答", "Forget my answers";
    ForgetDone => "回答已从本机清除。", "Your answers were removed from this device.";
    ForgetAsk => "确定要清除本机保存的全部回答吗？清除后不能恢复。", "Remove all your answers from this device? This cannot be undone.";
    ForgetYes => "确定清除", "Remove them";
    ForgetNo => "不清除", "Keep them";
    StepHome => "户籍", "Household registration";
    StepFamily => "家庭情况", "Household status";
    StepStudent => "学生", "Student";
    StepSchool => "学校", "School";
    StepMore => "困难认定及其他", "Hardship and other";
    AsOf => "按哪一天的政策计算", "Date to assess on";
    AsOfHelp => "默认今天。可以查询过去或将来的学期。", "Today by default. You can ask about past or coming terms.";
    HukouRegion => "户籍所在地（户口所在区县）", "Household registration (hukou) county";
    HukouArea => "户籍类型", "Type of household registration";
    Rural => "农村", "Rural";
    Urban => "城镇", "Urban";
    Province => "省份", "Province";
    Prefecture => "市（州）", "City / prefecture";
    County => "区县", "County / district";
    Choose => "请选择", "Choose";
    Search => "按名称搜索区县", "Search a county by name";
    SearchHint => "如：东乡 或 dongxiang", "e.g. 东乡 or dongxiang";
    Statuses => "家庭有以下哪些身份？（可多选；都没有请选最后一项）", "Does the household have any of these statuses? (any number; if none, tick the last one)";
    StatusesNoneOption => "以上都没有（未认定）", "None of these (not recognised)";
    StatusFrom => "认定日期", "Recognised on";
    StatusTo => "退出日期（如已退出）", "Withdrawn on (if withdrawn)";
    HelpRegisteredPoor => "2014—2020年扶贫系统登记的贫困户，持《扶贫手册》", "Registered poor household in the poverty-alleviation system, 2014–2020";
    HelpLiftedOut => "已脱贫的原建档立卡户（2021年起称脱贫户）", "Formerly registered poor household that has been lifted out of poverty (from 2021)";
    HelpMonitored => "乡村振兴部门认定的防止返贫监测户（含脱贫不稳定户、边缘易致贫户、突发严重困难户）", "Household monitored against falling back into poverty";
    HelpDibao => "领取最低生活保障金的家庭", "Household receiving minimum living allowance (dibao)";
    HelpTekun => "民政部门认定的特困人员救助供养", "Extremely poor person supported by civil affairs";
    HelpLowIncome => "民政部门认定的低收入家庭", "Low-income household recognised by civil affairs";
    HelpMartyr => "烈士子女或优抚对象家庭", "Martyr's child or entitled group family";
    Stage => "孩子现在读什么", "What is the child studying now";
    Grade => "几年级", "Which year";
    PreschoolGrades => "小班,中班,大班", "Year 1 (小班),Year 2 (中班),Year 3 (大班)";
    EnrolRegion => "学籍所在地（学校所在区县）", "County of the school (where the student is enrolled)";
    SameAsHukou => "与户籍地相同", "Same as household registration";
    EnrolRegionPick => "学校所在的区县", "The school's county";
    TermHukou => "什么是户籍地？", "What is the hukou county?";
    TermHukouText => "户籍地是户口簿上登记的户口所在区县。雨露计划、生源地助学贷款等由户籍地办理。", "The county where the household is registered, as in the hukou booklet. 雨露计划 and home-county student loans are handled there.";
    TermEnrol => "什么是学籍地？", "What is the place of enrolment?";
    TermEnrolText => "学籍地是学生学籍所在学校的所在区县，一般就是现在上学的地方；大多数资助由这里的学校发放。", "The county of the school where the student is enrolled, usually where they study now; most aid is paid there.";
    TermRecognised => "什么是“认定”？", "What does “recognised” mean?";
    TermRecognisedText => "认定是指乡村振兴、民政等部门按规定确认并登记了这个身份（如脱贫户、低保），有证明或名单可查；只是家里困难但没有登记的，不算。", "Recognised means the rural-revitalisation or civil-affairs office has confirmed and registered the status (such as 脱贫户 or 低保), with a certificate or list; hardship without registration does not count.";
    NotFound => "没有找到“{q}”。可以少写几个字（如只写“东乡”或拼音“dongxiang”），或在下面逐级选择。", "Nothing found for “{q}”. Try fewer characters (东乡, or dongxiang in pinyin), or choose step by step below.";
    SchoolNameHint => "只知道学校名称？请查看录取通知书或学生证上的学校地址，或问学校在哪个县区。", "Only know the school's name? Its county is on the admission letter or student card, or ask the school.";
    Kindergarten => "幼儿园类型", "Kind of kindergarten";
    KgPublic => "公办幼儿园", "Public";
    KgInclusive => "普惠性民办幼儿园", "Inclusive private (普惠性)";
    KgOther => "其他民办幼儿园", "Other private";
    Ownership => "学校性质", "School ownership";
    Public => "公办", "Public";
    Private => "民办", "Private";
    Boarding => "是否在学校住宿（寄宿）", "Does the child board at school";
    Yes => "是", "Yes";
    No => "否", "No";
    Unsure => "不清楚", "Not sure";
    Setting => "学校在哪里", "Where is the school";
    City => "城区", "City district";
    CountyTown => "县城", "County town";
    Village => "乡镇或农村", "Township or village";
    Major => "专业类别", "Field of study";
    Agriculture => "涉农专业", "Agriculture-related";
    ArtsPerformance => "艺术类表演专业", "Performing arts";
    OtherMajor => "其他专业", "Other";
    FullTime => "是否全日制", "Full-time";
    CentralUniversity => "是否中央部属高校", "Central (ministry-run) university";
    NutritionProgram => "学校是否实施营养改善计划（学生营养餐）", "Does the school take part in the nutrition programme (school meals)";
    ContiguousArea => "学校所在县是否属于原集中连片特困地区", "Is the school's county in a former contiguous poverty area";
    Hardship => "学校的家庭经济困难认定结果", "School's family hardship finding";
    HardshipHelp => "每学年由学校认定。还没认定可选“未认定”。", "Schools assess this every year. Choose “not assessed” if not yet.";
    HSpecial => "特别困难", "Special hardship";
    HRelative => "比较困难", "Hardship";
    HGeneral => "一般困难", "Some hardship";
    HNone => "不困难", "Not in hardship";
    HUnknown => "未认定", "Not assessed";
    AdmissionTier => "高考录取批次", "University admission batch";
    AdmissionTierHelp => "当地有按录取批次发放的奖励或资助时才问。", "Asked only where a local award depends on it.";
    TierFirst => "一本（本科一批）", "First tier (一本)";
    TierSecond => "二本（本科二批）", "Second tier (二本)";
    TierOther => "其他本科批次", "Other bachelor's batch";
    TierCollege => "专科（高职）批", "Junior college (专科) batch";
    CountyHighSchoolYears => "在户籍所在县的高中读了几年", "Years at a senior high school in the home county";
    Years0 => "不到1年", "Less than a year";
    Years1 => "1年", "1 year";
    Years2 => "2年", "2 years";
    Years3 => "3年及以上", "3 years or more";
    MongolianInstruction => "是否在蒙古语授课班就读", "Taught in Mongolian (蒙古语授课)";
    LevelProvince => "省级", "Provincial";
    LevelPrefecture => "市（州）级", "Prefectural";
    LevelCounty => "县级", "County";
    LevelSchool => "学校", "School";
    LevelFoundation => "基金会", "Foundation";
    LocalTag => "地方·{level}", "Local · {level}";
    PaysBy => "由{by}{act}（{who}：{place}）", "{act} by {by} ({who}: {place})";
    ActCash => "发放", "Paid";
    ActWaiver => "免除", "Waived";
    ActInKind => "提供", "Provided";
    ActLoan => "办理", "Arranged";
    HeadlineLocal => "其中地方资助（省、县、基金会）每年约 {x} 元。", "Of this, about ¥{x} a year comes from local programmes (province, county, foundation).";
    Disabled => "孩子是否残疾（持残疾证）", "Is the child disabled (holds a disability certificate)";
    Orphan => "是否孤儿或事实无人抚养儿童", "Is the child an orphan or de facto unsupported";
    Veteran => "是否退役士兵学生", "Is the student a discharged soldier";
    TeacherTrainee => "是否部属师范大学公费师范生", "Publicly funded teacher-trainee at an MOE normal university";
    Salaried => "是否有固定工资收入", "Does the student have a fixed salary";
    OutOfProvince => "户籍地是否已核实孩子在省外学校没有享受资助", "Has the home county verified that no aid was received at the out-of-province school";
    AddPeriod => "再添加一段时间", "Add another period";
    UnknownStatus => "无法识别的身份：{k}", "Unrecognised status: {k}";
    UnknownStatusHelp => "这个身份来自链接或旧版本，本工具无法识别。取消勾选即可删除。", "This status came from a link or an older version and is not recognised. Untick to remove it.";
    AidReceived => "本学期已经领取的资助", "Aid already received this term";
    AidReceivedHelp => "用于核对是否重复资助、户籍地是否需要兜底。没有领取可不填。", "Used to check for double aid and whether the home county must cover. Leave blank if none.";
    AidAtSchool => "在就读学校所在地领取", "Received where the school is";
    AidAtHome => "在户籍地领取", "Received in the home county";
    OpenDesk => "资助专干：名册比对", "Aid officers: roster check";
    SharedTitle => "这是链接里的情况", "This is the case from the link";
    SharedHelp => "这台设备上还保存着你自己的回答。下面是链接里的情况；选择之前不会覆盖你的回答。", "Your own answers are still saved on this device. Below is the case from the link; nothing is overwritten until you choose.";
    UseShared => "用链接里的情况替换我的回答", "Replace my answers with the case from the link";
    KeepMine => "保留我的回答", "Keep my answers";
    LinkBroken => "链接无效或不完整，没有打开其中的情况。你原来的回答没有改变。", "The link is invalid or incomplete; its case was not opened. Your own answers are unchanged.";
    LinkPartial => "链接里有 {n} 项内容无法使用，已略去，其余已打开。", "{n} values in the link could not be used and were left out; the rest was opened.";
    Details => "详细信息", "Details";
    Dismiss => "知道了", "OK";
    FixAnswer => "有一个回答需要修改：{q}", "One answer needs changing: {q}";
    FixUnknown => "有一个回答无法使用，请检查后重试。", "One answer cannot be used; please check and try again.";
    FixGo => "去修改", "Change it";
    Headline => "你的孩子本学年可以享受 {n} 项资助，其中现金每年约 {x} 元", "Your child can get {n} kinds of aid this school year, about ¥{x} a year in cash";
    HeadlineNoCash => "你的孩子本学年可以享受 {n} 项资助（免费或实物，不发现金）", "Your child can get {n} kinds of aid this school year (free or in kind, not cash)";
    HeadlineStudent => "该生本学年可以享受 {n} 项资助，其中现金每年约 {x} 元", "This student can get {n} kinds of aid this school year, about ¥{x} a year in cash";
    HeadlineStudentNoCash => "该生本学年可以享受 {n} 项资助（免费或实物，不发现金）", "This student can get {n} kinds of aid this school year (free or in kind, not cash)";
    HeadlineNone => "按目前的回答，孩子本学年还没有确定可以享受的资助", "From the answers so far, no aid is certain for this school year";
    HeadlineInKind => "另免费享受：{names}（不发现金；实物折合每年约 {x} 元）。", "Also free: {names} (not cash; what comes in kind is worth about ¥{x} a year).";
    HeadlineFree => "另免费享受：{names}（不发现金）。", "Also free: {names} (not cash).";
    HeadlineLoan => "还可申请助学贷款，每年最高 {x} 元（须偿还）。", "A student loan of up to ¥{x} a year is also available (to be repaid).";
    HeadlineConditional => "另有 {n} 项要看条件（如评审、名额）。", "{n} more depend on conditions (such as selection or quotas).";
    HeadlineNeeds => "还有 {n} 项需要再回答一个问题（见下方）。", "{n} need one more answer (below).";
    Entitled => "可以享受的资助", "Aid you can get";
    ConditionalTitle => "要看条件的资助", "Aid that depends on conditions";
    NeedsInfoTitle => "还需要一个回答", "Needs one more answer";
    NotEntitledTitle => "不能享受的资助及原因", "Aid you cannot get, and why";
    OtherStages => "其他学段的 {n} 项资助不适用。", "{n} programmes for other school stages do not apply.";
    Notices => "请注意", "Please note";
    WhoPays => "谁发放", "Who pays";
    WhereApply => "在哪里申请", "Where to apply";
    WhenApply => "什么时候", "When";
    Bring => "带什么材料", "What to bring";
    NothingToBring => "无需申请材料", "Nothing to bring";
    ToDo => "要做的事", "What to do";
    ToDoBring => "带：{d}。", "Bring: {d}.";
    ToDoAutomatic => "不用申请，学校直接落实：{names}。", "No application needed, the school arranges it: {names}.";
    Why => "依据的条件", "The criteria";
    Documents => "政策文件", "Policy documents";
    FigureVerified => "金额核实日期", "Figure last verified";
    UnverifiedMark => "（⚠ 未核实）", " (⚠ not verified)";
    AmountBasis => "金额计算：", "How the amount is worked out: ";
    DateHint => "如 2021 或 2021-06", "e.g. 2021 or 2021-06";
    DateUnreadable => "无法识别“{v}”：请写年份（2021）、年月（2021-06）或完整日期（2021-06-15）", "“{v}” cannot be read: write a year (2021), a month (2021-06) or a full date (2021-06-15)";
    Unverified => "该金额尚未与官方原文核对", "This figure is not yet checked against the official text";
    PerYear => "每年 {x} 元", "¥{x} a year";
    PerDay => "每天 {x} 元（全年约 {y} 元）", "¥{x} a day (about ¥{y} a year)";
    PerDayInKind => "每天 {x} 元的餐食（全年折合约 {y} 元，不发现金）", "Meals worth ¥{x} a day (about ¥{y} a year, not cash)";
    Once => "一次性 {x} 元", "¥{x} once";
    Range => "（按档次 {a}—{b} 元）", " (tiers ¥{a}–{b})";
    Waiver => "免收费用", "Fees waived";
    WaiverLocal => "免收费用（标准以当地收费为准）", "Fees waived (at the local fee)";
    InKind => "非现金资助（实物或服务）", "Not cash (provided in kind or as a service)";
    InKindValue => "实物资助，折合每年约 {x} 元（不发现金）", "In kind, worth about ¥{x} a year (not cash)";
    UpTo => "每年最高 {x} 元（按实际学费或贷款）", "Up to ¥{x} a year (by tuition or loan actually paid)";
    LoanLimit => "每年最高可贷 {x} 元", "Loan up to ¥{x} a year";
    LocalAmount => "金额由当地确定", "Amount set locally";
    PayerEnrolment => "学籍地", "the place of enrolment";
    PayerHukou => "户籍地", "the home county";
    PayerFallback => "户籍地兜底", "the home county, as fallback";
    PayerSchool => "就读学校", "the school";
    PaysCash => "由{who}（{place}）发放", "Paid by {who} ({place})";
    PaysWaiver => "由{who}（{place}）免除", "Waived by {who} ({place})";
    PaysInKind => "由{who}（{place}）提供", "Provided by {who} ({place})";
    PaysLoan => "在{who}（{place}）办理", "Arranged at {who} ({place})";
    OutcomeConditional => "有条件", "Conditional";
    OutcomeNeedsInfo => "需补充", "Needs an answer";
    Share => "分享链接", "Share link";
    ShareHelp => "链接里包含你的回答，只有打开链接的人能看到；不会发送到任何服务器。", "The link holds your answers; only people who open it see them. Nothing is sent to a server.";
    Copy => "复制", "Copy";
    Copied => "已复制", "Copied";
    Print => "打印 / 存为 PDF", "Print / save as PDF";
    CaseSummary => "案例摘要", "Case summary";
    RulesVersion => "规则版本 {v}，数据核实于 {d}，按 {a} 的政策计算", "Rules {v}, data verified {d}, assessed for {a}";
    Required => "请先回答：", "Please answer first: ";
    NoAnswer => "未回答", "Not answered";
    StatusesNone => "无", "None";
    EnglishNote => "", "Explanations of the rules and the policy documents are shown in Chinese, as published; programme names show both.";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traditional_input_finds_simplified_names() {
        assert_eq!(to_simplified("東鄉"), "东乡");
        assert_eq!(to_simplified("廣州"), "广州");
        assert_eq!(to_simplified("岷县"), "岷县", "simplified text is left alone");
        let hits = zhuxue_engine::regions::search(&to_simplified("東鄉"), 8);
        assert!(hits.iter().any(|r| r.code == 622926), "东乡族自治县");
        assert_eq!(to_traditional(&to_simplified("廣州市天河區")), "廣州市天河區");
    }

    /// One simplified character, several traditional ones: the phrase decides.
    #[test]
    fn phrases_decide_one_to_many_characters() {
        assert_eq!(to_traditional("重复"), "重複");
        assert_eq!(to_traditional("复制链接"), "複製鏈接");
        assert_eq!(to_traditional("咨询"), "諮詢");
        assert_eq!(to_traditional("什么"), "什麼");
        assert_eq!(to_traditional("恢复"), "恢復");
        assert_eq!(
            to_traditional("新疆维吾尔自治区和田地区于田县"),
            "新疆維吾爾自治區和田地區于田縣"
        );
        assert_eq!(to_traditional("abc 东乡 xyz"), "abc 東鄉 xyz");
        assert_eq!(to_traditional(""), "");
    }

    /// English messages use English punctuation; the app's own separators follow the language.
    #[test]
    fn english_has_no_full_width_punctuation() {
        for m in Msg::ALL {
            let bad: Vec<char> =
                m.en().chars().filter(|c| "，。：；（）、！？".contains(*c)).collect();
            assert_eq!(bad, [], "{m:?}: {}", m.en());
        }
        assert_eq!([Lang::En.colon(), Lang::En.stop(), Lang::En.list()], [": ", ". ", ", "]);
        assert_eq!([Lang::Hant.colon(), Lang::Hant.stop(), Lang::Hant.list()], ["：", "。", "、"]);
    }

    /// Characters that have a traditional form other than themselves (OpenCC's table).
    fn simplified_only() -> std::collections::HashSet<char> {
        include_str!("../i18n/opencc/STCharacters.txt")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let (s, t) = l.split_once('\t')?;
                let s = s.chars().next()?;
                (!t.split(' ').any(|t| t.starts_with(s))).then_some(s)
            })
            .collect()
    }

    fn left_simplified(text: &str, only: &std::collections::HashSet<char>) -> Vec<char> {
        to_traditional(text).chars().filter(|c| only.contains(c)).collect()
    }

    /// In 繁體, no UI string, program text, citation or text of any reference case's
    /// assessment keeps a character that exists only in simplified.
    #[test]
    fn every_text_the_app_shows_converts_fully() {
        let only = simplified_only();
        for m in Msg::ALL {
            assert_eq!(left_simplified(m.hans(), &only), [], "{m:?}");
        }
        for p in zhuxue_engine::policy::PROGRAMS {
            for text in [p.name, p.apply_where, p.apply_when].iter().chain(p.documents) {
                assert_eq!(left_simplified(text, &only), [], "{}: {text}", p.id);
            }
        }
        for c in zhuxue_engine::policy::CITATIONS {
            assert_eq!(left_simplified(c.title, &only), [], "{}", c.id);
            assert_eq!(left_simplified(c.issuer, &only), [], "{}", c.id);
        }
        let mut texts = 0;
        for (name, _, case) in zhuxue_engine::reference::cases().unwrap() {
            let Ok(case) = zhuxue_engine::Case::from_value(&case) else { continue };
            let Ok(a) = zhuxue_engine::assess(&case) else { continue };
            let json = serde_json::to_value(&a).unwrap();
            let mut stack = vec![json];
            while let Some(v) = stack.pop() {
                match v {
                    serde_json::Value::String(s) => {
                        texts += 1;
                        assert_eq!(left_simplified(&s, &only), [], "{name}: {s}");
                    }
                    serde_json::Value::Array(a) => stack.extend(a),
                    serde_json::Value::Object(o) => stack.extend(o.into_iter().map(|(_, v)| v)),
                    _ => {}
                }
            }
        }
        assert!(texts > 10_000, "{texts} texts checked");
    }
}
