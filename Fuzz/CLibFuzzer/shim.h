// libFuzzer's driver, from the runtime `-sanitize=fuzzer` links in. SwiftPM gives an executable
// target an entry point of its own (`copydesk_fuzz_main`) instead of libFuzzer's `main`, so that
// entry point hands control to the driver.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
