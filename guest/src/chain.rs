//! Chain specifications: which fork rules apply to a block.
//!
//! In the guest the rules come from (chain id, fork): the input's schema id names the fork, and
//! [`ChainSpec::for_fork`] activates it and every fork before it from genesis, with the fork's
//! own blob schedule. The chain id supplies the chain's constants (the EIP-6110 deposit contract).
//! The host also builds specs from whole schedules ([`ChainSpec::known`],
//! [`ChainSpec::from_hardforks`]) to learn which fork a block of a chain is in.
//!
//! alloy-evm's `EthSpec` covers only mainnet, sepolia and holesky and has no blob schedule, so the
//! validator carries its own [`ChainSpec`] implementing [`EthExecutorSpec`].

use alloy_eips::{eip6110::MAINNET_DEPOSIT_CONTRACT_ADDRESS, eip7840::BlobParams};
use alloy_evm::eth::spec::EthExecutorSpec;
use alloy_hardforks::{
    EthereumChainHardforks, EthereumHardfork, EthereumHardforks, ForkCondition,
};
use alloy_primitives::{Address, address};
use zkevm_io_abi::Fork;

/// Mainnet chain id.
pub const MAINNET: u64 = 1;
/// Sepolia chain id.
pub const SEPOLIA: u64 = 11_155_111;
/// Holesky chain id.
pub const HOLESKY: u64 = 17_000;
/// Hoodi chain id.
pub const HOODI: u64 = 560_048;

/// The fork schedule and chain constants the block executor needs.
#[derive(Debug, Clone)]
pub struct ChainSpec {
    /// EIP-155 chain id.
    pub chain_id: u64,
    hardforks: EthereumChainHardforks,
    deposit_contract: Address,
    /// The draft Amsterdam of the `tests-zkevm@v0.3.3` fixtures from genesis, on top of the
    /// schedule's own forks: EIP-7928 block access lists, EIP-7843 slot numbers and the draft's
    /// EVM rules (only with the feature `legacy-v0_3_3`; see [`crate::legacy`]).
    draft_amsterdam: bool,
}

/// The EIP-6110 deposit contract of a known chain.
fn deposit_contract(chain_id: u64) -> Option<Address> {
    Some(match chain_id {
        MAINNET => MAINNET_DEPOSIT_CONTRACT_ADDRESS,
        SEPOLIA => address!("0x7f02c3e3c98b133055b8b348b2ac625669ed295d"),
        HOLESKY => address!("0x4242424242424242424242424242424242424242"),
        HOODI => address!("0x00000000219ab540356cbb839cbe05303d7705fa"),
        _ => return None,
    })
}

/// The alloy-hardforks name of a fork of the input.
pub fn ethereum_hardfork(fork: Fork) -> EthereumHardfork {
    match fork {
        Fork::Paris => EthereumHardfork::Paris,
        Fork::Shanghai => EthereumHardfork::Shanghai,
        Fork::Cancun => EthereumHardfork::Cancun,
        Fork::Prague => EthereumHardfork::Prague,
        Fork::Osaka => EthereumHardfork::Osaka,
        Fork::Bpo1 => EthereumHardfork::Bpo1,
        Fork::Bpo2 => EthereumHardfork::Bpo2,
        Fork::Amsterdam => EthereumHardfork::Amsterdam,
    }
}

impl ChainSpec {
    /// The rules of `fork` on the chain `chain_id`: that fork and every one before it active
    /// from genesis, later ones never, and the fork's blob schedule ([`Self::blob_params_at`]).
    ///
    /// `None` for a chain id whose constants (the EIP-6110 deposit contract) are unknown:
    /// mainnet, sepolia, holesky and hoodi are known.
    pub fn for_fork(chain_id: u64, fork: Fork) -> Option<Self> {
        let deposit_contract = deposit_contract(chain_id)?;
        let last = ethereum_hardfork(fork);
        let mut forks: alloc::vec::Vec<_> =
            EthereumHardfork::devnet().into_iter().filter(|(f, _)| *f <= last).collect();
        if fork == Fork::Amsterdam {
            forks.push((EthereumHardfork::Amsterdam, ForkCondition::ZERO_TIMESTAMP));
        }
        Some(Self { chain_id, hardforks: EthereumChainHardforks::new(forks), deposit_contract, draft_amsterdam: false })
    }

    /// The known chain with this id (mainnet, sepolia, holesky, hoodi) with its whole fork
    /// schedule, or `None`.
    pub fn known(chain_id: u64) -> Option<Self> {
        let deposit_contract = deposit_contract(chain_id)?;
        let hardforks = match chain_id {
            MAINNET => EthereumChainHardforks::mainnet(),
            SEPOLIA => EthereumChainHardforks::sepolia(),
            HOLESKY => EthereumChainHardforks::holesky(),
            _ => EthereumChainHardforks::hoodi(),
        };
        Some(Self { chain_id, hardforks, deposit_contract, draft_amsterdam: false })
    }

    /// A chain with the given fork schedule and EIP-6110 deposit contract, for networks that are
    /// not known by chain id (e.g. the test networks of the EEST blockchain tests, which all run
    /// under chain id 1 with a schedule of their own). Its EVM follows the schedule's forks (no
    /// draft Amsterdam rules).
    pub fn from_hardforks(chain_id: u64, hardforks: EthereumChainHardforks, deposit_contract: Address) -> Self {
        Self { chain_id, hardforks, deposit_contract, draft_amsterdam: false }
    }

    /// Whether this is the fixtures' test network, whose EVM runs the draft Amsterdam rules
    /// ([`crate::evm`]).
    pub fn is_draft_amsterdam(&self) -> bool {
        self.draft_amsterdam
    }

