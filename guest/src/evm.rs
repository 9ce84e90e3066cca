//! The EVM the block executor runs: revm's mainnet EVM under the fork's own rules (for
//! Amsterdam, revm's Amsterdam: EIP-8037 state gas with EIP-2780 intrinsic gas, EIP-8038,
//! EIP-7708 transfer logs). With the feature `legacy-v0_3_3` it can instead run the draft
//! Amsterdam of the v0.3.3 fixtures ([`crate::legacy`]).
//!
//! Evidence that revm 43's Amsterdam is the one `tests-zkevm@v21.0.1` was filled with: the three
//! official pairs (`fixtures/eest-v21`: a legacy SAR transaction, an EIP-7702 set-code transaction,
//! an EIP-6110 deposit log with swapped offsets) come out byte-exact, and each binds the gas used,
//! the receipts root, the EIP-7928 block access list hash and the state root through the block hash
//! and the verdict. alloy-evm 0.39 adds the EIP-8282 builder deposit / exit system calls and their
//! requests (types 3 and 4), which the v21 `ExecutionRequests` carry.

use alloy_evm::{
    Database, Evm, EvmEnv,
    eth::{EthEvmBuilder, EthEvmContext},
    precompiles::PrecompilesMap,
};
use alloy_primitives::{Address, Bytes};
use revm::{
    ExecuteEvm, SystemCallEvm,
    context::{BlockEnv, CfgEnv, Context, TxEnv},
    context_interface::result::{EVMError, HaltReason, ResultAndState},
    handler::{EthFrame, instructions::EthInstructions},
    inspector::NoOpInspector,
    interpreter::interpreter::EthInterpreter,
    primitives::hardfork::SpecId,
};

pub(crate) type Inner<DB> = revm::context::Evm<
    EthEvmContext<DB>,
    NoOpInspector,
    EthInstructions<EthInterpreter, EthEvmContext<DB>>,
    PrecompilesMap,
    EthFrame,
>;

/// revm's Ethereum EVM, run by the mainnet handler (or the legacy draft Amsterdam handler).
pub struct ValidatorEvm<DB: Database> {
    inner: Inner<DB>,
    draft_amsterdam: bool,
}

impl<DB: Database> core::fmt::Debug for ValidatorEvm<DB> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("ValidatorEvm").field("draft_amsterdam", &self.draft_amsterdam).finish_non_exhaustive()
    }
}

impl<DB: Database> ValidatorEvm<DB> {
    /// The EVM for a block: `env` as built for the chain's schedule; with `draft_amsterdam` the
    /// draft's configuration and handler replace the schedule's.
    #[cfg_attr(not(feature = "legacy-v0_3_3"), allow(unused_variables))]
    pub fn new(db: DB, env: EvmEnv, draft_amsterdam: bool) -> Self {
        #[cfg(feature = "legacy-v0_3_3")]
        if draft_amsterdam {
            let inner = crate::legacy::draft_amsterdam::evm(db, env);
            return Self { inner, draft_amsterdam };
        }
        let inner = EthEvmBuilder::new(db, env).build().into_inner();
        Self { inner, draft_amsterdam: false }
    }
}

impl<DB: Database> Evm for ValidatorEvm<DB> {
    type DB = DB;
    type Tx = TxEnv;
    type Error = EVMError<DB::Error>;
    type HaltReason = HaltReason;
    type Spec = SpecId;
    type BlockEnv = BlockEnv;
    type Precompiles = PrecompilesMap;
    type Inspector = NoOpInspector;

    fn block(&self) -> &BlockEnv {
        &self.inner.ctx.block
    }

    fn cfg_env(&self) -> &CfgEnv<SpecId> {
        &self.inner.ctx.cfg
    }

    fn chain_id(&self) -> u64 {
        self.inner.ctx.cfg.chain_id
    }

    fn transact_raw(&mut self, tx: TxEnv) -> Result<ResultAndState<HaltReason>, Self::Error> {
        #[cfg(feature = "legacy-v0_3_3")]
        if self.draft_amsterdam {
            return crate::legacy::draft_amsterdam::transact(&mut self.inner, tx);
        }
        self.inner.transact(tx)
    }

    fn transact_system_call(
        &mut self,
        caller: Address,
        contract: Address,
        data: Bytes,
    ) -> Result<ResultAndState<HaltReason>, Self::Error> {
        self.inner.system_call_with_caller(caller, contract, data)
    }

    fn finish(self) -> (DB, EvmEnv) {
        let Context { block, cfg, journaled_state, .. } = self.inner.ctx;
        (journaled_state.database, EvmEnv { block_env: block, cfg_env: cfg })
    }

    fn set_inspector_enabled(&mut self, _enabled: bool) {}

    fn components(&self) -> (&DB, &NoOpInspector, &PrecompilesMap) {
        (&self.inner.ctx.journaled_state.database, &self.inner.inspector, &self.inner.precompiles)
    }

    fn components_mut(&mut self) -> (&mut DB, &mut NoOpInspector, &mut PrecompilesMap) {
        (&mut self.inner.ctx.journaled_state.database, &mut self.inner.inspector, &mut self.inner.precompiles)
    }
}

