//! EEST `network` names → fork schedules.
//!
//! A single-fork network (`Cancun`) has every fork up to that one from genesis; a transition
//! network `XToYAtTime15k` has every fork up to X from genesis and Y from timestamp 15000. The
//! schedule is alloy-hardforks' devnet list (all forks at genesis, Paris by a zero total
//! difficulty) cut at the network's last fork. EEST runs every network under chain id 1 with
//! mainnet's EIP-6110 deposit contract.

use alloy_eips::eip6110::MAINNET_DEPOSIT_CONTRACT_ADDRESS;
use alloy_hardforks::{EthereumChainHardforks, EthereumHardfork, ForkCondition};
use zkevm_guest::ChainSpec;

/// The post-merge forks by their EEST names, oldest first.
const POST_MERGE: [(&str, EthereumHardfork); 7] = [
    ("Paris", EthereumHardfork::Paris),
    ("Shanghai", EthereumHardfork::Shanghai),
    ("Cancun", EthereumHardfork::Cancun),
    ("Prague", EthereumHardfork::Prague),
    ("Osaka", EthereumHardfork::Osaka),
    ("BPO1", EthereumHardfork::Bpo1),
    ("BPO2", EthereumHardfork::Bpo2),
];

/// The forks before the merge, by their EEST names.
const PRE_MERGE: [&str; 12] = [
    "Frontier",
    "Homestead",
    "EIP150",
    "EIP158",
    "Byzantium",
    "Constantinople",
    "ConstantinopleFix",
    "Petersburg",
    "Istanbul",
    "MuirGlacier",
    "Berlin",
    "London",
];

/// Why a network is not run.
pub const PRE_MERGE_REASON: &str = "pre-merge network";

/// The chain spec of an EEST network, under `chain_id`.
///
/// Errors (the test is skipped with this reason): a pre-merge network (its blocks are not engine
/// payloads) or a network name this runner does not know.
pub fn chain_spec(network: &str, chain_id: u64) -> Result<ChainSpec, String> {
    let (first, transition) = match network.split_once("To") {
        Some((first, rest)) => {
            let (next, at) = rest
                .split_once("AtTime")
                .ok_or_else(|| format!("unknown network {network:?} (only timestamp transitions are run)"))?;
            (first, Some((next, parse_time(at).ok_or_else(|| format!("unknown network {network:?}: bad time {at:?}"))?)))
        }
        None => (network, None),
    };
    if PRE_MERGE.contains(&first) {
        return Err(PRE_MERGE_REASON.to_string());
    }
    let last = post_merge(first).ok_or_else(|| format!("unknown network {network:?}"))?;
    let mut forks: Vec<(EthereumHardfork, ForkCondition)> =
        EthereumHardfork::devnet().into_iter().filter(|(fork, _)| *fork <= last).collect();
    if let Some((next, time)) = transition {
        let next = post_merge(next).ok_or_else(|| format!("unknown network {network:?}"))?;
        if next <= last {
            return Err(format!("unknown network {network:?}: transition goes backwards"));
        }
        forks.push((next, ForkCondition::Timestamp(time)));
    }
    Ok(ChainSpec::from_hardforks(chain_id, EthereumChainHardforks::new(forks), MAINNET_DEPOSIT_CONTRACT_ADDRESS))
}

fn post_merge(name: &str) -> Option<EthereumHardfork> {
    POST_MERGE.iter().find(|(n, _)| *n == name).map(|(_, fork)| *fork)
}

/// `15k` → 15000, `15000` → 15000.
fn parse_time(text: &str) -> Option<u64> {
    match text.strip_suffix('k') {
        Some(thousands) => thousands.parse::<u64>().ok()?.checked_mul(1000),
        None => text.parse().ok(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloy_hardforks::EthereumHardforks;

    #[test]
    fn schedules() {
        let cancun = chain_spec("Cancun", 1).unwrap();
        assert!(cancun.is_cancun_active_at_timestamp(0));
        assert!(!cancun.is_prague_active_at_timestamp(u64::MAX));
        let transition = chain_spec("CancunToPragueAtTime15k", 1).unwrap();
        assert!(!transition.is_prague_active_at_timestamp(14_999));
        assert!(transition.is_prague_active_at_timestamp(15_000));
        let paris = chain_spec("Paris", 1).unwrap();
        assert!(!paris.is_shanghai_active_at_timestamp(0));
        assert_eq!(chain_spec("Berlin", 1).unwrap_err(), PRE_MERGE_REASON);
        assert!(chain_spec("Nonsense", 1).is_err());
    }
}
