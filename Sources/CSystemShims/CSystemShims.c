#include "CSystemShims.h"

#include <malloc.h>
#include <math.h>

int csystem_set_mmap_threshold(int bytes) {
    return mallopt(M_MMAP_THRESHOLD, bytes);
}

int csystem_release_free_memory(void) {
    return malloc_trim(0);
}

int csystem_keep_heap_slack(int bytes) {
    return mallopt(M_TOP_PAD, bytes) && mallopt(M_TRIM_THRESHOLD, 4 * bytes);
}

double csystem_log(double value) {
    return log(value);
}
