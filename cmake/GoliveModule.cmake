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

# The test tiers: every CTest case carries exactly one, so `ctest -L unit` (seconds: no server,
# no subprocess worth waiting for), `ctest -L integration` (in-process servers on 127.0.0.1, the
# emulator, real HTTP) and `ctest -L e2e` (the built tool run as a process) select them.
set(GOLIVE_TEST_TIERS unit integration e2e)

# golive_test(NAME SOURCES ... DEPS ... LABELS TIER [MORE...] [TIMEOUT S]): a Catch2 test binary
# whose cases CTest discovers (timeout 120 s per case unless TIMEOUT). LABELS must hold one tier
# of GOLIVE_TEST_TIERS, the tier of every case of the binary; a case tagged [unit],
# [integration] or [e2e] in Catch2 gets that tier instead. Other LABELS are added to every case.
# Every case gets golive_test_environment(). catch_discover_tests cannot pass a list-valued
# property through its PROPERTIES, so a CTest include file, read after the discovered cases,
# sets ENVIRONMENT and LABELS on each of them.
function(golive_test name)
  cmake_parse_arguments(ARG "" "TIMEOUT" "SOURCES;DEPS;LABELS" ${ARGN})
  if(NOT ARG_TIMEOUT)
    set(ARG_TIMEOUT 120)
  endif()
  set(default_tier "")
  set(extra_labels "")
  foreach(label IN LISTS ARG_LABELS)
    if(label IN_LIST GOLIVE_TEST_TIERS)
      if(default_tier)
        message(FATAL_ERROR "golive_test(${name}): more than one tier in LABELS")
      endif()
      set(default_tier ${label})
    else()
      list(APPEND extra_labels ${label})
    endif()
  endforeach()
  if(NOT default_tier)
    message(FATAL_ERROR "golive_test(${name}): LABELS must name its tier (${GOLIVE_TEST_TIERS})")
  endif()
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE golive_catch_main ${ARG_DEPS} golive_warnings)
  target_precompile_headers(${name} REUSE_FROM golive_test_pch)
  golive_test_environment(env)
  set(env_file ${CMAKE_CURRENT_BINARY_DIR}/${name}_environment.cmake)
  file(WRITE ${env_file} "")
  # One discovery for each tier tag the sources use, and one for the untagged cases (the
  # binary's tier).
  set(sources_text "")
  foreach(src IN LISTS ARG_SOURCES)
    file(READ ${CMAKE_CURRENT_SOURCE_DIR}/${src} text)
    string(APPEND sources_text "${text}")
  endforeach()
  set(untagged_spec "")
  foreach(tier IN LISTS GOLIVE_TEST_TIERS ITEMS untagged)
    if(tier STREQUAL "untagged")
      set(spec "${untagged_spec}")
      set(labels ${default_tier} ${extra_labels})
    else()
      # Sources are read at configure time: a tag added later keeps the binary's tier until
      # CMake runs again, it never drops the case.
      string(FIND "${sources_text}" "[${tier}]" tagged)
      if(tagged EQUAL -1)
        continue()
      endif()
      string(APPEND untagged_spec "~[${tier}]")
      set(spec "[${tier}]")
      set(labels ${tier} ${extra_labels})
    endif()
    catch_discover_tests(${name} TEST_SPEC "${spec}" TEST_PREFIX "${name}:"
                         TEST_LIST ${name}_${tier}_TESTS PROPERTIES TIMEOUT ${ARG_TIMEOUT})
    file(APPEND ${env_file}
         "foreach(t IN LISTS ${name}_${tier}_TESTS)\n"
         "  set_tests_properties(\"\${t}\" PROPERTIES ENVIRONMENT [==[${env}]==]\n"
         "                       LABELS [==[${labels}]==])\n"
         "endforeach()\n")
  endforeach()
  set_property(DIRECTORY APPEND PROPERTY TEST_INCLUDE_FILES ${env_file})
endfunction()
