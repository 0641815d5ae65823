// Issuing bodies, places and self-references (see issuer.h).
#include "segment/issuer.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <bit>
#include <initializer_list>

#include "segment/chars.h"

namespace fazhi::seg {

namespace {

bool IsHan(char32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0x20000 && cp <= 0x2FFFF);
}

bool AllHan(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    std::size_t next = i;
    if (!IsHan(CodePointAt(s, i, &next))) return false;
    i = next;
  }
  return !s.empty();
}

bool StartsWithAny(std::string_view s, std::initializer_list<std::string_view> heads) {
  return std::any_of(heads.begin(), heads.end(), [&](std::string_view h) { return s.starts_with(h); });
}

// Words that end like a place but name none: 全区, 辖区, 社区, 城镇 …
bool GenericPlace(std::string_view place) {
  static constexpr std::string_view kGeneric[] = {
      "全区", "本区", "我区", "各区", "该区", "城区", "辖区", "社区", "小区", "景区", "片区", "市区", "山区", "库区",
      "园区", "老区", "郊区", "矿区", "灾区", "街区", "功能区", "县区", "区县", "全县", "本县", "我县", "各县", "该县",
      "市县", "县市", "全市", "本市", "我市", "各市", "该市", "城市", "都市", "省市", "全镇", "本镇", "我镇", "各镇",
      "乡镇", "城镇", "村镇", "集镇", "小镇", "全乡", "本乡", "我乡", "各乡", "城乡", "全省", "本省", "我省", "各省",
      "外省", "全州", "本州", "各地区", "地区", "街道", "各街道", "本街道", "全街道", "我街道", "镇街", "各镇街"};
  for (std::string_view g : kGeneric)
    if (place == g) return true;
  // One character before the level word ("区政府", "县公安局" read from the left) is no name either.
  return Chars(place) < 2 || ContainsAny(place, {"和", "与", "及", "、", "我", "各级", "委", "党"}) ||
         StartsWithAny(place, {"全", "本", "各", "该", "其"});
}

std::string_view PlaceLevel(std::string_view place) {
  if (place.empty() || !AllHan(place) || GenericPlace(place)) return "";
  for (std::string_view m : {"北京市", "天津市", "上海市", "重庆市", "北京", "天津", "上海", "重庆"})
    if (place == m) return "province";
  if (place.ends_with("特别行政区")) return "";
  if (EndsWithAny(place, {"自治区", "省"})) return "province";
  if (EndsWithAny(place, {"开发区", "高新区", "工业园区", "产业园区", "园区", "试验区", "示范区", "合作区", "保税区",
                          "实验区", "管理区", "风景区", "旅游区"}))
    return "other";
  if (EndsWithAny(place, {"自治县", "自治旗", "县", "旗"})) return "county";
  if (EndsWithAny(place, {"街道"})) return "township";
  if (place.ends_with("区")) return "district";
  if (EndsWithAny(place, {"自治州", "州", "盟", "地区", "市"})) return "city";
  if (EndsWithAny(place, {"民族乡", "镇", "乡", "苏木"})) return "township";
  return "";
}

// A place named inside `s` before `limit` bytes: the shortest leading run that reads as a place
// ("南湖市市场监督管理局" → 南湖市, "光明区城市更新和土地整备局" → 光明区).
bool HasLeadingPlace(std::string_view s, std::size_t limit) {
  for (std::size_t i = 0; i < limit && i < s.size();) {
    std::size_t next = i;
    CodePointAt(s, i, &next);
    i = next;
    if (!PlaceLevel(s.substr(0, i)).empty()) return true;
  }
  return false;
}

constexpr std::string_view kDeptSuffixes[] = {"委员会", "办公室", "局", "厅", "委", "办", "部", "署", "中心"};

}  // namespace

