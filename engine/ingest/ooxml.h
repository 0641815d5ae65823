// XML parts of ZIP containers (DOCX, XLSX, OFD): element and attribute lookups by local name, whatever namespace
// prefix the producer chose (w:, x:, ofd:, none), parsing one part of a ZipArchive with the container's error code,
// the element tree's depth, and text made valid UTF-8.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace pugi {
class xml_node;
class xml_document;
}  // namespace pugi

namespace fazhi {

struct ZipFormat;

// "w:p" → "p".
std::string_view LocalName(const pugi::xml_node& n);
// The value of the attribute whose local name is `local`, or nullptr.
const char* AttrLocal(const pugi::xml_node& n, std::string_view local);
// The first child element whose local name is `local` (an empty node when none).
pugi::xml_node ChildLocal(const pugi::xml_node& n, std::string_view local);

// Parses part `name` (whitespace-only text kept); throws InputError(path, format.broken_code,
// "<name> in the <format.name> is not well-formed XML (…)") when it is not XML.
pugi::xml_document ParseXmlPart(const std::string& path, const ZipFormat& format, const std::string& name,
                                const std::string& data);

// The element tree's depth below `root`, without recursion (readers check it against max_markup_depth before
// walking the tree recursively).
std::size_t XmlDepth(const pugi::xml_node& root);

// Appends `s` to `out`; pugixml does not check UTF-8, so a bad byte becomes U+FFFD here (readers hand on valid UTF-8
// only). Returns how many were replaced.
std::size_t AppendRepaired(std::string& out, std::string_view s);

}  // namespace fazhi
