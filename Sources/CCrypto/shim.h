#ifndef COPYDESK_CCRYPTO_SHIM_H
#define COPYDESK_CCRYPTO_SHIM_H
// OpenSSL's libcrypto (Debian libssl-dev, already linked by libcurl): SHA-1 for the
// WARC-Block-Digest / WARC-Payload-Digest of archived responses, the digest WARC tools expect.
#include <openssl/sha.h>
#endif
