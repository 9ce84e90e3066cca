/*
 * zkvm_io.h: input, output and termination of a guest program on the standard
 * zkVM target (RV64IM, bare metal, statically linked).
 *
 * The zkVM vendor's static library defines these symbols; the guest only declares
 * and calls them. All three use the C calling convention of the LP64 ABI.
 */
#ifndef ZKEVM_ZKVM_IO_H
#define ZKEVM_ZKVM_IO_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Hands the guest its private input: one read-only byte buffer.
 *
 * On return `*buf_ptr` points at the first byte and `*buf_size` holds the length in
 * bytes. The buffer is not copied, stays valid until the program ends and must not be
 * written. Calling again returns the same buffer. Never fails.
 */
void read_input(const uint8_t **buf_ptr, size_t *buf_size);

/**
 * Appends `size` bytes starting at `output` to the public output of the run.
 *
 * Calls concatenate in order. Never fails; some zkVMs bound the total public output
 * (256 bytes is a safe budget).
 */
void write_output(const uint8_t *output, size_t size);

/**
 * Ends the run as failed, from anywhere (for example after a Rust panic).
 * Does not return.
 */
_Noreturn void abort(void);

#ifdef __cplusplus
}
#endif

#endif /* ZKEVM_ZKVM_IO_H */
