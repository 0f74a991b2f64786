#ifndef AIGQ_CLINUXSHIM_H
#define AIGQ_CLINUXSHIM_H
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <fcntl.h>
#include <unistd.h>
#include <sys/syscall.h>

#ifndef RENAME_EXCHANGE
#define RENAME_EXCHANGE (1 << 1)
#endif

/// Atomically swaps the paths `a` and `b` (Linux renameat2 with RENAME_EXCHANGE); -1 and errno on
/// failure (EINVAL or ENOSYS where the file system or kernel cannot).
static inline int aigq_exchange_paths(const char *a, const char *b) {
#ifdef SYS_renameat2
    return (int)syscall(SYS_renameat2, AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE);
#else
    return -1;
#endif
}
#endif
