#!/bin/sh
# Rebuilds county-tasks-2022.xlsx from make_xlsx.c with libxlsxwriter (Debian package libxlsxwriter-dev).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cc -std=c99 -Wall -Wextra -O1 -o "$tmp/make_xlsx" "$here/make_xlsx.c" $(pkg-config --cflags --libs xlsxwriter)
"$tmp/make_xlsx" "$here/county-tasks-2022.xlsx"
echo "wrote $here/county-tasks-2022.xlsx"
