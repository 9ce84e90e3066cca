/*
 * zkvm_accelerators.h: the cryptographic accelerators a zkVM offers a guest on the
 * standard zkVM target, as C functions the vendor's static library defines.
 *
 * Conventions shared by every function below:
 *  - The return value is a zkvm_status: ZKVM_EOK when the result was written,
 *    ZKVM_EFAIL when the input was rejected (a point off its curve or outside its
 *    subgroup, a malformed signature, an unrecoverable key, ...). On ZKVM_EFAIL the
 *    output locations hold no meaningful value.
 *  - Functions that check something ("verify", "pairing", "point_eval") report the
 *    verdict through `bool *verified`. An invalid input may be reported either as
 *    ZKVM_EFAIL or as ZKVM_EOK with *verified == false; callers treat both alike.
 *  - Fixed-size byte strings travel in the zkvm_bytes_N structs: N bytes, aligned to
 *    8 bytes so an implementation may read them as 64-bit words.
 *  - Integers and field elements inside those byte strings are big-endian unless a
 *    comment says otherwise (BLAKE2 words are little-endian).
 *  - Pointers to inputs may alias nothing that is written; output pointers must be
 *    valid for writing the stated number of bytes. A pointer paired with a length of
 *    zero may be anything, including NULL.
 */
#ifndef ZKEVM_ZKVM_ACCELERATORS_H
#define ZKEVM_ZKVM_ACCELERATORS_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Outcome of an accelerator call. */
typedef enum zkvm_status {
    /** The call succeeded and its outputs are written. */
    ZKVM_EOK = 0,
    /** The input was rejected; the outputs are unspecified. */
    ZKVM_EFAIL = -1
} zkvm_status;

/* ------------------------------------------------------------------------------ */
/* Byte strings of fixed length, 8-byte aligned.                                  */
/* ------------------------------------------------------------------------------ */

/** 16 bytes, 8-byte aligned. */
typedef struct zkvm_bytes_16 {
    /** The bytes. */
    _Alignas(8) uint8_t data[16];
} zkvm_bytes_16;

/** 32 bytes, 8-byte aligned. */
typedef struct zkvm_bytes_32 {
    /** The bytes. */
    _Alignas(8) uint8_t data[32];
} zkvm_bytes_32;

/** 48 bytes, 8-byte aligned. */
typedef struct zkvm_bytes_48 {
    /** The bytes. */
    _Alignas(8) uint8_t data[48];
} zkvm_bytes_48;

/** 64 bytes, 8-byte aligned. */
typedef struct zkvm_bytes_64 {
    /** The bytes. */
    _Alignas(8) uint8_t data[64];
} zkvm_bytes_64;

/** 96 bytes, 8-byte aligned. */
typedef struct zkvm_bytes_96 {
    /** The bytes. */
    _Alignas(8) uint8_t data[96];
} zkvm_bytes_96;

/** 128 bytes, 8-byte aligned. */
typedef struct zkvm_bytes_128 {
    /** The bytes. */
    _Alignas(8) uint8_t data[128];
} zkvm_bytes_128;

/** 192 bytes, 8-byte aligned. */
typedef struct zkvm_bytes_192 {
    /** The bytes. */
    _Alignas(8) uint8_t data[192];
} zkvm_bytes_192;

/* ------------------------------------------------------------------------------ */
/* What each byte string means.                                                   */
/* ------------------------------------------------------------------------------ */

/** Keccak-256 digest (the pre-standard padding Ethereum uses), 32 bytes. */
typedef zkvm_bytes_32 zkvm_keccak256_hash;
/** SHA-256 digest (FIPS 180-4), 32 bytes. */
typedef zkvm_bytes_32 zkvm_sha256_hash;
/**
 * RIPEMD-160 digest widened to 32 bytes: 12 zero bytes, then the 20-byte digest
 * (the layout the EVM precompile 0x03 returns).
 */
typedef zkvm_bytes_32 zkvm_ripemd160_hash;

/** secp256k1: the 32-byte message digest that was signed (used as is, not hashed again). */
typedef zkvm_bytes_32 zkvm_secp256k1_hash;
/** secp256k1: ECDSA signature, r then s, each a 32-byte big-endian integer. */
typedef zkvm_bytes_64 zkvm_secp256k1_signature;
/** secp256k1: uncompressed public key, x then y (32 bytes each), without the 0x04 tag. */
typedef zkvm_bytes_64 zkvm_secp256k1_pubkey;

