# Build speed: one precompiled header shared by every library (golive_pch) and one by every test
# binary (golive_test_pch), plus ccache when it is installed (README "Development").
find_program(GOLIVE_CCACHE ccache)
if(GOLIVE_CCACHE AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
  # PCH-aware ccache: the PCH itself is keyed on its contents, not on __DATE__/defines.
  set(CMAKE_CXX_COMPILER_LAUNCHER
      ${CMAKE_COMMAND} -E env "CCACHE_SLOPPINESS=pch_defines,time_macros,include_file_mtime,include_file_ctime"
      CCACHE_BASEDIR=/ CCACHE_NOHASHDIR=1
      ${GOLIVE_CCACHE})
endif()

set(GOLIVE_PCH_HEADERS
  <algorithm> <chrono> <functional> <map> <memory> <mutex> <optional> <set> <string>
  <string_view> <thread> <vector> <fmt/format.h> <nlohmann/json.hpp> <yaml-cpp/yaml.h>)

add_library(golive_pch STATIC ${PROJECT_SOURCE_DIR}/cmake/pch_anchor.cpp)
target_link_libraries(golive_pch PUBLIC golive_settings PRIVATE golive_warnings)
target_precompile_headers(golive_pch PRIVATE ${GOLIVE_PCH_HEADERS})

# golive_use_pch(TARGET): compile TARGET with golive_pch's precompiled header.
function(golive_use_pch target)
  target_precompile_headers(${target} REUSE_FROM golive_pch)
endfunction()
