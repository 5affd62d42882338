# Install layout and the Debian package (README "Install"). `cmake --install BUILD --strip`
# installs the binary, the data it carries (also built in), the docs and the man page;
# `cpack -G DEB` in BUILD packages the same tree, stripped, with Depends from dpkg-shlibdeps.
include(GNUInstallDirs)

install(TARGETS bluum-golive RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# share/bluum-golive/ is laid out like the built-in copy, so it works as `--packs-dir`.
golive_install_resources(DESTINATION ${CMAKE_INSTALL_DATADIR}/bluum-golive
                         ENTRIES ${GOLIVE_RESOURCES})
install(FILES README.md docs/ci-gate.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES src/profile/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR}
        RENAME profile-reference.md)

# The man page is bluum-golive --help and --version, through help2man, at build time.
find_program(GOLIVE_HELP2MAN help2man)
if(GOLIVE_HELP2MAN)
  set(_man ${PROJECT_BINARY_DIR}/bluum-golive.1)
  add_custom_command(
    OUTPUT ${_man}.gz
    COMMAND ${GOLIVE_HELP2MAN} --no-info --section=1 --locale=C.UTF-8
            "--name=prove a fintech API integration is ready for production"
            --include=${PROJECT_SOURCE_DIR}/cmake/bluum-golive.h2m --output=${_man}
            $<TARGET_FILE:bluum-golive>
    COMMAND gzip -9nf ${_man}
    DEPENDS bluum-golive ${PROJECT_SOURCE_DIR}/cmake/bluum-golive.h2m
    COMMENT "Generating the bluum-golive(1) man page"
    VERBATIM)
  add_custom_target(golive_man ALL DEPENDS ${_man}.gz)
  install(FILES ${_man}.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
else()
  message(WARNING "help2man not found: no man page is built or installed "
                  "(scripts/bootstrap.sh installs it)")
endif()

set(GOLIVE_PACKAGE_MAINTAINER "bluum-golive maintainers <bluum-golive@users.noreply.github.com>"
    CACHE STRING "Maintainer field of the Debian package")
set(CPACK_PACKAGE_NAME bluum-golive)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "${GOLIVE_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "proves a fintech API integration is ready for production")
set(CPACK_PACKAGE_DESCRIPTION
    "bluum-golive loads an environment profile, runs go-live checks against the provider's API
and the partner's webhook receiver, and reports item by item against the provider's go-live
checklist, with evidence. Provider packs, checklists and a demo profile are built in.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# TLS needs the CA bundle; credentials.not-in-files asks git for the tracked files.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "ca-certificates, git")
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
include(CPack)