/** secp256r1 (P-256): the 32-byte message digest that was signed. */
typedef zkvm_bytes_32 zkvm_secp256r1_hash;
/** secp256r1 (P-256): ECDSA signature, r then s, 32-byte big-endian integers. */
typedef zkvm_bytes_64 zkvm_secp256r1_signature;
/** secp256r1 (P-256): uncompressed public key, x then y, without the 0x04 tag. */
typedef zkvm_bytes_64 zkvm_secp256r1_pubkey;

/**
 * BN254 (alt_bn128) G1 point as the EVM encodes it: x then y, 32-byte big-endian
 * field elements; all zeros is the point at infinity.
 */
typedef zkvm_bytes_64 zkvm_bn254_g1;
/**
 * BN254 G2 point as the EVM encodes it: x then y, each an Fp2 element written
 * imaginary part first (x.c1, x.c0, y.c1, y.c0), 32 bytes each; all zeros is infinity.
 */
typedef zkvm_bytes_128 zkvm_bn254_g2;
/** BN254 scalar: a 32-byte big-endian integer (any value; reduced by the group order). */
typedef zkvm_bytes_32 zkvm_bn254_scalar;
/** One (G1, G2) term of a BN254 pairing product. */
typedef struct zkvm_bn254_pairing_pair {
    /** The G1 point. */
    zkvm_bn254_g1 g1;
    /** The G2 point. */
    zkvm_bn254_g2 g2;
} zkvm_bn254_pairing_pair;

/**
 * BLS12-381 base-field element: 48 bytes big-endian, below the field modulus
 * (the EVM's 16 leading zero bytes of padding are not part of it).
 */
typedef zkvm_bytes_48 zkvm_bls12_381_fp;
/** BLS12-381 Fp2 element c0 + c1*u: c0 then c1, 48 bytes each (EIP-2537 order). */
typedef zkvm_bytes_96 zkvm_bls12_381_fp2;
/** BLS12-381 G1 point: x then y, 48-byte field elements; all zeros is infinity. */
typedef zkvm_bytes_96 zkvm_bls12_381_g1;
/** BLS12-381 G2 point: x then y, each an Fp2 (c0 then c1); all zeros is infinity. */
typedef zkvm_bytes_192 zkvm_bls12_381_g2;
/** BLS12-381 scalar: a 32-byte big-endian integer (any value). */
typedef zkvm_bytes_32 zkvm_bls12_381_scalar;
/** One (point, scalar) term of a BLS12-381 G1 multi-scalar multiplication. */
typedef struct zkvm_bls12_381_g1_msm_pair {
    /** The G1 point. */
    zkvm_bls12_381_g1 point;
    /** Its scalar. */
    zkvm_bls12_381_scalar scalar;
} zkvm_bls12_381_g1_msm_pair;
/** One (point, scalar) term of a BLS12-381 G2 multi-scalar multiplication. */
typedef struct zkvm_bls12_381_g2_msm_pair {
    /** The G2 point. */
    zkvm_bls12_381_g2 point;
    /** Its scalar. */
    zkvm_bls12_381_scalar scalar;
} zkvm_bls12_381_g2_msm_pair;
/** One (G1, G2) term of a BLS12-381 pairing product. */
typedef struct zkvm_bls12_381_pairing_pair {
    /** The G1 point. */
    zkvm_bls12_381_g1 g1;
    /** The G2 point. */
    zkvm_bls12_381_g2 g2;
} zkvm_bls12_381_pairing_pair;

/** BLAKE2b state h: eight 64-bit words, each little-endian. */
typedef zkvm_bytes_64 zkvm_blake2f_state;
/** BLAKE2b message block m: sixteen 64-bit words, each little-endian. */
typedef zkvm_bytes_128 zkvm_blake2f_message;
/** BLAKE2b offset counter t: two 64-bit words (t0, t1), each little-endian. */
typedef zkvm_bytes_16 zkvm_blake2f_offset;

