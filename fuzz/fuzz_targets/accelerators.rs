//! `accelerators`: the software C ABI (`zkvm_*` of zkvm-accelerators-software) on arbitrary bytes.
//!
//! The first byte picks a function; the rest are its inputs: arbitrary lengths (hashes, modexp's
//! base / exponent / modulus), malformed points and field elements, signatures, recovery ids,
//! BLAKE2b flags, pair counts. Every buffer is its own allocation of exactly the size the call may
//! touch, so that an out-of-bounds read or write is caught by AddressSanitizer (build with the
//! default `-s address` for this target).
//!
//! Invariants: no panic and no UB; every status is `ZKVM_EOK` or `ZKVM_EFAIL` (c-headers/
//! zkvm_accelerators.h); hashes always succeed; ecrecover with a recovery id above 1 and BLAKE2b
//! with a final-block flag above 1 fail; a zero-length modulus or a zero modulus succeeds and writes
//! zeros.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zkvm_accelerators_software as sw;
use zkvm_interface::sys::*;

/// Reads the fuzz input as a stream; zeros once it runs out.
struct Input<'a>(&'a [u8]);

impl Input<'_> {
    fn byte(&mut self) -> u8 {
        self.take(1).first().copied().unwrap_or(0)
    }

    fn take(&mut self, n: usize) -> Vec<u8> {
        let n = n.min(self.0.len());
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        head.to_vec()
    }

    fn array<const N: usize>(&mut self) -> [u8; N] {
        let mut out = [0u8; N];
        let bytes = self.take(N);
        out[..bytes.len()].copy_from_slice(&bytes);
        out
    }

    fn len16(&mut self) -> usize {
        usize::from(u16::from_le_bytes([self.byte(), self.byte()]))
    }
}

macro_rules! bytes {
    ($input:expr, $ty:ident) => {
        $ty { data: $input.array() }
    };
}

fn status_ok(status: zkvm_status, what: &str) -> bool {
    assert!(status == ZKVM_EOK || status == ZKVM_EFAIL, "{what}: undocumented status {status}");
    status == ZKVM_EOK
}

