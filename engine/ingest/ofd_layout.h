// OFD text layout: where each TextCode's characters stand on the page (Boundary, CTM, X/Y, DeltaX/DeltaY), and the
// reading order built from those places — lines by baseline top to bottom, left to right within a line, printed
// page numbers dropped, lines wrapped at the right margin joined into paragraphs (also across pages).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace pugi {
class xml_node;
}

namespace fazhi {

struct RawDocument;

// A 2-D affine map x' = a·x + c·y + e, y' = b·x + d·y + f (OFD's CTM order "a b c d e f").
struct Affine {
  double a = 1, b = 0, c = 0, d = 1, e = 0, f = 0;
  void Apply(double x, double y, double& ox, double& oy) const {
    ox = a * x + c * y + e;
    oy = b * x + d * y + f;
  }
  // This map, then `next`.
  Affine Then(const Affine& next) const;
  double Scale() const;  // the square root of |det|: how much lengths grow (1 when degenerate)
};

// One TextCode's characters as placed on the page (mm, y grows downwards).
struct TextRun {
  double x = 0, y = 0;  // the first character's origin (baseline)
  double end = 0;       // x after the last character
  double size = 0;      // the font size on the page
  std::string text;
};

// Numbers separated by spaces, at most `max_count`; "g N v" (DeltaX/DeltaY) stands for N copies of v. Anything
// that is not a finite number ends the list; values are clamped to ±1e6.
std::vector<double> ParseNumbers(std::string_view s, std::size_t max_count);

// The runs of one TextObject, placed by `place` (its CTM, then its Boundary's origin). `size` is the object's
// font size (0 when absent). `replaced` counts bytes of invalid UTF-8 turned into U+FFFD.
void TextObjectRuns(const pugi::xml_node& obj, const Affine& place, double size, std::vector<TextRun>& runs,
                    std::size_t& replaced);

// Lays the pages' runs out into out.text (one paragraph per line) and out.pages.
void LayOutPages(std::vector<std::vector<TextRun>>& pages, RawDocument& out);

}  // namespace fazhi
