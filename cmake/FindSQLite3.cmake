# Finds SQLite 3 through pkg-config (Debian: libsqlite3-dev, with FTS5)
# and exposes SQLite::SQLite3. Ours, ahead of CMake's own FindSQLite3.
find_package(PkgConfig QUIET)
pkg_check_modules(PC_SQLITE3 QUIET sqlite3)
find_path(SQLITE3_INCLUDE_DIR sqlite3.h HINTS ${PC_SQLITE3_INCLUDE_DIRS})
find_library(SQLITE3_LIBRARY NAMES sqlite3 HINTS ${PC_SQLITE3_LIBRARY_DIRS})
include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(SQLite3 DEFAULT_MSG SQLITE3_LIBRARY
    SQLITE3_INCLUDE_DIR)
if(SQLite3_FOUND AND NOT TARGET SQLite::SQLite3)
    add_library(SQLite::SQLite3 UNKNOWN IMPORTED)
    set_target_properties(SQLite::SQLite3 PROPERTIES
        IMPORTED_LOCATION ${SQLITE3_LIBRARY}
        INTERFACE_INCLUDE_DIRECTORIES ${SQLITE3_INCLUDE_DIR})
endif()
