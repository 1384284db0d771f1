// PROJ C API (proj.h; PROJ 9.1.1 on Debian 12). Only CatchmentEngine imports this module.
#include <proj.h>
