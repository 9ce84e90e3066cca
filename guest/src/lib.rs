//! Stateless validation of one Ethereum block: input bytes in, `StatelessValidationResult` bytes out.
//!
//! The pipeline follows execution-specs' `stateless.py`, one module per step, data flowing one way:
//! decode ([`zkevm_io_abi`]) → ancestor headers ([`ancestors`]) and witness nodes ([`witness_db`])
//! → payload as a block ([`payload`]) → header rules ([`consensus`]) → senders ([`senders`]) →
//! execution over the witness ([`witness_db`], [`execute`]) → block commitments ([`consensus`],
//! [`requests`]) → post-state root ([`post_state`]) → output. [`Stage`] names these steps for
//! per-stage cycle counts.
//!
//! The input is the `tests-zkevm@v21` format ([`zkevm_io_abi`]): its schema id names the fork,
//! and the rules come from (chain id, fork) alone ([`ChainSpec::for_fork`]); no fork schedule
//! travels in the input.
//!
//! It never panics on input: an undecodable input gives the all-zero result, an invalid block gives
//! `successful_validation = false` with the request root, chain id and schema id of the input.
//! The older v0.3.3 format is served by [`legacy`] (feature `legacy-v0_3_3`, host only).

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs, unreachable_pub)]
#![cfg_attr(not(feature = "accelerators"), forbid(unsafe_code))]
// With `accelerators`, `crypto::native_keccak256` (a C-ABI hook) is the one allowed exception.
#![cfg_attr(feature = "accelerators", deny(unsafe_code))]

extern crate alloc;

pub mod ancestors;
pub mod chain;
pub mod consensus;
#[cfg(feature = "accelerators")]
pub mod crypto;
pub mod deposits;
pub mod error;
pub mod evm;
pub mod execute;
#[cfg(feature = "legacy-v0_3_3")]
pub mod legacy;
pub mod payload;
pub mod post_state;
pub mod requests;
pub mod senders;
pub mod stage;
pub mod witness_db;

pub use chain::ChainSpec;
pub use error::ValidationError;
pub use stage::Stage;

use alloy_evm::eth::spec::EthExecutorSpec;
use alloy_hardforks::EthereumHardforks;
use alloy_primitives::B256;
use zkevm_io_abi::{StatelessInput, StatelessValidationResult};

/// What validating one block established, for callers that want more than the output bytes.
#[derive(Debug, Clone)]
pub struct Validated {
    /// The post-state root computed through the witness (equal to the payload's).
    pub state_root: B256,
    /// Gas used by the block.
    pub gas_used: u64,
}

/// Validates one encoded `StatelessInput` and returns the encoded `StatelessValidationResult`.
///
/// Never fails and never panics: see the crate docs for what each outcome commits.
pub fn validate(input: &[u8]) -> alloc::vec::Vec<u8> {
    validate_with_stages(input, &mut |_| {})
}

/// Like [`validate`], calling `on_stage` as each [`Stage`] begins (a zkVM platform uses it to
/// count cycles per stage).
pub fn validate_with_stages(input: &[u8], on_stage: &mut dyn FnMut(Stage)) -> alloc::vec::Vec<u8> {
    run(input, on_stage).0.encode().to_vec()
}

/// Like [`validate`], and also returns the validation outcome itself (`None` when the input did
/// not decode).
pub fn validate_with_report(
    input: &[u8],
) -> (StatelessValidationResult, Option<Result<Validated, ValidationError>>) {
    run(input, &mut |_| {})
}

fn run(
    input: &[u8],
    on_stage: &mut dyn FnMut(Stage),
) -> (StatelessValidationResult, Option<Result<Validated, ValidationError>>) {
    #[cfg(feature = "accelerators")]
    crypto::install();
    on_stage(Stage::Decode);
    let Ok(input) = StatelessInput::decode(input) else {
        on_stage(Stage::Output);
        return (StatelessValidationResult::ZERO, None);
    };
    let outcome = validate_stateless_input(&input, on_stage);
    on_stage(Stage::Output);
    let result = StatelessValidationResult {
        new_payload_request_root: request_root(&input),
        successful_validation: outcome.is_ok(),
        chain_id: input.chain_id,
        schema_id: input.fork.schema_id(),
    };
    (result, Some(outcome))
}

