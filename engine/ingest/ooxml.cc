// OOXML part helpers (see ooxml.h).
#include "ingest/ooxml.h"

#include <pugixml.hpp>

#include <algorithm>
#include <utility>
#include <vector>

#include "core/error.h"
#include "core/messages.h"
#include "core/utf8.h"
#include "ingest/zip_archive.h"

namespace fazhi {

std::string_view LocalName(const pugi::xml_node& n) {
  std::string_view name = n.name();
  std::size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

const char* AttrLocal(const pugi::xml_node& n, std::string_view local) {
  for (const pugi::xml_attribute& a : n.attributes()) {
    std::string_view name = a.name();
    std::size_t colon = name.find(':');
    if ((colon == std::string_view::npos ? name : name.substr(colon + 1)) == local) return a.value();
  }
  return nullptr;
}

pugi::xml_node ChildLocal(const pugi::xml_node& n, std::string_view local) {
  for (pugi::xml_node c : n.children())
    if (LocalName(c) == local) return c;
  return {};
}

pugi::xml_document ParseXmlPart(const std::string& path, const ZipFormat& format, const std::string& name,
                                const std::string& data) {
  pugi::xml_document doc;
  pugi::xml_parse_result r = doc.load_buffer(data.data(), data.size(), pugi::parse_default | pugi::parse_ws_pcdata);
  if (!r)
    throw InputProblem(path, format.broken_code, "zip.bad-xml",
                       {format.name, name, r.description(), std::to_string(r.offset)}, format.broken_hint);
  return doc;
}

std::size_t XmlDepth(const pugi::xml_node& root) {
  std::size_t max_depth = 0;
  std::vector<std::pair<pugi::xml_node, std::size_t>> stack = {{root, 0}};
  while (!stack.empty()) {
    auto [n, depth] = stack.back();
    stack.pop_back();
    max_depth = std::max(max_depth, depth);
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) stack.push_back({c, depth + 1});
  }
  return max_depth;
}

std::size_t AppendRepaired(std::string& out, std::string_view s) {
  if (FindInvalidUtf8(s) == std::string_view::npos) {
    out += s;
    return 0;
  }
  std::size_t replaced = 0, i = 0;
  while (i < s.size()) {
    std::size_t before = i;
    char32_t cp = DecodeUtf8(s, i);
    if (cp == 0xFFFD && s.substr(before, 3) != "\xEF\xBF\xBD") ++replaced;
    AppendUtf8(out, cp);
  }
  return replaced;
}

}  // namespace fazhi