/** KZG commitment: a compressed BLS12-381 G1 point, 48 bytes. */
typedef zkvm_bytes_48 zkvm_kzg_commitment;
/** KZG proof: a compressed BLS12-381 G1 point, 48 bytes. */
typedef zkvm_bytes_48 zkvm_kzg_proof;
/** KZG evaluation point or value: a BLS12-381 scalar, 32 bytes big-endian, canonical. */
typedef zkvm_bytes_32 zkvm_kzg_field_element;

/* ------------------------------------------------------------------------------ */
/* Hashes.                                                                        */
/* ------------------------------------------------------------------------------ */

/** Keccak-256 of the `len` bytes at `data`, written to `*output`. */
zkvm_status zkvm_keccak256(const uint8_t *data, size_t len, zkvm_keccak256_hash *output);

/** SHA-256 of the `len` bytes at `data`, written to `*output` (EVM precompile 0x02). */
zkvm_status zkvm_sha256(const uint8_t *data, size_t len, zkvm_sha256_hash *output);

/**
 * RIPEMD-160 of the `len` bytes at `data`, written to `*output` as 12 zero bytes
 * followed by the 20-byte digest (EVM precompile 0x03).
 */
zkvm_status zkvm_ripemd160(const uint8_t *data, size_t len, zkvm_ripemd160_hash *output);

/* ------------------------------------------------------------------------------ */
/* Signatures.                                                                    */
/* ------------------------------------------------------------------------------ */

/**
 * Checks an ECDSA signature over secp256k1 of the digest `msg` by the key `pubkey`.
 * Sets *verified; a key off the curve or r, s outside [1, n-1] is reported as
 * ZKVM_EFAIL or as *verified == false.
 */
zkvm_status zkvm_secp256k1_verify(const zkvm_secp256k1_hash *msg,
                                  const zkvm_secp256k1_signature *sig,
                                  const zkvm_secp256k1_pubkey *pubkey, bool *verified);

/**
 * Recovers the secp256k1 public key that signed the digest `msg` with signature `sig`
 * and recovery id `recid` (the y-parity of R: 0 or 1). Writes the key to `*output`.
 * ZKVM_EFAIL when no key can be recovered (r or s outside [1, n-1], recid above 1,
 * no curve point with that x). Used for the EVM's ecrecover (precompile 0x01) and for
 * transaction senders.
 */
zkvm_status zkvm_secp256k1_ecrecover(const zkvm_secp256k1_hash *msg,
                                     const zkvm_secp256k1_signature *sig, uint8_t recid,
                                     zkvm_secp256k1_pubkey *output);

/**
 * Checks an ECDSA signature over secp256r1 (P-256) of the digest `msg` by `pubkey`
 * (EIP-7951, precompile 0x100). Sets *verified.
 */
zkvm_status zkvm_secp256r1_verify(const zkvm_secp256r1_hash *msg,
                                  const zkvm_secp256r1_signature *sig,
                                  const zkvm_secp256r1_pubkey *pubkey, bool *verified);

/* ------------------------------------------------------------------------------ */
/* Modular exponentiation.                                                        */
/* ------------------------------------------------------------------------------ */

/**
 * base^exp mod modulus, all big-endian unsigned integers of the given lengths in
 * bytes (EIP-198, precompile 0x05). Writes exactly `mod_len` bytes, big-endian and
 * left-padded with zeros, to `output`. A zero modulus gives zero.
 */
zkvm_status zkvm_modexp(const uint8_t *base, size_t base_len, const uint8_t *exp,
                        size_t exp_len, const uint8_t *modulus, size_t mod_len,
                        uint8_t *output);

/* ------------------------------------------------------------------------------ */
/* BN254 (EIP-196, EIP-197).                                                      */
/* ------------------------------------------------------------------------------ */

/** p1 + p2 on BN254 G1 (precompile 0x06). ZKVM_EFAIL if a point is not on the curve. */
zkvm_status zkvm_bn254_g1_add(const zkvm_bn254_g1 *p1, const zkvm_bn254_g1 *p2,
                              zkvm_bn254_g1 *result);

/** scalar * point on BN254 G1 (precompile 0x07). ZKVM_EFAIL if the point is not on the curve. */
zkvm_status zkvm_bn254_g1_mul(const zkvm_bn254_g1 *point, const zkvm_bn254_scalar *scalar,
                              zkvm_bn254_g1 *result);

