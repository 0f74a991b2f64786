#ifndef AIGQ_COPENBLAS_SHIM_H
#define AIGQ_COPENBLAS_SHIM_H
// Debian's libopenblas-dev installs cblas.h under /usr/include/x86_64-linux-gnu (through the
// openblas-pthread alternative), which is on the default include path.
#include <cblas.h>
#endif
