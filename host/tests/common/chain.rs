//! A loopback node backed by a whole chain's state: an EEST blockchain test's genesis state plus
//! its valid blocks, each executed statefully by the witness generator, which also gives each
//! block's `debug_executionWitness` and its guest input. The node answers `eth_chainId`,
//! `eth_getBlockByNumber`, `eth_getProof`, `eth_getStorageAt`, `eth_getCode` at any block of
//! the chain, and `debug_executionWitness` unless told to refuse it (-32601).

#![allow(dead_code)]

use super::{
    loopback::{Answer, Node},
    rpc::rpc_block_json,
};
use alloy_consensus::{Block, Header, TxEnvelope};
use alloy_primitives::{Address, B256, U256};
use alloy_rlp::Decodable;
use alloy_trie::{EMPTY_ROOT_HASH, KECCAK_EMPTY};
use serde_json::{Value, json};
use std::{sync::Arc, time::Duration};
use zkevm_host::{
    conformance::{
        fixture::{self, BlockchainTest},
        network,
    },
    witness_gen::{self, AncestorHeader, state::MemState},
};
use zkevm_guest::ChainSpec;
use zkevm_host::build_input::WitnessJson;
use zkevm_io_abi::{ExecutionWitness, Fork, StatelessInput};

/// One block of the chain (block 0 is the genesis).
pub struct ChainBlock {
    /// The consensus header.
    pub header: Header,
    /// The `eth_getBlockByNumber(n, true)` answer.
    pub rpc: Value,
    /// The state after the block.
    pub state: MemState,
    /// The fork the block is judged under (none for the genesis).
    pub fork: Option<Fork>,
    /// The witness generator's input (its witness is the node's `debug_executionWitness`).
    pub input: Option<StatelessInput>,
}

impl ChainBlock {
    /// The block's generated input with its witness replaced by `witness` (a
    /// `debug_executionWitness`-shaped JSON object); the NewPayloadRequest stays the generator's.
    pub fn input_with(&self, witness: &Value) -> StatelessInput {
        let parsed: WitnessJson = serde_json::from_value(witness.clone()).expect("witness JSON");
        let bytes = |items: Vec<alloy_primitives::Bytes>| items.into_iter().map(|b| b.to_vec()).collect();
        let mut input = self.input.clone().expect("not the genesis");
        input.witness =
            ExecutionWitness { state: bytes(parsed.state), codes: bytes(parsed.codes), headers: bytes(parsed.headers) };
        input
    }

    /// Validates the block natively over `witness`; the post-state root on success.
    pub fn validate_with(&self, witness: &Value) -> Result<B256, String> {
        zkevm_guest::validate_stateless_input(&self.input_with(witness), &mut |_| {})
            .map(|v| v.state_root)
            .map_err(|e| e.to_string())
    }
}

/// A test's chain: chain id and blocks.
pub struct Chain {
    /// The chain id.
    pub chain_id: u64,
    /// Genesis first.
    pub blocks: Vec<ChainBlock>,
}

impl Chain {
    /// The chain of `test`'s valid blocks. `None` when the test is not one to serve: a pre-merge
    /// network, or a block whose input cannot be built (requests the input cannot carry).
    pub fn of(test: &BlockchainTest) -> Option<Self> {
        let chain_id = test.config.as_ref().and_then(|c| c.chainid).map_or(1, |id| id.to::<u64>());
        let spec = network::chain_spec(&test.network, chain_id).ok()?;
        let genesis = Block::<TxEnvelope>::decode(&mut test.genesis_rlp.as_ref()).ok()?;
        let blocks = test
            .blocks
            .iter()
            .filter(|b| b.expect_exception.is_none())
            .map(|b| Block::<TxEnvelope>::decode(&mut b.rlp.as_ref()).ok())
            .collect::<Option<Vec<_>>>()?;
        Self::build(chain_id, &spec, genesis, fixture::alloc_state(&test.pre), blocks)
    }

    /// The chain of `blocks` on top of `genesis` and its state `pre`, under `spec`. `None` when
    /// a block's input cannot be built or its stateful execution fails.
    pub fn build(
        chain_id: u64,
        spec: &ChainSpec,
        genesis: Block<TxEnvelope>,
        pre: MemState,
        blocks: Vec<Block<TxEnvelope>>,
    ) -> Option<Self> {
        let mut state = pre;
        let mut ancestors = vec![AncestorHeader::new(&genesis.header)];
        let mut chain = vec![ChainBlock {
            header: genesis.header.clone(),
            rpc: rpc_block_json(genesis),
            state: state.clone(),
            fork: None,
            input: None,
        }];
        for block in blocks {
            let generated = witness_gen::generate(&block, &state, &ancestors, spec).ok()?;
            state.apply(generated.bundle.as_ref()?);
            assert_eq!(state.state_root(), block.header.state_root, "the witness generator's state follows the chain");
            ancestors.push(AncestorHeader::new(&block.header));
            chain.push(ChainBlock {
                header: block.header.clone(),
                fork: Some(generated.input.fork),
                input: Some(generated.input),
                rpc: rpc_block_json(block),
                state: state.clone(),
            });
        }
        Some(Self { chain_id, blocks: chain })
    }

