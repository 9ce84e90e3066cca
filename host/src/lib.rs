//! The host side of the stateless validator: fetching blocks and witnesses from a node, reading
//! INPUT files, building guest inputs from blocks and witnesses, building the guest ELF, checking
//! guest ELFs against the zkVM standard, running them under zkVM executors, and reporting results.
//! The `zkevm` binary (`main.rs`) is a thin CLI over this.

#![deny(missing_docs, unreachable_pub)]
#![forbid(unsafe_code)]

pub mod build_input;
pub mod check_elf;
pub mod conformance;
pub mod elf_build;
pub mod fetch;
pub mod files;
pub mod inputs;
pub mod native;
pub mod profile;
pub mod proof_file;
pub mod prove;
pub mod prover_settings;
pub mod report;
pub mod witness_gen;
pub mod zkvm;