/// `hash_tree_root(NewPayloadRequest)` under the input's fork, hashed with the SHA-256
/// accelerator when there is one.
fn request_root(input: &StatelessInput) -> [u8; 32] {
    #[cfg(feature = "accelerators")]
    return input.new_payload_request.hash_tree_root_with(input.fork, &crypto::ZkvmSha256);
    #[cfg(not(feature = "accelerators"))]
    input.new_payload_request.hash_tree_root(input.fork)
}

/// Runs every step of stateless validation on a decoded input, under the rules of its chain id
/// and fork ([`ChainSpec::for_fork`]), calling `on_stage` as each [`Stage`] begins.
///
/// Errors: [`ValidationError::UnknownChain`] for a chain id the validator has no constants for,
/// otherwise the first rule the block breaks.
pub fn validate_stateless_input(
    input: &StatelessInput,
    on_stage: &mut dyn FnMut(Stage),
) -> Result<Validated, ValidationError> {
    let spec = ChainSpec::for_fork(input.chain_id, input.fork).ok_or(ValidationError::UnknownChain(input.chain_id))?;
    validate_stateless_input_with_spec(input, &spec, on_stage)
}

/// Runs every step of stateless validation on a decoded input under the given rules (the
/// legacy v0.3.3 path and tests use it to supply a spec of their own; the input's chain id
/// still goes into transactions' EIP-155 checks through `spec.chain_id`).
///
/// Errors: the first rule the block breaks, as a [`ValidationError`].
pub fn validate_stateless_input_with_spec(
    input: &StatelessInput,
    spec: &ChainSpec,
    on_stage: &mut dyn FnMut(Stage),
) -> Result<Validated, ValidationError> {
    #[cfg(feature = "accelerators")]
    crypto::install();
    validate_stages(input, spec, on_stage)
}

fn validate_stages(
    input: &StatelessInput,
    spec: &ChainSpec,
    on_stage: &mut dyn FnMut(Stage),
) -> Result<Validated, ValidationError> {
    let request = &input.new_payload_request;
    let witness = &input.witness;

    on_stage(Stage::Witness);
    let ancestors = ancestors::Ancestors::verify(&witness.headers)?;
    let parent_hash = ancestors.parent_hash;
    let parent = ancestors.parent.clone();
    let nodes = zkevm_trie::NodeDb::from_nodes(witness.state.iter().map(|node| node.as_slice()));
    let db = witness_db::WitnessDb::new(&nodes, &witness.codes, ancestors);

    on_stage(Stage::Execution);
    let block = payload::Block::from_request(request, spec)?;
    if block.header.parent_hash != parent_hash {
        return Err(ValidationError::Header("parent hash is not the last witness header's hash"));
    }
    consensus::check_header_against_parent(&block.header, &parent, spec)?;
    consensus::check_blobs(&block, spec)?;
    consensus::check_block_size(&block, spec)?;
    on_stage(Stage::Senders);
    let senders = senders::senders(&block.transactions)?;
    on_stage(Stage::Execution);
    let mut execution = execute::execute(&block, &senders, spec, db)?;
    consensus::check_execution(&block, &execution)?;
    if spec.is_prague_active_at_timestamp(block.header.timestamp) {
        let deposit_contract = spec.deposit_contract_address().unwrap_or_default();
        deposits::check_deposit_logs(&execution.result.receipts, deposit_contract)?;
    }

    on_stage(Stage::PostState);
    let bundle = execution.state.take_bundle();
    let state_root = post_state::post_state_root(&mut execution.state.database, &bundle)
        .map_err(|e| ValidationError::Witness(alloc::format!("{e}")))?;
    if state_root != block.header.state_root {
        return Err(ValidationError::StateRootMismatch { computed: state_root, expected: block.header.state_root });
    }
    Ok(Validated { state_root, gas_used: block.header.gas_used })
}
