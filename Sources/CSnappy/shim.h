#ifndef AIGQ_CSNAPPY_SHIM_H
#define AIGQ_CSNAPPY_SHIM_H
#include <snappy-c.h>
#endif