/**
 * Whether the product of the pairings e(g1_i, g2_i) over `num_pairs` pairs is one
 * (precompile 0x08); zero pairs give true. ZKVM_EFAIL if a point is not on its curve
 * or a G2 point is outside the prime-order subgroup.
 */
zkvm_status zkvm_bn254_pairing(const zkvm_bn254_pairing_pair *pairs, size_t num_pairs,
                               bool *verified);

/* ------------------------------------------------------------------------------ */
/* BLAKE2b compression (EIP-152).                                                 */
/* ------------------------------------------------------------------------------ */

/**
 * The BLAKE2b compression function F with `rounds` rounds (precompile 0x09): updates
 * the state `*h` in place from the message block `*m`, the offset `*t` and the final
 * block flag `f` (0 or 1; anything else is ZKVM_EFAIL).
 */
zkvm_status zkvm_blake2f(uint32_t rounds, zkvm_blake2f_state *h,
                         const zkvm_blake2f_message *m, const zkvm_blake2f_offset *t,
                         uint8_t f);

/* ------------------------------------------------------------------------------ */
/* KZG point evaluation (EIP-4844).                                               */
/* ------------------------------------------------------------------------------ */

/**
 * Checks the KZG proof that the polynomial committed to by `commitment` takes the
 * value `y` at `z`, with the Ethereum trusted setup (the check of precompile 0x0a,
 * without its versioned-hash comparison). Sets *verified.
 */
zkvm_status zkvm_kzg_point_eval(const zkvm_kzg_commitment *commitment,
                                const zkvm_kzg_field_element *z,
                                const zkvm_kzg_field_element *y, const zkvm_kzg_proof *proof,
                                bool *verified);

/* ------------------------------------------------------------------------------ */
/* BLS12-381 (EIP-2537).                                                          */
/* ------------------------------------------------------------------------------ */

/** p1 + p2 on G1 (precompile 0x0b). ZKVM_EFAIL if a point is not on the curve. */
zkvm_status zkvm_bls12_g1_add(const zkvm_bls12_381_g1 *p1, const zkvm_bls12_381_g1 *p2,
                              zkvm_bls12_381_g1 *result);

/**
 * The sum of scalar_i * point_i over `num_pairs` pairs on G1 (precompile 0x0c).
 * ZKVM_EFAIL if a point is not on the curve or not in the prime-order subgroup.
 */
zkvm_status zkvm_bls12_g1_msm(const zkvm_bls12_381_g1_msm_pair *pairs, size_t num_pairs,
                              zkvm_bls12_381_g1 *result);

/** p1 + p2 on G2 (precompile 0x0d). ZKVM_EFAIL if a point is not on the curve. */
zkvm_status zkvm_bls12_g2_add(const zkvm_bls12_381_g2 *p1, const zkvm_bls12_381_g2 *p2,
                              zkvm_bls12_381_g2 *result);

/**
 * The sum of scalar_i * point_i over `num_pairs` pairs on G2 (precompile 0x0e).
 * ZKVM_EFAIL if a point is not on the curve or not in the prime-order subgroup.
 */
zkvm_status zkvm_bls12_g2_msm(const zkvm_bls12_381_g2_msm_pair *pairs, size_t num_pairs,
                              zkvm_bls12_381_g2 *result);

/**
 * Whether the product of the pairings e(g1_i, g2_i) over `num_pairs` pairs is one
 * (precompile 0x0f). ZKVM_EFAIL if a point is not on its curve or not in its subgroup.
 */
zkvm_status zkvm_bls12_pairing(const zkvm_bls12_381_pairing_pair *pairs, size_t num_pairs,
                               bool *verified);

/** Maps a base-field element to a G1 point (precompile 0x10). ZKVM_EFAIL if not below the modulus. */
zkvm_status zkvm_bls12_map_fp_to_g1(const zkvm_bls12_381_fp *field_element,
                                    zkvm_bls12_381_g1 *result);

/** Maps an Fp2 element to a G2 point (precompile 0x11). ZKVM_EFAIL if a part is not below the modulus. */
zkvm_status zkvm_bls12_map_fp2_to_g2(const zkvm_bls12_381_fp2 *field_element,
                                     zkvm_bls12_381_g2 *result);

#ifdef __cplusplus
}
#endif

#endif /* ZKEVM_ZKVM_ACCELERATORS_H */