std::string_view NameLevel(std::string_view name) {
  name = Trim(name);
  if (name.empty() || !AllHan(name) || Chars(name) > 40) return "";
  // A 街道办事处 (of whatever district government prefixes it) is a township-level body.
  if (EndsWithAny(name, {"街道办事处", "办事处", "街道办"})) return Chars(name) >= 5 ? "township" : "";
  if (EndsWithAny(name, {"管委会", "管理委员会"})) return Chars(name) >= 5 ? "other" : "";
  for (std::string_view gov : {"人民政府", "政府"}) {
    if (!name.ends_with(gov)) continue;
    std::string_view place = name.substr(0, name.size() - gov.size());
    // "中共黄湾镇委员会黄湾镇人民政府": a joint issuer; the government's own place is the last name.
    if (std::size_t c = place.rfind("委员会"); c != std::string_view::npos) place = place.substr(c + 9);
    return PlaceLevel(place);
  }
  if (!PlaceLevel(name).empty()) return PlaceLevel(name);
  if (name.starts_with("中共")) return "";  // a Party committee (中共某某镇委员会)
  // Party committees (区委, 县委, 党工委) are not government bodies.
  if (EndsWithAny(name, {"党委", "党工委", "市委", "县委", "区委", "省委", "镇委", "乡委", "州委", "旗委"})) return "";
  for (std::string_view suffix : kDeptSuffixes) {
    if (!name.ends_with(suffix)) continue;
    std::string_view head = name.substr(0, name.size() - suffix.size());
    if (HasLeadingPlace(head, head.size())) return "department";
    // A ministry or national body: 司法部, 国家税务总局, 国务院办公厅.
    if (StartsWithAny(name, {"国家", "国务院", "中华人民共和国"}) || (suffix == "部" && Chars(name) <= 8 && Chars(name) >= 3))
      return "department";
    return "";
  }
  return "";
}

std::string_view LeadingName(std::string_view s) {
  static constexpr std::string_view kPredicates[] = {
      "坚持", "深入", "持续", "始终", "以", "认真", "全面", "紧紧", "扎实", "不断", "积极", "围绕", "在", "紧密",
      "聚焦", "牢固", "牢牢", "把", "将", "按照", "根据", "严格", "进一步", "继续", "着力", "大力", "切实", "高度",
      "全力", "立足", "主动", "深化", "贯彻", "落实", "统筹", "强化", "加强", "推进", "推动", "坚决", "锚定", "对标",
      "精心", "突出", "注重", "充分", "依法", "狠抓", "健全", "完善", "奋力", "秉持", "紧扣", "树牢", "坚定", "全体",
      "上下", "党组", "党委", "各级", "共", "累计", "法治政府建设", "的法治政府建设", "2", "1"};
  std::string_view best;
  std::size_t chars = 0;
  for (std::size_t i = 0; i < s.size() && chars < 40;) {
    std::size_t next = i;
    char32_t cp = CodePointAt(s, i, &next);
    if (!IsHan(cp)) break;
    i = next;
    ++chars;
    if (chars < 2) continue;
    std::string_view name = s.substr(0, i), rest = s.substr(i);
    if (NameLevel(name).empty()) continue;
    bool followed = rest.empty() || StartsWithAny(rest, {",", "，", "、", " "});
    for (std::string_view p : kPredicates)
      if (!followed && rest.starts_with(p)) followed = true;
    if (followed) best = name;
  }
  return best;
}

std::string_view SkipOpeningAdverbials(std::string_view s) {
  auto skip_comma = [](std::string_view t) {
    t = Trim(t);
    for (std::string_view c : {",", "，", "、"})
      if (t.starts_with(c)) return Trim(t.substr(c.size()));
    return t;
  };
  s = Trim(s);
  // "2024年，" "2025年以来，" "2023年度，" "今年以来，"
  std::size_t digits = 0;
  while (digits < s.size() && s[digits] >= '0' && s[digits] <= '9') ++digits;
  if (digits == 4 && s.substr(4).starts_with("年")) {
    s = s.substr(4 + 3);
    if (s.starts_with("度")) s = s.substr(3);
    for (std::string_view tail : {"以来", "全年", "上半年"})
      if (s.starts_with(tail)) s = s.substr(tail.size());
    s = skip_comma(s);
  }
  for (std::string_view lead : {"今年以来", "一年来", "过去一年", "全年", "年内"})
    if (s.starts_with(lead)) s = skip_comma(s.substr(lead.size()));
  // "在市委、市政府的坚强领导下，在镇党委、镇人大的监督支持下，"
  for (int guard = 0; guard < 4 && s.starts_with("在"); ++guard) {
    std::size_t end = std::string_view::npos;
    for (std::string_view close : {"下,", "下，"}) {
      std::size_t p = s.find(close);
      if (p != std::string_view::npos && (end == std::string_view::npos || p < end)) end = p;
    }
    std::size_t stop = s.find("。");
    if (end == std::string_view::npos || end > 240 || (stop != std::string_view::npos && stop < end)) break;
    s = skip_comma(s.substr(end + 3));
  }
  return s;
}

