#ifndef AIGQ_CSIMDJSON_H
#define AIGQ_CSIMDJSON_H
/* A few extern "C" functions over Debian's simdjson (C++), so Swift parses JSON Lines without C++ interop. */
#ifdef __cplusplus
extern "C" {
#endif

/** The name of the simdjson kernel chosen for this CPU ("haswell", "westmere", "fallback", ...). */
const char *aigq_simdjson_implementation(void);

#ifdef __cplusplus
}
#endif
#endif
