// OFD documents (GB/T 33190-2016, the national fixed-layout format): OFD.xml → DocBody → Document.xml → each page's
// Content.xml (and its template page); text from TextObject/TextCode placed on the page and read in reading order
// (lines by baseline, top to bottom; left to right in a line; wrapped lines joined into paragraphs); DocInfo as
// title/author/date hints; signatures noted, not verified; images only → not checkable. Layout in ofd_layout.cc.
#include <pugixml.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/messages.h"
#include "ingest/encoding.h"
#include "ingest/format_reader.h"
#include "ingest/ofd_layout.h"
#include "ingest/ooxml.h"
#include "ingest/zip_archive.h"

namespace fazhi {
namespace {

constexpr ZipFormat kOfd = {"OFD", "E-ofd-broken", "E-ofd-limit", "ingest.hint-ofd"};

// "Doc_0/Pages/../Res" → "Doc_0/Res"; a leading "/" is the package root.
std::string CleanPath(const std::string& path) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    std::string part = path.substr(start, end - start);
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    start = end + 1;
  }
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

std::string DirOf(const std::string& path) {
  std::size_t slash = path.rfind('/');
  return slash == std::string::npos ? "" : path.substr(0, slash + 1);
}

class OfdPackage {
 public:
  OfdPackage(const std::string& path, std::string_view bytes, const Limits& limits)
      : path_(path),
        limits_(limits),
        zip_(path, bytes, kOfd, {limits.max_unzipped_bytes, limits.max_zip_entries, limits.max_zip_ratio}) {
    zip_.CheckDeclaredSizes();
  }

  // `ref` as written in a file under `base_dir` ("Pages/Page_0/Content.xml" in Doc_0/Document.xml); an absolute
  // "/Doc_0/…" is from the package root. Some producers write root-relative paths without the slash: tried second.
  std::optional<std::string> Resolve(const std::string& base_dir, const std::string& ref) const {
    if (ref.empty()) return std::nullopt;
    std::string first = ref[0] == '/' ? CleanPath(ref) : CleanPath(base_dir + ref);
    if (zip_.Has(first)) return first;
    std::string second = CleanPath(ref);
    if (zip_.Has(second)) return second;
    return std::nullopt;
  }

  // Parses one XML part, checked against max_markup_depth. `what` names it in messages.
  pugi::xml_document Parse(const std::string& name) {
    auto data = zip_.Read(name);
    if (!data) throw InputProblem(path_, "E-ofd-broken.missing-part", {name});
    pugi::xml_document doc = ParseXmlPart(path_, kOfd, name, *data);
    const auto max_depth = static_cast<std::size_t>(std::max(limits_.max_markup_depth, 1));
    if (std::size_t depth = XmlDepth(doc); depth > max_depth)
      throw InputProblem(path_, "E-ofd-limit.depth", {name, std::to_string(depth), std::to_string(max_depth)});
    return doc;
  }

  bool Has(const std::string& name) const { return zip_.Has(name); }

 private:
  std::string path_;
  const Limits& limits_;
  ZipArchive zip_;
};

std::string ChildText(const pugi::xml_node& n, std::string_view local) {
  std::string out;
  if (pugi::xml_node c = ChildLocal(n, local)) AppendRepaired(out, c.text().get());
  std::size_t b = out.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  return out.substr(b, out.find_last_not_of(" \t\r\n") - b + 1);
}

// The text objects of one page (and of its template pages), collected for the layout.
class PageCollector {
 public:
  PageCollector(std::vector<TextRun>& runs, std::size_t& images, std::size_t& replaced)
      : runs_(runs), images_(images), replaced_(replaced) {}

  void Content(const pugi::xml_node& page) {
    for (pugi::xml_node c : page.children())
      if (LocalName(c) == "Content") Blocks(c, Affine{});
  }

