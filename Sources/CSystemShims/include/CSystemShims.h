#ifndef CSYSTEMSHIMS_H
#define CSYSTEMSHIMS_H

/// Allocations of at least `bytes` are served by mmap and given back to the system when freed
/// (glibc's M_MMAP_THRESHOLD, which also stops its dynamic raising). Returns 1 on success.
int csystem_set_mmap_threshold(int bytes);

/// Gives free heap memory back to the system (glibc's malloc_trim(0)). Returns 1 when some was.
int csystem_release_free_memory(void);

/// Keeps at least `bytes` of mapped, unused heap after the top of every malloc arena (glibc's
/// M_TOP_PAD) and never trims below that (M_TRIM_THRESHOLD), so a small over-read past the end of
/// a heap buffer stays in mapped memory. Returns 1 on success.
int csystem_keep_heap_slack(int bytes);

/// The natural logarithm of `value` (C's `log`), for Swift code outside SystemIO that needs the
/// C math library without importing the platform's C module.
double csystem_log(double value);

#endif
