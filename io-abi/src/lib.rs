//! Wire formats of the stateless-validation guest: the schema-prefixed SSZ `StatelessInput` it
//! reads and the 43-byte `StatelessValidationResult` it commits, as defined by execution-specs'
//! `tests-zkevm@v21` releases (`shared/reference/stateless-input-v21.md`).
//!
//! ```text
//! input  = schema_id (u16 BE) ‖ SSZ(StatelessInput)      schema_id = fork_id << 8 | 0x01
//! output = request_root (32) ‖ valid (1) ‖ chain_id (u64 LE) ‖ schema_id (u16 LE) = 43 bytes
//! ```
//!
//! The schema id selects the [`Fork`] (Paris 0x0E01 … Amsterdam 0x1501), and the fork the
//! shape of the `NewPayloadRequest`. Lists are EIP-7916 progressive lists and the payload and
//! the execution requests EIP-7495 progressive containers; their roots are checked against the
//! official fixture pairs.
//!
//! The data types are plain structs with public fields (`Vec<u8>` for byte lists). Decoding is
//! canonical-only and never panics; [`StatelessInput::check`] validates hand-built values.
//!
//! Layout: one module per concept (`fork`, `payload`, `requests`, `request`, `witness`,
//! `input`, `output`); SSZ byte rules in `codec`, merkleization in `merkle`, limits in
//! `limits`. The older `tests-zkevm@v0.3.3` format lives apart in [`legacy`] (feature
//! `legacy-v0_3_3`, for the host's regression suite; never in the guest ELF).
//!
//! Hashing is SHA-256 through `libssz_merkle`'s [`Sha256Hasher`] trait: [`Sha2Hasher`] is the
//! software default; a zkVM accelerator implements the trait and is passed to
//! [`NewPayloadRequest::hash_tree_root_with`].

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs, unreachable_pub)]
#![forbid(unsafe_code)]

extern crate alloc;

mod codec;
mod error;
mod fork;
mod input;
#[cfg(feature = "legacy-v0_3_3")]
pub mod legacy;
mod limits;
mod merkle;
mod output;
mod payload;
mod request;
mod requests;
mod witness;

pub use error::DecodeError;
pub use fork::{Fork, SCHEMA_REVISION};
pub use input::StatelessInput;
pub use limits::Limits;
pub use merkle::{Sha2Hasher, Sha256Hasher};
pub use output::StatelessValidationResult;
pub use payload::{ExecutionPayload, Withdrawal};
pub use request::NewPayloadRequest;
pub use requests::ExecutionRequests;
pub use witness::ExecutionWitness;
