// Names of issuing bodies and places as reports write them, and the level of government they stand for:
// "湖北省人民政府" (province), "深圳市龙华区" (district), "小龙门乡" (township), "郑州市教育局" (department),
// "河北唐山芦台经济开发区管委会" (other); the subject of an opening sentence ("2024年，东城区坚持…" → 东城区); the
// self-references a report uses for its issuer (我区, 我县, 我局 …).
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace fazhi::seg {

// The level of government a body's or a place's name stands for: "province", "city", "district", "county",
// "township", "department", "other"; "" when the name is none of these or too generic ("区政府", "全县").
// A government is the level of its place ("鲤城区人民政府金龙街道办事处" is a township); a 局/厅/委/办/部 of any
// government is a department; a development zone or its 管委会 is "other".
std::string_view NameLevel(std::string_view name);

// A body or a place named at the start of `s` and followed by what it did: "东城区坚持以…" → "东城区",
// "泾源县公安局在县委…" → "泾源县公安局", "龙华区政务服务和数据管理局坚持…" → the whole bureau name. The longest
// such name (at most 40 characters); "" when `s` does not start with one.
std::string_view LeadingName(std::string_view s);

// `s` from the point where its grammatical subject starts: "2024年，在县委、县政府的正确领导下，平东镇持续…" →
// "平东镇持续…" (leading year phrase and 在…下 clauses skipped).
std::string_view SkipOpeningAdverbials(std::string_view s);

// "我区", "我县", "我局", "我镇政府" …: a report's words for its own issuer, with the level each implies.
struct SelfReference {
  std::string_view word;   // "我区"
  std::string_view level;  // "district"
  std::size_t offset = 0;  // byte offset in the searched text
};
std::vector<SelfReference> FindSelfReferences(std::string_view s);

}  // namespace fazhi::seg
