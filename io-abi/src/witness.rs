//! `ExecutionWitness`: the pre-state data the guest validates against.

use alloc::vec::Vec;

use crate::codec::{self, Fields, Writer};
use crate::{DecodeError, Limits};

/// The canonical SSZ form of `debug_executionWitness` (SSZ `Container`, fixed part 12
/// bytes: three offsets; ssz-v0.3.3.md §2). The optional RPC field `keys` is not part of it.
///
/// The limits bound decoding only; no root over the witness is committed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct ExecutionWitness {
    /// `state: List[ByteList[2**20], 2**20]`: RLP-encoded MPT nodes of the pre-state
    /// (account and storage tries mixed), in the order of `executionWitness.state`.
    pub state: Vec<Vec<u8>>,
    /// `codes: List[ByteList[2**24], 2**16]`: contract bytecodes read from the pre-state.
    pub codes: Vec<Vec<u8>>,
    /// `headers: List[ByteList[2**10], 256]`: RLP-encoded ancestor headers, ascending,
    /// ending with the parent.
    pub headers: Vec<Vec<u8>>,
}

impl ExecutionWitness {
    /// Fixed part: three offsets.
    const FIXED_LEN: usize = 12;

    pub(crate) fn decode(bytes: &[u8], l: &Limits) -> Result<Self, DecodeError> {
        let mut f = Fields::new("ExecutionWitness", bytes, Self::FIXED_LEN)?;
        f.offset("ExecutionWitness.state")?;
        f.offset("ExecutionWitness.codes")?;
        f.offset("ExecutionWitness.headers")?;
        let mut v = f.finish()?;
        Ok(Self {
            state: codec::byte_lists(
                "ExecutionWitness.state",
                v.next(),
                l.max_witness_nodes,
                l.max_bytes_per_witness_node,
            )?,
            codes: codec::byte_lists(
                "ExecutionWitness.codes",
                v.next(),
                l.max_witness_codes,
                l.max_bytes_per_code,
            )?,
            headers: codec::byte_lists(
                "ExecutionWitness.headers",
                v.next(),
                l.max_witness_headers,
                l.max_bytes_per_header,
            )?,
        })
    }

    pub(crate) fn encode(&self, buf: &mut Vec<u8>) {
        let mut w = Writer::new(buf, Self::FIXED_LEN);
        w.variable(|buf| codec::put_byte_lists(buf, &self.state));
        w.variable(|buf| codec::put_byte_lists(buf, &self.codes));
        w.variable(|buf| codec::put_byte_lists(buf, &self.headers));
    }

    pub(crate) fn encoded_len(&self) -> usize {
        Self::FIXED_LEN
            + codec::byte_lists_len(&self.state)
            + codec::byte_lists_len(&self.codes)
            + codec::byte_lists_len(&self.headers)
    }

    pub(crate) fn check_limits(&self, l: &Limits) -> Result<(), DecodeError> {
        codec::check_byte_lists(
            "ExecutionWitness.state",
            &self.state,
            l.max_witness_nodes,
            l.max_bytes_per_witness_node,
        )?;
        codec::check_byte_lists(
            "ExecutionWitness.codes",
            &self.codes,
            l.max_witness_codes,
            l.max_bytes_per_code,
        )?;
        codec::check_byte_lists(
            "ExecutionWitness.headers",
            &self.headers,
            l.max_witness_headers,
            l.max_bytes_per_header,
        )
    }
}
