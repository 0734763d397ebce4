#ifndef COPYDESK_CXXHASH_SHIM_H
#define COPYDESK_CXXHASH_SHIM_H
// Debian's libxxhash-dev: XXH3 64-bit is the record-id hash and the shingle hash.
#include <xxhash.h>
#endif
