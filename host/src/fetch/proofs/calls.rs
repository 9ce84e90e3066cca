//! The state calls of `--witness proofs`, each bounded, retried and described like every other
//! request ([`super::super::rpc`]), at an explicit block number.

use super::super::{BlockSelector, Session};
use alloy_eips::{BlockId, BlockNumberOrTag};
use alloy_primitives::{Address, B256, Bytes, U256};
use alloy_provider::Provider;
use alloy_rpc_types_eth::{EIP1186AccountProofResponse, Header};
use anyhow::{Result, anyhow};

impl Session {
    /// Runs `future` on the session's runtime (for the synchronous revm database).
    pub(crate) fn block_on<T>(&self, future: impl Future<Output = T>) -> T {
        self.runtime.block_on(future)
    }

    /// `eth_getProof(address, slots, number)`: the account's EIP-1186 proof and the slots'.
    pub(crate) async fn proof(&self, address: Address, slots: Vec<B256>, number: u64) -> Result<EIP1186AccountProofResponse> {
        let provider = &self.provider;
        let at = BlockId::number(number);
        let proof = self
            .node
            .call("eth_getProof", Some(BlockSelector::Number(number)), || {
                provider.get_proof(address, slots.clone()).block_id(at)
            })
            .await?;
        if proof.storage_proof.len() != slots.len() {
            return Err(anyhow!(
                "malformed response to eth_getProof from {}: {} storage proofs for {} slots",
                self.node.url(),
                proof.storage_proof.len(),
                slots.len()
            ));
        }
        Ok(proof)
    }

    /// `eth_getStorageAt(address, slot, number)`.
    pub(crate) async fn storage_at(&self, address: Address, slot: U256, number: u64) -> Result<U256> {
        let provider = &self.provider;
        let at = BlockId::number(number);
        self.node
            .call("eth_getStorageAt", Some(BlockSelector::Number(number)), || {
                provider.get_storage_at(address, slot).block_id(at)
            })
            .await
    }

    /// `eth_getCode(address, number)`.
    pub(crate) async fn code(&self, address: Address, number: u64) -> Result<Bytes> {
        let provider = &self.provider;
        let at = BlockId::number(number);
        self.node
            .call("eth_getCode", Some(BlockSelector::Number(number)), || provider.get_code_at(address).block_id(at))
            .await
    }

    /// The header of block `number` (`eth_getBlockByNumber(number, false)`), its hash checked.
    pub(crate) async fn header(&self, number: u64) -> Result<Header> {
        let (provider, url) = (&self.provider, self.node.url());
        let selector = BlockSelector::Number(number);
        let block = self
            .node
            .call("eth_getBlockByNumber", Some(selector), || {
                provider.get_block_by_number(BlockNumberOrTag::Number(number))
            })
            .await?
            .ok_or_else(|| anyhow!("{selector} not found: eth_getBlockByNumber returned null ({url})"))?;
        let header = block.header;
        let computed = header.inner.hash_slow();
        if header.number != number || computed != header.hash {
            return Err(anyhow!(
                "malformed response to eth_getBlockByNumber from {url}: asked for block {number}, got block {} whose hash {} is not its header's {computed}",
                header.number,
                header.hash
            ));
        }
        Ok(header)
    }
}
