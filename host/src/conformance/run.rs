//! Running one blockchain test block by block.

use super::{
    ConformanceBlock, Outcome, TestResult,
    fixture::{self, BlockchainTest, TestCase},
    network,
};
use crate::{
    inputs::{BlockCase, Expected, WireFormat},
    report::BlockReport,
    witness_gen::{self, AncestorHeader, state::MemState},
    build_input::UnrepresentableRequests,
    zkvm::Runner,
};
use alloy_consensus::{Block, Header, TxEnvelope};
use alloy_primitives::B256;
use alloy_rlp::Decodable;
use std::time::Instant;
use zkevm_guest::{ChainSpec, ValidationError, Validated};
use zkevm_io_abi::StatelessValidationResult;

/// Runs one test (never panics on a malformed one: that is a failure with its cause). With `zkvm`,
/// every block's input also runs under that executor: its output must equal the native one (else
/// the test fails), and the report carries the executor's cycles.
pub fn run_test(case: &TestCase, zkvm: Option<&Runner>) -> TestResult {
    let test_name = format!("{}::{}", case.file.display(), case.name);
    let test: BlockchainTest = match serde_json::from_value(case.json.clone()) {
        Ok(test) => test,
        Err(e) => {
            let network = case.json.get("network").and_then(|n| n.as_str()).unwrap_or_default().to_string();
            return TestResult { test: test_name, network, outcome: Outcome::Failed(format!("malformed test: {e}")), blocks: Vec::new() };
        }
    };
    let mut runner = TestRunner { test_name, network: test.network.clone(), blocks: Vec::new(), zkvm };
    let outcome = match runner.run(&test) {
        Ok(()) => Outcome::Passed,
        Err(Stop::Skip(reason)) => Outcome::Skipped(reason),
        Err(Stop::Fail(cause)) => Outcome::Failed(cause),
    };
    TestResult { test: runner.test_name, network: runner.network, outcome, blocks: runner.blocks }
}

/// Why a test is skipped when a valid block's execution requests do not fit the input's typed lists
/// ([`crate::build_input::UnrepresentableRequests`]): the format cannot carry the block, so there
/// is nothing for the guest to judge.
pub const UNREPRESENTABLE_REASON: &str = "requests not representable in the v21 input";

enum Stop {
    Skip(String),
    Fail(String),
}

struct TestRunner<'z> {
    test_name: String,
    network: String,
    blocks: Vec<ConformanceBlock>,
    zkvm: Option<&'z Runner>,
}

/// A block's verdict and, when valid, the changes to apply.
struct Verdict {
    valid: bool,
    error: Option<String>,
    /// The 43 bytes the guest commits (all zero without input).
    output: Vec<u8>,
    /// The block could not be put into an input: its requests do not fit the typed lists.
    unrepresentable: Option<String>,
    header: Option<Header>,
    bundle: Option<revm::database::BundleState>,
    host_error: Option<String>,
}