fuzz_target!(|data: &[u8]| {
    let mut input = Input(data);
    let which = input.byte();
    // SAFETY (all calls): every pointer is to a live, initialised value or buffer of the size the
    // header documents for it (the `len` / `num_pairs` given alongside).
    unsafe {
        match which % 19 {
            0..=2 => {
                let len = input.len16();
                let bytes = input.take(len);
                let mut out = zkvm_bytes_32 { data: [0xAA; 32] };
                let status = match which % 19 {
                    0 => sw::zkvm_keccak256(bytes.as_ptr(), bytes.len(), &mut out),
                    1 => sw::zkvm_sha256(bytes.as_ptr(), bytes.len(), &mut out),
                    _ => sw::zkvm_ripemd160(bytes.as_ptr(), bytes.len(), &mut out),
                };
                assert_eq!(status, ZKVM_EOK, "hash {which} failed");
            }
            3 => {
                let (msg, sig, key) = (bytes!(input, zkvm_bytes_32), bytes!(input, zkvm_bytes_64), bytes!(input, zkvm_bytes_64));
                let mut verified = false;
                status_ok(sw::zkvm_secp256k1_verify(&msg, &sig, &key, &mut verified), "secp256k1_verify");
            }
            4 => {
                let (msg, sig) = (bytes!(input, zkvm_bytes_32), bytes!(input, zkvm_bytes_64));
                let recid = input.byte() % 5;
                let mut out = zkvm_bytes_64 { data: [0; 64] };
                let ok = status_ok(sw::zkvm_secp256k1_ecrecover(&msg, &sig, recid, &mut out), "ecrecover");
                assert!(!(ok && recid > 1), "ecrecover accepted recovery id {recid}");
            }
            5 => {
                let (msg, sig, key) = (bytes!(input, zkvm_bytes_32), bytes!(input, zkvm_bytes_64), bytes!(input, zkvm_bytes_64));
                let mut verified = false;
                status_ok(sw::zkvm_secp256r1_verify(&msg, &sig, &key, &mut verified), "secp256r1_verify");
            }
            6 => {
                // Lengths up to 1 KiB each (what the data holds; the rest reads as zeros via `take`).
                let (base_len, exp_len, mod_len) = (input.len16() % 1025, input.len16() % 1025, input.len16() % 1025);
                let base = padded(input.take(base_len), base_len);
                let exp = padded(input.take(exp_len), exp_len);
                let modulus = padded(input.take(mod_len), mod_len);
                let mut out = vec![0xAAu8; mod_len];
                let status = sw::zkvm_modexp(
                    base.as_ptr(), base_len, exp.as_ptr(), exp_len, modulus.as_ptr(), mod_len, out.as_mut_ptr(),
                );
                let ok = status_ok(status, "modexp");
                if modulus.iter().all(|&b| b == 0) {
                    assert!(ok, "modexp with a zero modulus failed");
                    assert!(out.iter().all(|&b| b == 0), "modexp with a zero modulus wrote non-zero bytes");
                }
            }
            7 => {
                let (p1, p2) = (bytes!(input, zkvm_bytes_64), bytes!(input, zkvm_bytes_64));
                let mut out = zkvm_bytes_64 { data: [0; 64] };
                status_ok(sw::zkvm_bn254_g1_add(&p1, &p2, &mut out), "bn254_g1_add");
            }
            8 => {
                let (p, s) = (bytes!(input, zkvm_bytes_64), bytes!(input, zkvm_bytes_32));
                let mut out = zkvm_bytes_64 { data: [0; 64] };
                status_ok(sw::zkvm_bn254_g1_mul(&p, &s, &mut out), "bn254_g1_mul");
            }
            9 => {
                let n = usize::from(input.byte() % 9);
                let pairs: Vec<zkvm_bn254_pairing_pair> = (0..n)
                    .map(|_| zkvm_bn254_pairing_pair { g1: bytes!(input, zkvm_bytes_64), g2: bytes!(input, zkvm_bytes_128) })
                    .collect();
                let mut verified = false;
                status_ok(sw::zkvm_bn254_pairing(pairs.as_ptr(), pairs.len(), &mut verified), "bn254_pairing");
            }
            10 => {
                let rounds = u32::from(u16::from_le_bytes([input.byte(), input.byte()]));
                let mut h = bytes!(input, zkvm_bytes_64);
                let (m, t) = (bytes!(input, zkvm_bytes_128), bytes!(input, zkvm_bytes_16));
                let f = input.byte() % 4;
                let ok = status_ok(sw::zkvm_blake2f(rounds, &mut h, &m, &t, f), "blake2f");
                assert!(!(ok && f > 1), "blake2f accepted final-block flag {f}");
            }
            11 => {
                let (c, z, y, p) =
                    (bytes!(input, zkvm_bytes_48), bytes!(input, zkvm_bytes_32), bytes!(input, zkvm_bytes_32), bytes!(input, zkvm_bytes_48));
                let mut verified = false;
                status_ok(sw::zkvm_kzg_point_eval(&c, &z, &y, &p, &mut verified), "kzg_point_eval");
            }
            12 => {
                let (p1, p2) = (bytes!(input, zkvm_bytes_96), bytes!(input, zkvm_bytes_96));
                let mut out = zkvm_bytes_96 { data: [0; 96] };
                status_ok(sw::zkvm_bls12_g1_add(&p1, &p2, &mut out), "bls12_g1_add");
            }
            13 => {
                let n = usize::from(input.byte() % 9);
                let pairs: Vec<zkvm_bls12_381_g1_msm_pair> = (0..n)
                    .map(|_| zkvm_bls12_381_g1_msm_pair { point: bytes!(input, zkvm_bytes_96), scalar: bytes!(input, zkvm_bytes_32) })
                    .collect();
                let mut out = zkvm_bytes_96 { data: [0; 96] };
                status_ok(sw::zkvm_bls12_g1_msm(pairs.as_ptr(), pairs.len(), &mut out), "bls12_g1_msm");
            }
            14 => {
                let (p1, p2) = (bytes!(input, zkvm_bytes_192), bytes!(input, zkvm_bytes_192));
                let mut out = zkvm_bytes_192 { data: [0; 192] };
                status_ok(sw::zkvm_bls12_g2_add(&p1, &p2, &mut out), "bls12_g2_add");
            }
            15 => {
                let n = usize::from(input.byte() % 9);
                let pairs: Vec<zkvm_bls12_381_g2_msm_pair> = (0..n)
                    .map(|_| zkvm_bls12_381_g2_msm_pair { point: bytes!(input, zkvm_bytes_192), scalar: bytes!(input, zkvm_bytes_32) })
                    .collect();
                let mut out = zkvm_bytes_192 { data: [0; 192] };
                status_ok(sw::zkvm_bls12_g2_msm(pairs.as_ptr(), pairs.len(), &mut out), "bls12_g2_msm");
            }
            16 => {
                let n = usize::from(input.byte() % 5);
                let pairs: Vec<zkvm_bls12_381_pairing_pair> = (0..n)
                    .map(|_| zkvm_bls12_381_pairing_pair { g1: bytes!(input, zkvm_bytes_96), g2: bytes!(input, zkvm_bytes_192) })
                    .collect();
                let mut verified = false;
                status_ok(sw::zkvm_bls12_pairing(pairs.as_ptr(), pairs.len(), &mut verified), "bls12_pairing");
            }
            17 => {
                let fp = bytes!(input, zkvm_bytes_48);
                let mut out = zkvm_bytes_96 { data: [0; 96] };
                status_ok(sw::zkvm_bls12_map_fp_to_g1(&fp, &mut out), "bls12_map_fp_to_g1");
            }
            _ => {
                let fp2 = bytes!(input, zkvm_bytes_96);
                let mut out = zkvm_bytes_192 { data: [0; 192] };
                status_ok(sw::zkvm_bls12_map_fp2_to_g2(&fp2, &mut out), "bls12_map_fp2_to_g2");
            }
        }
    }
});

/// `bytes` zero-extended to exactly `len` bytes (its own allocation of that size).
fn padded(mut bytes: Vec<u8>, len: usize) -> Vec<u8> {
    bytes.resize(len, 0);
    bytes.shrink_to_fit();
    bytes
}
