# golive_warnings: the warning set every target of the project compiles with.
add_library(golive_warnings INTERFACE)
target_compile_options(golive_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
  -Woverloaded-virtual -Wformat=2 -Wimplicit-fallthrough)
if(GOLIVE_WARNINGS_AS_ERRORS)
  target_compile_options(golive_warnings INTERFACE -Werror)
endif()

# golive_sanitizers: ASan+UBSan (or whatever GOLIVE_SANITIZERS lists) on every target.
add_library(golive_sanitizers INTERFACE)
if(GOLIVE_SANITIZERS)
  string(REPLACE ";" "," _san "${GOLIVE_SANITIZERS}")
  target_compile_options(golive_sanitizers INTERFACE -fsanitize=${_san} -fno-omit-frame-pointer
                         -fno-sanitize-recover=all)
  target_link_options(golive_sanitizers INTERFACE -fsanitize=${_san})
endif()
