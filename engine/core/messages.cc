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
    {"E-doc-broken.no-signature", "不是 Word 97-2003 / WPS 文档：文件开头没有 OLE 复合文档标志", "not a Word 97-2003 / WPS document: no OLE compound file signature at its start", "用 Word 或 WPS 打开，另存为 .docx 后再检查", "open it in Word or WPS, save it as .docx and check it again"},
    {"E-doc-broken.ole", "OLE 复合文档（.doc/.wps）已损坏或不完整", "the OLE compound file (.doc/.wps) is damaged or truncated", "用 Word 或 WPS 打开，另存为 .docx 后再检查", "open it in Word or WPS, save it as .docx and check it again"},
    {"E-doc-broken.tool", "Word 文档已损坏或无法读取（antiword：{0}）", "the Word document is damaged or unreadable (antiword: {0})", "用 Word 或 WPS 打开，另存为 .docx 后再检查", "open it in Word or WPS, save it as .docx and check it again"},
    {"E-doc-encrypted", "文档有打开密码（已加密），无法读取", "the document is password protected (encrypted) and cannot be read", "在 WPS 或 Word 中去掉密码后另存，再检查", "remove the password in WPS or Word, save it and check it again"},
    {"E-doc-limit", "文档的文字超过限制 max_unzipped_bytes（{0} 字节）", "the document's text is over the limit max_unzipped_bytes ({0} bytes)", "正常的年度报告远小于这个限制：确认选对了文件；文件确实过大时，另存为文字版 PDF 或 .docx（去掉图片）后再检查", "an annual report is far below this limit: check that this is the right file; if it is, save it as a text PDF or .docx without images"},
    {"E-doc-timeout", "antiword 未在限制 doc_timeout_seconds（{0} 秒）内读完", "antiword did not finish within the limit doc_timeout_seconds ({0} s)", "机器繁忙时可稍后再试；或另存为 .docx 后再检查", "try again when the machine is less busy, or save it as .docx"},
    {"E-doc-tool.missing", "读取 Word 97-2003 / WPS 文档需要 antiword 工具，但它没有安装", "reading Word 97-2003 / WPS documents needs the antiword tool, which is not installed", "请管理员安装 antiword（Debian 软件包 antiword），或把文件另存为 .docx 后再检查", "ask the administrator to install antiword (Debian package antiword), or save the file as .docx"},
    {"E-doc-tool.spawn", "无法运行 antiword：{0}", "cannot run antiword: {0}", "请管理员检查 antiword 的安装，或把文件另存为 .docx 后再检查", "ask the administrator to check the antiword installation, or save the file as .docx"},
    {"E-docx-broken.no-body", "DOCX 文件缺少正文：{0} 中没有 w:body", "the DOCX has no body: {0} has no w:body", "用 Word 或 WPS 打开，另存为 .docx 后再检查", "open it in Word or WPS, save it as .docx and check it again"},
    {"E-docx-broken.not-zip", "不是 DOCX 文件：文件不是 ZIP 容器", "not a DOCX: the file is not a ZIP container", "文件可能已损坏或只是改了扩展名：用 Word 或 WPS 打开，另存为 .docx 后再检查", "it may be damaged or only renamed: open it in Word or WPS, save it as .docx and check it again"},
    {"E-docx-limit.depth", "{0} 的 XML 元素嵌套 {1} 层，超过限制 max_markup_depth（{2}）", "{0} nests XML elements {1} deep, over the limit max_markup_depth ({2})", "用 Word 或 WPS 打开，另存为 .docx 后再检查", "open it in Word or WPS, save it as .docx and check it again"},
    {"E-duplicate-id", "规则编号 `{0}` 重复", "duplicate rule id `{0}`", "第一次定义在 {1}:{2}", "first defined at {1}:{2}"},
    {"E-duplicate-key", "同一个映射里键 `{0}` 写了两次", "key `{0}` appears twice in the same map", "第一个在第 {1} 行；只保留其中一个", "the first one is at line {1}; keep one of them"},
    {"E-empty-file", "规则文件是空的", "the rule file is empty"},
    {"E-empty-term", "{0}：有一个空词", "{0}: empty term"},
    {"E-empty-terms.list", "{0}：列表是空的", "{0}: the list is empty"},
    {"E-empty-terms.terms", "{0}：词表是空的", "{0}: the term list is empty"},
    {"E-empty.blank", "文件中没有文字（只有空白）", "the file contains no text (only white space)", "确认选对了文件；报告正文应在文件里", "check that this is the right file: the report's text should be in it"},
    {"E-empty.doc", "Word 文档中没有文字", "the Word document contains no text", "若正文是图片（扫描件），先做文字识别（OCR）；否则另存为 .docx 或 PDF 后再检查", "if the body is an image (a scan), run OCR first; otherwise save it as .docx or PDF and check it again"},
    {"E-empty.docx", "DOCX 文件中没有文字", "the DOCX contains no text", "若正文是图片（扫描件），先做文字识别（OCR）；否则另存为 .docx 或 PDF 后再检查", "if the body is an image (a scan), run OCR first; otherwise save it as .docx or PDF and check it again"},
    {"E-empty.file", "文件是空的（0 字节）", "the file is empty (0 bytes)", "文件可能没有保存完整或下载失败：重新保存或下载后再检查", "it may not have been saved or downloaded completely: save or download it again"},
    {"E-empty.html", "网页正文中没有可读的文字", "the HTML page has no readable text in its body", "在浏览器里打开页面，复制正文存为 .txt，或另存为 PDF 后再检查", "open the page in a browser and save its text as .txt, or print it to PDF"},
    {"E-empty.ofd", "OFD 文件中没有文字", "the OFD contains no text", "用 OFD 阅读器（如数科、福昕）打开，另存或打印为 PDF 后再检查", "open it in an OFD reader, save or print it as PDF and check it again"},
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
    {"E-html", "网页无法解析", "the HTML page could not be parsed", "在浏览器里打开页面，复制正文存为 .txt，或另存为 PDF 后再检查", "open the page in a browser and save its text as .txt, or print it to PDF"},
    {"E-html-limit.about", "网页的 HTML 元素嵌套约 {0} 层，超过限制 max_markup_depth（{1}）", "the page nests HTML elements about {0} deep, over the limit max_markup_depth ({1})", "在浏览器里打开页面，复制正文存为 .txt，或另存为 PDF 后再检查", "open the page in a browser and save its text as .txt, or print it to PDF"},
    {"E-html-limit.depth", "网页的 HTML 元素嵌套 {0} 层，超过限制 max_markup_depth（{1}）", "the page nests HTML elements {0} deep, over the limit max_markup_depth ({1})", "在浏览器里打开页面，复制正文存为 .txt，或另存为 PDF 后再检查", "open the page in a browser and save its text as .txt, or print it to PDF"},
    {"E-indentation.deeper", "键 `{0}` 比上一行的键 `{1}`（第 {2} 行）多缩进了 {3} 格，而 `{1}` 在同一行已经有值", "key `{0}` is indented {3} columns deeper than the key `{1}` above it (line {2}), which already has a value on its line", "同级的键要对齐：把 `{0}` 缩进 {4} 个空格；若它属于 `{1}`，就把 `{1}` 的值挪到下面几行", "keys of one level align: indent `{0}` by {4} spaces; if it belongs to `{1}`, move the value of `{1}` to the lines below"},
    {"E-indentation.misaligned", "键 `{0}` 没有对齐：它在第 {1} 列，同级的键 `{2}`（第 {3} 行）在第 {4} 列", "key `{0}` is misaligned: it is at column {1}, its sibling `{2}` (line {3}) at column {4}", "与 `{2}` 同级就缩进 {5} 个空格", "to be a sibling of `{2}`, indent it by {5} spaces"},
    {"E-indentation.misaligned-parent", "键 `{0}` 没有对齐：它在第 {1} 列，同级的键 `{2}`（第 {3} 行）在第 {4} 列，上一级的键 `{6}`（第 {7} 行）在第 {8} 列", "key `{0}` is misaligned: it is at column {1}, its sibling `{2}` (line {3}) at column {4}, the parent key `{6}` (line {7}) at column {8}", "与 `{2}` 同级就缩进 {5} 个空格；属于更上一级就缩进 {9} 个空格", "to be a sibling of `{2}`, indent it by {5} spaces; to belong one level up, by {9} spaces"},
    {"E-is-directory", "这是文件夹，不是文件", "this is a folder, not a file", "给出文件夹里的一份报告文件；要核查整个文件夹，用 fazhi check 文件夹 -o 输出文件夹/", "name a report file inside it; to check a whole folder, use fazhi check FOLDER -o OUT/"},
    {"E-ledger-memory", "读取台账时内存不足，请拆分台账", "out of memory while reading the ledger: split it"},
    {"E-missing-key", "{0} 缺少 `{1}`", "{0} needs `{1}`"},
    {"E-missing-key.mention", "mention 需要 `any` 或 `all`", "mention needs `any` or `all`", "没有词的 mention 永远匹配不到", "a mention without terms can never match"},
    {"E-missing-key.section", "section 需要 `role` 或 `heading`", "section needs `role` or `heading`", "两者都没有的 section 检查永远匹配不到", "a section check without either never matches"},
    {"E-never-fails", "规则 `{0}` 永远不会判为不符合", "rule `{0}` can never produce fail", "它的条件总是成立，这条规则什么也证明不了", "its condition always holds, so the rule proves nothing"},
    {"E-never-matches.metric", "metric 的 `min` 大于 `max`", "metric `min` is greater than `max`", "没有数字能同时满足两者", "no number can satisfy both"},
    {"E-never-matches.role", "章节角色 `{0}` 同时写在 `in` 和 `not_in` 里", "role `{0}` is both in `in` and `not_in`", "这个 mention 永远匹配不到", "this mention can never match"},
    {"E-never-passes", "规则 `{0}` 永远不会判为符合或部分符合", "rule `{0}` can never produce pass or partial", "它的条件永远不会成立", "its condition can never hold"},
    {"E-no-check", "规则 `{0}` 没有 `check`（也没有标记 `not_checkable`）", "rule `{0}` has no `check` (and is not marked `not_checkable`)", "加上 `check:`，或写 `not_checkable: \"原因\"`", "add `check:` or `not_checkable: \"reason\"`"},
    {"E-no-rules", "规则目录不存在", "rules directory not found"},
    {"E-not-a-file", "不是普通文件（是管道、套接字或设备），不读取", "not a regular file (a FIFO, socket or device): not read", "先把内容存为文件再检查", "save the content to a file first"},
    {"E-not-found", "文件不存在", "no such file", "检查路径和文件名；文件名中有空格时要加引号", "check the path and the file name; quote a name with spaces"},
    {"E-not-found.dangling-link", "符号链接指向的文件不存在", "the symbolic link points to no file", "把链接指向的文件复制到这里，或删掉这个链接", "copy the file the link names here, or remove the link"},
    {"E-not-found.path", "文件或文件夹不存在", "no such file or folder", "检查路径和文件名；文件名中有空格时要加引号", "check the path and the file name; quote a name with spaces"},
    {"E-ofd-broken.missing-part", "OFD 文件不完整：缺少 {0}", "the OFD is incomplete: {0} is missing", "用 OFD 阅读器（如数科、福昕）打开，另存或打印为 PDF 后再检查", "open it in an OFD reader, save or print it as PDF and check it again"},
    {"E-ofd-broken.no-doc-body", "OFD.xml 中没有 DocBody", "OFD.xml has no DocBody", "用 OFD 阅读器（如数科、福昕）打开，另存或打印为 PDF 后再检查", "open it in an OFD reader, save or print it as PDF and check it again"},
    {"E-ofd-broken.no-doc-root", "OFD.xml 的 DocRoot 指向的文档（Document.xml）不存在", "the document OFD.xml's DocRoot names (Document.xml) does not exist", "用 OFD 阅读器（如数科、福昕）打开，另存或打印为 PDF 后再检查", "open it in an OFD reader, save or print it as PDF and check it again"},
    {"E-ofd-broken.no-ofd-xml", "不是 OFD 文档：ZIP 容器中没有 OFD.xml", "not an OFD: the ZIP container holds no OFD.xml", "用 OFD 阅读器（如数科、福昕）打开，另存或打印为 PDF 后再检查", "open it in an OFD reader, save or print it as PDF and check it again"},
    {"E-ofd-broken.no-page", "OFD 第 {0} 页的内容文件（{1}）不存在", "the content file of page {0} of the OFD ({1}) does not exist", "用 OFD 阅读器（如数科、福昕）打开，另存或打印为 PDF 后再检查", "open it in an OFD reader, save or print it as PDF and check it again"},
    {"E-ofd-broken.no-pages", "OFD 文档没有页面（Pages 为空）", "the OFD has no pages (Pages is empty)", "用 OFD 阅读器（如数科、福昕）打开，另存或打印为 PDF 后再检查", "open it in an OFD reader, save or print it as PDF and check it again"},
    {"E-ofd-broken.not-zip", "不是 OFD 文档：文件不是 ZIP 容器", "not an OFD: the file is not a ZIP container", "用 OFD 阅读器（如数科、福昕）打开，另存或打印为 PDF 后再检查", "open it in an OFD reader, save or print it as PDF and check it again"},
    {"E-ofd-limit.depth", "{0} 的 XML 元素嵌套 {1} 层，超过限制 max_markup_depth（{2}）", "{0} nests XML elements {1} deep, over the limit max_markup_depth ({2})", "用 OFD 阅读器（如数科、福昕）打开，另存或打印为 PDF 后再检查", "open it in an OFD reader, save or print it as PDF and check it again"},
    {"E-ofd-limit.pages", "OFD 超过 {0} 页，超过限制 max_ofd_pages", "the OFD has more than {0} pages, over the limit max_ofd_pages", "正常的年度报告远小于这个限制：确认选对了文件；文件确实过大时，另存为文字版 PDF 或 .docx（去掉图片）后再检查", "an annual report is far below this limit: check that this is the right file; if it is, save it as a text PDF or .docx without images"},
    {"E-output-write.stdout", "写入标准输出失败：{0}", "cannot write to standard output: {0}"},
    {"E-pdf-broken.no-header", "不是 PDF 文件：前 1024 字节中没有 %PDF- 标志", "not a PDF: no %PDF- header in the first 1024 bytes", "文件可能已损坏或只是改了扩展名：用 PDF 阅读器打开，另存为新的 PDF 后再检查", "it may be damaged or only renamed: open it in a PDF reader and save it as a new PDF"},
    {"E-pdf-broken.tool", "PDF 文件已损坏或不是 PDF（pdftotext：{0}）", "the PDF is damaged or not a PDF (pdftotext: {0})", "用 PDF 阅读器打开，另存或打印为新的 PDF 后再检查；或改用原始的 DOCX", "open it in a PDF reader and save or print it to a new PDF; or use the original DOCX"},
    {"E-pdf-encrypted.no-copy", "PDF 的权限设置禁止复制文字", "the PDF's permissions forbid copying its text", "去掉 PDF 的权限限制（或打印为新的 PDF）后再检查", "remove the restriction (or print it to a new PDF) and check it again"},
    {"E-pdf-encrypted.password", "PDF 有打开密码（已加密），无法读取", "the PDF is password protected (encrypted) and cannot be read", "去掉密码（或打印为新的 PDF）后再检查", "remove the password (or print it to a new PDF) and check it again"},
    {"E-pdf-limit.pages", "PDF 超过 {0} 页，超过限制 max_pdf_pages", "the PDF has more than {0} pages, over the limit max_pdf_pages", "正常的年度报告远小于这个限制：确认选对了文件；文件确实过大时，另存为文字版 PDF 或 .docx（去掉图片）后再检查", "an annual report is far below this limit: check that this is the right file; if it is, save it as a text PDF or .docx without images"},
    {"E-pdf-limit.text", "PDF 的文字超过限制 max_text_bytes（{0} 字节）", "the PDF's text is over the limit max_text_bytes ({0} bytes)", "正常的年度报告远小于这个限制：确认选对了文件；文件确实过大时，另存为文字版 PDF 或 .docx（去掉图片）后再检查", "an annual report is far below this limit: check that this is the right file; if it is, save it as a text PDF or .docx without images"},
    {"E-pdf-timeout", "pdftotext 未在限制 pdf_timeout_seconds（{0} 秒）内读完", "pdftotext did not finish within the limit pdf_timeout_seconds ({0} s)", "机器繁忙时可稍后再试；或改用原始的 DOCX", "try again when the machine is less busy, or use the original DOCX"},
    {"E-pdf-tool.missing", "读取 PDF 需要 pdftotext 工具，但它没有安装", "reading PDF needs the pdftotext tool, which is not installed", "请管理员安装 pdftotext（Debian 软件包 poppler-utils），或改用 DOCX", "ask the administrator to install pdftotext (Debian package poppler-utils), or use the DOCX"},
    {"E-pdf-tool.spawn", "无法运行 pdftotext：{0}", "cannot run pdftotext: {0}", "请管理员检查 pdftotext（poppler-utils）的安装，或改用 DOCX", "ask the administrator to check the pdftotext (poppler-utils) installation, or use the DOCX"},
    {"E-regex-empty-match", "这个正则表达式能匹配空字符串", "the pattern matches the empty string", "那样它处处都能匹配", "it would match everywhere"},
    {"E-regex-too-large", "正则表达式太大（编译后大小 {0}，超过限制 max_regex_program {1}）", "regular expression too large (program size {0} > limit max_regex_program {1})"},
    {"E-symlink-outside", "规则文件是指向规则包文件夹以外的符号链接，不予读取", "the rule file is a symbolic link out of the pack folder: not followed", "请把文件复制到规则包里", "copy the file into the pack"},
    {"E-tab", "缩进里有制表符（Tab）；YAML 只认空格缩进", "a tab in the indentation; YAML indents with spaces only", "把 Tab 换成空格（同级的键用同样多的空格）；编辑器里可设置“按 Tab 键插入空格”", "replace the tab with spaces (keys of one level take the same number); most editors can insert spaces for the Tab key"},
    {"E-text-limit", "提取出的文字有 {0} 字节，超过限制 max_text_bytes（{1} 字节）", "the extracted text is {0} bytes, over the limit max_text_bytes ({1} bytes)", "正常的年度报告远小于这个限制：确认选对了文件；文件确实过大时，另存为文字版 PDF 或 .docx（去掉图片）后再检查", "an annual report is far below this limit: check that this is the right file; if it is, save it as a text PDF or .docx without images"},
    {"E-too-deep", "YAML 嵌套超过限制 max_yaml_depth（{0} 层）", "YAML nesting deeper than the limit max_yaml_depth ({0})"},
    {"E-too-large.file", "文件有 {0} 字节，超过限制 {1}（{2} 字节）", "the file is {0} bytes, over the limit {1} ({2} bytes)", "确认选对了文件：这类文件通常只有几 KB", "check that this is the right file: such files are usually a few KB"},
    {"E-too-large.input", "文件有 {0} MB，超过 {1} MB 的上限（{2} 字节，限制 max_input_bytes 为 {3} 字节）", "the file is {0} MB, over the {1} MB limit ({2} bytes; max_input_bytes is {3} bytes)", "年度报告通常不到 10 MB：确认选对了文件；文件里图片很多时，另存为文字版 PDF 或压缩图片后再检查", "an annual report is usually under 10 MB: check that this is the right file; if it holds many pictures, save it as a text PDF or compress the pictures"},
    {"E-too-large.rule-file", "规则文件超过限制 max_rule_file_bytes（{0} 字节）", "rule file larger than the limit max_rule_file_bytes ({0} bytes)"},
    {"E-too-large.text-file", "文本或网页文件有 {0} MB，超过 {1} MB 的上限（{2} 字节；文本和网页的上限是 max_input_bytes 的四分之一，{3} 字节）", "the text or HTML file is {0} MB, over the {1} MB limit ({2} bytes; text and HTML files may have a quarter of max_input_bytes, {3} bytes)", "确认选对了文件：一份报告的文字通常不到 1 MB", "check that this is the right file: a report's text is usually under 1 MB"},
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
    {"E-unreadable.folder", "无法读取文件夹：{0}", "cannot read the folder: {0}", "检查文件夹的访问权限", "check the folder's permissions"},
    {"E-unreadable.link-loop", "符号链接循环", "a symbolic link loop", "删掉或改正循环的符号链接", "remove or correct the looping link"},
    {"E-unreadable.name-too-long", "路径过长：{0}", "the path is too long: {0}", "把文件移到路径较短的文件夹里", "move the file to a folder with a shorter path"},
    {"E-unreadable.open", "无法打开文件", "cannot open the file", "检查文件的访问权限，或是否被其他程序占用", "check the file's permissions, or whether another program holds it"},
    {"E-unreadable.permission", "无权访问：{0}", "permission denied: {0}", "检查文件的访问权限", "check the file's permissions"},
    {"E-unreadable.read", "读取文件时出错", "error while reading the file", "文件所在的磁盘或网络位置可能有问题：复制到本机后再检查", "the disk or network location may be failing: copy the file to a local disk and check it again"},
    {"E-unreadable.rule-file", "规则文件无法读取", "cannot read the rule file"},
    {"E-unreadable.stat", "无法读取文件：{0}", "cannot read the file: {0}", "检查路径和访问权限", "check the path and the permissions"},
    {"E-unsupported-format.binary", "不支持的格式：文件含二进制数据（NUL 字节），不是文本", "unsupported format: binary data (NUL bytes), not text", "转换为 DOCX 或 PDF 后再检查（网页可另存为 HTML 或文本）", "convert it to DOCX or PDF (or save a web page as HTML or text) and check it again"},
    {"E-unsupported-format.extension", "不支持的格式：文件名表明这是{0}", "unsupported format: the file name says it is {0}", "转换为 DOCX 或 PDF 后再检查（网页可另存为 HTML 或文本）", "convert it to DOCX or PDF (or save a web page as HTML or text) and check it again"},
    {"E-unsupported-format.html-binary", "不支持的格式：HTML 文件里有二进制数据", "unsupported format: binary data inside an HTML file", "在浏览器里把页面重新另存为 HTML 或文本后再检查", "save the page again as HTML or text and check it again"},
    {"E-unsupported-format.not-text", "不支持的格式：不是任何已知编码的文本", "unsupported format: binary data, not text in any known encoding", "转换为 DOCX 或 PDF 后再检查（网页可另存为 HTML 或文本）", "convert it to DOCX or PDF (or save a web page as HTML or text) and check it again"},
    {"E-unsupported-format.signature", "不支持的格式：这是{0}", "unsupported format: this is {0}", "转换为 DOCX 或 PDF 后再检查（网页可另存为 HTML 或文本）", "convert it to DOCX or PDF (or save a web page as HTML or text) and check it again"},
    {"E-unsupported-format.walk", "不支持的格式：{0}（可读取的扩展名：{1}）", "unsupported format: {0} (extensions read: {1})", "另存为 .docx 或 PDF 后再检查", "save it as .docx or PDF and check it again"},
    {"E-unsupported-format.zip", "不支持的格式：这是{0}，没有 word/document.xml，不是 Word 文档", "unsupported format: {0} without word/document.xml, not a Word document", "转换为 DOCX 或 PDF 后再检查（网页可另存为 HTML 或文本）", "convert it to DOCX or PDF (or save a web page as HTML or text) and check it again"},
    {"E-yaml", "YAML 语法错误：{0}", "YAML syntax error: {0}"},
    {"E-yaml-alias", "规则文件里不能用 YAML 锚点和别名（&名称、*名称）", "anchors and aliases (&name, *name) are not supported in rule files", "把词写出来，或通过 pack.yaml 的 `vocabularies:` 共用（\"@词表名\"）", "write the terms out, or share them through `vocabularies:` in pack.yaml (\"@name\")"},
    {"N-ambiguous-signature-date", "落款日期“{0}”可以读成不止一个日期，已忽略", "the signature date “{0}” reads as more than one date; ignored", "用 --published 给出发布日期", "give the date with --published"},
    {"N-ofd-signature", "OFD 含 {0} 个电子签章/签名；fazhi 只读文字，未验证签章", "the OFD holds {0} electronic seal(s)/signature(s); fazhi reads the text only and has not verified them"},
    {"N-pack-extended", "规则包 `{0}` 扩展了先加载的同名规则包", "pack `{0}` extends the pack of the same id loaded earlier"},
    {"N-rule-override", "规则 `{0}` 覆盖了 {1} 中的同名规则", "rule `{0}` overrides the one in {1}"},
    {"N-traditional", "已将繁体字转换为简体字", "converted from traditional to simplified characters"},
    {"N-waiver-out-of-scope", "`{0}` 的豁免只适用于{1}，未使用", "waiver for `{0}` is limited to {1}; not applied"},
    {"N-waiver-out-of-scope.issuer", "发文单位“{0}”（本报告是“{1}”）", "issuer `{0}` (the report's is `{1}`)"},
    {"N-waiver-out-of-scope.years", "{0}–{1} 年（本报告是 {2} 年）", "years {0}–{1} (the report covers {2})"},
    {"N-year-hint-differs", "报告年度定为 {0} 年（依据：{1}）；较弱的依据提示的年度不同：{2}", "covered year {0} ({1}); weaker evidence suggests otherwise: {2}"},
    {"W-bom", "文件开头有 BOM（字节顺序标记），已忽略", "a byte order mark (BOM) at the start of the file, ignored", "另存为“UTF-8（无 BOM）”；记事本里选“UTF-8”而不是“带有 BOM 的 UTF-8”", "save as UTF-8 without BOM (in Notepad choose “UTF-8”, not “UTF-8 with BOM”)"},
    {"W-curly-quotes", "词“{0}”两端的中文引号{1}{2}会成为词的一部分，报告里要连引号一起出现才算匹配", "the curly quotes {1}{2} around the term “{0}” are part of it: the report must hold the quotes too", "YAML 的引号要用半角：`\"{0}\"`，或者不加引号", "YAML quotes are straight: `\"{0}\"`, or no quotes at all"},
    {"W-encoding", "文件编码是 {0}，已按 {0} 读取", "the file is in {0}, read as such", "请另存为 UTF-8：记事本“另存为”里编码选“UTF-8”，WPS/Excel 选“UTF-8”", "save it as UTF-8 (Notepad: Save as → Encoding “UTF-8”; WPS/Excel likewise)"},
    {"W-invalid-encoding.bytes", "{0} 个无效的 UTF-8 字节已替换为 U+FFFD", "{0} invalid UTF-8 byte(s) replaced by U+FFFD", "文件可能已损坏，附近的引文中可能出现 '\xEF\xBF\xBD'", "the file may be damaged; quotes near it may show '\xEF\xBF\xBD'"},
    {"W-invalid-encoding.page", "网页中 {0} 处无效的 {1} 字节序列已替换为 U+FFFD", "{0} invalid {1} byte sequence(s) in the page replaced by U+FFFD", "网页可能声明了错误的编码：在浏览器里另存为 UTF-8 后再检查", "the page may declare the wrong encoding: save it as UTF-8 in a browser"},
    {"W-invalid-encoding.part", "{1} 中 {0} 个无效的 UTF-8 字节已替换为 U+FFFD", "{0} invalid UTF-8 byte(s) in {1} replaced by U+FFFD", "文件可能已损坏，附近的引文中可能出现 '\xEF\xBF\xBD'", "the file may be damaged; quotes near it may show '\xEF\xBF\xBD'"},
    {"W-invalid-encoding.text", "{0} 处无效的 {1} 字节序列已替换为 U+FFFD", "{0} invalid {1} byte sequence(s) replaced by U+FFFD", "文件可能已损坏，附近的引文中可能出现 '\xEF\xBF\xBD'", "the file may be damaged; quotes near it may show '\xEF\xBF\xBD'"},
    {"W-invalid-encoding.text-at", "{0} 处无效的 {1} 字节序列已替换为 U+FFFD，第一处在第 {2} 字节", "{0} invalid {1} byte sequence(s) replaced by U+FFFD, the first at byte offset {2}", "文件可能已损坏，附近的引文中可能出现 '\xEF\xBF\xBD'", "the file may be damaged; quotes near it may show '\xEF\xBF\xBD'"},
    {"W-invalid-encoding.tool", "{0} 输出了无效的 UTF-8，已替换为 U+FFFD", "{0} produced invalid UTF-8; the bad bytes were replaced by U+FFFD", "文件可能已损坏，附近的引文中可能出现 '\xEF\xBF\xBD'", "the file may be damaged; quotes near it may show '\xEF\xBF\xBD'"},
    {"W-missing-example.fail", "规则 `{0}` 没有判为不符合（fail）的例子", "rule `{0}` has no `fail` example", "每条规则都应证明它既能判为符合，也能判为不符合", "every rule should prove it can pass and fail"},
    {"W-missing-example.pass", "规则 `{0}` 没有判为符合（pass）的例子", "rule `{0}` has no `pass` example", "每条规则都应证明它既能判为符合，也能判为不符合", "every rule should prove it can pass and fail"},
    {"W-newer-outline", "规则包 {0} 用于 {1} 年度报告：可能已有更新的纲要，请核对", "pack {0} used for a report on {1}: a newer outline may exist, please check"},
    {"W-no-outline-for-year", "尚未内置适用于 {0} 年度的法治政府建设纲要规则包：{1} 判为不适用；报告内容、第一责任人职责、指标台账等其他规则包照常检查", "no outline pack for {0} is built in: {1} judged not applicable; the other packs (report contents, first responsible, indicators) are checked as usual", "新纲要发布后，可用 --rules 加入本地编写的规则包", "once a new outline is published, add a local pack with --rules"},
    {"W-no-pack-yaml", "文件夹里有规则文件，但没有 pack.yaml，不会被读取", "a folder of rule files without pack.yaml is not a pack: not read", "在该文件夹里加一个 pack.yaml（pack、title、version 三个键），或把规则文件移到已有规则包的文件夹里", "add a pack.yaml (keys pack, title, version) to the folder, or move the rule files into a pack folder"},
    {"W-no-packs", "这里没有规则包（规则包是含 pack.yaml 的文件夹）", "no rule packs here (a pack is a folder with pack.yaml)"},
    {"W-no-year", "无法确定报告年度：标题、各级标题、开头一句和落款日期中都没有", "the covered year is in neither the title, the headings, the opening sentence nor the signature date", "用 --year 给出报告年度", "give the year with --year"},
    {"W-not-checkable", "无法检查：{0}", "not checkable: {0}"},
    {"W-not-checkable.no-text-layer", "没有文字层（扫描件），需先做文字识别（OCR）", "no text layer (a scan): needs OCR"},
    {"W-stray-yaml", "YAML 文件不在任何规则包文件夹里，不会被读取", "a YAML file outside any pack folder is not read", "把它移到含 pack.yaml 的规则包文件夹里（如 {0}）", "move it into a pack folder with pack.yaml (e.g. {0})"},
    {"W-stray-yaml.no-pack", "YAML 文件不在任何规则包文件夹里，不会被读取", "a YAML file outside any pack folder is not read", "把它移到含 pack.yaml 的规则包文件夹里（如 rules/<规则包>/）", "move it into a pack folder with pack.yaml (e.g. rules/<pack>/)"},
    {"W-stray-yaml.yml", "扩展名是 .yml，不会被读取：规则文件的扩展名是 .yaml", "a .yml file is not read: rule files end in .yaml", "把文件改名为 {0}.yaml", "rename the file to {0}.yaml"},
    {"W-term-comma.comma", "“{0}”里有中文逗号“，”，整体会被当作一个词；拆成两个词？", "a Chinese comma “，” inside “{0}”: it is read as one term; split into two terms?", "词与词之间用半角逗号加空格：`[词一, 词二]`；确实要整体匹配，就加半角引号：`[\"词一，词二\"]`", "separate terms with a half-width comma and a space: `[term1, term2]`; to match it whole, quote it: `[\"词一，词二\"]`"},
    {"W-term-comma.enum", "“{0}”里有顿号“、”，整个列表只有这一个词；拆成两个词？", "an enumeration comma “、” inside “{0}”, the only term of the list: split into two terms?", "词与词之间用半角逗号加空格：`[词一, 词二]`；确实要整体匹配，就加半角引号：`[\"词一、词二\"]`", "separate terms with a half-width comma and a space: `[term1, term2]`; to match it whole, quote it: `[\"词一、词二\"]`"},
    {"W-unused-check", "设置了 `not_checkable`，`check` 不会被执行", "`not_checkable` is set, so `check` is never evaluated"},
    {"W-waiver-expired", "`{0}` 的豁免已于 {1} 过期，未使用", "waiver for `{0}` expired on {1}; it is ignored", "换上新的日期和有效期，或删掉这条豁免", "renew it with a new date and expiry, or remove it"},
    {"W-waiver-unknown-rule", "`{0}` 的豁免对不上任何已加载的规则，不起作用", "waiver for `{0}` matches no loaded rule; it has no effect"},
    {"W-waiver-unknown-rule.near", "`{0}` 的豁免对不上任何已加载的规则，不起作用", "waiver for `{0}` matches no loaded rule; it has no effect", "您是不是想写 `{1}`？", "did you mean `{1}`?"},
    {"W-year-conflict", "同等强度的依据给出的年度不一致；采用 {0} 年（依据：{1}），而非 {2}", "evidence of equal strength disagrees on the covered year; used {0} from {1} over {2}", "若报告年度不是 {0} 年，用 --year 给出", "give --year if another year than {0} is meant"},
    {"batch.few-threads", "只能创建 {0} 个线程（要求 --jobs {1}），以较少的线程继续", "could only create {0} threads (--jobs {1}): a process limit; going on with fewer"},
    {"batch.finished", "{0} 份输入：已核查 {1} 份，无法检查 {2} 份，出错 {3} 份，用时 {4} 秒（每秒 {5} 份）", "{0} inputs: {1} checked, {2} not checkable, {3} errors in {4} s ({5} reports/s)"},
    {"batch.folder-reached-twice", "{0}：这个文件夹已经读过（符号链接），不再重复", "{0}: folder reached twice (a symbolic link): walked once"},
    {"batch.folder-walked", "{0}：这个文件夹已经读过，不再重复", "{0}: folder already walked"},
    {"batch.output-folder-skipped", "{0}：这是 fazhi 批量核查的输出文件夹，不作为输入读取", "{0}: a fazhi batch output folder, not read as input"},
    {"batch.progress", "{0}/{1}  每秒 {2} 份  预计还需 {3}", "{0}/{1}  {2} reports/s  ETA {3}"},
    {"batch.progress-errors", "  出错 {0} 份", "  {0} errors"},
    {"batch.same-file", "{0} 与 {1} 是同一个文件，只核查一次", "{0} and {1} are the same file: checked once"},
    {"check.fail-on", "{0} 判为不符合，严重程度 {1}（--fail-on {2}）", "{0} fails with severity {1} (--fail-on {2})"},
    {"check.fail-under", "得分 {0} 低于 --fail-under {1}", "score {0} is under --fail-under {1}"},
    {"check.fail-under-no-score", "{0}：没有得分（没有可计分的规则），--fail-under {1} 未达到", "{0}: no score (no rule could be scored), so --fail-under {1} is not met"},
    {"check.internal-error", "内部错误（请报告此问题）：{0}", "internal error (please report it): {0}"},
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
    {"evaluate.list-separator", "、", ", "},
    {"evaluate.pack-years", "{0}（{1}—{2} 年度）", "{0} ({1}–{2})"},
    {"explain.anchors", "  起始词（一个都没有出现时直接判定，不再逐项检查）: [{0}]", "  anchor terms (when none occurs the verdict is settled without running the checks): [{0}]"},
    {"explain.examples", "  例子: {0} 个", "  examples: {0}"},
    {"explain.header", "{0}  {1}\n  依据: {2}\n  类别: {3}  严重程度: {4}  权重: {5}\n  定义于: {6}:{7}", "{0}  {1}\n  cite: {2}\n  category: {3}  severity: {4}  weight: {5}\n  defined at: {6}:{7}"},
    {"explain.no-anchors", "  起始词: 无（本规则对每份报告都逐项检查）", "  anchor terms: none (the rule is checked on every report)"},
    {"explain.not-checkable", "  无法由报告文本判断: {0}", "  not checkable from the report text: {0}"},
    {"explain.partial-condition", "  部分符合（partial）的条件:", "  partial:"},
    {"explain.pass-condition", "  符合（pass）的条件（具体 → 符合，概括 → 部分符合）:", "  pass (concrete → pass, generic → partial):"},
    {"explain.remedy", "  整改建议: {0}", "  remedy: {0}"},
    {"ingest.hint-docx", "用 Word 或 WPS 打开，另存为 .docx 后再检查", "open it in Word or WPS, save it as .docx and check it again"},
    {"ingest.hint-ofd", "用 OFD 阅读器（如数科、福昕）打开，另存或打印为 PDF 后再检查", "open it in an OFD reader, save or print it as PDF and check it again"},
    {"ingest.hint-temp", "检查临时文件夹（TMPDIR）是否存在、可写、未满", "check that the temporary folder (TMPDIR) exists, is writable and is not full"},
    {"ingest.temp-create", "无法创建临时文件：{0}", "cannot create a temporary file: {0}"},
    {"ingest.temp-write", "无法为提取工具写出临时文件", "cannot write a temporary file for the extraction tool"},
    {"kind.7z", "7z 压缩包", "a 7z archive"},
    {"kind.archive", "压缩包", "an archive"},
    {"kind.caj", "CAJ 文档", "a CAJ document"},
    {"kind.epub", "EPUB 电子书", "an EPUB book"},
    {"kind.executable", "可执行程序", "an executable program"},
    {"kind.gif", "GIF 图片", "a GIF image"},
    {"kind.gzip", "gzip 压缩包", "a gzip archive"},
    {"kind.image", "图片", "an image"},
    {"kind.jpeg", "JPEG 图片", "a JPEG image"},
    {"kind.odt", "OpenDocument 文本（.odt）", "an OpenDocument text (.odt)"},
    {"kind.ofd", "OFD 文档", "an OFD document"},
    {"kind.ole", "不含 Word 文档的 OLE 复合文件", "an OLE compound file without a Word document"},
    {"kind.outlook", "Outlook 邮件（.msg）", "an Outlook message (.msg)"},
    {"kind.png", "PNG 图片", "a PNG image"},
    {"kind.postscript", "PostScript 文件", "a PostScript file"},
    {"kind.ppt", "PowerPoint 或 WPS 演示文稿（.ppt/.dps），不是文字报告", "a PowerPoint or WPS presentation (.ppt/.dps), not a text report"},
    {"kind.pptx", "PowerPoint 演示文稿（.pptx）", "a PowerPoint presentation (.pptx)"},
    {"kind.presentation", "演示文稿", "a presentation"},
    {"kind.rar", "RAR 压缩包", "a RAR archive"},
    {"kind.rtf", "RTF 文档", "an RTF document"},
    {"kind.spreadsheet", "电子表格", "a spreadsheet"},
    {"kind.tiff", "TIFF 图片", "a TIFF image"},
    {"kind.visio", "Visio 绘图", "a Visio drawing"},
    {"kind.web-archive", "网页存档（.mht/.mhtml）", "a web archive (.mht/.mhtml)"},
    {"kind.works", "Microsoft Works 文档（.wps），不是 WPS 文字文档", "a Microsoft Works document (.wps), not a WPS Writer document"},
    {"kind.wps-presentation", "WPS 演示文稿", "a WPS presentation"},
    {"kind.wps-spreadsheet", "WPS 表格", "a WPS spreadsheet"},
    {"kind.xls", "Excel 或 WPS 表格（.xls/.et），不是文字报告", "an Excel or WPS spreadsheet (.xls/.et), not a text report"},
    {"kind.xlsx", "Excel 工作簿（.xlsx）", "an Excel workbook (.xlsx)"},
    {"kind.xz", "xz 压缩包", "an xz archive"},
    {"kind.zip", "ZIP 压缩包", "a ZIP archive"},
    {"ledger.bad-pack-id", "--pack `{0}` 不是规则包编号：只能用小写字母、数字和连字符（如 my-ledger）", "--pack `{0}` is not a pack id: use lower-case letters, digits and hyphens (e.g. my-ledger)"},
    {"ledger.exists", "{0} 已存在（里面可能有复核过的规则）；要覆盖请加 --force", "{0} exists (it may hold reviewed rules); pass --force to overwrite it"},
    {"ledger.out-required", "需要 --out 文件夹（写 pack.yaml 和 items.yaml 的地方）", "--out DIR is required (the folder for pack.yaml and items.yaml)"},
    {"level.debug", "调试", "debug"},
    {"level.error", "错误", "error"},
    {"level.info", "信息", "info"},
    {"level.note", "提示", "note"},
    {"level.warning", "警告", "warning"},
    {"lint.summary", "{0} 个规则包，{1} 条规则：{2} 个错误，{3} 个警告", "{0} packs, {1} rules: {2} errors, {3} warnings"},
    {"log.level", "{0}：", "{0}: "},
    {"metadata.year-from", "{0} 年（依据：{1}）", "{0} from {1}"},
    {"metadata.year-from-separator", "；", "; "},
    {"review.bad-expires", "--expires {0} 不是日期（YYYY-MM-DD）", "--expires {0} is not a date (YYYY-MM-DD)"},
    {"review.errors", "{0} 处问题，未写出任何文件；改正台账后重新导入", "{0} problems: no file was written; correct the ledger and import it again"},
    {"review.exists", "{0} 已存在；换一个 -o 文件夹，或加 --force 覆盖", "{0} exists: choose another -o folder, or add --force to overwrite it"},
    {"review.mkdir-failed", "{0}：无法创建文件夹：{1}", "{0}: cannot create the folder: {1}"},
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
    {"usage.other", "命令行有误：{0}", "{0}"},
    {"usage.summary-only-needs-dir", "--summary-only 需要 --output 文件夹（汇总写入的文件夹）", "--summary-only needs --output DIR (the folder the summary is written to)"},
    {"usage.unknown-command", "不认识的命令 `{0}`", "unknown command `{0}`"},
    {"usage.unknown-extension", "-o {0}：不认识的输出扩展名 {1}（可用：{2}；要写入文件夹请以 / 结尾）", "-o {0}: unknown output extension {1} (known: {2}; end a folder with /)"},
    {"usage.unknown-option", "不认识的选项 {0}", "unknown option {0}"},
    {"waiver.unknown", "未知", "unknown"},
    {"zip.bad-xml", "{0} 中的 {1} 不是格式正确的 XML（{2}，第 {3} 字节）", "{1} in the {0} is not well-formed XML ({2} at byte {3})"},
    {"zip.cannot-open", "{0} 文件（ZIP 容器）无法打开{2}", "cannot open the {0} (ZIP) container{2}"},
    {"zip.cannot-read-entry", "无法读取 {0} 中的 {1}{2}", "cannot read {1} in the {0}{2}"},
    {"zip.damaged", "{0} 文件（ZIP 容器）已损坏或不完整{2}", "the {0} (ZIP) container is damaged or truncated{2}"},
    {"zip.declared-size", "{0} 解压后将有 {1} 字节，超过限制 max_unzipped_bytes（{2} 字节）", "the {0} would expand to {1} bytes, over the limit max_unzipped_bytes ({2})"},
    {"zip.detail", "（{0}）", " ({0})"},
    {"zip.entry-damaged", "{0} 中的 {1} 已损坏{2}", "{1} in the {0} is damaged{2}"},
    {"zip.entry-ratio", "{0} 中的 {1} 解压后膨胀超过限制 max_zip_ratio（{2} 倍）：可能是 ZIP 炸弹", "entry {1} of the {0} expands over the limit max_zip_ratio ({2}): a ZIP bomb?"},
    {"zip.ratio", "{0} 中的 {1} 解压后膨胀 {2} 倍，超过限制 max_zip_ratio（{3} 倍）：可能是 ZIP 炸弹", "entry {1} of the {0} expands {2} times, over the limit max_zip_ratio ({3}): a ZIP bomb?"},
    {"zip.too-many-entries", "{0} 有 {1} 个条目，超过限制 max_zip_entries（{2}）", "the {0} has {1} entries, over the limit max_zip_entries ({2})"},
    {"zip.unzipped-size", "{0} 解压后超过限制 max_unzipped_bytes（{1} 字节）", "the {0} expands past the limit max_unzipped_bytes ({1} bytes)"},
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

InputError InputProblem(std::string path, std::string_view id, MessageArgs args) {
  Said s = Say(id, args);
  return InputError(std::move(path), std::move(s.code), s.message, std::move(s.hint));
}

InputError InputProblem(std::string path, std::string code, std::string_view message_id, MessageArgs args,
                        std::string_view hint_id) {
  return InputError(std::move(path), std::move(code), Msg(message_id, args), hint_id.empty() ? "" : Msg(hint_id));
}

std::string ReasonLine(std::string_view code, std::string_view message, std::string_view hint) {
  std::string out;
  if (!code.empty()) out.append("[").append(code).append("] ");
  out.append(message);
  if (!hint.empty()) {
    if (English()) out.append(" (").append(hint).append(")");
    else out.append("（").append(hint).append("）");
  }
  return out;
}

std::string SayReason(std::string_view id, MessageArgs args) {
  const Said s = Say(id, args);
  return ReasonLine(s.code, s.message, s.hint);
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
