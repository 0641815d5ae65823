// Word documents (DOCX): paragraphs and tables in order from the main document part, heading styles and
// outline levels as heading hints, core properties as title/date hints; zip-bomb limits on the archive.
#include <pugixml.hpp>

#include <algorithm>
#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>

#include "core/error.h"
#include "core/messages.h"
#include "core/utf8.h"
#include "ingest/encoding.h"
#include "ingest/format_reader.h"
#include "ingest/ooxml.h"
#include "ingest/zip_archive.h"

namespace fazhi {
namespace {

constexpr std::string_view kCellSeparator = "｜";

constexpr ZipFormat kDocx = {"DOCX", "E-docx-broken", "E-docx-limit", "ingest.hint-docx"};

// ---- styles ------------------------------------------------------------------------------------------------

struct StyleInfo {
  std::string name;     // "heading 1", "标题 1", "Title"
  std::string based_on;
  int outline = -1;     // w:outlineLvl in the style, 0-based; -1 none
};

class Styles {
 public:
  void Load(const pugi::xml_document& doc) {
    pugi::xml_node root = doc.first_child();
    for (pugi::xml_node s : root.children()) {
      if (LocalName(s) != "style") continue;
      const char* id = AttrLocal(s, "styleId");
      if (!id) continue;
      StyleInfo info;
      if (pugi::xml_node n = ChildLocal(s, "name")) info.name = AttrOr(n, "val");
      if (pugi::xml_node b = ChildLocal(s, "basedOn")) info.based_on = AttrOr(b, "val");
      if (pugi::xml_node ppr = ChildLocal(s, "pPr"))
        if (pugi::xml_node o = ChildLocal(ppr, "outlineLvl")) info.outline = ParseInt(AttrOr(o, "val"), -1);
      styles_[id] = info;
    }
  }

  // Heading level (1-based) of a style id, 0 when not a heading; sets `title` for the Title style.
  int HeadingLevel(const std::string& id, bool& title) const {
    std::string current = id;
    for (int depth = 0; depth < 10 && !current.empty(); ++depth) {
      auto it = styles_.find(current);
      int by_name = it != styles_.end() ? LevelFromName(it->second.name, title) : LevelFromName(current, title);
      if (title) return 1;
      if (by_name > 0) return by_name;
      if (it == styles_.end()) return 0;
      if (it->second.outline >= 0 && it->second.outline < 9) return it->second.outline + 1;
      current = it->second.based_on;
    }
    return 0;
  }

  static int ParseInt(const std::string& s, int fallback) {
    if (s.empty() || s.size() > 3) return fallback;
    int v = 0;
    for (char c : s) {
      if (c < '0' || c > '9') return fallback;
      v = v * 10 + (c - '0');
    }
    return v;
  }

 private:
  static std::string AttrOr(const pugi::xml_node& n, std::string_view local) {
    const char* v = AttrLocal(n, local);
    return v ? v : "";
  }

  // "heading 1" / "Heading1" / "标题 1" / "标题1" → 1; "Title" / "标题" → title.
  static int LevelFromName(const std::string& raw, bool& title) {
    std::string name = AsciiLower(raw);
    name.erase(std::remove(name.begin(), name.end(), ' '), name.end());
    if (name == "title" || name == "标题") {
      title = true;
      return 1;
    }
    for (std::string_view prefix : {std::string_view("heading"), std::string_view("标题")}) {
      if (name.size() == prefix.size() + 1 && name.compare(0, prefix.size(), prefix) == 0) {
        char d = name.back();
        if (d >= '1' && d <= '9') return d - '0';
      }
    }
    return 0;
  }

  std::unordered_map<std::string, StyleInfo> styles_;
};

// ---- document.xml ------------------------------------------------------------------------------------------

class BodyWriter {
 public:
  BodyWriter(const Styles& styles, RawDocument& out) : styles_(styles), out_(out) {}
  std::size_t replaced() const { return replaced_; }

  void Blocks(const pugi::xml_node& container) {
    for (pugi::xml_node c : container.children()) {
      std::string_view n = LocalName(c);
      if (n == "p") Paragraph(c);
      else if (n == "tbl") Table(c);
      else if (n == "sdt") Blocks(ChildLocal(c, "sdtContent"));
      else if (n == "customXml" || n == "ins" || n == "moveTo") Blocks(c);
    }
  }

