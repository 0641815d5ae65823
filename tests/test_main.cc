// The Catch2 (v2) main for fazhi_tests.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
