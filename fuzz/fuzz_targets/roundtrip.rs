//! `roundtrip`: decoding is canonical-only.
//!
//! Invariants: `StatelessInput::decode` never panics; whatever it accepts re-encodes to exactly
//! the input bytes, passes `check`, reports its encoded length, and decodes again to an equal value.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zkevm_io_abi::StatelessInput;

fuzz_target!(|data: &[u8]| {
    let Ok(input) = StatelessInput::decode(data) else { return };
    let encoded = input.encode();
    assert!(encoded == data, "decoded input does not re-encode to the same bytes");
    assert_eq!(input.encoded_len(), data.len(), "encoded_len");
    assert!(input.check().is_ok(), "a decoded input fails check: {:?}", input.check());
    let again = StatelessInput::decode(&encoded).expect("re-encoding does not decode");
    assert!(again == input, "re-decoded input differs");
});
