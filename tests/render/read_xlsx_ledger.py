#!/usr/bin/env python3
"""Reads a fazhi 整改台账 workbook back with openpyxl (what Excel/WPS users see) and prints it as JSON:
sheet names, the ledger's header and rows, its data validations (dropdowns), the cover sheet and the 已体现 sheet.
Used by tests/render/ledger_openpyxl_test.cc."""
import json
import sys

import openpyxl


def rows(ws):
    out = []
    for row in ws.iter_rows(values_only=True):
        out.append(["" if v is None else str(v) for v in row])
    return out


def main(path):
    wb = openpyxl.load_workbook(path)
    ledger = wb["整改台账"]
    table = rows(ledger)
    validations = []
    for dv in ledger.data_validations.dataValidation:
        validations.append({"type": dv.type, "sqref": str(dv.sqref), "formula1": dv.formula1,
                            "allow_blank": bool(dv.allow_blank), "show_error": bool(dv.showErrorMessage)})
    cover = {}
    for key, value, *_ in rows(wb["封面"]) + []:
        cover.setdefault(key, []).append(value)
    passed = rows(wb["已体现"])
    print(json.dumps({
        "sheets": wb.sheetnames,
        "active": wb.active.title,
        "header": table[0] if table else [],
        "rows": table[1:],
        "validations": validations,
        "cover": cover,
        "passed_header": passed[0] if passed else [],
        "passed_rows": len(passed) - 1,
        "all_rows": wb["全部结果"].max_row - 1,
        "all_packs": sorted({row[1] for row in rows(wb["全部结果"])[1:]}),
    }, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1])
