// OOXML part helpers (see ooxml.h).
#include "ingest/ooxml.h"

#include <pugixml.hpp>

#include "core/error.h"
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
    throw InputError(path, format.broken_code,
                     name + " in the " + format.name + " is not well-formed XML (" + r.description() + " at byte " +
                         std::to_string(r.offset) + ")");
  return doc;
}

}  // namespace fazhi
