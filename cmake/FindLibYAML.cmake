# Finds libyaml (Debian: libyaml-dev) and exposes LibYAML::LibYAML.
find_package(PkgConfig QUIET)
pkg_check_modules(PC_YAML QUIET yaml-0.1)
find_path(LIBYAML_INCLUDE_DIR yaml.h HINTS ${PC_YAML_INCLUDE_DIRS})
find_library(LIBYAML_LIBRARY NAMES yaml HINTS ${PC_YAML_LIBRARY_DIRS})
include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(LibYAML DEFAULT_MSG LIBYAML_LIBRARY
    LIBYAML_INCLUDE_DIR)
if(LibYAML_FOUND AND NOT TARGET LibYAML::LibYAML)
    add_library(LibYAML::LibYAML UNKNOWN IMPORTED)
    set_target_properties(LibYAML::LibYAML PROPERTIES
        IMPORTED_LOCATION ${LIBYAML_LIBRARY}
        INTERFACE_INCLUDE_DIRECTORIES ${LIBYAML_INCLUDE_DIR})
endif()
