//! The forks the stateless input can carry, and their schema ids.
//!
//! `schema_id = fork_id << 8 | revision` (stateless-input-v21.md §1). The fork ids are those
//! of execution-specs' `ProtocolFork` (Paris = 0x0E … Amsterdam = 0x15); the revision of the
//! current format is 0x01. The fork decides the shape of the `NewPayloadRequest`: which
//! payload fields exist, whether blob and request fields exist, and how many request lists
//! there are (§3).

use core::fmt;

/// The revision byte of the current (`tests-zkevm@v21`) format.
pub const SCHEMA_REVISION: u8 = 0x01;

/// A post-merge fork that the stateless input can carry (the default is the newest,
/// Amsterdam, whose schema id 0x1501 the spec's reference guest accepts).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Fork {
    /// The merge (engine `ExecutionPayloadV1`).
    Paris,
    /// EIP-4895 withdrawals.
    Shanghai,
    /// EIP-4844 blobs, EIP-4788 beacon root.
    Cancun,
    /// EIP-7685 execution requests.
    Prague,
    /// Osaka.
    Osaka,
    /// Blob-parameter-only fork 1 (Osaka rules, new blob schedule).
    Bpo1,
    /// Blob-parameter-only fork 2 (Osaka rules, new blob schedule).
    Bpo2,
    /// EIP-7928 block access lists, EIP-7843 slot numbers, EIP-8282 builder requests.
    #[default]
    Amsterdam,
}

impl Fork {
    /// Every fork, oldest first.
    pub const ALL: [Fork; 8] = [
        Fork::Paris,
        Fork::Shanghai,
        Fork::Cancun,
        Fork::Prague,
        Fork::Osaka,
        Fork::Bpo1,
        Fork::Bpo2,
        Fork::Amsterdam,
    ];

    /// The fork id of execution-specs' `ProtocolFork` (0x0E for Paris … 0x15 for Amsterdam).
    pub const fn id(self) -> u8 {
        match self {
            Fork::Paris => 0x0E,
            Fork::Shanghai => 0x0F,
            Fork::Cancun => 0x10,
            Fork::Prague => 0x11,
            Fork::Osaka => 0x12,
            Fork::Bpo1 => 0x13,
            Fork::Bpo2 => 0x14,
            Fork::Amsterdam => 0x15,
        }
    }

    /// The schema id of this fork's input: `id << 8 | 0x01` (0x1501 for Amsterdam).
    pub const fn schema_id(self) -> u16 {
        (self.id() as u16) << 8 | SCHEMA_REVISION as u16
    }

    /// The fork of a schema id, or `None` for an unknown fork or revision.
    pub fn from_schema_id(schema_id: u16) -> Option<Fork> {
        let [id, revision] = schema_id.to_be_bytes();
        if revision != SCHEMA_REVISION {
            return None;
        }
        Fork::ALL.into_iter().find(|fork| fork.id() == id)
    }

    /// The fork's name as execution-specs spells it (`"Paris"`, …, `"BPO2"`, `"Amsterdam"`).
    pub const fn name(self) -> &'static str {
        match self {
            Fork::Paris => "Paris",
            Fork::Shanghai => "Shanghai",
            Fork::Cancun => "Cancun",
            Fork::Prague => "Prague",
            Fork::Osaka => "Osaka",
            Fork::Bpo1 => "BPO1",
            Fork::Bpo2 => "BPO2",
            Fork::Amsterdam => "Amsterdam",
        }
    }

    /// Active fields of this fork's `ExecutionPayload`: 14 (Paris), 15 (+ withdrawals),
    /// 17 (+ blob gas fields, Cancun … BPO2), 19 (+ block access list and slot number).
    pub const fn payload_fields(self) -> usize {
        match self {
            Fork::Paris => 14,
            Fork::Shanghai => 15,
            Fork::Cancun | Fork::Prague | Fork::Osaka | Fork::Bpo1 | Fork::Bpo2 => 17,
            Fork::Amsterdam => 19,
        }
    }

    /// Fields of this fork's `NewPayloadRequest`: the payload alone (Paris, Shanghai), plus
    /// versioned hashes and the parent beacon block root (Cancun), plus execution requests
    /// (Prague on).
    pub const fn request_fields(self) -> usize {
        match self {
            Fork::Paris | Fork::Shanghai => 1,
            Fork::Cancun => 3,
            _ => 4,
        }
    }

    /// Lists of this fork's `ExecutionRequests`: none before Prague, 3 (deposits,
    /// withdrawals, consolidations) through BPO2, 5 (+ EIP-8282 builder deposits and exits)
    /// in Amsterdam.
    pub const fn request_lists(self) -> usize {
        match self {
            Fork::Paris | Fork::Shanghai | Fork::Cancun => 0,
            Fork::Amsterdam => 5,
            _ => 3,
        }
    }
}

impl fmt::Display for Fork {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schema_ids_round_trip_and_unknown_ones_are_rejected() {
        assert_eq!(Fork::Amsterdam.schema_id(), 0x1501);
        assert_eq!(Fork::Paris.schema_id(), 0x0E01);
        for fork in Fork::ALL {
            assert_eq!(Fork::from_schema_id(fork.schema_id()), Some(fork));
        }
        for unknown in [0x1601, 0x1502, 0x1500, 0x0D01, 0x0000, 0xFFFF] {
            assert_eq!(Fork::from_schema_id(unknown), None, "{unknown:#06x}");
        }
    }
}