 private:
  // Layers, page blocks and the objects in them, in drawing order (the layout sorts them).
  void Blocks(const pugi::xml_node& n, const Affine& outer) {
    for (pugi::xml_node c : n.children()) {
      std::string_view name = LocalName(c);
      if (name == "Layer" || name == "PageBlock") Blocks(c, outer);
      else if (name == "TextObject") Text(c, outer);
      else if (name == "ImageObject") ++images_;
    }
  }

  void Text(const pugi::xml_node& obj, const Affine& outer) {
    std::vector<double> box = ParseNumbers(AttrLocal(obj, "Boundary") ? AttrLocal(obj, "Boundary") : "", 4);
    box.resize(4, 0.0);
    Affine ctm;
    if (const char* m = AttrLocal(obj, "CTM")) {
      std::vector<double> v = ParseNumbers(m, 6);
      if (v.size() == 6) ctm = {v[0], v[1], v[2], v[3], v[4], v[5]};
    }
    // Object space → CTM → the boundary's origin on the page.
    Affine place = ctm.Then(Affine{1, 0, 0, 1, box[0], box[1]}).Then(outer);
    std::vector<double> size_v = ParseNumbers(AttrLocal(obj, "Size") ? AttrLocal(obj, "Size") : "", 1);
    double size = size_v.empty() ? 0 : size_v[0];
    TextObjectRuns(obj, place, size, runs_, replaced_);
  }

  std::vector<TextRun>& runs_;
  std::size_t& images_;
  std::size_t& replaced_;
};

std::optional<Date> OfdDate(const std::string& s) {
  if (s.size() < 10) return std::nullopt;
  return ParseIsoDate(std::string_view(s).substr(0, 10));
}

class OfdReaderImpl final : public FormatReader {
 public:
  const char* Name() const override { return "ofd"; }
  // A ZIP is an OFD when it holds OFD.xml at its root; the entry may come anywhere in the archive, so the whole
  // file is looked at (Claims), not only its first bytes.
  bool Sniff(std::string_view head) const override { return head.substr(0, 4) == "PK\x03\x04"; }
  bool Claims(std::string_view bytes) const override { return ZipHasRootEntry(bytes, "OFD.xml"); }
  std::span<const std::string_view> Extensions() const override {
    static constexpr std::string_view kExtensions[] = {".ofd"};
    return kExtensions;
  }

