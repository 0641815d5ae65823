// The one table of diagnostic codes (core/codes.h).
#include "core/codes.h"

#include <algorithm>

namespace fazhi {

namespace {

constexpr Level E = Level::kError, W = Level::kWarning, N = Level::kNote;

// Sorted by code (DiagnosticCodes promises it; tests/core/codes_test.cc checks it).
constexpr CodeInfo kCodes[] = {
    {"E-bad-condition", E, "判定条件写法不对：应为只含一个检查类型的映射"},
    {"E-bad-id", E, "规则编号含不允许的字符（只能用字母、数字和 . _ -）"},
    {"E-bad-regex", E, "正则表达式无效"},
    {"E-bad-value", E, "字段取值不合法（超出范围、不是已知的层级或严重程度等）"},
    {"E-doc-broken", E, "Word 97-2003 / WPS 文件损坏或无法解析"},
    {"E-doc-encrypted", E, "Word 97-2003 / WPS 文件有密码保护"},
    {"E-doc-limit", E, "Word 97-2003 / WPS 文件超过大小或文字限制"},
    {"E-doc-timeout", E, "读取 Word 97-2003 / WPS 文件超时"},
    {"E-doc-tool", E, "读取 Word 97-2003 / WPS 文件所需的外部工具（antiword）缺失或出错"},
    {"E-docx-broken", E, "DOCX 文件损坏（不是有效的 ZIP 或缺少正文）"},
    {"E-docx-limit", E, "DOCX 文件超过解压大小、条目数或嵌套等限制"},
    {"E-duplicate-id", E, "同一规则目录中规则编号重复"},
    {"E-duplicate-key", E, "YAML 映射中同一个键写了两次"},
    {"E-empty", E, "网页正文没有可读的文字"},
    {"E-empty-file", E, "规则文件是空的"},
    {"E-empty-term", E, "词表中有空词"},
    {"E-empty-terms", E, "词表为空"},
    {"E-example", E, "规则示例的预期判定与实际判定不一致（rules test）"},
    {"E-html", E, "网页无法解析"},
    {"E-html-limit", E, "网页元素嵌套超过限制 max_markup_depth"},
    {"E-is-directory", E, "给出的路径是文件夹，不是文件"},
    {"E-labels-format", E, "金标准标注文件（fazhi eval）格式错误"},
    {"E-labels-read", E, "金标准标注文件（fazhi eval）无法读取或文件夹中没有 *.tsv"},
    {"E-ledger-csv", E, "CSV 台账格式错误（如引号不配对）"},
    {"E-ledger-empty", E, "台账表头下面没有数据行"},
    {"E-ledger-format", E, "台账不是可读的 CSV 或 XLSX"},
    {"E-ledger-header", E, "台账中找不到表头（任务或措施列）"},
    {"E-ledger-limit", E, "台账超过大小、行数或合并单元格等限制"},
    {"E-ledger-memory", E, "读取台账时内存不足"},
    {"E-ledger-read", E, "台账文件无法读取"},
    {"E-ledger-write", E, "台账生成的规则包文件无法写入"},
    {"E-ledger-xlsx", E, "XLSX 台账损坏"},
    {"E-missing-key", E, "缺少必填的键（如 mention 没有 any 或 all）"},
    {"E-never-fails", E, "规则永远不会判为不符合"},
    {"E-never-matches", E, "判定条件自相矛盾，永远不会命中"},
    {"E-never-passes", E, "规则永远不会判为符合或部分符合"},
    {"E-no-check", E, "规则没有 check（也没有标记 not_checkable）"},
    {"E-no-rules", E, "规则目录不存在"},
    {"E-not-a-file", E, "路径不是普通文件（管道、套接字或设备）"},
    {"E-not-found", E, "文件不存在"},
    {"E-ofd-broken", E, "OFD 文件损坏"},
    {"E-ofd-limit", E, "OFD 文件超过解压大小、条目数或嵌套等限制"},
    {"E-pdf-broken", E, "PDF 文件损坏或不是 PDF"},
    {"E-pdf-encrypted", E, "PDF 文件有密码保护"},
    {"E-pdf-limit", E, "PDF 文件超过大小或文字限制"},
    {"E-pdf-timeout", E, "读取 PDF 文件超时"},
    {"E-pdf-tool", E, "读取 PDF 所需的外部工具（pdftotext）缺失或出错"},
    {"E-regex-empty-match", E, "正则表达式能匹配空字符串"},
    {"E-regex-too-large", E, "正则表达式编译后超过大小限制"},
    {"E-symlink-outside", E, "规则文件是指向规则包文件夹之外的链接，拒绝读取"},
    {"E-text-limit", E, "提取出的文字超过限制 max_text_bytes"},
    {"E-too-deep", E, "规则文件嵌套过深"},
    {"E-too-large", E, "文件超过大小限制"},
    {"E-too-many-files", E, "规则包中的规则文件超过限制 max_rule_files"},
    {"E-too-many-terms", E, "词表或全部规则展开后的词条数超过限制 max_list_terms / max_total_terms"},
    {"E-type", E, "字段类型不对（如应为列表却是文字）"},
    {"E-unknown-check", E, "未知的检查类型"},
    {"E-unknown-key", E, "未知的键"},
    {"E-unknown-pack", E, "指定的规则包不存在"},
    {"E-unknown-role", E, "未知的章节角色"},
    {"E-unknown-setting", E, "引用了规则包未定义的设置项"},
    {"E-unknown-vocabulary", E, "引用了未定义的词表"},
    {"E-unreadable", E, "文件无法读取"},
    {"E-unsupported-format", E, "不支持的文件格式"},
    {"E-waiver", E, "豁免清单格式错误"},
    {"E-yaml", E, "YAML 语法错误"},
    {"E-yaml-alias", E, "规则文件中用了 YAML 别名（&/*），不允许"},
    {"N-ambiguous-signature-date", N, "落款日期可以读成不止一个日期，已忽略"},
    {"N-ofd-signature", N, "OFD 含电子签章；只读取文字，未验证签章"},
    {"N-pack-extended", N, "规则包扩展了先加载的同名规则包"},
    {"N-rule-override", N, "规则覆盖了先加载的同名规则"},
    {"N-traditional", N, "已将繁体字转换为简体字"},
    {"N-waiver-out-of-scope", N, "豁免的发文单位或年度与本报告不符，未使用"},
    {"N-year-hint-differs", N, "较弱的依据提示的年度与所用年度不同"},
    {"W-invalid-encoding", W, "网页中有无效的编码字节，已替换"},
    {"W-missing-example", W, "规则缺少某种判定的示例"},
    {"W-newer-outline", W, "报告年度晚于纲要规则包的适用年度，可能已有更新的纲要"},
    {"W-no-outline-for-year", W, "没有适用于该年度的纲要规则包"},
    {"W-no-packs", W, "规则目录中没有规则包"},
    {"W-no-year", W, "无法确定报告的年度"},
    {"W-not-checkable", W, "文档无法检查（如扫描件没有文字）"},
    {"W-unused-check", W, "规则标记了 not_checkable，check 不会被执行"},
    {"W-waiver-expired", W, "豁免已过期，未使用"},
    {"W-waiver-unknown-rule", W, "豁免指向不存在的规则"},
    {"W-year-conflict", W, "同等强度的依据给出的年度不一致"},
};

}  // namespace

std::span<const CodeInfo> DiagnosticCodes() { return kCodes; }

const CodeInfo* FindDiagnosticCode(std::string_view code) {
  auto it = std::lower_bound(std::begin(kCodes), std::end(kCodes), code,
                             [](const CodeInfo& c, std::string_view k) { return c.code < k; });
  return it != std::end(kCodes) && it->code == code ? &*it : nullptr;
}

}  // namespace fazhi
