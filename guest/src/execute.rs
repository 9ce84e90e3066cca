//! Step 4: execute the block with revm (through alloy-evm's Ethereum block executor) over a database
//! backed only by the witness.
//!
//! The executor is generic over the database so that a host can run the very same code statefully
//! (over a full in-memory state) to learn what a block reads and so build its witness.
//!
//! alloy-evm runs the system calls (EIP-4788, EIP-2935, EIP-7002, EIP-7251), the transactions,
//! withdrawals and EIP-6110 deposits. What it leaves to the caller is closed here: the EIP-7928
//! block access list indexes of the pre- and post-transaction phases, and the rule that a block is
//! invalid when an EIP-7002 / EIP-7251 predeploy has no code.

use crate::{chain::ChainSpec, error::ValidationError, evm::ValidatorEvm, payload::Block};
use alloc::{borrow::Cow, format};
use alloy_consensus::{ReceiptEnvelope, transaction::Recovered};
use alloy_eips::{eip7002::WITHDRAWAL_REQUEST_PREDEPLOY_ADDRESS, eip7251::CONSOLIDATION_REQUEST_PREDEPLOY_ADDRESS};
use alloy_evm::{
    Database as EvmDatabase, Evm, EvmEnv,
    block::{BlockExecutionResult, BlockExecutor},
    eth::{EthBlockExecutionCtx, EthBlockExecutor, receipt_builder::AlloyReceiptBuilder},
};
use alloy_hardforks::EthereumHardforks;
use alloy_primitives::Address;
use alloy_trie::KECCAK_EMPTY;
use revm::{
    Database,
    database::{State, states::bundle_state::BundleRetention},
    state::bal::alloy::AlloyBal,
};

/// What executing the block produced.
#[derive(Debug)]
pub struct Execution<DB> {
    /// Receipts, requests and gas totals.
    pub result: BlockExecutionResult<ReceiptEnvelope>,
    /// The state after the block: the database (the witness's in the guest) plus the merged
    /// bundle of changes.
    pub state: State<DB>,
    /// The block access list built during execution (Amsterdam), or `None` before.
    pub block_access_list: Option<AlloyBal>,
}

/// Executes `block` with the given senders on top of the pre-state that `db` serves (in the guest
/// a [`WitnessDb`](crate::witness_db::WitnessDb)).
///
/// Errors: [`ValidationError::Execution`] for anything the executor rejects (an invalid
/// transaction, a failed system call, a read the database cannot answer).
pub fn execute<DB: EvmDatabase>(
    block: &Block,
    senders: &[Address],
    spec: &ChainSpec,
    db: DB,
) -> Result<Execution<DB>, ValidationError> {
    let header = &block.header;
    let amsterdam = spec.has_block_access_list(header.timestamp);
    let state = State::builder().with_database(db).with_bundle_update().with_bal_builder_if(amsterdam).build();
    let env = EvmEnv::for_eth_block(header, spec, spec.chain_id, spec.blob_params_at(header.timestamp));
    let evm = ValidatorEvm::new(state, env, spec.is_draft_amsterdam());
    let ctx = EthBlockExecutionCtx {
        parent_hash: header.parent_hash,
        parent_beacon_block_root: header.parent_beacon_block_root,
        ommers: &[],
        withdrawals: header.withdrawals_root.map(|_| Cow::Borrowed(block.withdrawals.as_slice())),
        extra_data: header.extra_data.clone(),
        tx_count_hint: Some(block.transactions.len()),
        slot_number: header.slot_number,
    };
    let mut executor = EthBlockExecutor::new(evm, ctx, spec, AlloyReceiptBuilder::default());

    // EIP-7928: index 0 is the pre-transaction phase, n + 1 the post-transaction phase.
    executor.evm_mut().db_mut().set_bal_index(revm::state::bal::BlockAccessIndex::new(0));
    executor.apply_pre_execution_changes().map_err(execution_error)?;
    for (index, (tx, sender)) in block.transactions.iter().zip(senders).enumerate() {
        executor
            .execute_transaction_with_index(Recovered::new_unchecked(tx, *sender), index)
            .map_err(|e| ValidationError::Execution(format!("transaction {index}: {e}")))?;
    }
    let post_index = block.transactions.len() as u64 + 1;
    executor.evm_mut().db_mut().set_bal_index(revm::state::bal::BlockAccessIndex::new(post_index));
    if spec.is_prague_active_at_timestamp(header.timestamp) {
        require_code(executor.evm_mut().db_mut(), WITHDRAWAL_REQUEST_PREDEPLOY_ADDRESS)?;
        require_code(executor.evm_mut().db_mut(), CONSOLIDATION_REQUEST_PREDEPLOY_ADDRESS)?;
    }
    let (evm, result) = executor.finish().map_err(execution_error)?;
    let mut state = evm.into_db();
    let block_access_list = state.take_built_alloy_bal();
    state.merge_transitions(BundleRetention::PlainState);
    Ok(Execution { result, state, block_access_list })
}

/// EIP-7002 / EIP-7251: the system call must reach a contract; empty code makes the block invalid.
fn require_code<DB: Database>(state: &mut State<DB>, address: Address) -> Result<(), ValidationError> {
    let info = state.basic(address).map_err(|e| ValidationError::Witness(format!("{e}")))?;
    match info {
        Some(info) if info.code_hash != KECCAK_EMPTY => Ok(()),
        _ => Err(ValidationError::Execution(format!("system contract {address} has no code"))),
    }
}

fn execution_error(error: impl core::fmt::Display) -> ValidationError {
    ValidationError::Execution(format!("{error}"))
}

