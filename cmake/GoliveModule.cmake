# golive_module(NAME SOURCES ... DEPS ...): a static library golive_NAME built from src/NAME.
function(golive_module name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_library(golive_${name} STATIC ${ARG_SOURCES})
  target_include_directories(golive_${name} PUBLIC ${PROJECT_SOURCE_DIR}/src ${PROJECT_SOURCE_DIR})
  target_link_libraries(golive_${name} PUBLIC ${ARG_DEPS} golive_settings
                        PRIVATE golive_warnings)
  golive_use_pch(golive_${name})
endfunction()

# golive_test(NAME SOURCES ... DEPS ... [TIMEOUT S] [LABELS ...]): a Catch2 test binary whose
# cases CTest discovers (timeout 120 s per case unless TIMEOUT; LABELS for `ctest -L`/`-LE`).
function(golive_test name)
  cmake_parse_arguments(ARG "" "TIMEOUT" "SOURCES;DEPS;LABELS" ${ARGN})
  if(NOT ARG_TIMEOUT)
    set(ARG_TIMEOUT 120)
  endif()
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE golive_catch_main ${ARG_DEPS} golive_warnings)
  target_precompile_headers(${name} REUSE_FROM golive_test_pch)
  set(props TIMEOUT ${ARG_TIMEOUT} ENVIRONMENT "GOLIVE_SOURCE_DIR=${PROJECT_SOURCE_DIR}")
  if(ARG_LABELS)
    list(APPEND props LABELS "${ARG_LABELS}")
  endif()
  catch_discover_tests(${name} TEST_PREFIX "${name}:" PROPERTIES ${props})
endfunction()
