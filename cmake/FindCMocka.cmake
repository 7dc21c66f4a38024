# Finds cmocka (Debian: libcmocka-dev) and exposes CMocka::CMocka.
find_package(PkgConfig QUIET)
pkg_check_modules(PC_CMOCKA QUIET cmocka)
find_path(CMOCKA_INCLUDE_DIR cmocka.h HINTS ${PC_CMOCKA_INCLUDE_DIRS})
find_library(CMOCKA_LIBRARY NAMES cmocka HINTS ${PC_CMOCKA_LIBRARY_DIRS})
include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(CMocka DEFAULT_MSG CMOCKA_LIBRARY
    CMOCKA_INCLUDE_DIR)
if(CMocka_FOUND AND NOT TARGET CMocka::CMocka)
    add_library(CMocka::CMocka UNKNOWN IMPORTED)
    set_target_properties(CMocka::CMocka PROPERTIES
        IMPORTED_LOCATION ${CMOCKA_LIBRARY}
        INTERFACE_INCLUDE_DIRECTORIES ${CMOCKA_INCLUDE_DIR})
endif()
