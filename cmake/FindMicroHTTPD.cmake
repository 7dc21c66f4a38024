# Finds libmicrohttpd (Debian: libmicrohttpd-dev) and exposes
# MicroHTTPD::MicroHTTPD, for the server layer ("leaklaw serve").
find_package(PkgConfig QUIET)
pkg_check_modules(PC_MHD QUIET libmicrohttpd)
find_path(MHD_INCLUDE_DIR microhttpd.h HINTS ${PC_MHD_INCLUDE_DIRS})
find_library(MHD_LIBRARY NAMES microhttpd HINTS ${PC_MHD_LIBRARY_DIRS})
include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(MicroHTTPD DEFAULT_MSG MHD_LIBRARY
    MHD_INCLUDE_DIR)
if(MicroHTTPD_FOUND AND NOT TARGET MicroHTTPD::MicroHTTPD)
    add_library(MicroHTTPD::MicroHTTPD UNKNOWN IMPORTED)
    set_target_properties(MicroHTTPD::MicroHTTPD PROPERTIES
        IMPORTED_LOCATION ${MHD_LIBRARY}
        INTERFACE_INCLUDE_DIRECTORIES ${MHD_INCLUDE_DIR})
endif()
