#ifndef COPYDESK_CBROTLI_SHIM_H
#define COPYDESK_CBROTLI_SHIM_H
// Brotli decoding (Debian libbrotli-dev): `Content-Encoding: br` bodies inside WARC records.
#include <brotli/decode.h>
#endif
