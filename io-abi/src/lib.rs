//! Wire formats of the stateless-validation guest: the SSZ `StatelessInput` it reads and
//! the `StatelessValidationResult` it commits, as used by the EEST zkEVM fixtures.
//!
//! Implemented: [`WireVersion::V0_3_3`] (`tests-zkevm@v0.3.3`, fork Amsterdam), whose exact
//! schema, limits and merkle depths are in `shared/reference/ssz-v0.3.3.md` and are
//! verified here against every fixture block (decode, byte-identical re-encode, and
//! `hash_tree_root(NewPayloadRequest)` = output bytes `0..32`).
//!
//! ```text
//! input  = SSZ(StatelessInput)                          (no prefix in v0.3.3)
//! output = request_root (32) ‖ valid (1) ‖ chain_id (8, LE)   = 41 bytes
//! ```
//!
//! The data types are plain structs with public fields (`Vec<u8>` for byte lists,
//! `Vec<Vec<u8>>` for lists of them). Limits are enforced by the decoder and by
//! [`StatelessInput::check_limits`] for hand-built values.
//!
//! Layout: one module per concept (`payload`, `request`, `witness`, `input`, `output`);
//! SSZ byte rules in `codec`, merkleization in `merkle`, per-version facts in `version`.
//! A later wire version (2-byte big-endian schema id before the body, 43-byte output with
//! `schema_id`, EIP-7916 progressive lists) is added as a [`WireVersion`] variant plus
//! `match` arms in `version`, `merkle`, `input` and `output`.
//!
//! Hashing is SHA-256 through `libssz_merkle`'s [`Sha256Hasher`] trait: [`Sha2Hasher`] is
//! the software default; a zkVM accelerator implements the trait and is passed to
//! [`NewPayloadRequest::hash_tree_root_with`].

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs, unreachable_pub)]
#![forbid(unsafe_code)]

extern crate alloc;

mod codec;
mod error;
mod input;
mod merkle;
mod output;
mod payload;
mod request;
mod version;
mod witness;

pub use error::DecodeError;
pub use input::{ChainConfig, StatelessInput};
pub use merkle::{Sha2Hasher, Sha256Hasher};
pub use output::StatelessValidationResult;
pub use payload::{ExecutionPayload, Withdrawal};
pub use request::NewPayloadRequest;
pub use version::{Limits, WireVersion};
pub use witness::ExecutionWitness;
