//! The draft Amsterdam EVM of the `tests-zkevm@v0.3.3` fixtures, which revm 43 does not ship
//! as one spec: revm's Amsterdam opcodes and EIP-7708 transfer logs, but Osaka's gas schedule
//! plus an early EIP-8037 (state gas priced at a fixed 1174 gas per state byte, counted in its own
//! dimension, no EIP-2780 / EIP-8038), with EIP-7778 block gas accounting. The parameters below
//! are the ones the fixtures were filled with (execution-specs' Amsterdam `StateCosts` /
//! `GasCosts` of that time); each was pinned by the 130 fixture blocks.

use alloy_evm::{Database, EvmEnv, eth::EthEvmBuilder};
use core::marker::PhantomData;
use revm::{
    bytecode::opcode::{EXTCODECOPY, EXTCODESIZE},
    context::{CfgEnv, ContextSetters, TxEnv},
    context_interface::{
        Cfg, ContextTr, JournalTr, Transaction,
        cfg::{GasId, GasParams, gas::GasTracker},
        result::{EVMError, HaltReason, InvalidTransaction, ResultAndState},
        transaction::TransactionType,
    },
    handler::{EvmTr, FrameResult, Handler, handle_reservoir_remaining_gas, pre_execution, validation},
    interpreter::{InitialAndFloorGas, InstructionResult},
    primitives::hardfork::SpecId,
};

use crate::evm::Inner;

/// EIP-8037 cost per state byte of the draft (fixed; later drafts raised it to 1530).
const COST_PER_STATE_BYTE: u64 = 1174;
/// EIP-8037 state bytes of a new account record.
const NEW_ACCOUNT_BYTES: u64 = 112;
/// EIP-8037 state bytes of a new storage slot.
const STORAGE_SET_BYTES: u64 = 32;
/// EIP-8037 state bytes of an EIP-7702 delegation indicator (`0xef0100 ‖ address`).
const AUTH_BASE_BYTES: u64 = 23;
/// Regular gas of CREATE / CREATE2 and of a create transaction (was 32000; the account creation
/// moved to state gas).
const CREATE_BASE: u64 = 9000;
/// Regular gas per EIP-7702 authorization (was 25000; the account and delegation bytes moved to
/// state gas).
const PER_AUTH_BASE: u64 = 7500;
/// Regular part of writing a new storage slot: that of any storage write
/// (`COLD_STORAGE_WRITE` 5000 − cold access 2100 − warm access 100).
const SSTORE_SET_REGULAR: u64 = 2800;

/// Osaka's gas schedule with the draft's EIP-8037 state gas.
fn draft_amsterdam_gas_params() -> GasParams {
    let mut params = GasParams::new_spec(SpecId::OSAKA);
    params.override_gas([
        // Regular gas.
        (GasId::create(), CREATE_BASE),
        (GasId::tx_create_cost(), CREATE_BASE),
        (GasId::code_deposit_cost(), 0),
        (GasId::sstore_set_without_load_cost(), SSTORE_SET_REGULAR),
        (GasId::sstore_set_refund(), SSTORE_SET_REGULAR),
        (GasId::new_account_cost(), 0),
        (GasId::new_account_cost_for_selfdestruct(), 0),
        (GasId::tx_eip7702_regular_gas(), PER_AUTH_BASE),
        (GasId::tx_eip7702_regular_refund(), 0),
        // State gas.
        (GasId::sstore_set_state_gas(), STORAGE_SET_BYTES * COST_PER_STATE_BYTE),
        (GasId::new_account_state_gas(), NEW_ACCOUNT_BYTES * COST_PER_STATE_BYTE),
        (GasId::create_state_gas(), NEW_ACCOUNT_BYTES * COST_PER_STATE_BYTE),
        (GasId::code_deposit_state_gas(), COST_PER_STATE_BYTE),
        (GasId::tx_eip7702_state_gas_bytecode(), AUTH_BASE_BYTES * COST_PER_STATE_BYTE),
    ]);
    params
}

/// Turns a block environment built for the schedule's own fork into the draft Amsterdam one:
/// revm's Amsterdam spec (its opcodes, EIP-7708 logs) with EIP-8037 state gas, without EIP-2780,
/// and the draft gas schedule.
fn draft_amsterdam_env(env: EvmEnv) -> EvmEnv {
    let mut cfg_env: CfgEnv = env.cfg_env.with_spec_and_gas_params(SpecId::AMSTERDAM, draft_amsterdam_gas_params());
    cfg_env.enable_amsterdam_eip8037 = true;
    cfg_env.enable_amsterdam_eip2780 = false;
    EvmEnv { cfg_env, block_env: env.block_env }
}

