#ifndef COPYDESK_CDEFLATE_SHIM_H
#define COPYDESK_CDEFLATE_SHIM_H
// libdeflate (Debian libdeflate-dev): whole-buffer gzip decoding, two to three times as fast as
// zlib's streaming inflate. Used where a whole gzip member is in memory (WARC records, HTTP
// bodies held in WARC records); zlib stays the fallback for streams and damaged members.
#include <libdeflate.h>
#endif
