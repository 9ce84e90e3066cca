//! The stages of stateless validation, reported as they begin so that a zkVM platform can
//! count cycles per stage (see `zkevm run --json`).

/// One stage of [`crate::validate_with_stages`], in the order they run.
///
/// A stage lasts until the next one begins; an invalid block skips from the failing stage to
/// [`Stage::Output`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// SSZ decoding of the `StatelessInput`.
    Decode,
    /// Pre-state: the ancestor header chain is verified and every witness node and code is
    /// hashed into the node database. (Trie paths are then resolved lazily, during execution.)
    Witness,
    /// The payload rebuilt as a block (transactions decoded, block hash checked), header rules,
    /// execution with revm, and the block's commitments (gas, receipts, bloom, requests, block
    /// access list); interrupted by [`Stage::Senders`], whose cycles are counted apart.
    Execution,
    /// Every transaction's sender recovered from its signature (secp256k1 public-key recovery).
    Senders,
    /// The post-state root: every change written into the sparse tries, then hashed.
    PostState,
    /// The committed result: the request's SSZ `hash_tree_root` and the encoded output.
    Output,
}

impl Stage {
    /// Every stage, in order.
    pub const ALL: [Stage; 6] =
        [Stage::Decode, Stage::Witness, Stage::Senders, Stage::Execution, Stage::PostState, Stage::Output];

    /// The stage's name, as hosts print it: `decode`, `witness`, `senders`, `execution`,
    /// `post_state`, `output`.
    pub fn name(self) -> &'static str {
        match self {
            Stage::Decode => "decode",
            Stage::Witness => "witness",
            Stage::Execution => "execution",
            Stage::Senders => "senders",
            Stage::PostState => "post_state",
            Stage::Output => "output",
        }
    }
}
