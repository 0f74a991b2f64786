#ifndef AIGQ_CZLIB_SHIM_H
#define AIGQ_CZLIB_SHIM_H
#include <zlib.h>

/// `inflateInit2` is a macro in zlib.h; Swift cannot call it, so wrap it.
static inline int aigq_inflateInit2(z_streamp strm, int windowBits) {
    return inflateInit2(strm, windowBits);
}

/// `deflateInit2` is a macro in zlib.h; Swift cannot call it, so wrap it.
static inline int aigq_deflateInit2(z_streamp strm, int level, int windowBits) {
    return deflateInit2(strm, level, Z_DEFLATED, windowBits, 8, Z_DEFAULT_STRATEGY);
}
#endif
