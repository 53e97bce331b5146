"""Writes the .xls (Excel 97-2003, BIFF8) fixtures of crates/roster/tests/xls.rs with xlwt.

    pip install xlwt==1.3.0 && python3 crates/roster/tests/data/make-xls.py

The files are committed; this script says how they were made. xlwt writes what Excel 97-2003
writes: a compound file whose Workbook stream holds a shared-string table (SST, split into
CONTINUE records when it passes 8,224 bytes), LABELSST cells, numbers as RK or NUMBER, merged
cells and date formats.
"""
import csv
import datetime
import os

import xlwt

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.normpath(os.path.join(here, '..', '..', '..', '..'))

# 1. The roster template as a school's .xls: a merged title row above the header.
with open(os.path.join(root, 'examples', 'roster', 'roster-template.csv'), encoding='utf-8-sig') as f:
    rows = list(csv.reader(f))
book = xlwt.Workbook(encoding='utf-8')
sheet = book.add_sheet('学生名册')
sheet.write_merge(0, 0, 0, len(rows[0]) - 1, '某某中学2025年秋季学期学生名册')
for r, row in enumerate(rows):
    for c, value in enumerate(row):
        if value:
            sheet.write(r + 1, c, value)
book.add_sheet('说明').write(0, 0, '第二个工作表不读')
book.save(os.path.join(here, 'roster-template.xls'))

# 2. Every kind of cell, and shared strings long enough to run on into CONTINUE records, both
#    one-byte (Latin) and two-byte (Chinese) text.
book = xlwt.Workbook(encoding='utf-8')
sheet = book.add_sheet('cells')
date = xlwt.easyxf(num_format_str='yyyy-mm-dd')
sheet.write(0, 0, '姓名')
sheet.write(0, 1, '数字')
sheet.write(0, 2, '日期')
sheet.write(0, 3, '是否')
sheet.write(1, 0, '张三')
sheet.write(1, 1, 3)                       # RK (an integer)
sheet.write(1, 2, datetime.date(2021, 1, 1), date)
sheet.write(1, 3, True)
sheet.write(2, 0, '李四')
sheet.write(2, 1, 2.5)                     # RK (a float)
sheet.write(2, 2, datetime.date(2025, 9, 1), date)
sheet.write(2, 3, False)
sheet.write(3, 0, '身份证号当数字')
sheet.write(3, 1, 621126201309180022)      # NUMBER: Excel keeps 15 digits
sheet.write(3, 2, 1234567.125)             # NUMBER
# Row 5 is left empty; then long strings.
for i in range(12):
    sheet.write(5 + i, 0, ('长文本%02d' % i) + '资助' * 900)
    sheet.write(5 + i, 1, ('latin-%02d-' % i) + 'abcdefghij' * 500)
book.save(os.path.join(here, 'cells.xls'))

# 3. A template whose first sheet is a hidden 字典 (the allowed values of a drop-down), as the
#    学籍 system's import templates have: the roster is the first sheet the user sees.
book = xlwt.Workbook(encoding='utf-8')
values = book.add_sheet('字典')
for r, v in enumerate(['小学', '初中', '普通高中']):
    values.write(r, 0, v)
values.visibility = 1
roster = book.add_sheet('学生名册')
roster.write(0, 0, '姓名')
roster.write(0, 1, '学段')
roster.write(1, 0, '张三')
roster.write(1, 1, '初中')
book.active_sheet = 1
roster.set_selected(True)
values.set_selected(False)
book.save(os.path.join(here, 'hidden-first.xls'))

# 4. A sheet of instructions first (visible), the roster second.
with open(os.path.join(root, 'examples', 'roster', 'roster-template.csv'), encoding='utf-8-sig') as f:
    rows = list(csv.reader(f))
book = xlwt.Workbook(encoding='utf-8')
notes = book.add_sheet('填表说明')
notes.write(0, 0, '填表说明')
notes.write(1, 0, '1. 身份证号请按文本格式填写。')
notes.write(2, 0, '2. 学段填 小学、初中、普通高中。')
roster = book.add_sheet('学生名册')
for r, row in enumerate(rows):
    for c, value in enumerate(row):
        if value:
            roster.write(r, c, value)
book.save(os.path.join(here, 'instructions-first.xls'))
