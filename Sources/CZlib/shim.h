#ifndef COPYDESK_CZLIB_SHIM_H
#define COPYDESK_CZLIB_SHIM_H
// zlib (Debian zlib1g-dev, already pulled in by libxml2-dev): gzip-compressed sitemaps and feeds
// are inflated incrementally. inflateInit2 is a function-like macro Swift cannot import, so it is
// wrapped here.
#include <zlib.h>

/// inflateInit2 with the gzip wrapper (windowBits 15 + 16): accepts gzip members only.
static inline int cd_inflate_init_gzip(z_stream *stream) {
    return inflateInit2(stream, 15 + 16);
}
#endif
