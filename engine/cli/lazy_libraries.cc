// libzip (DOCX, OFD and XLSX input) and libxlsxwriter (XLSX output) are not linked into the binary: most runs use
// neither, and loading them — with OpenSSL's libcrypto, which both need, and libbz2, zlib and minizip — was 5.7 M of
// the 10.2 M instructions of `fazhi --version` (1,187 symbol relocations in libcrypto alone; docs/performance.md,
// issue 21 session 8). Each function fazhi calls is defined here and forwards to the library's own, which is
// opened (by soname, found by CMake) the first time one of its functions is called. The engine's code calls them
// as usual; the tests link the libraries themselves (engine/CMakeLists.txt). These definitions are not exported, so
// a library's calls to its own functions stay inside it. A function added to the engine without its definition
// here is a link error of the binary, not a wrong call.
// OpenCC (traditional-character text only) the same way, through its C functions (normalize/traditional.cc).
#if defined(FAZHI_LIBZIP_SONAME) && defined(FAZHI_XLSXWRITER_SONAME) && defined(FAZHI_OPENCC_SONAME)

#include <dlfcn.h>
#include <opencc.h>
#include <xlsxwriter.h>
#include <zip.h>

#include <mutex>
#include <stdexcept>
#include <string>

#include "core/messages.h"

namespace fazhi {
namespace {

struct Library {
  explicit Library(const char* name) : soname(name) {}
  const char* soname;
  void* handle = nullptr;
  std::string error;
  std::once_flag opened;
};
Library libzip{FAZHI_LIBZIP_SONAME};
Library libxlsxwriter{FAZHI_XLSXWRITER_SONAME};
Library libopencc{FAZHI_OPENCC_SONAME};

// The library's own `name`; throws when the library cannot be opened (a broken installation), which the caller
// reports like any failure of reading or writing that file.
void* Real(Library& lib, const char* name) {
  std::call_once(lib.opened, [&lib] {
    lib.handle = dlopen(lib.soname, RTLD_NOW | RTLD_LOCAL);
    if (!lib.handle) lib.error = dlerror();
  });
  void* fn = lib.handle ? dlsym(lib.handle, name) : nullptr;
  if (!fn) throw std::runtime_error(Msg("install.no-library", {lib.soname, lib.handle ? name : lib.error}));
  return fn;
}

}  // namespace
}  // namespace fazhi

