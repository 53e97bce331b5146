"""A real-looking school roster and two department lists, as officers' files are: GBK, two
title rows, 学籍-style headers (序号, 学生姓名, 身份证件号, 就读年级 …), 七年级-style grades,
addresses as 户籍地, IDs with spaces, lower case x or a bad check digit, blank rows, a repeated
row and a 合计 line; a 低保 list (GBK) and a 脱贫户 list (UTF-8 with BOM) with
「脱贫户(不享受政策)」 rows. The README's "real-looking 10,000-row roster" figures come from it.

    python3 scripts/make-real-roster.py OUT_DIR          # roster.csv, dibao.csv, tuopin.csv
    pip install xlwt && python3 scripts/make-real-roster.py OUT_DIR --xls   # also roster.xls

Deterministic (seeded). Names, places and ID numbers are made up.
"""
import os
import random
import sys

out = sys.argv[1] if len(sys.argv) > 1 else '.'
os.makedirs(out, exist_ok=True)
random.seed(7)
W=[7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2]
def idn(region, y, m, d, seq, bad=False):
    base=f"{region}{y:04d}{m:02d}{d:02d}{seq:03d}"
    s=sum(int(c)*w for c,w in zip(base,W))
    ch="10X98765432"[s%11]
    if bad: ch="10X98765432"[(s+1)%11]
    return base+ch
surn="王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗"
given="子涵一诺欣怡梓轩浩然宇轩雨桐思远佳怡俊杰婷婷建华明亮秀英桂兰"
regions=[("621126","甘肃省定西市岷县"),("622926","东乡族自治县"),("620623","天祝藏族自治县"),("621102","安定区"),("620102","城关区")]
rows=[]
lines=["岷县第二中学2025年秋季学期学生资助名册,,,,,,,,,,,,,",
       "填报单位（盖章）：岷县第二中学        填报日期：2025年9月20日,,,,,,,,,,,,,",
       "序号,学生姓名,性别,身份证件号,全国学籍号,学段,就读年级,户口所在地,户口性质,就读方式,困难等级,贫困类型,已享受资助,备注"]
dibao=["姓名,身份证号码,类别,认定日期"]
tuopin=["户主姓名,证件号码,贫困类型,脱贫年度"]
for i in range(1,10001):
    stage=random.choice(["初中","初中","初中","小学","高中"])
    if stage=="初中": grade=random.choice(["七年级","八年级","九年级","初一","初二","初三"]); y=random.choice([2011,2012,2013])
    elif stage=="小学": grade=random.choice(["一年级","三年级","五年级","6"]); y=random.choice([2014,2016,2018])
    else: grade=random.choice(["高一","高二","高三"]); y=random.choice([2008,2009,2010])
    reg=random.choices(regions,weights=[80,5,3,5,7])[0]
    bad = random.random()<0.004
    idv=idn(reg[0] if reg[0]!="620102" else "621126",y,random.randint(1,12),random.randint(1,28),random.randint(0,999),bad)
    if random.random()<0.01: idv=idv[:6]+" "+idv[6:14]+" "+idv[14:]
    if random.random()<0.01: idv=idv.lower()
    name=random.choice(surn)+random.choice(given)+random.choice(given)
    board=random.choice(["住校","走读","走读","寄宿","是","否"])
    hard=random.choice(["特别困难","比较困难","一般困难","","","","困难"])
    cat=""
    r=random.random()
    if r<0.12:
        cat="脱贫户"; tuopin.append(f"{name}家长,{idv},{random.choice(['脱贫户(继续享受政策)','脱贫户(继续享受政策)','脱贫户(不享受政策)'])},{random.choice([2019,2020])}")
    elif r<0.18:
        cat="农村低保"; dibao.append(f"{name},{idv},农村低保,2023-0{random.randint(1,9)}-01")
    paid=""
    if stage in("初中","小学") and hard and random.random()<0.7: paid="寄宿生生活补助" if board in("住校","寄宿","是") else "非寄宿生生活补助"
    if stage=="高中" and hard and random.random()<0.7: paid="国家助学金、免学杂费"
    if random.random()<0.02: paid+= ("、" if paid else "")+"营养餐"
    areav=random.choice(["农业","农村","非农业","城镇",""]) 
    gender = '男' if int(idv.replace(' ', '')[16]) % 2 else '女'
    lines.append(f"{i},{name},{gender},{idv},G{idv[:-1]}{random.randint(0,9)},{stage},{grade},{reg[1]},{areav},{board},{hard},{cat},{paid},")
    if random.random()<0.002: lines.append(",,,,,,,,,,,,,")
# a duplicate and a total line
lines.append(lines[5])
lines.append("合计,10000人,,,,,,,,,,,,")
open(os.path.join(out, "roster.csv"),"wb").write(("\r\n".join(lines)+"\r\n").encode("gbk"))
open(os.path.join(out, "dibao.csv"),"wb").write(("\r\n".join(dibao)+"\r\n").encode("gbk"))
open(os.path.join(out, "tuopin.csv"),"wb").write(("\r\n".join(tuopin)+"\r\n").encode("utf-8-sig"))
print(len(lines), len(dibao), len(tuopin))

if '--xls' in sys.argv:
    # The same roster as the 学籍 system's .xls export.
    import csv
    import xlwt
    book = xlwt.Workbook(encoding='utf-8')
    sheet = book.add_sheet('学生信息')
    for r, row in enumerate(csv.reader(lines)):
        for c, v in enumerate(row):
            if v:
                sheet.write(r, c, int(v) if c == 0 and v.isdigit() else v)
    book.save(os.path.join(out, 'roster.xls'))