    /// Serves the chain on loopback (for at most `deadline`); `debug` says whether
    /// `debug_executionWitness` is answered or refused with -32601.
    pub fn serve(self: &Arc<Self>, debug: bool, deadline: Duration) -> Node {
        let chain = Arc::clone(self);
        Node::start_unbounded(deadline, move |method, params| Some(chain.answer(method, params, debug)))
    }

    /// The node's answer to `method(params)`; `debug`: whether `debug_executionWitness` is answered.
    pub fn answer(&self, method: &str, params: &Value, debug: bool) -> Answer {
        let at = |i: usize| self.block_at(&params[i]).ok_or((-32000, "unknown block"));
        let address = || params[0].as_str().and_then(|a| a.parse::<Address>().ok()).ok_or((-32602, "bad address"));
        match method {
            "eth_chainId" => Ok(json!(format!("{:#x}", self.chain_id))),
            "eth_getBlockByNumber" => Ok(self.block_at(&params[0]).map_or(Value::Null, |b| b.rpc.clone())),
            "eth_getProof" => {
                let slots: Vec<U256> = params[1]
                    .as_array()
                    .map(|keys| keys.iter().filter_map(|k| k.as_str()?.parse::<B256>().ok()).map(|k| U256::from_be_bytes(k.0)).collect())
                    .unwrap_or_default();
                Ok(proof_json(&at(2)?.state, address()?, &slots))
            }
            "eth_getStorageAt" => {
                let slot = params[1].as_str().and_then(|s| s.parse::<U256>().ok()).ok_or((-32602, "bad slot"))?;
                let state = &at(2)?.state;
                let value = state.storage.get(&address()?).and_then(|s| s.get(&slot)).copied().unwrap_or_default();
                Ok(json!(format!("{value:#x}")))
            }
            "eth_getCode" => {
                let state = &at(1)?.state;
                let code = state.accounts.get(&address()?).and_then(|a| state.codes.get(&a.code_hash)).cloned();
                Ok(json!(code.unwrap_or_default()))
            }
            "debug_executionWitness" if debug => {
                let input = at(0)?.input.as_ref().ok_or((-32000, "no witness of the genesis"))?;
                let hex = |items: &[Vec<u8>]| items.iter().map(|i| format!("0x{}", hex::encode(i))).collect::<Vec<_>>();
                let w = &input.witness;
                Ok(json!({"state": hex(&w.state), "codes": hex(&w.codes), "keys": [], "headers": hex(&w.headers)}))
            }
            _ => Err((-32601, "the method does not exist/is not available")),
        }
    }

    /// The block a JSON-RPC block parameter names (a hex number or `latest`).
    fn block_at(&self, param: &Value) -> Option<&ChainBlock> {
        match param.as_str()? {
            "latest" => self.blocks.last(),
            hex => self.blocks.get(usize::try_from(u64::from_str_radix(hex.strip_prefix("0x")?, 16).ok()?).ok()?),
        }
    }
}

/// The `eth_getProof` answer over `state` (EIP-1186).
fn proof_json(state: &MemState, address: Address, slots: &[U256]) -> Value {
    let proof = state.account_proof(address, slots);
    let (nonce, balance, code_hash) = proof.account.map_or((0, U256::ZERO, KECCAK_EMPTY), |a| (a.nonce, a.balance, a.code_hash));
    let storage_hash = if proof.account.is_some() { proof.storage_root } else { EMPTY_ROOT_HASH };
    let storage: Vec<Value> = proof
        .storage_proofs
        .iter()
        .map(|(slot, value, nodes)| json!({"key": B256::from(*slot), "value": format!("{value:#x}"), "proof": nodes}))
        .collect();
    json!({
        "address": address,
        "balance": format!("{balance:#x}"),
        "codeHash": code_hash,
        "nonce": format!("{nonce:#x}"),
        "storageHash": storage_hash,
        "accountProof": proof.account_proof,
        "storageProof": storage,
    })
}