// One forwarding definition: the real function looked up once (a function-local static: thread-safe, and tried
// again after a failure).
#define FAZHI_FORWARD(lib, ret, name, params, args)                                            \
  extern "C" ret name params {                                                                 \
    static const auto real = reinterpret_cast<decltype(&::name)>(fazhi::Real(fazhi::lib, #name)); \
    return real args;                                                                          \
  }

FAZHI_FORWARD(libzip, void, zip_discard, (zip_t* a), (a))
FAZHI_FORWARD(libzip, void, zip_error_fini, (zip_error_t* a), (a))
FAZHI_FORWARD(libzip, void, zip_error_init, (zip_error_t* a), (a))
FAZHI_FORWARD(libzip, const char*, zip_error_strerror, (zip_error_t* a), (a))
FAZHI_FORWARD(libzip, int, zip_fclose, (zip_file_t* a), (a))
FAZHI_FORWARD(libzip, zip_error_t*, zip_file_get_error, (zip_file_t* a), (a))
FAZHI_FORWARD(libzip, zip_file_t*, zip_fopen_index, (zip_t* a, zip_uint64_t b, zip_flags_t c), (a, b, c))
FAZHI_FORWARD(libzip, zip_int64_t, zip_fread, (zip_file_t* a, void* b, zip_uint64_t c), (a, b, c))
FAZHI_FORWARD(libzip, zip_error_t*, zip_get_error, (zip_t* a), (a))
FAZHI_FORWARD(libzip, zip_int64_t, zip_get_num_entries, (zip_t* a, zip_flags_t b), (a, b))
FAZHI_FORWARD(libzip, zip_int64_t, zip_name_locate, (zip_t* a, const char* b, zip_flags_t c), (a, b, c))
FAZHI_FORWARD(libzip, zip_t*, zip_open_from_source, (zip_source_t* a, int b, zip_error_t* c), (a, b, c))
FAZHI_FORWARD(libzip, zip_source_t*, zip_source_buffer_create, (const void* a, zip_uint64_t b, int c, zip_error_t* d),
              (a, b, c, d))
FAZHI_FORWARD(libzip, void, zip_source_free, (zip_source_t* a), (a))
FAZHI_FORWARD(libzip, int, zip_stat_index, (zip_t* a, zip_uint64_t b, zip_flags_t c, zip_stat_t* d), (a, b, c, d))
FAZHI_FORWARD(libzip, void, zip_stat_init, (zip_stat_t* a), (a))

FAZHI_FORWARD(libxlsxwriter, void, format_set_align, (lxw_format* a, uint8_t b), (a, b))
FAZHI_FORWARD(libxlsxwriter, void, format_set_bg_color, (lxw_format* a, lxw_color_t b), (a, b))
FAZHI_FORWARD(libxlsxwriter, void, format_set_bold, (lxw_format* a), (a))
FAZHI_FORWARD(libxlsxwriter, void, format_set_border, (lxw_format* a, uint8_t b), (a, b))
FAZHI_FORWARD(libxlsxwriter, void, format_set_num_format, (lxw_format* a, const char* b), (a, b))
FAZHI_FORWARD(libxlsxwriter, void, format_set_text_wrap, (lxw_format* a), (a))
FAZHI_FORWARD(libxlsxwriter, char*, lxw_strerror, (lxw_error a), (a))
FAZHI_FORWARD(libxlsxwriter, lxw_format*, workbook_add_format, (lxw_workbook* a), (a))
FAZHI_FORWARD(libxlsxwriter, lxw_worksheet*, workbook_add_worksheet, (lxw_workbook* a, const char* b), (a, b))
FAZHI_FORWARD(libxlsxwriter, lxw_error, workbook_close, (lxw_workbook* a), (a))
FAZHI_FORWARD(libxlsxwriter, lxw_workbook*, workbook_new, (const char* a), (a))
FAZHI_FORWARD(libxlsxwriter, lxw_workbook*, workbook_new_opt, (const char* a, lxw_workbook_options* b), (a, b))
FAZHI_FORWARD(libxlsxwriter, lxw_error, workbook_set_properties, (lxw_workbook* a, lxw_doc_properties* b), (a, b))
FAZHI_FORWARD(libxlsxwriter, void, worksheet_activate, (lxw_worksheet* a), (a))
FAZHI_FORWARD(libxlsxwriter, lxw_error, worksheet_autofilter,
              (lxw_worksheet* a, lxw_row_t b, lxw_col_t c, lxw_row_t d, lxw_col_t e), (a, b, c, d, e))
FAZHI_FORWARD(libxlsxwriter, lxw_error, worksheet_data_validation_range,
              (lxw_worksheet* a, lxw_row_t b, lxw_col_t c, lxw_row_t d, lxw_col_t e, lxw_data_validation* f),
              (a, b, c, d, e, f))
FAZHI_FORWARD(libxlsxwriter, void, worksheet_fit_to_pages, (lxw_worksheet* a, uint16_t b, uint16_t c), (a, b, c))
FAZHI_FORWARD(libxlsxwriter, void, worksheet_freeze_panes, (lxw_worksheet* a, lxw_row_t b, lxw_col_t c), (a, b, c))
FAZHI_FORWARD(libxlsxwriter, lxw_error, worksheet_repeat_rows, (lxw_worksheet* a, lxw_row_t b, lxw_row_t c), (a, b, c))
FAZHI_FORWARD(libxlsxwriter, lxw_error, worksheet_set_column,
              (lxw_worksheet* a, lxw_col_t b, lxw_col_t c, double d, lxw_format* e), (a, b, c, d, e))
FAZHI_FORWARD(libxlsxwriter, void, worksheet_set_landscape, (lxw_worksheet* a), (a))
FAZHI_FORWARD(libxlsxwriter, void, worksheet_set_paper, (lxw_worksheet* a, uint8_t b), (a, b))
FAZHI_FORWARD(libxlsxwriter, lxw_error, worksheet_write_blank, (lxw_worksheet* a, lxw_row_t b, lxw_col_t c, lxw_format* d),
              (a, b, c, d))
FAZHI_FORWARD(libxlsxwriter, lxw_error, worksheet_write_number,
              (lxw_worksheet* a, lxw_row_t b, lxw_col_t c, double d, lxw_format* e), (a, b, c, d, e))
FAZHI_FORWARD(libxlsxwriter, lxw_error, worksheet_write_string,
              (lxw_worksheet* a, lxw_row_t b, lxw_col_t c, const char* d, lxw_format* e), (a, b, c, d, e))

FAZHI_FORWARD(libopencc, opencc_t, opencc_open, (const char* a), (a))
FAZHI_FORWARD(libopencc, char*, opencc_convert_utf8, (opencc_t a, const char* b, size_t c), (a, b, c))
FAZHI_FORWARD(libopencc, void, opencc_convert_utf8_free, (char* a), (a))

#endif  // FAZHI_LIBZIP_SONAME && FAZHI_XLSXWRITER_SONAME && FAZHI_OPENCC_SONAME