 private:
  void Paragraph(const pugi::xml_node& p) {
    std::string text;
    Inline(p, text);
    int level = 0;
    bool title = false;
    if (pugi::xml_node ppr = ChildLocal(p, "pPr")) {
      if (pugi::xml_node o = ChildLocal(ppr, "outlineLvl")) {
        int v = Styles::ParseInt(AttrLocal(o, "val") ? AttrLocal(o, "val") : "", -1);
        if (v >= 0 && v < 9) level = v + 1;
      }
      if (level == 0)
        if (pugi::xml_node s = ChildLocal(ppr, "pStyle"))
          if (const char* id = AttrLocal(s, "val")) level = styles_.HeadingLevel(id, title);
    }
    if (text.find_first_not_of(" \t\n") == std::string::npos) return;
    std::size_t start = out_.text.size();
    out_.text += text;
    out_.text += '\n';
    if (level > 0) out_.headings.push_back({static_cast<std::uint32_t>(start), level, title});
  }

  // Runs and their containers, in order: w:t text, w:tab → tab, w:br / w:cr → line break; deleted text and
  // field instructions are skipped.
  void Inline(const pugi::xml_node& n, std::string& text) {
    for (pugi::xml_node c : n.children()) {
      std::string_view name = LocalName(c);
      if (name == "t") replaced_ += AppendRepaired(text, c.text().get());
      else if (name == "tab" && LocalName(n) == "r") text += '\t';
      else if (name == "br" || name == "cr") text += '\n';
      else if (name == "noBreakHyphen") text += '-';
      else if (name == "r" || name == "hyperlink" || name == "smartTag" || name == "ins" || name == "customXml" ||
               name == "fldSimple" || name == "moveTo" || name == "sdtContent" || name == "dir" || name == "bdo")
        Inline(c, text);
      else if (name == "sdt") Inline(ChildLocal(c, "sdtContent"), text);
    }
  }

  // One line per row, cells separated by "｜"; paragraphs inside a cell joined by a space.
  void Table(const pugi::xml_node& tbl) {
    for (pugi::xml_node tr : tbl.children()) {
      if (LocalName(tr) != "tr") continue;
      std::string line;
      bool first = true;
      for (pugi::xml_node tc : tr.children()) {
        if (LocalName(tc) != "tc") continue;
        std::string cell;
        CellText(tc, cell);
        for (char& ch : cell)
          if (ch == '\n' || ch == '\t') ch = ' ';
        while (!cell.empty() && cell.back() == ' ') cell.pop_back();
        if (!first) line += kCellSeparator;
        line += cell;
        first = false;
      }
      if (line.find_first_not_of(" ") == std::string::npos) continue;
      out_.text += line;
      out_.text += '\n';
    }
  }

  void CellText(const pugi::xml_node& n, std::string& cell) {
    for (pugi::xml_node c : n.children()) {
      std::string_view name = LocalName(c);
      if (name == "p") {
        std::string t;
        Inline(c, t);
        if (t.empty()) continue;
        if (!cell.empty()) cell += ' ';
        cell += t;
      } else if (name == "tbl" || name == "tr" || name == "tc" || name == "sdt" || name == "sdtContent") {
        CellText(c, cell);
      }
    }
  }

