#!/usr/bin/env python3
"""Fills a fazhi 整改台账 as a district would, with openpyxl (what Excel/WPS save): 责任单位 and 整改时限 on every
ledger row (one 整改时限 typed as a date cell, the others as text), 状态 整改中; optionally another 发布主体 or 年度
on the cover. Then, with --dump, prints the sheet 上年问题整改情况 of a workbook fazhi track wrote, as JSON.
Used by tests/track/track_test.cc."""
import argparse
import datetime
import json
import sys

import openpyxl


def fill(args):
    wb = openpyxl.load_workbook(args.ledger)
    ws = wb["整改台账"]
    header = [c.value for c in ws[1]]
    col = {name: i + 1 for i, name in enumerate(header)}
    for r in range(2, ws.max_row + 1):
        if not ws.cell(r, col["规则编号"]).value:
            continue
        ws.cell(r, col["责任单位"]).value = "区司法局"
        ws.cell(r, col["状态"]).value = "整改中"
        if r == 2:  # a cell typed as a date, as Excel makes one
            ws.cell(r, col["整改时限"]).value = datetime.datetime.strptime(args.deadline, "%Y-%m-%d")
            ws.cell(r, col["整改时限"]).number_format = "yyyy-mm-dd"
        else:
            y, m, d = args.deadline.split("-")
            ws.cell(r, col["整改时限"]).value = "%s年%d月%d日" % (y, int(m), int(d))
    cover = wb["封面"]
    for row in cover.iter_rows():
        if row[0].value == "发布主体" and args.issuer:
            row[1].value = args.issuer
        if row[0].value == "年度" and args.year:
            row[1].value = args.year
    wb.save(args.out)


def dump(path):
    wb = openpyxl.load_workbook(path)
    out = {"sheets": wb.sheetnames, "rows": [], "ledger": []}
    for key, name in (("rows", "上年问题整改情况"), ("ledger", "整改台账")):
        for row in wb[name].iter_rows(values_only=True):
            out[key].append(["" if v is None else str(v) for v in row])
    print(json.dumps(out, ensure_ascii=False))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("ledger")
    p.add_argument("--out")
    p.add_argument("--deadline", default="2024-06-30")
    p.add_argument("--issuer")
    p.add_argument("--year")
    p.add_argument("--dump", action="store_true")
    args = p.parse_args()
    if args.dump:
        dump(args.ledger)
    else:
        fill(args)


if __name__ == "__main__":
    sys.exit(main())
