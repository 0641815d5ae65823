// The one table of user text (core/messages.h) and the small functions that fill it in.
#include "core/messages.h"

#include <algorithm>

#include "core/codes.h"
#include "core/lang.h"

namespace fazhi {

namespace {

// Sorted by id (Messages promises it; tests/core/messages_test.cc checks it, and that every entry has both
// languages with the same placeholders, every id engine/ uses is here and every diagnostic id names a known code).
// {id, 中文, English, 提示（中文）, hint (English)}
constexpr MessageEntry kMessages[] = {
    {"E-bad-condition", "判定条件要写成只有一个检查类型作键的映射", "a condition is a map with exactly one check type as its key", "例如 `mention: {any: [...]}`；检查类型：all、any、date、mention、metric、not、regex、section", "e.g. `mention: {any: [...]}`; types: all, any, date, mention, metric, not, regex, section"},
    {"E-bad-id", "规则编号 `{0}` 只能用字母、数字和 . _ -", "rule id `{0}` may use only letters, digits, . _ -", "编号是约定：报告、豁免清单和整改台账都靠它引用规则", "ids are a contract: reports, waivers and ledgers refer to them"},
    {"E-bad-regex", "正则表达式无效：{0}", "invalid regular expression: {0}", "用 RE2 语法：不支持反向引用和环视", "RE2 syntax: no backreferences or lookaround"},
    {"E-bad-value.context", "`context` 只能是 0 到 5（向后看的句数）", "`context` must be 0 to 5 following sentences"},
    {"E-bad-value.deadline", "期限 `{0}` 的写法应为 +N-MM-DD", "deadline `{0}` is not of the form +N-MM-DD", "例如 \"+1-04-01\" 表示所报告年度的次年 4 月 1 日", "e.g. \"+1-04-01\" = 1 April of the year after the covered year"},
    {"E-bad-value.enum", "`{0}` 只能取以下值之一：{1}", "`{0}` must be one of: {1}"},
    {"E-bad-value.enum-near", "`{0}` 只能取以下值之一：{1}", "`{0}` must be one of: {1}", "您是不是想写 `{2}`？", "did you mean `{2}`?"},
    {"E-bad-value.label", "每个标签是一个短语，说出它那一组词的意思", "each label is a short phrase naming its term group", "例如 向社会公布——理由会写成“写明了…，未写明向社会公布”", "e.g. 向社会公布 — it reads “写明了…，未写明向社会公布”"},
    {"E-bad-value.labels-count", "`labels` 要每组词一个标签（共 {0} 个：先 `any`，再 `all` 的每一组）", "`labels` needs one label per term group ({0}: `any` first, then each group of `all`)", "例如 all: [[决策事项目录], [公布, 公开]] 配 labels: [目录的编制, 向社会公布]", "e.g. all: [[决策事项目录], [公布, 公开]] with labels: [目录的编制, 向社会公布]"},
    {"E-bad-value.level", "不认识的发文层级 `{0}`", "unknown issuer level `{0}`", "可用的层级：{1}", "levels: {1}"},
    {"E-bad-value.level-near", "不认识的发文层级 `{0}`", "unknown issuer level `{0}`", "您是不是想写 `{1}`？", "did you mean `{1}`?"},
    {"E-bad-value.levels-empty", "`levels` 是空的", "`levels` is empty", "列出规则适用的层级，或者去掉 `levels`", "list the levels the rule applies to, or leave `levels` out"},
    {"E-bad-value.min", "`min` 至少是 1", "`min` must be at least 1"},
    {"E-bad-value.near-one-group", "`near` 要求 `all` 里至少有两组词", "`near` needs at least two term groups in `all`", "例如 all: [[移送], [公安机关, 公安部门]] 配 near: 15——只有一组词时无所谓远近", "e.g. all: [[移送], [公安机关, 公安部门]] with near: 15 — with one group there is nothing to be near"},
    {"E-bad-value.near-range", "`near` 只能是 0 到 {0} 个字", "`near` must be 0 to {0} characters", "near 是 `all` 的各组词之间最多相隔的字数；0 表示在范围内任意位置", "near is how far apart the term groups of `all` may be; 0 = anywhere in the scope"},
    {"E-bad-value.partial", "scoring.partial 要在 0 到 1 之间", "scoring.partial must be between 0 and 1"},
    {"E-bad-value.use", "`use` 的各项只能是 `published`（发布日期）或 `signed`（落款日期），不能是 `{0}`", "`use` items must be `published` or `signed`, not `{0}`"},
    {"E-bad-value.weight", "`weight` 不能是负数", "`weight` must not be negative"},
    {"E-bad-value.years", "`years` 要写成 [起始年, 结束年] 或 [年份]", "`years` is [first, last] or [year]", "例如 years: [2015, 2020]", "e.g. years: [2015, 2020]"},
    {"E-curly-vocabulary", "词表引用 {0} 用了中文引号{1}{2}，会被当成一个普通的词，永远匹配不到", "the vocabulary reference {0} is in curly quotes {1}{2}: it becomes a plain term that never matches", "去掉引号写 `{0}`，或用半角引号：`\"{0}\"`", "drop the quotes (`{0}`) or use straight quotes: `\"{0}\"`"},
    {"E-duplicate-id", "规则编号 `{0}` 重复", "duplicate rule id `{0}`", "第一次定义在 {1}:{2}", "first defined at {1}:{2}"},
    {"E-duplicate-key", "同一个映射里键 `{0}` 写了两次", "key `{0}` appears twice in the same map", "第一个在第 {1} 行；只保留其中一个", "the first one is at line {1}; keep one of them"},
    {"E-empty-file", "规则文件是空的", "the rule file is empty"},
    {"E-empty-term", "{0}：有一个空词", "{0}: empty term"},
    {"E-empty-terms.list", "{0}：列表是空的", "{0}: the list is empty"},
    {"E-empty-terms.terms", "{0}：词表是空的", "{0}: the term list is empty"},
    {"E-encoding", "文件不是 UTF-8，也不能确定是 GBK/GB18030 或 UTF-16，不予读取，以免读成乱码", "the file is not UTF-8 and its encoding is not certain (GBK/GB18030 or UTF-16?): not read, to avoid mojibake", "请用编辑器把文件另存为 UTF-8", "save the file as UTF-8 in an editor"},
    {"E-encoding.guess", "文件不是 UTF-8，也不能确定是 GBK/GB18030 或 UTF-16（猜测为 {0}），不予读取，以免读成乱码", "the file is not UTF-8 and its encoding is not certain (perhaps {0}): not read, to avoid mojibake", "请用编辑器把文件另存为 UTF-8", "save the file as UTF-8 in an editor"},
    {"E-example", "例子期望 `{0}`，但规则 `{1}` 判为 `{2}`（{3}）", "example expects `{0}` but rule `{1}` gives `{2}` ({3})"},
    {"E-fullwidth-bracket.flow-brace", "用了全角花括号“｛”“｝”；YAML 只认半角括号", "full-width braces “｛” “｝” in a flow collection; YAML takes only half-width brackets", "改成半角花括号 `{` `}`", "use half-width braces `{` `}`"},
    {"E-fullwidth-bracket.flow-bracket", "用了全角方括号“［”“］”；YAML 只认半角括号", "full-width brackets “［” “］” in a flow collection; YAML takes only half-width brackets", "改成半角方括号 `[` `]`", "use half-width brackets `[` `]`"},
    {"E-fullwidth-bracket.open-brace", "映射用了全角花括号“｛”；YAML 只认半角括号", "a full-width brace “｛” opens a map; YAML takes only half-width brackets", "改成半角花括号：`{键: 值}`", "use half-width braces: `{key: value}`"},
    {"E-fullwidth-bracket.open-bracket", "列表用了全角方括号“［”；YAML 只认半角括号", "a full-width bracket “［” opens a list; YAML takes only half-width brackets", "改成半角方括号：`[词一, 词二]`", "use half-width brackets: `[term1, term2]`"},
    {"E-fullwidth-colon", "键 `{0}` 后面用了全角冒号“：”；YAML 只认半角冒号", "a full-width colon “：” after the key `{0}`; YAML takes only a half-width colon", "改成半角冒号加空格：`{0}: …`", "type a half-width colon and a space: `{0}: …`"},
    {"E-fullwidth-dash", "列表项用了全角连字符“－”；YAML 的列表项以半角“- ”开头", "a full-width dash “－” as a list item mark; a YAML list item starts with a half-width “- ”", "改成半角减号加空格：`- `", "type a half-width minus and a space: `- `"},
    {"E-fullwidth-space", "缩进里有全角空格“　”；YAML 只认半角空格缩进", "a full-width space “　” in the indentation; YAML indents with half-width spaces only", "把全角空格换成半角空格（切换到英文输入法再按空格）", "replace it with half-width spaces (switch the input method to English, then press space)"},
    {"E-indentation.deeper", "键 `{0}` 比上一行的键 `{1}`（第 {2} 行）多缩进了 {3} 格，而 `{1}` 在同一行已经有值", "key `{0}` is indented {3} columns deeper than the key `{1}` above it (line {2}), which already has a value on its line", "同级的键要对齐：把 `{0}` 缩进 {4} 个空格；若它属于 `{1}`，就把 `{1}` 的值挪到下面几行", "keys of one level align: indent `{0}` by {4} spaces; if it belongs to `{1}`, move the value of `{1}` to the lines below"},
    {"E-indentation.misaligned", "键 `{0}` 没有对齐：它在第 {1} 列，同级的键 `{2}`（第 {3} 行）在第 {4} 列", "key `{0}` is misaligned: it is at column {1}, its sibling `{2}` (line {3}) at column {4}", "与 `{2}` 同级就缩进 {5} 个空格", "to be a sibling of `{2}`, indent it by {5} spaces"},
    {"E-indentation.misaligned-parent", "键 `{0}` 没有对齐：它在第 {1} 列，同级的键 `{2}`（第 {3} 行）在第 {4} 列，上一级的键 `{6}`（第 {7} 行）在第 {8} 列", "key `{0}` is misaligned: it is at column {1}, its sibling `{2}` (line {3}) at column {4}, the parent key `{6}` (line {7}) at column {8}", "与 `{2}` 同级就缩进 {5} 个空格；属于更上一级就缩进 {9} 个空格", "to be a sibling of `{2}`, indent it by {5} spaces; to belong one level up, by {9} spaces"},
    {"E-labels-format.args-date", "`# args:` 行的 --published {0} 不是日期（YYYY-MM-DD）", "`# args:` --published {0} is not a date (YYYY-MM-DD)", "写成年-月-日，如 --published 2024-03-28", "write year-month-day, e.g. --published 2024-03-28"},
    {"E-labels-format.args-flag", "`# args:` 行的 {0} 不是 fazhi eval 认识的选项", "`# args:` flag {0} is not one fazhi eval understands", "可用：--year、--level、--issuer、--published", "use --year, --level, --issuer or --published"},
    {"E-labels-format.args-level", "`# args:` 行的 --level {0} 不是已知的层级", "`# args:` --level {0} is not a level", "可用：{1}（或对应的中文，如 市、区）", "use one of {1} (or its Chinese name, e.g. 市, 区)"},
    {"E-labels-format.args-no-value", "`# args:` 行的 {0} 后面没有取值", "`# args:` flag {0} has no value", "在选项后写上值，如 --year 2023", "write the value after the flag, e.g. --year 2023"},
    {"E-labels-format.args-year", "`# args:` 行的 --year {0} 不是年份", "`# args:` --year {0} is not a year", "写 1990–2100 之间的四位年份，如 --year 2023", "write a four-digit year from 1990 to 2100, e.g. --year 2023"},
    {"E-labels-format.empty", "文件里没有任何标注的规则", "no labelled rule", "每条规则一行，各列用 Tab 分隔：规则编号、结论、证据、备注", "one line per rule, columns separated by tabs: rule, verdict, evidence, note"},
    {"E-labels-format.no-report", "没有 `# report:` 行说明这些标注对应哪份报告", "no `# report:` line naming the report these labels are about", "在文件开头加一行 `# report: 报告文件的路径`", "add a line `# report: PATH-OF-THE-REPORT` at the top"},
    {"E-labels-format.no-verdict", "`{0}` 这一行没有结论", "the row for `{0}` has no verdict", "各列用 Tab 分隔：规则编号、结论、证据、备注；用空格隔开的不算", "columns are separated by tabs (not spaces): rule, verdict, evidence, note"},
    {"E-labels-format.twice", "规则 {0} 标注了两次", "rule {0} is labelled twice", "每条规则只留一行", "keep one line per rule"},
    {"E-labels-format.verdict", "`{1}` 的结论“{0}”不认识", "unknown gold verdict `{0}` for {1}", "可用：符合、部分符合、不符合、不适用、无法判断（或 pass、partial、fail、not_applicable、not_checkable）", "use pass, partial, fail, not_applicable, not_checkable (or 符合, 部分符合, 不符合, 不适用, 无法判断)"},
    {"E-labels-read.no-tsv", "文件夹里没有标注文件（*.tsv）", "the folder holds no labels file (*.tsv)", "标注文件的扩展名要是 .tsv；也可以直接给出文件路径", "labels files end in .tsv; or name the file itself"},
    {"E-ledger-columns.no-rule", "工作表“{2}”中找不到表头“{0}”（第一行是：{1}）", "the sheet `{2}` has no header `{0}` (its first row: {1})", "请使用 fazhi 导出的整改台账（fazhi check -f xlsx），列名不要改动（顺序可以调整）", "use the 台账 fazhi wrote (fazhi check -f xlsx) and keep its column names (their order may change)"},
    {"E-ledger-columns.no-rule-csv", "CSV 中找不到表头“{0}”（第一行是：{1}）", "the CSV has no header `{0}` (its first row: {1})", "请使用 fazhi 导出的整改台账（fazhi check -f csv），列名不要改动（顺序可以调整）", "use the 台账 fazhi wrote (fazhi check -f csv) and keep its column names (their order may change)"},
    {"E-ledger-columns.no-status", "表头中既没有“{0}”也没有“{1}”，无法读取豁免和复核结论（表头是：{2}）", "the header has neither `{0}` nor `{1}`, so no waiver or review can be read (the header: {2})", "加上“{0}”列（待整改、整改中、已整改、申请豁免）或“{1}”列（同意、误判-应为符合……）", "add a `{0}` column (待整改, 整改中, 已整改, 申请豁免) or a `{1}` column (同意, 误判-应为符合, …)"},
    {"E-ledger-csv.quotes", "引号不配对：第 {0} 行开始的带引号单元格一直没有结束", "unbalanced quotes: the quoted cell that starts on line {0} is never closed", "单元格里的英文双引号 \" 要写成两个 \"\"；或在 Excel/WPS 中打开后重新另存为 CSV", "a \" inside a cell must be written \"\"; or open the file in Excel/WPS and save it as CSV again"},
    {"E-ledger-empty.file", "文件是空的，没有可导入的表格", "the file is empty: no table to import"},
    {"E-ledger-empty.no-data", "表头（第 {0} 行）下面没有数据行", "no data rows under the header on row {0}", "每项要求占一行，写在表头下面", "write one requirement per row under the header"},
    {"E-ledger-empty.rows", "文件中没有非空的行", "the file has no non-empty rows"},
    {"E-ledger-empty.sheet", "工作表“{0}”里没有任何单元格", "the sheet `{0}` has no cells", "台账要放在工作簿的第一个工作表里", "put the ledger on the workbook's first sheet"},
    {"E-ledger-format.binary", "看起来不是 CSV 文本表格（含二进制数据）", "does not look like a CSV text table (binary data)", "在 Excel/WPS 中另存为“CSV UTF-8（逗号分隔）”或 .xlsx", "save the ledger from Excel/WPS as CSV UTF-8 (comma delimited) or as .xlsx"},
    {"E-ledger-format.xls", "无法读取 Excel 97-2003 工作簿（.xls）", "an Excel 97-2003 (.xls) workbook cannot be read", "在 Excel/WPS 中另存为 .xlsx 或 CSV（UTF-8）", "save it from Excel/WPS as .xlsx or as CSV (UTF-8)"},
    {"E-ledger-format.zip-name", "文件是 ZIP 压缩包（可能是 XLSX），但扩展名是 {0}", "the file is a ZIP archive (an XLSX?) but is named {0}", "如果是 Excel 工作簿，把扩展名改成 .xlsx", "if it is an Excel workbook, rename it to .xlsx"},
    {"E-ledger-header", "前 {0} 行中找不到“要求”列，也没有认出任何已知的列名", "no requirement column found in the first {0} rows, and no known column name at all", "表头行要有一列叫 具体要求、工作要求、整改措施（或 requirement、measures），每行写一项要求；可识别的列名见 docs/ledgers.md 一、准备台账表格", "the header row needs a column named 具体要求, 工作要求, 整改措施 (or requirement, measures) with one requirement per row; docs/ledgers.md lists the column names fazhi knows"},
    {"E-ledger-header.seen", "前 {0} 行中找不到“要求”列（第 {2} 行认出了：{1}）", "no requirement column found in the first {0} rows (recognised on row {2}: {1})", "在第 {2} 行加一列（或把写要求的那一列改名为）具体要求、工作要求、整改措施、requirement 或 measures", "on row {2}, add a column (or rename the one holding the requirements) 具体要求, 工作要求, 整改措施, requirement or measures"},
    {"E-ledger-limit.csv-cell", "第 {0} 条记录中有一个单元格超过 {1} 字节（限制 max_cell_bytes）", "a cell in record {0} is longer than {1} bytes (limit max_cell_bytes)", "缩短这个单元格；如果是引号没有配对把后面的行都吞进了一个单元格，把单元格里的 \" 写成 \"\"", "shorten the cell; if an unclosed quote swallowed the following rows, write each \" inside a cell as \"\""},
    {"E-ledger-limit.csv-columns", "第 {0} 条记录超过 {1} 个单元格（限制 max_columns）", "record {0} has more than {1} cells (limit max_columns)", "检查分隔符：每行的列数应与表头相同", "check the delimiters: every row should have as many cells as the header"},
    {"E-ledger-limit.file", "文件有 {0} 字节，超过限制 max_file_bytes（{1}）", "the file is {0} bytes, over the limit max_file_bytes ({1})", "把台账拆成几个文件分别导入，或删掉图片等与要求无关的内容", "split the ledger into several files, or remove pictures and other content that is not a requirement"},
    {"E-ledger-limit.merged", "工作表“{0}”的合并单元格展开后超过限制 max_merged_cells（{2} 个单元格）或 max_merged_bytes（{3} 字节），在合并区域 {1} 处", "merged ranges on the sheet `{0}` would fill more than max_merged_cells ({2} cells) or max_merged_bytes ({3} bytes), at the merged range {1}", "在 Excel/WPS 中选中 {1}，取消单元格合并后再导入", "select {1} in Excel/WPS, unmerge the cells and import again"},
    {"E-ledger-limit.rows", "表格超过 {0} 行（限制 max_rows）", "the table has more than {0} rows (limit max_rows)", "把台账拆成几个文件分别导入", "split the ledger into several files and import each"},
    {"E-ledger-limit.xlsx-cell", "工作表“{0}”第 {1} 行有一个单元格超过 {2} 字节（限制 max_cell_bytes）", "a cell in row {1} of the sheet `{0}` is longer than {2} bytes (limit max_cell_bytes)", "缩短这个单元格，或把长文字拆到几行", "shorten the cell, or split its text over several rows"},
    {"E-ledger-memory", "读取台账时内存不足，请拆分台账", "out of memory while reading the ledger: split it"},
    {"E-ledger-read.error", "读不了台账：{0}", "cannot read the ledger: {0}", "检查文件的读取权限", "check that the file may be read"},
    {"E-ledger-read.missing", "读不了台账：文件不存在", "cannot read the ledger: no such file", "检查路径和文件名（可以把文件拖进命令行窗口）", "check the path and the file name (you can drag the file into the terminal window)"},
    {"E-ledger-read.open", "打不开台账", "cannot open the ledger for reading", "文件可能正在 Excel/WPS 中打开或没有读取权限：关闭后重试", "the file may be open in Excel/WPS or unreadable: close it and try again"},
    {"E-ledger-sheet", "工作簿中没有名为“{0}”的工作表（现有：{1}）", "the workbook has no sheet named `{0}` (it has: {1})"},
    {"E-ledger-write", "规则包文件写不了：{0}", "cannot write the rule pack file: {0}", "检查 --out 文件夹是否可写、磁盘是否已满", "check that the --out folder is writable and the disk is not full"},
    {"E-ledger-write.folder", "无法创建文件夹：{0}", "cannot create the folder: {0}", "检查 --out 的路径和权限", "check the --out path and its permissions"},
    {"E-ledger-xlsx.no-sheet", "工作簿中没有工作表", "the workbook has no sheet", "在 Excel/WPS 中打开，确认台账在第一个工作表里，再另存为 .xlsx", "open it in Excel/WPS, check the ledger is on the first sheet and save it as .xlsx again"},
    {"E-ledger-xlsx.no-workbook", "不是 Excel 工作簿：缺少 xl/workbook.xml", "not an Excel workbook: xl/workbook.xml is missing", "在 Excel/WPS 中打开后另存为 .xlsx，或另存为 CSV（UTF-8）", "open it in Excel/WPS and save it as .xlsx, or as CSV (UTF-8)"},
    {"E-ledger-xlsx.sheet-part", "工作表“{0}”的内容（{1}）在 XLSX 中缺失", "the sheet `{0}` ({1}) is missing from the XLSX", "文件可能已损坏：在 Excel/WPS 中打开后重新另存为 .xlsx", "the file may be damaged: open it in Excel/WPS and save it as .xlsx again"},
    {"E-missing-key", "{0} 缺少 `{1}`", "{0} needs `{1}`"},
    {"E-missing-key.mention", "mention 需要 `any` 或 `all`", "mention needs `any` or `all`", "没有词的 mention 永远匹配不到", "a mention without terms can never match"},
    {"E-missing-key.section", "section 需要 `role` 或 `heading`", "section needs `role` or `heading`", "两者都没有的 section 检查永远匹配不到", "a section check without either never matches"},
    {"E-never-fails", "规则 `{0}` 永远不会判为不符合", "rule `{0}` can never produce fail", "它的条件总是成立，这条规则什么也证明不了", "its condition always holds, so the rule proves nothing"},
    {"E-never-matches.metric", "metric 的 `min` 大于 `max`", "metric `min` is greater than `max`", "没有数字能同时满足两者", "no number can satisfy both"},
    {"E-never-matches.role", "章节角色 `{0}` 同时写在 `in` 和 `not_in` 里", "role `{0}` is both in `in` and `not_in`", "这个 mention 永远匹配不到", "this mention can never match"},
    {"E-never-passes", "规则 `{0}` 永远不会判为符合或部分符合", "rule `{0}` can never produce pass or partial", "它的条件永远不会成立", "its condition can never hold"},
    {"E-no-check", "规则 `{0}` 没有 `check`（也没有标记 `not_checkable`）", "rule `{0}` has no `check` (and is not marked `not_checkable`)", "加上 `check:`，或写 `not_checkable: \"原因\"`", "add `check:` or `not_checkable: \"reason\"`"},
    {"E-no-rules", "规则目录不存在", "rules directory not found"},
    {"E-output-write.stdout", "写入标准输出失败：{0}", "cannot write to standard output: {0}"},
    {"E-profile-same-as.single", "same_as 组只有一条规则，不构成等同关系", "a same_as group with one rule makes nothing equal", "一组至少写两条规则，如 [outline-2015/13, ledger-100/024]", "a group names two or more rules: [outline-2015/13, ledger-100/024]"},
    {"E-profile-same-as.twice", "规则 `{0}` 出现在两个 same_as 组中（第 {1} 行和第 {2} 行）", "rule `{0}` is in two same_as groups (lines {1} and {2})", "把这两组合并成一组", "merge the two groups into one"},
    {"E-profile-unknown-pack", "督察口径选用的规则包 `{0}` 未加载", "the profile chooses the pack `{0}`, which is not loaded", "运行 fazhi rules list 查看已加载的规则包；自己的规则包用 --rules 文件夹 加载", "fazhi rules list shows the loaded packs; load your own with --rules DIR"},
    {"E-profile-unknown-pack.near", "督察口径选用的规则包 `{0}` 未加载", "the profile chooses the pack `{0}`, which is not loaded", "您是不是想写 `{1}`？", "did you mean `{1}`?"},
    {"E-profile-unknown-rule", "same_as 中的规则 `{0}` 不存在", "the rule `{0}` in same_as does not exist", "规则编号写成 规则包/编号；fazhi rules list 列出全部规则", "write rule ids as pack/id; fazhi rules list lists every rule"},
    {"E-profile-unknown-rule.near", "same_as 中的规则 `{0}` 不存在", "the rule `{0}` in same_as does not exist", "您是不是想写 `{1}`？", "did you mean `{1}`?"},
    {"E-profile.level", "督察口径文件：不认识的层级 `{0}`", "audit profile: unknown level `{0}`", "可用：{1}，或中文 省、市、区、县、乡镇、街道、部门、其他", "use one of {1}, or the Chinese 省, 市, 区, 县, 乡镇, 街道, 部门, 其他"},
    {"E-profile.level-near", "督察口径文件：不认识的层级 `{0}`", "audit profile: unknown level `{0}`", "您是不是想写 `{1}`？", "did you mean `{1}`?"},
    {"E-profile.levels", "督察口径文件：`levels` 要写成层级的列表", "audit profile: `levels` must be a list of issuer levels", "例如 levels: [city, district]", "e.g. levels: [city, district]"},
    {"E-profile.no-name", "督察口径文件缺少 `profile: 名称`（封面上显示的口径名称）", "audit profile: `profile: NAME` is missing (the name the cover sheet shows)", "在文件开头加一行，如 profile: 2024 年度督察口径", "add a line at the top, e.g. profile: 2024 年度督察口径"},
    {"E-profile.pack-entry", "督察口径文件：`packs` 的每一项是规则包编号，或 {pack: 编号, years: [起, 止], levels: […]}", "audit profile: each entry of `packs` is a pack id or {pack: ID, years: [FROM, TO], levels: […]}", "例如 - pack: outline-2021 换行缩进写 years: [2021, 2025]", "e.g. - pack: outline-2021, then years: [2021, 2025] indented below it"},
    {"E-profile.pack-id", "督察口径文件：规则包条目缺少 `pack: 编号`", "audit profile: a pack entry needs `pack: ID`", "例如 - pack: outline-2021", "e.g. - pack: outline-2021"},
    {"E-profile.pack-key", "督察口径文件：规则包条目中不认识的键 `{0}`", "audit profile: unknown key `{0}` in a pack entry", "可用：pack、years、levels", "use pack, years or levels"},
    {"E-profile.packs", "督察口径文件：`packs` 要写成列表", "audit profile: `packs` must be a list", "例如 packs: [outline-2021, ledger-100]", "e.g. packs: [outline-2021, ledger-100]"},
    {"E-profile.root", "督察口径文件要写成含 `profile`、`packs`、`same_as` 的映射", "audit profile: expected a map with `profile`, `packs` and `same_as`", "每个键单独一行，键后写半角冒号加空格，如 profile: 2024 年度督察口径", "one key per line with a colon and a space, e.g. profile: 2024 audit"},
    {"E-profile.rule-id", "督察口径文件：规则编号 `{0}` 要写成 规则包/编号", "audit profile: the rule id `{0}` must be written <pack>/<id>", "例如 ledger-100/024", "e.g. ledger-100/024"},
    {"E-profile.same-as", "督察口径文件：`same_as` 要写成规则组的列表", "audit profile: `same_as` must be a list of groups", "例如 same_as: 换行后 - [outline-2015/13, ledger-100/024]", "e.g. same_as: with - [outline-2015/13, ledger-100/024] on the next line"},
    {"E-profile.same-as-group", "督察口径文件：`same_as` 的每一组是规则编号的列表", "audit profile: each `same_as` group is a list of rule ids", "例如 - [outline-2015/13, ledger-100/024]", "e.g. - [outline-2015/13, ledger-100/024]"},
    {"E-profile.top-key", "督察口径文件：不认识的顶层键 `{0}`", "audit profile: unknown top-level key `{0}`", "可用：profile、packs、same_as", "use profile, packs or same_as"},
    {"E-profile.yaml", "督察口径文件不是有效的 YAML：{0}", "audit profile: not valid YAML: {0}", "检查这一行的缩进和冒号（半角“: ”）", "check this line's indentation and colons (\": \")"},
    {"E-profile.year", "督察口径文件：`{0}` 不是年份", "audit profile: `{0}` is not a year", "写 1949–2100 之间的四位年份，如 2021", "write a four-digit year from 1949 to 2100, e.g. 2021"},
    {"E-profile.years", "督察口径文件：`years` 要写成 [起, 止]", "audit profile: `years` must be [FROM, TO]", "例如 years: [2021, 2025]", "e.g. years: [2021, 2025]"},
    {"E-profile.years-order", "督察口径文件：`years` 的起年 {0} 晚于止年 {1}", "audit profile: in `years` the first year {0} is after the last {1}", "写成 [起, 止]，如 [{1}, {0}]", "write [FROM, TO], e.g. [{1}, {0}]"},
    {"E-regex-empty-match", "这个正则表达式能匹配空字符串", "the pattern matches the empty string", "那样它处处都能匹配", "it would match everywhere"},
    {"E-regex-too-large", "正则表达式太大（编译后大小 {0}，超过限制 max_regex_program {1}）", "regular expression too large (program size {0} > limit max_regex_program {1})"},
    {"E-symlink-outside", "规则文件是指向规则包文件夹以外的符号链接，不予读取", "the rule file is a symbolic link out of the pack folder: not followed", "请把文件复制到规则包里", "copy the file into the pack"},
    {"E-tab", "缩进里有制表符（Tab）；YAML 只认空格缩进", "a tab in the indentation; YAML indents with spaces only", "把 Tab 换成空格（同级的键用同样多的空格）；编辑器里可设置“按 Tab 键插入空格”", "replace the tab with spaces (keys of one level take the same number); most editors can insert spaces for the Tab key"},
    {"E-too-deep", "YAML 嵌套超过限制 max_yaml_depth（{0} 层）", "YAML nesting deeper than the limit max_yaml_depth ({0})"},
    {"E-too-large.rule-file", "规则文件超过限制 max_rule_file_bytes（{0} 字节）", "rule file larger than the limit max_rule_file_bytes ({0} bytes)"},
    {"E-too-many-files", "规则文件数超过限制 max_rule_files（{0} 个）", "more rule files than the limit max_rule_files ({0})"},
    {"E-too-many-terms.list", "{0}：展开 @词表 后超过 {1} 个词，超过限制 max_list_terms", "{0}: more than {1} terms after expanding @vocabularies, over the limit max_list_terms", "把列表拆开，或不要用大词表拼成新的大词表", "split the list, or do not build vocabularies out of other large vocabularies"},
    {"E-too-many-terms.total", "全部规则文件展开后超过 {0} 个词，超过限制 max_total_terms", "the rule files expand to more than {0} terms in all, over the limit max_total_terms", "大词表在许多规则里重复使用：改用更少、更小的词表", "large vocabularies are repeated in many rules: use fewer, smaller ones"},
    {"E-track-mismatch", "{0}（上年台账）与 {1}（本年报告）：{2}。整改销号的结论会误导，未作核对；如确需核对，请加 --force（各输出将注明）", "{0} (last year's ledger) and {1} (this year's report): {2}. Tracking them would mislead, so nothing was tracked; add --force to track anyway (every output says so)"},
    {"E-track-report", "{0}：{1}", "{0}: {1}"},
    {"E-track-report.not-checkable", "{0}：无法核查，因此无法整改销号：{1}", "{0}: cannot be checked, so nothing can be tracked: {1}"},
    {"E-track-usage.args", "fazhi track 需要两个参数：上年台账.xlsx 本年报告（fazhi track --help 有说明）", "fazhi track needs two arguments: LEDGER.xlsx REPORT (see fazhi track --help)"},
    {"E-track-usage.format", "-f {0}：fazhi track 的格式只有 text 和 json", "-f {0}: fazhi track writes only text and json"},
    {"E-track-usage.input-is-output", "输出文件 {0} 就是输入文件 {1}：拒绝覆盖输入", "the output file {0} is the input {1}: refused, an input is never overwritten"},
    {"E-track-usage.mkdir", "{0}：无法创建文件夹：{1}", "{0}: cannot create the folder: {1}"},
    {"E-track-usage.today", "--today {0} 不是日期（YYYY-MM-DD）", "--today {0} is not a date (YYYY-MM-DD)"},
    {"E-track-usage.write", "无法写出输出文件：{0}", "cannot write the output file: {0}"},
    {"E-type.conditions", "`{0}` 需要一个非空的条件列表", "`{0}` needs a non-empty list of conditions"},
    {"E-type.examples", "`examples` 必须是列表", "`examples` must be a list"},
    {"E-type.field", "{1} 中的 `{0}` 必须是{2}", "`{0}` in {1} must be {2}"},
    {"E-type.map", "`{0}` 应该是映射（键: 值）", "expected a map for `{0}`"},
    {"E-type.metric", "metric 的 `{0}` 必须是数字或 \"@设置项\"", "metric `{0}` must be a number or \"@setting\""},
    {"E-type.roles", "`{0}` 必须是章节角色的列表", "`{0}` must be a list of section roles"},
    {"E-type.term", "{0}：每个词都必须是文字", "{0}: each term must be a string"},
    {"E-type.term-groups", "{0}：应为列表（每项是一个词、@词表，或一组可替换的词）", "{0}: expected a list (each item a term, @vocabulary or a list of alternatives)"},
    {"E-type.terms", "{0}：应为一个词或词的列表", "{0}: expected a term or a list of terms"},
    {"E-type.years", "`years` 的各项必须是年份，如 2015", "`years` items must be years like 2015"},
    {"E-unknown-check", "不认识的检查类型 `{0}`", "unknown check type `{0}`", "检查类型：all、any、date、mention、metric、not、regex、section", "types: all, any, date, mention, metric, not, regex, section"},
    {"E-unknown-check.near", "不认识的检查类型 `{0}`", "unknown check type `{0}`", "您是不是想写 `{1}`？", "did you mean `{1}`?"},
    {"E-unknown-key", "{1} 中有不认识的键 `{0}`", "unknown key `{0}` in {1}", "可用的键见 docs/rules.md", "allowed: see docs/rules.md"},
    {"E-unknown-key.near", "{1} 中有不认识的键 `{0}`", "unknown key `{0}` in {1}", "您是不是想写 `{2}`？", "did you mean `{2}`?"},
    {"E-unknown-pack", "规则目录中没有规则包 `{0}`", "no pack `{0}` in the rules directories"},
    {"E-unknown-role", "不认识的章节角色 `{0}`", "unknown section role `{0}`", "章节角色：title, preamble, measures, first_responsible, shortcomings, causes, plan, rectification, closing, boilerplate", "roles: title, preamble, measures, first_responsible, shortcomings, causes, plan, rectification, closing, boilerplate"},
    {"E-unknown-role.in", "`{1}` 中有不认识的章节角色 `{0}`", "unknown section role `{0}` in `{1}`", "章节角色：title, preamble, measures, first_responsible, shortcomings, causes, plan, rectification, closing, boilerplate", "roles: title, preamble, measures, first_responsible, shortcomings, causes, plan, rectification, closing, boilerplate"},
    {"E-unknown-role.in-near", "`{1}` 中有不认识的章节角色 `{0}`", "unknown section role `{0}` in `{1}`", "您是不是想写 `{2}`？", "did you mean `{2}`?"},
    {"E-unknown-setting", "规则包没有设置项 `{0}`", "unknown pack setting `{0}`", "在 pack.yaml 的 `settings:` 下定义它", "define it under `settings:` in pack.yaml"},
    {"E-unknown-vocabulary", "{0}：不认识的词表 `{1}`", "{0}: unknown vocabulary `{1}`", "在 pack.yaml 的 `vocabularies:` 下定义它", "define it under `vocabularies:` in pack.yaml"},
    {"E-unknown-vocabulary.near", "{0}：不认识的词表 `{1}`", "{0}: unknown vocabulary `{1}`", "您是不是想写 `@{2}`？", "did you mean `@{2}`?"},
    {"E-unreadable.labels-folder", "标注文件夹读不了：{0}", "the labels folder cannot be read: {0}", "检查文件夹的路径和读取权限", "check the folder's path and permissions"},
    {"E-unreadable.rule-file", "规则文件无法读取", "cannot read the rule file"},
    {"E-waiver.date", "`{0}: {1}` 不是日期", "`{0}: {1}` is not a date", "写成年-月-日（YYYY-MM-DD），如 {0}: 2025-03-01", "write year-month-day (YYYY-MM-DD), e.g. {0}: 2025-03-01"},
    {"E-waiver.empty-value", "`{0}` 不能为空", "`{0}` must be a non-empty string", "在 `{0}:` 后面写上内容", "write something after `{0}:`"},
    {"E-waiver.entry", "每条豁免要写成含 rule、reason、approver、date 的映射", "each waiver must be a map with rule, reason, approver and date", "例如 - rule: outline-2015/13，下面缩进写 reason、approver、date", "e.g. - rule: outline-2015/13 with reason, approver and date indented below"},
    {"E-waiver.list", "豁免文件应为豁免的列表", "expected a list of waivers", "写成 `waivers:`，下面每条以 `- rule: …` 开头", "write `waivers:` followed by `- rule: …` entries"},
    {"E-waiver.missing-key", "豁免缺少 `{0}`", "waiver is missing `{0}`", "每条豁免都要写 rule、reason、approver、date", "every waiver needs rule, reason, approver and date"},
    {"E-waiver.top-key", "豁免文件中不认识的顶层键 `{0}`", "unknown top-level key `{0}`", "豁免文件只有一个键：`waivers`", "a waiver file has one key, `waivers`"},
    {"E-waiver.unknown-key", "豁免中不认识的键 `{0}`", "unknown key `{0}` in a waiver", "可用：rule、reason、approver、date、expires、issuer、years", "use rule, reason, approver, date, expires, issuer or years"},
    {"E-waiver.unknown-key-near", "豁免中不认识的键 `{0}`", "unknown key `{0}` in a waiver", "您是不是想写 `{1}`？", "did you mean `{1}`?"},
    {"E-waiver.yaml", "豁免文件不是有效的 YAML：{0}", "the waiver file is not valid YAML: {0}", "检查这一行的缩进和冒号（半角“: ”）", "check this line's indentation and colons (\": \")"},
    {"E-waiver.year", "`years` 中的 `{0}` 不是年份", "`{0}` in `years` is not a year", "写 1990–2100 之间的四位年份，如 years: [2023, 2024]", "write four-digit years from 1990 to 2100, e.g. years: [2023, 2024]"},
    {"E-waiver.years", "`years` 要写成 [起, 止] 或一个年份", "`years` must be [FROM, TO] (or one year)", "例如 years: [2023, 2024] 或 years: 2024", "e.g. years: [2023, 2024] or years: 2024"},
    {"E-waiver.years-order", "`years` 的起年 {0} 晚于止年 {1}", "in `years` the first year {0} is after the last {1}", "写成 [起, 止]，如 [{1}, {0}]", "write [FROM, TO], e.g. [{1}, {0}]"},
    {"E-yaml", "YAML 语法错误：{0}", "YAML syntax error: {0}"},
    {"E-yaml-alias", "规则文件里不能用 YAML 锚点和别名（&名称、*名称）", "anchors and aliases (&name, *name) are not supported in rule files", "把词写出来，或通过 pack.yaml 的 `vocabularies:` 共用（\"@词表名\"）", "write the terms out, or share them through `vocabularies:` in pack.yaml (\"@name\")"},
    {"N-pack-extended", "规则包 `{0}` 扩展了先加载的同名规则包", "pack `{0}` extends the pack of the same id loaded earlier"},
    {"N-rule-override", "规则 `{0}` 覆盖了 {1} 中的同名规则", "rule `{0}` overrides the one in {1}"},
    {"N-waiver-out-of-scope", "`{0}` 的豁免只适用于{1}，未使用", "waiver for `{0}` is limited to {1}; not applied"},
    {"N-waiver-out-of-scope.issuer", "发文单位“{0}”（本报告是“{1}”）", "issuer `{0}` (the report's is `{1}`)"},
    {"N-waiver-out-of-scope.years", "{0}–{1} 年（本报告是 {2} 年）", "years {0}–{1} (the report covers {2})"},
    {"W-bom", "文件开头有 BOM（字节顺序标记），已忽略", "a byte order mark (BOM) at the start of the file, ignored", "另存为“UTF-8（无 BOM）”；记事本里选“UTF-8”而不是“带有 BOM 的 UTF-8”", "save as UTF-8 without BOM (in Notepad choose “UTF-8”, not “UTF-8 with BOM”)"},
    {"W-curly-quotes", "词“{0}”两端的中文引号{1}{2}会成为词的一部分，报告里要连引号一起出现才算匹配", "the curly quotes {1}{2} around the term “{0}” are part of it: the report must hold the quotes too", "YAML 的引号要用半角：`\"{0}\"`，或者不加引号", "YAML quotes are straight: `\"{0}\"`, or no quotes at all"},
    {"W-encoding", "文件编码是 {0}，已按 {0} 读取", "the file is in {0}, read as such", "请另存为 UTF-8：记事本“另存为”里编码选“UTF-8”，WPS/Excel 选“UTF-8”", "save it as UTF-8 (Notepad: Save as → Encoding “UTF-8”; WPS/Excel likewise)"},
    {"W-missing-example.fail", "规则 `{0}` 没有判为不符合（fail）的例子", "rule `{0}` has no `fail` example", "每条规则都应证明它既能判为符合，也能判为不符合", "every rule should prove it can pass and fail"},
    {"W-missing-example.pass", "规则 `{0}` 没有判为符合（pass）的例子", "rule `{0}` has no `pass` example", "每条规则都应证明它既能判为符合，也能判为不符合", "every rule should prove it can pass and fail"},
    {"W-no-pack-yaml", "文件夹里有规则文件，但没有 pack.yaml，不会被读取", "a folder of rule files without pack.yaml is not a pack: not read", "在该文件夹里加一个 pack.yaml（pack、title、version 三个键），或把规则文件移到已有规则包的文件夹里", "add a pack.yaml (keys pack, title, version) to the folder, or move the rule files into a pack folder"},
    {"W-no-packs", "这里没有规则包（规则包是含 pack.yaml 的文件夹）", "no rule packs here (a pack is a folder with pack.yaml)"},
    {"W-stray-yaml", "YAML 文件不在任何规则包文件夹里，不会被读取", "a YAML file outside any pack folder is not read", "把它移到含 pack.yaml 的规则包文件夹里（如 {0}）", "move it into a pack folder with pack.yaml (e.g. {0})"},
    {"W-stray-yaml.no-pack", "YAML 文件不在任何规则包文件夹里，不会被读取", "a YAML file outside any pack folder is not read", "把它移到含 pack.yaml 的规则包文件夹里（如 rules/<规则包>/）", "move it into a pack folder with pack.yaml (e.g. rules/<pack>/)"},
    {"W-stray-yaml.yml", "扩展名是 .yml，不会被读取：规则文件的扩展名是 .yaml", "a .yml file is not read: rule files end in .yaml", "把文件改名为 {0}.yaml", "rename the file to {0}.yaml"},
    {"W-term-comma.comma", "“{0}”里有中文逗号“，”，整体会被当作一个词；拆成两个词？", "a Chinese comma “，” inside “{0}”: it is read as one term; split into two terms?", "词与词之间用半角逗号加空格：`[词一, 词二]`；确实要整体匹配，就加半角引号：`[\"词一，词二\"]`", "separate terms with a half-width comma and a space: `[term1, term2]`; to match it whole, quote it: `[\"词一，词二\"]`"},
    {"W-term-comma.enum", "“{0}”里有顿号“、”，整个列表只有这一个词；拆成两个词？", "an enumeration comma “、” inside “{0}”, the only term of the list: split into two terms?", "词与词之间用半角逗号加空格：`[词一, 词二]`；确实要整体匹配，就加半角引号：`[\"词一、词二\"]`", "separate terms with a half-width comma and a space: `[term1, term2]`; to match it whole, quote it: `[\"词一、词二\"]`"},
    {"W-unused-check", "设置了 `not_checkable`，`check` 不会被执行", "`not_checkable` is set, so `check` is never evaluated"},
    {"W-waiver-expired", "`{0}` 的豁免已于 {1} 过期，未使用", "waiver for `{0}` expired on {1}; it is ignored", "换上新的日期和有效期，或删掉这条豁免", "renew it with a new date and expiry, or remove it"},
    {"W-waiver-unknown-rule", "`{0}` 的豁免对不上任何已加载的规则，不起作用", "waiver for `{0}` matches no loaded rule; it has no effect"},
    {"W-waiver-unknown-rule.near", "`{0}` 的豁免对不上任何已加载的规则，不起作用", "waiver for `{0}` matches no loaded rule; it has no effect", "您是不是想写 `{1}`？", "did you mean `{1}`?"},
    {"batch.few-threads", "只能创建 {0} 个线程（要求 --jobs {1}），以较少的线程继续", "could only create {0} threads (--jobs {1}): a process limit; going on with fewer"},
    {"batch.finished", "{0} 份输入：已核查 {1} 份，无法检查 {2} 份，出错 {3} 份，用时 {4} 秒（每秒 {5} 份）", "{0} inputs: {1} checked, {2} not checkable, {3} errors in {4} s ({5} reports/s)"},
    {"batch.folder-reached-twice", "{0}：这个文件夹已经读过（符号链接），不再重复", "{0}: folder reached twice (a symbolic link): walked once"},
    {"batch.folder-walked", "{0}：这个文件夹已经读过，不再重复", "{0}: folder already walked"},
    {"batch.not-checkable", "{0}：无法检查：{1}", "{0}: not checkable: {1}"},
    {"batch.output-folder-skipped", "{0}：这是 fazhi 批量核查的输出文件夹，不作为输入读取", "{0}: a fazhi batch output folder, not read as input"},
    {"batch.progress", "{0}/{1}  每秒 {2} 份  预计还需 {3}", "{0}/{1}  {2} reports/s  ETA {3}"},
    {"batch.progress-errors", "  出错 {0} 份", "  {0} errors"},
    {"batch.same-file", "{0} 与 {1} 是同一个文件，只核查一次", "{0} and {1} are the same file: checked once"},
    {"check.fail-on", "{0} 判为不符合，严重程度 {1}（--fail-on {2}）", "{0} fails with severity {1} (--fail-on {2})"},
    {"check.fail-under", "得分 {0} 低于 --fail-under {1}", "score {0} is under --fail-under {1}"},
    {"check.fail-under-no-score", "{0}：没有得分（没有可计分的规则），--fail-under {1} 未达到", "{0}: no score (no rule could be scored), so --fail-under {1} is not met"},
    {"check.no-input", "check 需要一个报告文件（fazhi check 文件）", "check needs a report file (fazhi check FILE)"},
    {"check.no-reports", "{0} 下没有可核查的报告文件（读取的扩展名：{1}）", "no report files under {0} (extensions read: {1})"},
    {"check.output-is-file", "--output {0} 是一个文件；批量核查要写入文件夹（汇总和每份报告一个文件）", "--output {0} is a file; a batch writes a folder (summary and one file per report)"},
    {"check.output-is-input", "输出文件 {0} 就是输入文件 {1}：拒绝覆盖输入，请换一个 -o", "the output {0} is the input {1}: an input is never overwritten, choose another -o"},
    {"check.output-is-input-folder", "输出文件夹 {0} 就是输入文件夹 {1}：请换一个输出文件夹", "the --output folder {0} is the input folder {1}: choose another output folder"},
    {"check.removed-earlier", "已删除 {1} 中上一次运行留下的 {0} 个文件", "removed {0} files of the earlier run in {1}"},
    {"check.wrote", "已写出 {0}", "wrote {0}"},
    {"cli.error", "错误：{0}", "error: {0}"},
    {"cli.no-rules", "找不到规则：请设置 FAZHI_RULES 或用 --rules 指定文件夹", "no rules found: set FAZHI_RULES or pass --rules DIR"},
    {"cli.no-rules-folder", "找不到规则：请设置 FAZHI_RULES 或给出规则文件夹", "no rules found: set FAZHI_RULES or pass a folder"},
    {"cli.not-checkable", "{0}：无法检查：{1}", "{0}: not checkable: {1}"},
    {"cli.rules-have-errors", "规则文件有错误（运行 `fazhi rules lint` 查看详情）", "the rule files have errors (run `fazhi rules lint` for details)"},
    {"diff.bad-format", "diff 不认识 --format `{0}`（可用的格式：{1}）", "unknown --format `{0}` for diff (formats: {1})"},
    {"diff.not-checkable", "{0}：无法检查，因此不能对比：{1}", "{0}: not checkable, so it cannot be compared: {1}"},
    {"diff.not-comparable", "{0} 与 {1}：{2}。对比结果会误导，未作对比；如确需对比，请加 --force（各输出将注明）", "{0} and {1}: {2}. The comparison would mislead and was not made; add --force to compare anyway (every output will say so)"},
    {"diff.output-is-input", "输出文件 {0} 就是输入文件 {1}：拒绝覆盖输入", "the output {0} is the input {1}: an input is never overwritten"},
    {"eval.bad-format", "--format {0}：fazhi eval 只支持 text 或 json", "--format {0}: fazhi eval writes text or json only"},
    {"eval.bad-share", "--{0} 取 0 到 1 之间的比例（如 0.9），不是 {1}", "--{0} takes a share between 0 and 1 (e.g. 0.9), not {1}"},
    {"eval.stdout-failed", "标准输出写入失败", "cannot write to standard output"},
    {"explain.anchors", "  起始词（一个都没有出现时直接判定，不再逐项检查）: [{0}]", "  anchor terms (when none occurs the verdict is settled without running the checks): [{0}]"},
    {"explain.examples", "  例子: {0} 个", "  examples: {0}"},
    {"explain.header", "{0}  {1}\n  依据: {2}\n  类别: {3}  严重程度: {4}  权重: {5}\n  定义于: {6}:{7}", "{0}  {1}\n  cite: {2}\n  category: {3}  severity: {4}  weight: {5}\n  defined at: {6}:{7}"},
    {"explain.no-anchors", "  起始词: 无（本规则对每份报告都逐项检查）", "  anchor terms: none (the rule is checked on every report)"},
    {"explain.not-checkable", "  无法由报告文本判断: {0}", "  not checkable from the report text: {0}"},
    {"explain.partial-condition", "  部分符合（partial）的条件:", "  partial:"},
    {"explain.pass-condition", "  符合（pass）的条件（具体 → 符合，概括 → 部分符合）:", "  pass (concrete → pass, generic → partial):"},
    {"explain.remedy", "  整改建议: {0}", "  remedy: {0}"},
    {"ledger.bad-pack-id", "--pack `{0}` 不是规则包编号：只能用小写字母、数字和连字符（如 my-ledger）", "--pack `{0}` is not a pack id: use lower-case letters, digits and hyphens (e.g. my-ledger)"},
    {"ledger.columns-recognised", "认出的列：", "columns recognised:"},
    {"ledger.columns-unused", "未使用的列：", "columns not used:"},
    {"ledger.exists", "{0} 已存在（里面可能有复核过的规则）；要覆盖请加 --force", "{0} exists (it may hold reviewed rules); pass --force to overwrite it"},
    {"ledger.next", "下一步：复核 {0} 里的词，把占位的例子换成真实的句子，然后运行", "next: review the terms and replace the placeholder examples in {0}, then"},
    {"ledger.no-id-column", "没有“序号”列，规则编号按条目的位置编（001、002……）；加一列“序号”，插入行时编号才不会变", "no 序号 column: ids are the item's position (001, 002, …); add a 序号 column to keep them stable when rows are inserted"},
    {"ledger.note", "提示：{0}", "note: {0}"},
    {"ledger.note-bad-id", "第 {0} 行：序号“{1}”不能作规则编号，改用 `{2}`", "row {0}: 序号 `{1}` cannot be a rule id, used `{2}`"},
    {"ledger.note-common-terms", "{0} 项及以上共有的词，在还有其他词的条目中略去：{1}", "terms common to {0} or more items left out where others remain: {1}"},
    {"ledger.note-duplicate-id", "第 {0} 行：编号 `{1}` 已被前面的行使用，改用 `{2}`", "row {0}: id `{1}` is used by an earlier row, used `{2}`"},
    {"ledger.note-no-terms", "第 {0} 行：文字中取不出词，规则 `{1}` 标为 not_checkable，等您写好它的 check", "row {0}: no term could be taken from the text, rule `{1}` is marked not_checkable until you write its check"},
    {"ledger.note-no-text", "第 {0} 行：没有要求或标题文字，跳过", "row {0}: no requirement or title text, skipped"},
    {"ledger.other-files", "这个文件夹里还有别的规则文件，会随这个规则包一起加载：{0}", "the folder also holds other rule files that will load with this pack: {0}"},
    {"ledger.out-required", "需要 --out 文件夹（写 pack.yaml 和 items.yaml 的地方）", "--out DIR is required (the folder for pack.yaml and items.yaml)"},
    {"ledger.read", "已读取 {0}：{1}，表头在第 {2} 行，下面有 {3} 行", "read {0}: {1}, header on row {2}, {3} rows under it"},
    {"ledger.second-column", "（第二个 {0} 列）", " (a second {0} column)"},
    {"ledger.sheet", "，工作表“{0}”", ", sheet {0}"},
    {"ledger.usage", "用法：fazhi ledger import 台账 --pack 编号 --out 文件夹 [--title 标题] [--force]（fazhi ledger import --help 有说明）", "usage: fazhi ledger import LEDGER --pack ID --out DIR [--title TITLE] [--force] (see fazhi ledger import --help)"},
    {"ledger.wrote", "已写出 {0} 条规则（其中 {1} 条没有词）：{2} 和 {3}（规则包 `{4}`，版本 0.1.0）", "wrote {0} rules ({1} without terms) to {2} and {3} (pack `{4}`, version 0.1.0)"},
    {"level.debug", "调试", "debug"},
    {"level.error", "错误", "error"},
    {"level.info", "信息", "info"},
    {"level.note", "提示", "note"},
    {"level.warning", "警告", "warning"},
    {"lint.summary", "{0} 个规则包，{1} 条规则：{2} 个错误，{3} 个警告", "{0} packs, {1} rules: {2} errors, {3} warnings"},
    {"log.level", "{0}：", "{0}: "},
    {"profile.read", "督察口径文件：{0}", "audit profile: {0}"},
    {"review.bad-expires", "--expires {0} 不是日期（YYYY-MM-DD）", "--expires {0} is not a date (YYYY-MM-DD)"},
    {"review.errors", "{0} 处问题，未写出任何文件；改正台账后重新导入", "{0} problems: no file was written; correct the ledger and import it again"},
    {"review.exists", "{0} 已存在；换一个 -o 文件夹，或加 --force 覆盖", "{0} exists: choose another -o folder, or add --force to overwrite it"},
    {"review.mkdir-failed", "{0}：无法创建文件夹：{1}", "{0}: cannot create the folder: {1}"},
    {"review.no-approver", "有 {0} 行申请豁免，需要批准人：加 --approver 姓名或单位", "{0} rows ask for a waiver and need an approver: add --approver NAME"},
    {"review.row-bad-review", "第 {0} 行：复核结论“{1}”无法识别（可选：同意、误判-应为符合、误判-应为部分符合、误判-应为不符合、误判-应为不适用）", "row {0}: the 复核结论 `{1}` is not one fazhi knows (同意, 误判-应为符合, 误判-应为部分符合, 误判-应为不符合, 误判-应为不适用)"},
    {"review.row-bad-status", "第 {0} 行：状态“{1}”不是可选值（待整改、整改中、已整改、申请豁免），按未申请豁免处理", "row {0}: the 状态 `{1}` is not one of 待整改, 整改中, 已整改, 申请豁免; read as no waiver asked"},
    {"review.row-bad-verdict", "第 {0} 行：复核结论是“同意”，但核查结论“{1}”无法识别", "row {0}: the 复核结论 is 同意 but the 核查结论 `{1}` is not one fazhi knows"},
    {"review.row-no-quote", "第 {0} 行（{1}）：证据/位置中没有引文，未生成规则例子", "row {0} ({1}): no quote in 证据/位置, so no rule example was drafted"},
    {"review.row-no-reason", "第 {0} 行：状态为“申请豁免”，但“复核意见”为空——豁免必须写明理由", "row {0}: the 状态 is 申请豁免 but the 复核意见 is empty: a waiver must give its reason"},
    {"review.row-no-rule", "第 {0} 行：没有{1}（这一行的其他内容无法对应到规则）", "row {0}: no {1} (the row's other cells cannot be tied to a rule)"},
    {"review.row-unknown-rule", "第 {0} 行：规则编号“{1}”不在已加载的规则包中", "row {0}: the rule id `{1}` is in no loaded pack"},
    {"review.row-unknown-rule-near", "第 {0} 行：规则编号“{1}”不在已加载的规则包中（是否为 {2}？）", "row {0}: the rule id `{1}` is in no loaded pack (did you mean {2}?)"},
    {"rules.have-errors", "规则有错误：请运行 `fazhi rules lint`", "rules have errors: run `fazhi rules lint`"},
    {"rules.test-summary", "通过 {0} 项，失败 {1} 项", "{0} passed, {1} failed"},
    {"rules.unknown-rule", "没有规则 `{0}`", "no rule `{0}`"},
    {"rules.unknown-rule-near", "没有规则 `{0}`（您是不是想输入 `{1}`？）", "no rule `{0}` (did you mean `{1}`?)"},
    {"schema.type.bool", "布尔值（true 或 false）", "a bool (true or false)"},
    {"schema.type.condition", "判定条件（映射）", "a condition (a map)"},
    {"schema.type.groups", "词组的列表", "a list of term groups"},
    {"schema.type.int", "整数", "a whole number"},
    {"schema.type.list", "列表", "a list"},
    {"schema.type.map", "映射（键: 值）", "a map (key: value)"},
    {"schema.type.number", "数字", "a number"},
    {"schema.type.roles", "章节角色的列表", "a list of section roles"},
    {"schema.type.string", "文字", "a string"},
    {"schema.type.terms", "一个词或词的列表", "a term or a list of terms"},
    {"serve.bad-limits", "--max-upload-mb、--max-files 至少为 1，--workers 不能为负", "--max-upload-mb and --max-files must be 1 or more, --workers not negative"},
    {"serve.bad-listen", "--listen {0}：应为 主机:端口，例如 127.0.0.1:8080", "--listen {0}: use HOST:PORT, e.g. 127.0.0.1:8080"},
    {"serve.cannot-listen", "无法监听 {0}（端口被占用或地址不可用）", "cannot listen on {0} (the port is taken or the address is not available)"},
    {"serve.interrupted", "{0} 项核查在上次服务中断时未完成，已标记为失败", "{0} checks were unfinished when the service last stopped: marked failed"},
    {"serve.needs-token", "--listen {0} 不是本机地址：必须同时给出 --token（其他电脑访问时需要令牌）", "--listen {0} is not a loopback address: it needs --token (other computers must give the token)"},
    {"serve.no-files", "serve 不接受文件参数（请在网页上上传，或用 POST /api/checks）", "serve takes no file arguments (upload files through the page or POST /api/checks)"},
    {"serve.short-token", "--token 太短：至少 12 个字符", "the --token needs 12 characters or more"},
    {"serve.stopping", "收到信号 {0}，正在停止服务", "signal {0} received: stopping the service"},
    {"usage.bad-dump", "--dump {0} 不是 segments、hits、findings 之一", "--dump {0} is not one of segments, hits, findings"},
    {"usage.bad-fail-on", "--fail-on {0} 不是已知的严重程度：可用 严重、高、中、低、提示，或 {1}", "--fail-on {0} is not one of {1} (or 严重, 高, 中, 低, 提示)"},
    {"usage.bad-format", "不认识的 --format `{0}`（可用的格式：{1}）", "unknown --format `{0}` (formats: {1})"},
    {"usage.bad-jobs", "--jobs {0} 要是 1 或更大（0 表示用全部核心）", "--jobs {0} must be 1 or more (0 = every core)"},
    {"usage.bad-lang", "--lang 的取值“{0}”无效，应为 zh（中文）或 en（English）", "unknown --lang value “{0}”: use zh or en"},
    {"usage.bad-level", "--level {0} 不是已知的层级：可用 省、市、区、县、乡镇、街道、部门、其他，或 {1}", "--level {0} is not one of {1} (or 省, 市, 区, 县, 乡镇, 街道, 部门, 其他)"},
    {"usage.bad-published", "--published {0} 不是日期（YYYY-MM-DD）", "--published {0} is not a date (YYYY-MM-DD)"},
    {"usage.bad-year", "--year {0} 不是合理的报告年度", "--year {0} is not a plausible report year"},
    {"usage.batch-xlsx-needs-dir", "批量核查的 -f xlsx 需要 -o 文件夹：每份报告一个工作簿", "a batch with --format xlsx needs --output DIR: one workbook per report"},
    {"usage.binary-needs-output", "--format {0} 写出的是二进制文件；请加 --output 文件（或文件夹）", "--format {0} writes a binary file; add --output FILE (or DIR)"},
    {"usage.did-you-mean", "；您是不是想输入 `{0}`？", "; did you mean `{0}`?"},
    {"usage.did-you-mean-option", "；您是不是想输入 --{0}？", "; did you mean --{0}?"},
    {"usage.diff-args", "用法：fazhi diff [选项] 旧报告 新报告", "usage: fazhi diff [options] OLD NEW"},
    {"usage.eval-args", "用法：fazhi eval [选项] LABELS…（标注文件或其所在文件夹）", "usage: fazhi eval [options] LABELS… (label files or their folders)"},
    {"usage.explain-args", "用法：fazhi rules explain 规则编号 [报告文件]", "usage: fazhi rules explain RULE [FILE]"},
    {"usage.extension-conflict", "-o {0} 的扩展名 {1} 表示 {2} 格式，与 --format {3} 冲突", "the extension {1} of -o {0} means the {2} format, but --format is {3}"},
    {"usage.invalid-value", "选项 {0} 的取值“{1}”不合法", "the value “{1}” of option {0} is invalid"},
    {"usage.lang-missing", "--lang 缺少取值（zh 或 en）", "--lang needs a value (zh or en)"},
    {"usage.missing-value", "选项 {0} 缺少取值", "option {0} needs a value"},
    {"usage.multiple-values", "选项 {0} 只能给一个值", "option {0} takes only one value"},
    {"usage.no-arguments", "fazhi {0} 不接受参数（多出的：{1}）；要用另一个规则文件夹请写 --rules 文件夹", "fazhi {0} takes no arguments (extra: {1}); for another rules folder use --rules DIR"},
    {"usage.other", "命令行有误：{0}", "{0}"},
    {"usage.summary-only-needs-dir", "--summary-only 需要 --output 文件夹（汇总写入的文件夹）", "--summary-only needs --output DIR (the folder the summary is written to)"},
    {"usage.unknown-command", "不认识的命令 `{0}`", "unknown command `{0}`"},
    {"usage.unknown-extension", "-o {0}：不认识的输出扩展名 {1}（可用：{2}；要写入文件夹请以 / 结尾）", "-o {0}: unknown output extension {1} (known: {2}; end a folder with /)"},
    {"usage.unknown-option", "不认识的选项 {0}", "unknown option {0}"},
    {"waiver.read", "豁免文件：{0}", "waiver file: {0}"},
    {"waiver.unknown", "未知", "unknown"},
};

}  // namespace

std::span<const MessageEntry> Messages() { return kMessages; }

const MessageEntry* FindMessage(std::string_view id) {
  auto it = std::lower_bound(std::begin(kMessages), std::end(kMessages), id,
                             [](const MessageEntry& m, std::string_view k) { return m.id < k; });
  return it != std::end(kMessages) && it->id == id ? &*it : nullptr;
}

std::string FillTemplate(std::string_view tmpl, MessageArgs args) {
  std::string out;
  out.reserve(tmpl.size() + 32);
  for (std::size_t i = 0; i < tmpl.size(); ++i) {
    if (tmpl[i] == '{' && i + 2 < tmpl.size() && tmpl[i + 1] >= '0' && tmpl[i + 1] <= '9' && tmpl[i + 2] == '}') {
      const auto n = static_cast<std::size_t>(tmpl[i + 1] - '0');
      if (n < args.size()) {
        out += *(args.begin() + n);
        i += 2;
        continue;
      }
    }
    out += tmpl[i];
  }
  return out;
}

namespace {

std::string Missing(std::string_view id, MessageArgs args) {
  std::string out(id);
  for (auto a : args) out.append(" ").append(a);
  return out;
}

}  // namespace

std::string Msg(std::string_view id, MessageArgs args) {
  const MessageEntry* m = FindMessage(id);
  if (!m) return Missing(id, args);
  return FillTemplate(English() ? m->en : m->zh, args);
}

std::string MsgHint(std::string_view id, MessageArgs args) {
  const MessageEntry* m = FindMessage(id);
  if (!m) return "";
  return FillTemplate(English() ? m->hint_en : m->hint_zh, args);
}

Said Say(std::string_view id, MessageArgs args) {
  Said s;
  s.code = std::string(id.substr(0, id.find('.')));
  const CodeInfo* info = FindDiagnosticCode(s.code);
  const char prefix = s.code.empty() ? 'E' : s.code[0];
  s.level = info ? info->level : prefix == 'W' ? Level::kWarning : prefix == 'N' ? Level::kNote : Level::kError;
  s.message = Msg(id, args);
  s.hint = MsgHint(id, args);
  return s;
}

Diagnostic MakeDiagnostic(std::string_view id, MessageArgs args, std::string file, int line, int column) {
  Said s = Say(id, args);
  return Diagnostic{s.level, std::move(s.code), std::move(s.message), std::move(file), line, column, std::move(s.hint)};
}

std::string LevelLabel(Level level) {
  switch (level) {
    case Level::kNote: return Msg("level.note");
    case Level::kWarning: return Msg("level.warning");
    case Level::kError: return Msg("level.error");
  }
  return Msg("level.error");
}

}  // namespace fazhi
