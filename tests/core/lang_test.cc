// core/lang.h: the language names an auditor types, and Tr picking the text of the language in force.
#include <catch2/catch.hpp>

#include "core/lang.h"

using fazhi::Lang;

TEST_CASE("lang: names of the two languages, in the forms people type") {
  CHECK(fazhi::ParseLang("zh") == Lang::kZh);
  CHECK(fazhi::ParseLang("zh_CN.UTF-8") == Lang::kZh);
  CHECK(fazhi::ParseLang("ZH-cn") == Lang::kZh);
  CHECK(fazhi::ParseLang("中文") == Lang::kZh);
  CHECK(fazhi::ParseLang("en") == Lang::kEn);
  CHECK(fazhi::ParseLang("en_US.UTF-8") == Lang::kEn);
  CHECK(fazhi::ParseLang("English") == Lang::kEn);
  CHECK(fazhi::ParseLang("英文") == Lang::kEn);
  // LANG=C is not a language choice: it must not parse as English.
  CHECK_FALSE(fazhi::ParseLang("C").has_value());
  CHECK_FALSE(fazhi::ParseLang("POSIX").has_value());
  CHECK_FALSE(fazhi::ParseLang("").has_value());
  CHECK_FALSE(fazhi::ParseLang("fr").has_value());
}

TEST_CASE("lang: Tr follows SetLang") {
  Lang before = fazhi::CurrentLang();
  fazhi::SetLang(Lang::kEn);
  CHECK(fazhi::Tr("中文", "English") == "English");
  fazhi::SetLang(Lang::kZh);
  CHECK(fazhi::Tr("中文", "English") == "中文");
  fazhi::SetLang(before);
}
