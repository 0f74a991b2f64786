#ifndef AIGQ_CZSTD_SHIM_H
#define AIGQ_CZSTD_SHIM_H
#include <zstd.h>
#endif
