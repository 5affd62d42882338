# golive_module(NAME SOURCES ... DEPS ...): a static library golive_NAME built from src/NAME.
function(golive_module name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_library(golive_${name} STATIC ${ARG_SOURCES})
  target_include_directories(golive_${name} PUBLIC ${PROJECT_SOURCE_DIR}/src ${PROJECT_SOURCE_DIR})
  target_link_libraries(golive_${name} PUBLIC ${ARG_DEPS} golive_settings
                        PRIVATE golive_warnings)
  golive_use_pch(golive_${name})
endfunction()

# The hermetic guard: a closed loopback port (nothing listens on 127.0.0.1:9) that every test's
# proxy variables point at, loopback exempt. libcurl honours them (the tool's own client, the
# emulator's deliveries off loopback, the `curl` command of test clients), so a request to any
# other host fails at this "proxy" instead of leaving the machine (tests/net/hermetic_test.cpp
# proves it).
set(GOLIVE_TEST_GUARD_PROXY "http://127.0.0.1:9")

# golive_test_environment(OUT): the environment every CTest case runs with.
function(golive_test_environment out)
  set(env "GOLIVE_SOURCE_DIR=${PROJECT_SOURCE_DIR}"
          "GOLIVE_TEST_GUARD_PROXY=${GOLIVE_TEST_GUARD_PROXY}")
  foreach(var http_proxy HTTP_PROXY https_proxy HTTPS_PROXY all_proxy ALL_PROXY)
    list(APPEND env "${var}=${GOLIVE_TEST_GUARD_PROXY}")
  endforeach()
  list(APPEND env "no_proxy=127.0.0.1,localhost,::1" "NO_PROXY=127.0.0.1,localhost,::1")
  set(${out} "${env}" PARENT_SCOPE)
endfunction()

# golive_test(NAME SOURCES ... DEPS ... [TIMEOUT S] [LABELS ...]): a Catch2 test binary whose
# cases CTest discovers (timeout 120 s per case unless TIMEOUT; LABELS for `ctest -L`/`-LE`).
# Every case gets golive_test_environment(). catch_discover_tests cannot pass a list-valued
# ENVIRONMENT through its PROPERTIES, so a CTest include file, read after the discovered cases,
# sets it on each of them.
function(golive_test name)
  cmake_parse_arguments(ARG "" "TIMEOUT" "SOURCES;DEPS;LABELS" ${ARGN})
  if(NOT ARG_TIMEOUT)
    set(ARG_TIMEOUT 120)
  endif()
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE golive_catch_main ${ARG_DEPS} golive_warnings)
  target_precompile_headers(${name} REUSE_FROM golive_test_pch)
  set(props TIMEOUT ${ARG_TIMEOUT})
  if(ARG_LABELS)
    list(APPEND props LABELS "${ARG_LABELS}")
  endif()
  catch_discover_tests(${name} TEST_PREFIX "${name}:" PROPERTIES ${props})
  golive_test_environment(env)
  set(env_file ${CMAKE_CURRENT_BINARY_DIR}/${name}_environment.cmake)
  file(WRITE ${env_file}
       "foreach(t IN LISTS ${name}_TESTS)\n"
       "  set_tests_properties(\"\${t}\" PROPERTIES ENVIRONMENT [==[${env}]==])\n"
       "endforeach()\n")
  set_property(DIRECTORY APPEND PROPERTY TEST_INCLUDE_FILES ${env_file})
endfunction()
