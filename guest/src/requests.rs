//! EIP-7685 `requests_hash`, with the validator's SHA-256: the `zkvm_sha256` accelerator under
//! the crate feature `accelerators`, the `sha2` crate otherwise.
//!
//! `requests_hash = sha256(sha256(r_1) ‖ … ‖ sha256(r_n))` over the requests `r_i = type ‖ data`
//! that carry data (a lone type byte is left out), in ascending type order — the same value as
//! alloy-eips' `Requests::requests_hash`, which always uses `sha2` and so would bypass the
//! accelerator.

use alloc::vec::Vec;
use alloy_eips::eip7685::Requests;
use alloy_primitives::B256;

/// The EIP-7685 commitment to `requests` (32 bytes).
pub fn requests_hash(requests: &Requests) -> B256 {
    let mut present: Vec<&[u8]> = requests.iter().map(|r| r.as_ref()).filter(|r| r.len() > 1).collect();
    present.sort_by_key(|r| r[0]);
    let mut concatenated = Vec::with_capacity(32 * present.len());
    for request in present {
        concatenated.extend_from_slice(&sha256(request));
    }
    B256::from(sha256(&concatenated))
}

#[cfg(feature = "accelerators")]
fn sha256(data: &[u8]) -> [u8; 32] {
    zkvm_interface::sha256(data)
}

#[cfg(not(feature = "accelerators"))]
fn sha256(data: &[u8]) -> [u8; 32] {
    use sha2::Digest;
    sha2::Sha256::digest(data).into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloy_primitives::Bytes;

    #[test]
    fn equals_alloys_value() {
        let cases = [
            Requests::default(),
            Requests::new(alloc::vec![Bytes::from_static(&[0x00])]),
            Requests::new(alloc::vec![Bytes::from_static(&[0x01, 0xaa, 0xbb]), Bytes::from_static(&[0x00, 0x11])]),
            Requests::new(alloc::vec![
                Bytes::from_static(&[0x00, 0x11]),
                Bytes::from_static(&[0x01]),
                Bytes::from_static(&[0x02, 0x22, 0x33]),
            ]),
        ];
        for requests in cases {
            assert_eq!(requests_hash(&requests), requests.requests_hash());
        }
        assert_ne!(
            requests_hash(&Requests::new(alloc::vec![Bytes::from_static(&[0x00, 0x11])])),
            requests_hash(&Requests::new(alloc::vec![Bytes::from_static(&[0x00, 0x12])])),
        );
    }
}