namespace {
// The next 我 (E6 88 91) or 本 (E6 9C AC) at or after `from`, else npos: one pass for both words, sixteen bytes a
// step (string_view::find stops at every E6 lead byte, a sixth of Han characters, once for each word; this runs over
// every paragraph).
std::size_t NextSelfMark(std::string_view s, std::size_t from) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::size_t i = from;
#if defined(__SSE2__)
  const auto byte = [](unsigned char c) { return _mm_set1_epi8(static_cast<char>(c)); };
  const __m128i e6 = byte(0xE6), b91 = byte(0x91), bac = byte(0xAC);
  for (; i + 18 <= n; i += 16) {
    // E6 ?? 91 and E6 ?? AC, the middle byte checked at the few places found (one Han character in ~200).
    const __m128i x0 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    const __m128i x2 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i + 2));
    const __m128i last = _mm_or_si128(_mm_cmpeq_epi8(x2, b91), _mm_cmpeq_epi8(x2, bac));
    for (auto mask = static_cast<unsigned>(_mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(x0, e6), last))); mask != 0;
         mask &= mask - 1) {
      const std::size_t k = i + static_cast<std::size_t>(std::countr_zero(mask));
      if ((p[k + 1] == 0x88 && p[k + 2] == 0x91) || (p[k + 1] == 0x9C && p[k + 2] == 0xAC)) return k;
    }
  }
#endif
  for (; i + 3 <= n; ++i)
    if (p[i] == 0xE6 && ((p[i + 1] == 0x88 && p[i + 2] == 0x91) || (p[i + 1] == 0x9C && p[i + 2] == 0xAC))) return i;
  return std::string_view::npos;
}
}  // namespace

std::vector<SelfReference> FindSelfReferences(std::string_view s) {
  struct Word {
    std::string_view word, level;
  };
  static constexpr Word kWords[] = {
      {"我自治区", "province"}, {"我省", "province"}, {"本省", "province"}, {"我市", "city"},     {"本市", "city"},
      {"我州", "city"},         {"我盟", "city"},     {"我区", "district"}, {"本区", "district"}, {"我县", "county"},
      {"本县", "county"},       {"我旗", "county"},   {"我街道", "township"}, {"本街道", "township"},
      {"我镇", "township"},     {"本镇", "township"}, {"我乡", "township"}, {"本乡", "township"},
      {"我局", "department"},   {"本局", "department"}, {"我厅", "department"}, {"本厅", "department"},
      {"我委", "department"},   {"本委", "department"}, {"我办", "department"}, {"我署", "department"},
      {"我中心", "department"}};
  std::vector<SelfReference> out;
  for (std::size_t at = NextSelfMark(s, 0); at != std::string_view::npos; at = NextSelfMark(s, at + 3)) {
    std::string_view rest = s.substr(at);
    for (const Word& w : kWords) {
      if (!rest.starts_with(w.word)) continue;
      // "我区域", "本市场", "我局面" are other words.
      std::string_view after = rest.substr(w.word.size());
      if (StartsWithAny(after, {"域", "场", "面", "间", "分", "别"})) break;
      out.push_back({w.word, w.level, at});
      break;
    }
  }
  return out;
}

}  // namespace fazhi::seg