  const Styles& styles_;
  RawDocument& out_;
  std::size_t replaced_ = 0;
};

// The main document part named by _rels/.rels (normally word/document.xml).
std::string MainPart(ZipArchive& zip, const std::string& path) {
  if (auto rels = zip.Read("_rels/.rels")) {
    pugi::xml_document doc;
    if (doc.load_buffer(rels->data(), rels->size())) {
      for (pugi::xml_node r : doc.first_child().children()) {
        const char* type = AttrLocal(r, "Type");
        const char* target = AttrLocal(r, "Target");
        if (!type || !target) continue;
        std::string_view t = type;
        if (t.size() >= 15 && t.substr(t.size() - 15) == "/officeDocument") {
          std::string part = target;
          if (!part.empty() && part[0] == '/') part.erase(0, 1);
          if (zip.Has(part)) return part;
        }
      }
    }
  }
  (void)path;
  return "word/document.xml";
}

// What a ZIP without a Word document is, for the error message.
std::string DescribeZip(ZipArchive& zip) {
  if (auto mime = zip.Read("mimetype")) {
    if (mime->find("opendocument.text") != std::string::npos) return Msg("kind.odt");
    if (mime->find("epub") != std::string::npos) return Msg("kind.epub");
  }
  if (zip.Has("OFD.xml")) return Msg("kind.ofd");
  if (zip.Has("xl/workbook.xml")) return Msg("kind.xlsx");
  if (zip.Has("ppt/presentation.xml")) return Msg("kind.pptx");
  return Msg("kind.zip");
}

void ReadCoreProperties(ZipArchive& zip, RawDocument& out) {
  auto core = zip.Read("docProps/core.xml");
  if (!core) return;
  pugi::xml_document doc;
  if (!doc.load_buffer(core->data(), core->size())) return;  // optional part: ignore when broken
  for (pugi::xml_node c : doc.first_child().children()) {
    std::string_view n = LocalName(c);
    std::string value;
    AppendRepaired(value, c.text().get());
    if (n == "title" && !value.empty() && value.find_first_not_of(' ') != std::string::npos) {
      out.title = {value, "DOCX core property dc:title"};
    } else if (n == "created" && value.size() >= 10) {
      if (auto d = ParseIsoDate(std::string_view(value).substr(0, 10)))
        out.published = {*d, "DOCX core property dcterms:created"};
    }
  }
}

class DocxReaderImpl final : public FormatReader {
 public:
  const char* Name() const override { return "docx"; }
  bool Sniff(std::string_view head) const override {
    return head.substr(0, 4) == "PK\x03\x04" || head.substr(0, 4) == "PK\x05\x06";
  }
  // Every OOXML package has [Content_Types].xml; a ZIP without it (an OFD, a plain archive) is left to a reader
  // that claims it, and comes back here when none does (the error then names what it is).
  bool Claims(std::string_view bytes) const override { return ZipHasRootEntry(bytes, "[Content_Types].xml"); }
  std::span<const std::string_view> Extensions() const override {
    static constexpr std::string_view kExtensions[] = {".docx", ".docm"};
    return kExtensions;
  }
  void Read(std::string_view bytes, const Limits& limits, RawDocument& out) const override {
    if (!Sniff(bytes.substr(0, 4)))
      throw InputProblem(out.path, "E-docx-broken.not-zip");
    ZipArchive zip(out.path, bytes, kDocx,
                   {limits.max_unzipped_bytes, limits.max_zip_entries, limits.max_zip_ratio});
    zip.CheckDeclaredSizes();
    std::string main = MainPart(zip, out.path);
    auto document = zip.Read(main);
    if (!document)
      throw InputProblem(out.path, "E-unsupported-format.zip", {DescribeZip(zip)});
    Styles styles;
    if (auto s = zip.Read("word/styles.xml")) {
      pugi::xml_document sdoc;
      if (sdoc.load_buffer(s->data(), s->size())) styles.Load(sdoc);
    }
    pugi::xml_document doc = ParseXmlPart(out.path, kDocx, main, *document);
    const auto max_depth = static_cast<std::size_t>(std::max(limits.max_markup_depth, 1));
    if (std::size_t depth = XmlDepth(doc); depth > max_depth)
      throw InputProblem(out.path, "E-docx-limit.depth", {main, std::to_string(depth), std::to_string(max_depth)});
    pugi::xml_node body = ChildLocal(doc.first_child(), "body");
    if (!body) throw InputProblem(out.path, "E-docx-broken.no-body", {main});
    out.encoding = "UTF-8";
    BodyWriter writer(styles, out);
    writer.Blocks(body);
    if (writer.replaced() > 0)
      out.diagnostics.push_back(
          MakeDiagnostic("W-invalid-encoding.part", {std::to_string(writer.replaced()), main}, out.path));
    ReadCoreProperties(zip, out);
    if (!HasVisibleText(out.text))
      throw InputProblem(out.path, "E-empty.docx");
  }
};

}  // namespace

const FormatReader& DocxReader() {
  static const DocxReaderImpl kReader;
  return kReader;
}

}  // namespace fazhi
