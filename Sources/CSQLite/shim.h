// SQLite from the system (Debian: libsqlite3-dev), for reading GeoPackages.
#include <sqlite3.h>
