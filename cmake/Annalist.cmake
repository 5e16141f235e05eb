# annalist_add_library(NAME SOURCES ... DEPS ...): one static library per module.
function(annalist_add_library name)
  cmake_parse_arguments(A "" "" "SOURCES;DEPS" ${ARGN})
  add_library(${name} STATIC ${A_SOURCES})
  target_include_directories(${name} PUBLIC ${CMAKE_SOURCE_DIR}/src)
  target_link_libraries(${name} PUBLIC ${A_DEPS})
  target_compile_definitions(${name} PRIVATE
    ANNALIST_SOURCE_DATA_DIR="${ANNALIST_SOURCE_DATA_DIR}"
    ANNALIST_VERSION="${PROJECT_VERSION}")
endfunction()

# annalist_add_test(NAME SOURCES ... DEPS ...): a GoogleTest binary registered with CTest.
# Tests find ../shared through the ANNALIST_SHARED_DIR environment variable and skip
# (GTEST_SKIP) with a message when it is absent.
function(annalist_add_test name)
  if(NOT ANNALIST_TESTS)
    return()
  endif()
  cmake_parse_arguments(A "" "" "SOURCES;DEPS" ${ARGN})
  add_executable(${name} ${A_SOURCES})
  target_link_libraries(${name} PRIVATE ${A_DEPS} GTest::gtest GTest::gtest_main)
  target_compile_definitions(${name} PRIVATE
    ANNALIST_TEST_FIXTURES="${CMAKE_SOURCE_DIR}/tests/fixtures"
    ANNALIST_TEST_SHARED="${ANNALIST_SHARED_DIR}"
    ANNALIST_TEST_DATA="${CMAKE_SOURCE_DIR}/data"
    ANNALIST_TEST_BINARY_DIR="${CMAKE_BINARY_DIR}")
  gtest_discover_tests(${name} DISCOVERY_TIMEOUT 60 PROPERTIES TIMEOUT 900)
endfunction()

# annalist_add_benchmark(NAME SOURCES ... DEPS ...)
function(annalist_add_benchmark name)
  if(NOT ANNALIST_BENCH)
    return()
  endif()
  cmake_parse_arguments(A "" "" "SOURCES;DEPS" ${ARGN})
  add_executable(${name} ${A_SOURCES})
  target_link_libraries(${name} PRIVATE ${A_DEPS} benchmark::benchmark)
  target_compile_definitions(${name} PRIVATE
    ANNALIST_TEST_SHARED="${ANNALIST_SHARED_DIR}"
    ANNALIST_TEST_DATA="${CMAKE_SOURCE_DIR}/data")
endfunction()
