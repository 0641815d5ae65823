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
    {"E-ledger-memory", "读取台账时内存不足，请拆分台账", "out of memory while reading the ledger: split it"},
    {"E-missing-key", "{0}缺少 `{1}`", "{0} needs `{1}`"},
    {"E-missing-key.mention", "mention 需要 `any` 或 `all`", "mention needs `any` or `all`", "没有词的 mention 永远匹配不到", "a mention without terms can never match"},
    {"E-missing-key.section", "section 需要 `role` 或 `heading`", "section needs `role` or `heading`", "两者都没有的 section 检查永远匹配不到", "a section check without either never matches"},
    {"E-never-fails", "规则 `{0}` 永远不会判为不符合", "rule `{0}` can never produce fail", "它的条件总是成立，这条规则什么也证明不了", "its condition always holds, so the rule proves nothing"},
    {"E-never-matches.metric", "metric 的 `min` 大于 `max`", "metric `min` is greater than `max`", "没有数字能同时满足两者", "no number can satisfy both"},
    {"E-never-matches.role", "章节角色 `{0}` 同时写在 `in` 和 `not_in` 里", "role `{0}` is both in `in` and `not_in`", "这个 mention 永远匹配不到", "this mention can never match"},
    {"E-never-passes", "规则 `{0}` 永远不会判为符合或部分符合", "rule `{0}` can never produce pass or partial", "它的条件永远不会成立", "its condition can never hold"},
    {"E-no-check", "规则 `{0}` 没有 `check`（也没有标记 `not_checkable`）", "rule `{0}` has no `check` (and is not marked `not_checkable`)", "加上 `check:`，或写 `not_checkable: \"原因\"`", "add `check:` or `not_checkable: \"reason\"`"},
    {"E-no-rules", "规则目录不存在", "rules directory not found"},
    {"E-output-write.stdout", "写入标准输出失败：{0}", "cannot write to standard output: {0}"},
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
    {"E-type.field", "{1}中的 `{0}` 必须是{2}", "`{0}` in {1} must be {2}"},
    {"E-type.map", "{0}应该是映射（键: 值）", "expected a map for `{0}`"},
    {"E-type.metric", "metric 的 `{0}` 必须是数字或 \"@设置项\"", "metric `{0}` must be a number or \"@setting\""},
    {"E-type.roles", "`{0}` 必须是章节角色的列表", "`{0}` must be a list of section roles"},
    {"E-type.term", "{0}：每个词都必须是文字", "{0}: each term must be a string"},
    {"E-type.term-groups", "{0}：应为列表（每项是一个词、@词表，或一组可替换的词）", "{0}: expected a list (each item a term, @vocabulary or a list of alternatives)"},
    {"E-type.terms", "{0}：应为一个词或词的列表", "{0}: expected a term or a list of terms"},
    {"E-type.years", "`years` 的各项必须是年份，如 2015", "`years` items must be years like 2015"},
    {"E-unknown-check", "不认识的检查类型 `{0}`", "unknown check type `{0}`", "检查类型：all、any、date、mention、metric、not、regex、section", "types: all, any, date, mention, metric, not, regex, section"},
    {"E-unknown-check.near", "不认识的检查类型 `{0}`", "unknown check type `{0}`", "您是不是想写 `{1}`？", "did you mean `{1}`?"},
    {"E-unknown-key", "{1}中有不认识的键 `{0}`", "unknown key `{0}` in {1}", "可用的键见 docs/rules.md", "allowed: see docs/rules.md"},
    {"E-unknown-key.near", "{1}中有不认识的键 `{0}`", "unknown key `{0}` in {1}", "您是不是想写 `{2}`？", "did you mean `{2}`?"},
    {"E-unknown-pack", "规则目录中没有规则包 `{0}`", "no pack `{0}` in the rules directories"},
    {"E-unknown-role", "不认识的章节角色 `{0}`", "unknown section role `{0}`", "章节角色：title, preamble, measures, first_responsible, shortcomings, causes, plan, rectification, closing, boilerplate", "roles: title, preamble, measures, first_responsible, shortcomings, causes, plan, rectification, closing, boilerplate"},
    {"E-unknown-role.in", "`{1}` 中有不认识的章节角色 `{0}`", "unknown section role `{0}` in `{1}`", "章节角色：title, preamble, measures, first_responsible, shortcomings, causes, plan, rectification, closing, boilerplate", "roles: title, preamble, measures, first_responsible, shortcomings, causes, plan, rectification, closing, boilerplate"},
    {"E-unknown-role.in-near", "`{1}` 中有不认识的章节角色 `{0}`", "unknown section role `{0}` in `{1}`", "您是不是想写 `{2}`？", "did you mean `{2}`?"},
    {"E-unknown-setting", "规则包没有设置项 `{0}`", "unknown pack setting `{0}`", "在 pack.yaml 的 `settings:` 下定义它", "define it under `settings:` in pack.yaml"},
    {"E-unknown-vocabulary", "{0}：不认识的词表 `{1}`", "{0}: unknown vocabulary `{1}`", "在 pack.yaml 的 `vocabularies:` 下定义它", "define it under `vocabularies:` in pack.yaml"},
    {"E-unknown-vocabulary.near", "{0}：不认识的词表 `{1}`", "{0}: unknown vocabulary `{1}`", "您是不是想写 `@{2}`？", "did you mean `@{2}`?"},
    {"E-unreadable.rule-file", "规则文件无法读取", "cannot read the rule file"},
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
    {"explain.cond-all", "以下全部成立（all）：", "all of:"},
    {"explain.cond-and", "且有（all）：", "and: "},
    {"explain.cond-and-near", "且 {0} 字内有（all）：", "and within {0} chars: "},
    {"explain.cond-any", "以下任一成立（any）：", "any of:"},
    {"explain.cond-any-terms", "任一词（any）：", "any: "},
    {"explain.cond-concrete", "须写具体（concrete）", "concrete"},
    {"explain.cond-context", "可连同后 {0} 句（context）", "context {0}"},
    {"explain.cond-cues-off", "不看否定、保留语气", "cues off"},
    {"explain.cond-cues-on", "否定、保留语气的句子不计入", "negation/hedging cues on"},
    {"explain.cond-date", "日期（date）：不晚于（年度{0}）-{1}，依据{2}", "date: on or before (year{0})-{1} using {2}"},
    {"explain.cond-date-published", "发布日期（published）", "published"},
    {"explain.cond-date-signed", "落款日期（signed）", "signed"},
    {"explain.cond-except", "与这些词重叠的命中不算（except）：", "except: "},
    {"explain.cond-heading", "标题含 {0}", "heading~{0}"},
    {"explain.cond-in", "只看（in）：{0}", "in: {0}"},
    {"explain.cond-invalid", "（无效的条件）", "(invalid condition)"},
    {"explain.cond-max-value", "，不多于 {0}", " max {0}"},
    {"explain.cond-mention", "提及（mention）：{0}", "mention ({0})"},
    {"explain.cond-metric", "数字（metric）：{0} 附近 {1} 字内的数字{2}", "metric near {0}{2} within {1} chars"},
    {"explain.cond-min", "至少 {0} 处（min）", "min {0}"},
    {"explain.cond-min-value", "，不少于 {0}", " min {0}"},
    {"explain.cond-more-terms", "，…（共 {0} 个词）", ", … ({0} terms)"},
    {"explain.cond-near", "各组词相距 {0} 字以内（near）", "near {0}"},
    {"explain.cond-none", "同一范围内有这些词就不算（none）：", "none: "},
    {"explain.cond-not", "以下不成立（not）：", "not:"},
    {"explain.cond-not-in", "不看（not_in）：{0}", "not_in: {0}"},
    {"explain.cond-regex", "正则（regex）/{0}/ {1}", "regex /{0}/ {1}"},
    {"explain.cond-role", "角色为 {0}", "role={0}"},
    {"explain.cond-scope-document", "全文", "document"},
    {"explain.cond-scope-paragraph", "同一段内", "paragraph"},
    {"explain.cond-scope-section", "同一部分内", "section"},
    {"explain.cond-scope-sentence", "同一句内", "sentence"},
    {"explain.cond-section", "章节（section）：{0}，正文至少 {1} 字", "section {0} (body ≥ {1} chars)"},
    {"explain.cond-separator", "；", "; "},
    {"explain.cond-separator-short", "，", ", "},
    {"explain.cond-units", "，单位：{0}", " units: {0}"},
    {"explain.doc-counted", "  计入的句子：", "  sentences that counted:"},
    {"explain.doc-counted-for", "      这句计入了另一条规则：{0}", "      this sentence counted for another rule: {0}"},
    {"explain.doc-hit", "    第 {0} 行（{1}）命中：{2}\n      {3}", "    line {0} ({1}) matched: {2}\n      {3}"},
    {"explain.doc-miss", "    第 {0} 行（{1}）\n      {2}\n      未计入：{3} [{4}]", "    line {0} ({1})\n      {2}\n      not counted: {3} [{4}]"},
    {"explain.doc-near-misses", "  考虑过但未计入的句子（{0} 句）：", "  sentences considered that did not count ({0}):"},
    {"explain.doc-need", "      要计入本规则：{0}", "      to count for this rule: {0}"},
    {"explain.doc-no-candidates", "  报告中没有句子同时满足本规则的起始词，没有可分析的候选句。", "  no sentence of the report holds the rule's anchor terms: there is no candidate to analyse."},
    {"explain.doc-not-in-results", "{0}：规则不在结果中", "{0}: the rule is not in the results"},
    {"explain.doc-verdict", "{0}：{1}（{2}）— {3}", "{0}: {2} ({1}) — {3}"},
    {"explain.examples", "  例子: {0} 个", "  examples: {0}"},
    {"explain.header", "{0}  {1}\n  依据: {2}\n  类别: {3}  严重程度: {4}  权重: {5}\n  定义于: {6}:{7}", "{0}  {1}\n  cite: {2}\n  category: {3}  severity: {4}  weight: {5}\n  defined at: {6}:{7}"},
    {"explain.no-anchors", "  起始词: 无（本规则对每份报告都逐项检查）", "  anchor terms: none (the rule is checked on every report)"},
    {"explain.not-checkable", "  无法由报告文本判断: {0}", "  not checkable from the report text: {0}"},
    {"explain.partial-condition", "  部分符合（partial）的条件:", "  partial:"},
    {"explain.pass-condition", "  符合（pass）的条件（具体 → 符合，概括 → 部分符合）:", "  pass (concrete → pass, generic → partial):"},
    {"explain.remedy", "  整改建议: {0}", "  remedy: {0}"},
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
    {"review.bad-expires", "--expires {0} 不是日期（YYYY-MM-DD）", "--expires {0} is not a date (YYYY-MM-DD)"},
    {"review.errors", "{0} 处问题，未写出任何文件；改正台账后重新导入", "{0} problems: no file was written; correct the ledger and import it again"},
    {"review.exists", "{0} 已存在；换一个 -o 文件夹，或加 --force 覆盖", "{0} exists: choose another -o folder, or add --force to overwrite it"},
    {"review.mkdir-failed", "{0}：无法创建文件夹：{1}", "{0}: cannot create the folder: {1}"},
    {"rules.have-errors", "规则有错误：请运行 `fazhi rules lint`", "rules have errors: run `fazhi rules lint`"},
    {"rules.list-pack", "{0}  {1}（v{2}，{3} 条规则）", "{0}  {1}  (v{2}, {3} rules)"},
    {"rules.test-fail", "失败 {0}（{1}:{2}）：期望 {3}，实际 {4} — {5}", "FAIL {0} ({1}:{2}): expected {3}, got {4} — {5}"},
    {"rules.test-fixture-fail", "失败 {0}（样例报告 {1}）：期望 {2}，实际 {3}", "FAIL {0} (fixture {1}): expected {2}, got {3}"},
    {"rules.test-fixture-unchecked", "失败 样例报告 {0} 无法核查：{1}", "FAIL fixture {0}: {1}"},
    {"rules.test-ok", "通过 {0}（{1} 个例子）", "ok   {0} ({1} examples)"},
    {"rules.test-summary", "通过 {0} 项，失败 {1} 项", "{0} passed, {1} failed"},
    {"rules.unknown-rule", "没有规则 `{0}`", "no rule `{0}`"},
    {"rules.unknown-rule-near", "没有规则 `{0}`（您是不是想输入 `{1}`？）", "no rule `{0}` (did you mean `{1}`?)"},
    {"rules.verdict-missing", "结果中没有这条规则", "missing"},
    {"schema.object.applies_to", "适用范围（applies_to）", "applies_to"},
    {"schema.object.cues", "否定与保留语气的提示词（cues）", "cues"},
    {"schema.object.date", "日期条件（date）", "date"},
    {"schema.object.example", "例子（examples 的一项）", "example"},
    {"schema.object.fixture", "样例报告（fixtures 的一项）", "fixture"},
    {"schema.object.graded_check", "判定条件（check 的 pass/partial）", "check (pass/partial)"},
    {"schema.object.mention", "提及条件（mention）", "mention"},
    {"schema.object.metric", "数字条件（metric）", "metric"},
    {"schema.object.pack", "规则包（pack.yaml）", "pack"},
    {"schema.object.regex", "正则条件（regex）", "regex"},
    {"schema.object.rule", "规则", "rule"},
    {"schema.object.rule_file", "规则文件", "rule file"},
    {"schema.object.scoring", "计分（scoring）", "scoring"},
    {"schema.object.section", "章节条件（section）", "section"},
    {"schema.object.source", "依据文件（sources 的一项）", "source"},
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
