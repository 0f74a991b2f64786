#include "CSimdJSON.h"
#include <simdjson.h>

extern "C" const char *aigq_simdjson_implementation(void) {
    return simdjson::get_active_implementation()->name().data();
}
