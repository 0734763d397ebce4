#ifndef COPYDESK_CZSTD_SHIM_H
#define COPYDESK_CZSTD_SHIM_H
// Zstandard decoding (Debian libzstd-dev): `Content-Encoding: zstd` bodies inside WARC records.
#include <zstd.h>
#endif
