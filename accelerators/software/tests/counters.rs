//! With the `counters` feature, every call through the C ABI is counted.
#![cfg(feature = "counters")]

use zkvm_accelerators_software::counters::{self, Accelerator};

#[test]
fn calls_are_counted_per_function() {
    let before = counters::calls(Accelerator::Keccak256);
    zkvm_interface::keccak256(b"one");
    zkvm_interface::keccak256(b"two");
    assert_eq!(counters::calls(Accelerator::Keccak256), before + 2);
    let sha = counters::calls(Accelerator::Sha256);
    zkvm_interface::sha256(b"x");
    assert_eq!(counters::calls(Accelerator::Sha256), sha + 1);
    assert_eq!(counters::snapshot().len(), 19);
    assert_eq!(Accelerator::ALL.iter().filter(|a| a.symbol().starts_with("zkvm_")).count(), 19);
}
