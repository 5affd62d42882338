# Data files compiled into the binary under logical names (read through src/resources/), with
# nothing but CMake: cmake/embed_resources.cmake writes a C++ source holding each file's bytes.
set(GOLIVE_EMBED_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/embed_resources.cmake)

# golive_embed_resources(OUT_VAR COMPILER TARGET ENTRIES LOGICAL=FILE ...): generates (at build
# time, again whenever a FILE changes) a C++ source that defines
# golive::resources::detail::blobs() over the listed files, each FILE relative to the project
# source directory, and stores its path in OUT_VAR. Add that source to exactly one library.
# Each FILE ending in .yaml is also run through the executable TARGET (`TARGET IN OUT`,
# src/resources/compile_yaml.cpp) and its output embedded as that blob's `tree`.
function(golive_embed_resources out_var)
  cmake_parse_arguments(ARG "" "COMPILER" "ENTRIES" ${ARGN})
  set(out ${CMAKE_CURRENT_BINARY_DIR}/embedded_resources.cpp)
  set(files)
  set(pairs)
  set(trees)
  set(tree_files)
  foreach(entry IN LISTS ARG_ENTRIES)
    if(NOT entry MATCHES "^([^=]+)=(.+)$")
      message(FATAL_ERROR "golive_embed_resources: '${entry}' is not LOGICAL=FILE")
    endif()
    set(logical ${CMAKE_MATCH_1})
    set(file ${PROJECT_SOURCE_DIR}/${CMAKE_MATCH_2})
    if(NOT EXISTS ${file})
      message(FATAL_ERROR "golive_embed_resources: ${file} does not exist")
    endif()
    list(APPEND files ${file})
    list(APPEND pairs "${logical}=${file}")
    if(file MATCHES "\\.yaml$")
      set(tree ${CMAKE_CURRENT_BINARY_DIR}/trees/${logical}.json)
      get_filename_component(tree_dir ${tree} DIRECTORY)
      add_custom_command(
        OUTPUT ${tree}
        COMMAND ${CMAKE_COMMAND} -E make_directory ${tree_dir}
        COMMAND ${ARG_COMPILER} ${file} ${tree}
        DEPENDS ${file} ${ARG_COMPILER}
        COMMENT "Compiling ${logical}"
        VERBATIM)
      list(APPEND tree_files ${tree})
      list(APPEND trees "${logical}=${tree}")
    endif()
  endforeach()
  # A CMake list cannot cross the command line intact: '|' separates the pairs there.
  string(REPLACE ";" "|" joined "${pairs}")
  string(REPLACE ";" "|" joined_trees "${trees}")
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} "-DOUT=${out}" "-DENTRIES=${joined}" "-DTREES=${joined_trees}" -P
            ${GOLIVE_EMBED_SCRIPT}
    DEPENDS ${files} ${tree_files} ${GOLIVE_EMBED_SCRIPT}
    COMMENT "Embedding ${CMAKE_PROJECT_NAME} data files"
    VERBATIM)
  set_source_files_properties(${out} PROPERTIES GENERATED ON SKIP_PRECOMPILE_HEADERS ON)
  set(${out_var} ${out} PARENT_SCOPE)
endfunction()

# golive_install_resources(DESTINATION DIR ENTRIES LOGICAL=FILE ...): installs each FILE as
# DIR/LOGICAL, so DIR is laid out like the built-in copy (usable as `--packs-dir DIR`).
function(golive_install_resources)
  cmake_parse_arguments(ARG "" "DESTINATION" "ENTRIES" ${ARGN})
  foreach(entry IN LISTS ARG_ENTRIES)
    string(REGEX MATCH "^([^=]+)=(.+)$" _ "${entry}")
    get_filename_component(dir "${CMAKE_MATCH_1}" DIRECTORY)
    get_filename_component(name "${CMAKE_MATCH_1}" NAME)
    install(FILES ${PROJECT_SOURCE_DIR}/${CMAKE_MATCH_2} DESTINATION ${ARG_DESTINATION}/${dir}
            RENAME ${name})
  endforeach()
endfunction()