  void Read(std::string_view bytes, const Limits& limits, RawDocument& out) const override {
    if (bytes.substr(0, 2) != "PK")
      throw InputProblem(out.path, "E-ofd-broken.not-zip");
    OfdPackage pkg(out.path, bytes, limits);
    if (!pkg.Has("OFD.xml"))
      throw InputProblem(out.path, "E-ofd-broken.no-ofd-xml");
    pugi::xml_document ofd = pkg.Parse("OFD.xml");
    pugi::xml_node body = ChildLocal(ofd.first_child(), "DocBody");
    if (!body) throw InputProblem(out.path, "E-ofd-broken.no-doc-body");
    pugi::xml_node info = ChildLocal(body, "DocInfo");
    auto doc_root = pkg.Resolve("", ChildText(body, "DocRoot"));
    if (!doc_root)
      throw InputProblem(out.path, "E-ofd-broken.no-doc-root");
    pugi::xml_document document = pkg.Parse(*doc_root);
    const std::string doc_dir = DirOf(*doc_root);
    pugi::xml_node droot = document.first_child();
    pugi::xml_node pages = ChildLocal(droot, "Pages");

    // Template pages by ID, parsed when a page first uses them.
    std::map<std::string, std::string> template_files;
    if (pugi::xml_node common = ChildLocal(droot, "CommonData"))
      for (pugi::xml_node t : common.children())
        if (LocalName(t) == "TemplatePage" && AttrLocal(t, "ID") && AttrLocal(t, "BaseLoc"))
          if (auto f = pkg.Resolve(doc_dir, AttrLocal(t, "BaseLoc"))) template_files[AttrLocal(t, "ID")] = *f;
    std::map<std::string, std::pair<std::vector<TextRun>, std::size_t>> templates;  // runs, images

    std::vector<std::vector<TextRun>> page_runs;
    std::size_t images = 0, replaced = 0;
    for (pugi::xml_node p : pages.children()) {
      if (LocalName(p) != "Page") continue;
      if (static_cast<int>(page_runs.size()) >= limits.max_ofd_pages)
        throw InputProblem(out.path, "E-ofd-limit.pages", {std::to_string(limits.max_ofd_pages)});
      const char* loc = AttrLocal(p, "BaseLoc");
      auto file = pkg.Resolve(doc_dir, loc ? loc : "");
      if (!file)
        throw InputProblem(out.path, "E-ofd-broken.no-page", {std::to_string(page_runs.size() + 1), loc ? loc : ""});
      pugi::xml_document page = pkg.Parse(*file);
      std::vector<TextRun> runs;
      for (pugi::xml_node t : page.first_child().children()) {
        if (LocalName(t) != "Template" || !AttrLocal(t, "TemplateID")) continue;
        std::string id = AttrLocal(t, "TemplateID");
        auto known = template_files.find(id);
        if (known == template_files.end()) continue;
        auto done = templates.find(id);
        if (done == templates.end()) {
          std::vector<TextRun> truns;
          std::size_t timages = 0;
          pugi::xml_document tdoc = pkg.Parse(known->second);
          PageCollector(truns, timages, replaced).Content(tdoc.first_child());
          done = templates.emplace(id, std::make_pair(std::move(truns), timages)).first;
        }
        runs.insert(runs.end(), done->second.first.begin(), done->second.first.end());
        images += done->second.second;
      }
      PageCollector(runs, images, replaced).Content(page.first_child());
      page_runs.push_back(std::move(runs));
    }
    if (page_runs.empty()) throw InputProblem(out.path, "E-ofd-broken.no-pages");

    out.encoding = "UTF-8";
    LayOutPages(page_runs, out);
    if (replaced > 0)
      out.diagnostics.push_back(MakeDiagnostic("W-invalid-encoding.bytes", {std::to_string(replaced)}, out.path));

    // Document properties: hints, as DOCX core properties are.
    if (info) {
      if (std::string title = ChildText(info, "Title"); HasVisibleText(title)) out.title = {title, "OFD DocInfo Title"};
      if (std::string author = ChildText(info, "Author"); HasVisibleText(author))
        out.author = {author, "OFD DocInfo Author"};
      if (auto d = OfdDate(ChildText(info, "CreationDate"))) out.published = {*d, "OFD DocInfo CreationDate"};
    }
    // Electronic seals and signatures (Signs/): noted, not verified.
    if (ChildLocal(body, "Signatures")) {
      std::size_t count = 0;
      if (auto f = pkg.Resolve("", ChildText(body, "Signatures"))) {
        pugi::xml_document sdoc = pkg.Parse(*f);
        for (pugi::xml_node s : sdoc.first_child().children()) count += LocalName(s) == "Signature";
      }
      out.diagnostics.push_back(MakeDiagnostic("N-ofd-signature", {std::to_string(count)}, out.path));
    }

    std::size_t visible = 0;
    for (char c : out.text) visible += c != ' ' && c != '\n' && c != '\t';
    // A scan saved as OFD: page images, (next to) no text. Needs OCR, as a scanned PDF does.
    if (images > 0 && (visible < 20 || visible < page_runs.size() * 10))
      throw NotCheckableError(Msg("W-not-checkable.no-text-layer"));
    if (!HasVisibleText(out.text)) throw InputProblem(out.path, "E-empty.ofd");
  }
};

}  // namespace

const FormatReader& OfdReader() {
  static const OfdReaderImpl kReader;
  return kReader;
}

}  // namespace fazhi