/// revm's EVM configured for the draft from an environment built for the schedule's fork.
pub(crate) fn evm<DB: Database>(db: DB, env: EvmEnv) -> Inner<DB> {
    let mut inner = EthEvmBuilder::new(db, draft_amsterdam_env(env)).build().into_inner();
    // No EIP-8038 in the draft: EXTCODESIZE / EXTCODECOPY keep the warm-access base.
    let warm = inner.ctx.cfg.gas_params().warm_storage_read_cost() as u16;
    inner.instruction.insert_gas(EXTCODESIZE, warm);
    inner.instruction.insert_gas(EXTCODECOPY, warm);
    inner
}

/// One transaction under [`DraftAmsterdamHandler`].
pub(crate) fn transact<DB: Database>(
    inner: &mut Inner<DB>,
    tx: TxEnv,
) -> Result<ResultAndState<HaltReason>, EVMError<DB::Error>> {
    inner.ctx.set_tx(tx);
    let result = DraftAmsterdamHandler::<DB>::default().run(inner);
    let state = inner.ctx.journal_mut().finalize();
    Ok(ResultAndState::new(result?, state))
}

/// The mainnet handler with the draft's transaction-level EIP-8037 rules, where revm 43 ties
/// state gas to EIP-2780:
/// - intrinsic state gas: a new account for a create transaction, a new account plus a
///   delegation indicator per EIP-7702 authorization;
/// - an authorization to an authority that already exists returns its new-account state gas to
///   the reservoir;
/// - a reverted transaction keeps the state gas it was charged (reverted inner calls still return
///   theirs).
pub struct DraftAmsterdamHandler<DB: Database>(PhantomData<DB>);

impl<DB: Database> Default for DraftAmsterdamHandler<DB> {
    fn default() -> Self {
        Self(PhantomData)
    }
}

impl<DB: Database> Handler for DraftAmsterdamHandler<DB> {
    type Evm = Inner<DB>;
    type Error = EVMError<DB::Error>;
    type HaltReason = HaltReason;

    fn validate_initial_tx_gas(&self, evm: &mut Self::Evm) -> Result<InitialAndFloorGas, Self::Error> {
        let ctx = evm.ctx_ref();
        let (cfg, tx) = (ctx.cfg(), ctx.tx());
        let params = cfg.gas_params();
        let mut gas = validation::validate_initial_tx_gas_with_gas_params(
            tx,
            *cfg.spec(),
            params,
            cfg.is_eip7623_disabled(),
            true,
            cfg.tx_gas_limit_cap(),
            None,
        )?;
        let per_auth = params.new_account_state_gas() + params.tx_eip7702_state_gas_bytecode();
        let mut state_gas = tx.authorization_list_len() as u64 * per_auth;
        if tx.kind().is_create() {
            state_gas += params.create_state_gas();
        }
        gas.set_initial_state_gas(state_gas);
        if gas.initial_total_gas() > tx.gas_limit() {
            return Err(InvalidTransaction::CallGasCostMoreThanGasLimit {
                gas_limit: tx.gas_limit(),
                initial_gas: gas.initial_total_gas(),
            }
            .into());
        }
        Ok(gas)
    }

    fn apply_eip7702_auth_list(&self, evm: &mut Self::Evm, gas: &mut GasTracker) -> Result<Option<u64>, Self::Error> {
        let ctx = evm.ctx();
        if ctx.tx().tx_type() != TransactionType::Eip7702 {
            return Ok(Some(0));
        }
        let chain_id = ctx.cfg().chain_id();
        let new_account_state_gas = ctx.cfg().gas_params().new_account_state_gas();
        let (tx, journal) = ctx.tx_journal_mut();
        let existing = pre_execution::apply_auth_list::<_, Self::Error>(chain_id, tx.authorization_list(), journal)?;
        gas.refill_reservoir(existing * new_account_state_gas);
        Ok(Some(0))
    }

    fn last_frame_result(
        &mut self,
        evm: &mut Self::Evm,
        frame_result: &mut FrameResult,
        parent_gas: &mut GasTracker,
    ) -> Result<(), Self::Error> {
        let mut instruction_result = frame_result.instruction_result();
        if instruction_result == InstructionResult::Revert {
            // Settle a top-level revert like a success for state gas, dropping its refunds.
            frame_result.gas_mut().tracker_mut().set_refunded(0);
            instruction_result = InstructionResult::Stop;
        }
        parent_gas.spend_all();
        handle_reservoir_remaining_gas(instruction_result, parent_gas, frame_result.gas_mut().tracker_mut());
        if let Some(charge) = frame_result.refundable_state_gas(evm.ctx().cfg().gas_params()) {
            parent_gas.refill_reservoir(charge);
            if instruction_result.is_halt() {
                parent_gas.spend_all();
            }
        }
        *frame_result.gas_mut().tracker_mut() = *parent_gas;
        Ok(())
    }
}