    /// Whether blocks at `timestamp` carry an EIP-7928 block access list and an EIP-7843 slot
    /// number (Amsterdam, or the draft Amsterdam of the test network).
    pub fn has_block_access_list(&self, timestamp: u64) -> bool {
        self.draft_amsterdam || self.is_amsterdam_active_at_timestamp(timestamp)
    }

    /// The newest fork of the input format active at `timestamp` (block `number`) under this
    /// schedule, or `None` before Paris (a pre-merge block has no engine payload).
    pub fn fork_at(&self, number: u64, timestamp: u64) -> Option<Fork> {
        Fork::ALL.into_iter().rev().find(|&fork| match fork {
            Fork::Paris => self.is_paris_active_at_block(number),
            _ => self.ethereum_fork_activation(ethereum_hardfork(fork)).active_at_timestamp(timestamp),
        })
    }

    /// The test network of the EEST zkEVM fixtures (`tests-zkevm@v0.3.3`, run under chain id 1):
    /// every fork through BPO2 from genesis, plus the draft Amsterdam those fixtures were filled
    /// with — EIP-7928 block access lists, EIP-7843 slot numbers, EIP-7708 transfer logs and an
    /// early EIP-8037 state gas over Osaka's gas schedule, with EIP-7778 block gas accounting
    /// (see [`crate::evm`]). (The Amsterdam of revm 43 is later: its EIP-8037 is repriced and
    /// tied to EIP-2780 intrinsic gas, and it adds EIP-8038 and the EIP-8282 builder system calls,
    /// which those fixtures do not have.)
    #[cfg(feature = "legacy-v0_3_3")]
    pub fn draft_amsterdam_from_genesis(chain_id: u64) -> Self {
        Self {
            chain_id,
            hardforks: EthereumChainHardforks::new(EthereumHardfork::devnet()),
            deposit_contract: MAINNET_DEPOSIT_CONTRACT_ADDRESS,
            draft_amsterdam: true,
        }
    }

    /// The EIP-4844/EIP-7840 blob parameters in force at `timestamp`, or `None` before Cancun.
    pub fn blob_params_at(&self, timestamp: u64) -> Option<BlobParams> {
        // Newest first: BPO forks and Amsterdam keep the last BPO's schedule.
        if self.is_bpo2_active_at_timestamp(timestamp) {
            Some(BlobParams::bpo2())
        } else if self.is_bpo1_active_at_timestamp(timestamp) {
            Some(BlobParams::bpo1())
        } else if self.is_osaka_active_at_timestamp(timestamp) {
            Some(BlobParams::osaka())
        } else if self.is_prague_active_at_timestamp(timestamp) {
            Some(BlobParams::prague())
        } else if self.is_cancun_active_at_timestamp(timestamp) {
            Some(BlobParams::cancun())
        } else {
            None
        }
    }
}

impl EthereumHardforks for ChainSpec {
    fn ethereum_fork_activation(&self, fork: EthereumHardfork) -> ForkCondition {
        self.hardforks.ethereum_fork_activation(fork)
    }
}

impl EthExecutorSpec for ChainSpec {
    fn deposit_contract_address(&self) -> Option<Address> {
        Some(self.deposit_contract)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn for_fork_activates_the_fork_and_those_before_it_with_its_blob_schedule() {
        let blobs = |fork| ChainSpec::for_fork(MAINNET, fork).and_then(|s| s.blob_params_at(0));
        assert_eq!(blobs(Fork::Paris), None);
        assert_eq!(blobs(Fork::Shanghai), None);
        assert_eq!(blobs(Fork::Cancun), Some(BlobParams::cancun()));
        assert_eq!(blobs(Fork::Prague), Some(BlobParams::prague()));
        assert_eq!(blobs(Fork::Osaka), Some(BlobParams::osaka()));
        assert_eq!(blobs(Fork::Bpo1), Some(BlobParams::bpo1()));
        assert_eq!(blobs(Fork::Bpo2), Some(BlobParams::bpo2()));
        // Amsterdam keeps BPO2's schedule (the v21 fixtures' config: target 14, max 21).
        assert_eq!(blobs(Fork::Amsterdam), Some(BlobParams::bpo2()));

        let prague = ChainSpec::for_fork(MAINNET, Fork::Prague).expect("mainnet");
        assert!(prague.is_prague_active_at_timestamp(0) && prague.is_cancun_active_at_timestamp(0));
        assert!(!prague.is_osaka_active_at_timestamp(u64::MAX));
        let amsterdam = ChainSpec::for_fork(HOODI, Fork::Amsterdam).expect("hoodi");
        assert!(amsterdam.has_block_access_list(0));
        assert_eq!(amsterdam.deposit_contract_address(), Some(address!("0x00000000219ab540356cbb839cbe05303d7705fa")));
        assert!(ChainSpec::for_fork(424_242, Fork::Osaka).is_none(), "unknown chain: no deposit contract");
    }

    #[test]
    fn fork_at_follows_the_mainnet_schedule() {
        let mainnet = ChainSpec::known(MAINNET).expect("mainnet");
        assert_eq!(mainnet.fork_at(15_537_393, 1_663_224_162), None, "last proof-of-work block");
        assert_eq!(mainnet.fork_at(15_537_394, 1_663_224_179), Some(Fork::Paris));
        assert_eq!(mainnet.fork_at(17_034_870, 1_681_338_455), Some(Fork::Shanghai));
        assert_eq!(mainnet.fork_at(19_426_587, 1_710_338_135), Some(Fork::Cancun));
    }
}