impl TestRunner<'_> {
    fn run(&mut self, test: &BlockchainTest) -> Result<(), Stop> {
        let chain_id = test.config.as_ref().and_then(|c| c.chainid).map_or(1, |id| id.to::<u64>());
        let spec = network::chain_spec(&test.network, chain_id).map_err(Stop::Skip)?;
        let genesis = decode_block(&test.genesis_rlp).map_err(|e| Stop::Fail(format!("genesisRLP: {e}")))?.header;
        let mut state = fixture::alloc_state(&test.pre);
        let pre_root = state.state_root();
        if pre_root != genesis.state_root {
            return Err(Stop::Fail(format!("pre state root {pre_root} is not the genesis state root {}", genesis.state_root)));
        }
        let mut chain = vec![AncestorHeader::new(&genesis)];
        let mut last_state_root = genesis.state_root;
        for (index, block) in test.blocks.iter().enumerate() {
            let expected_valid = block.expect_exception.is_none();
            let start = Instant::now();
            let (verdict, input) = self.validate_block(&block.rlp, &state, &chain, &spec);
            if let (true, Some(why)) = (expected_valid, &verdict.unrepresentable) {
                eprintln!("  skipped, block {index}: {why}");
                return Err(Stop::Skip(UNREPRESENTABLE_REASON.to_string()));
            }
            let source = format!("{}#{index}", self.test_name);
            let output = verdict.output.clone();
            let case = BlockCase {
                source,
                name: String::new(),
                input: input.clone().unwrap_or_default(),
                expected: Expected::Valid(expected_valid),
                format: WireFormat::Current,
            };
            let mut report = BlockReport::new(&case, &output, None, start.elapsed());
            if let (Some(runner), Some(input)) = (self.zkvm, input.as_ref()) {
                let execution = runner.run(input).map_err(|e| Stop::Fail(format!("block {index}: zkVM: {e:#}")))?;
                report = report.with_zkvm(runner.name(), &execution);
                if execution.output != output {
                    let zkvm_output = crate::report::hex0x(&execution.output);
                    self.blocks.push(ConformanceBlock { test: self.test_name.clone(), network: self.network.clone(), report, input: case.input.clone() });
                    return Err(Stop::Fail(format!("block {index}: {} committed {zkvm_output}, native {}", runner.name(), crate::report::hex0x(&output))));
                }
            }
            report.error = verdict.error.clone();
            if let (true, Some(header)) = (verdict.valid, &verdict.header) {
                report.state_root = Some(header.state_root.to_string());
            }
            self.blocks.push(ConformanceBlock { test: self.test_name.clone(), network: self.network.clone(), report, input: case.input.clone() });
            if verdict.valid != expected_valid {
                let got = if verdict.valid { "valid".to_string() } else { format!("invalid ({})", verdict.error.unwrap_or_default()) };
                let wanted = if expected_valid { "valid".to_string() } else { format!("invalid ({})", block.expect_exception.as_ref().map(|e| e.to_string()).unwrap_or_default()) };
                return Err(Stop::Fail(format!("block {index}: expected {wanted}, got {got}")));
            }
            if !verdict.valid {
                continue;
            }
            let (Some(header), Some(bundle)) = (verdict.header, verdict.bundle) else {
                return Err(Stop::Fail(format!(
                    "block {index}: the guest accepts it but its stateful execution failed: {}",
                    verdict.host_error.unwrap_or_default()
                )));
            };
            state.apply(&bundle);
            let root = state.state_root();
            if root != header.state_root {
                return Err(Stop::Fail(format!("block {index}: host state root {root} after the block is not the header's {}", header.state_root)));
            }
            last_state_root = header.state_root;
            chain.push(AncestorHeader::new(&header));
        }
        self.check_end(test, &chain, last_state_root)
    }

    /// Builds the block's input and validates it as the guest ELF does (the encoded input, fork
    /// from its schema id); `None` input when the block never got one.
    fn validate_block(
        &self,
        rlp: &[u8],
        state: &MemState,
        chain: &[AncestorHeader],
        spec: &ChainSpec,
    ) -> (Verdict, Option<Vec<u8>>) {
        let rejected = |why: String| Verdict {
            valid: false,
            error: Some(why),
            output: StatelessValidationResult::ZERO.encode().to_vec(),
            unrepresentable: None,
            header: None,
            bundle: None,
            host_error: None,
        };
        let block = match decode_block(rlp) {
            Ok(block) => block,
            Err(e) => return (rejected(format!("rejected: block RLP: {e}")), None),
        };
        let generated = match witness_gen::generate(&block, state, chain, spec) {
            Ok(generated) => generated,
            Err(e) => {
                let unrepresentable = e.downcast_ref::<UnrepresentableRequests>().map(ToString::to_string);
                return (Verdict { unrepresentable, ..rejected(format!("rejected: {e:#}")) }, None);
            }
        };
        // Through the wire format, as a zkVM reads it.
        let encoded = generated.input.encode();
        let (result, outcome) = zkevm_guest::validate_with_report(&encoded);
        let outcome: Result<Validated, ValidationError> =
            outcome.unwrap_or_else(|| Err(ValidationError::MalformedPayload("the input does not decode")));
        let verdict = Verdict {
            valid: outcome.is_ok(),
            error: outcome.err().map(|e| e.to_string()),
            output: result.encode().to_vec(),
            unrepresentable: None,
            header: Some(block.header),
            bundle: generated.bundle,
            host_error: generated.execution_error,
        };
        (verdict, Some(encoded))
    }

    fn check_end(&self, test: &BlockchainTest, chain: &[AncestorHeader], state_root: B256) -> Result<(), Stop> {
        let last = chain.last().map(|h| h.hash).unwrap_or_default();
        if last != test.lastblockhash {
            return Err(Stop::Fail(format!("last valid block is {last}, lastblockhash is {}", test.lastblockhash)));
        }
        if let Some(post) = &test.post_state {
            let post_root = fixture::alloc_state(post).state_root();
            if post_root != state_root {
                return Err(Stop::Fail(format!("postState root {post_root} is not the last valid block's state root {state_root}")));
            }
        }
        Ok(())
    }
}

fn decode_block(rlp: &[u8]) -> Result<Block<TxEnvelope>, String> {
    let mut buf = rlp;
    let block = Block::<TxEnvelope>::decode(&mut buf).map_err(|e| e.to_string())?;
    if !buf.is_empty() {
        return Err(format!("{} trailing bytes", buf.len()));
    }
    Ok(block)
}
