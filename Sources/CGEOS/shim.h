// GEOS C API, reentrant functions only: calling a non-_r function is a compile error rather
// than a data race found at run time (shapely's src/geos.h does the same).
#define GEOS_USE_ONLY_R_API
#include <geos_c.h>
