// Office Open XML parts (DOCX, XLSX): element and attribute lookups by local name, whatever namespace prefix the
// producer chose (w:, x:, none), and parsing one part of a ZipArchive with the container's error code.
#pragma once

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

}  // namespace fazhi
