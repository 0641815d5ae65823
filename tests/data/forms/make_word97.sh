#!/usr/bin/env bash
# Regenerates the Word 97-2003 fixtures with LibreOffice, the way an office user makes them: the sample DOCX saved
# as .doc, the same with a password to open, an Excel sheet (an OLE file that is not a Word document) and a
# truncated .doc. The outputs are checked in, so the test suite does not
# need LibreOffice (fazhi itself reads .doc with antiword; see docs/formats.md).
# Needs (Debian 12): libreoffice-writer-nogui libreoffice-calc-nogui python3-uno.
# Usage: tests/data/forms/make_word97.sh
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
cd "$here"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The sample as a Word 97-2003 document, converted from the DOCX fixture (headings, title, paragraphs).
soffice --headless -env:UserInstallation=file://"$tmp/profile" --convert-to doc:"MS Word 97" --outdir "$tmp" \
  hongqiao.docx >/dev/null 2>&1
cp "$tmp/hongqiao.doc" hongqiao.doc
# Password to open ("secret"): an RC4-encrypted .doc.
/usr/bin/python3 lo_save.py hongqiao.docx encrypted.doc "MS Word 97" secret
# An Excel 97-2003 workbook (.xls): an OLE file without a WordDocument stream.
printf '项目,2019年,2020年\n行政复议,30,35\n行政诉讼,12,9\n' > "$tmp/table.csv"
/usr/bin/python3 lo_save.py "$tmp/table.csv" sheet.xls "MS Excel 97"
# A download cut short.
head -c 20000 hongqiao.doc > truncated.doc

ls -l hongqiao.doc encrypted.doc sheet.xls truncated.doc
