//! `ExecutionRequests`: the typed EIP-7685 requests of a `NewPayloadRequest` (Prague on).
//!
//! Each list holds fixed-size items whose SSZ bytes are exactly the EIP-7685 request data of
//! that type: the request data of type `t` is the concatenation of the list's items. The items
//! are kept as those raw bytes, so the guest builds the `requests_hash` without re-encoding.

use alloc::vec::Vec;

use crate::codec::{self, Fields, Writer};
use crate::merkle::{self, Node, Sha256Hasher};
use crate::DecodeError;

/// One request list: its field name, its EIP-7685 request type, its item size in bytes, and the
/// sizes of the item's fields (for the item's container root).
#[derive(Debug, Clone, Copy)]
pub(crate) struct RequestList {
    what: &'static str,
    /// The EIP-7685 request type byte.
    pub(crate) request_type: u8,
    /// Bytes per item.
    pub(crate) item_size: usize,
    fields: &'static [usize],
}

/// The five lists, in container order (stateless-input-v21.md §2).
pub(crate) const LISTS: [RequestList; 5] = [
    // DepositRequest{pubkey B48, withdrawal_credentials B32, amount u64, signature B96, index u64}
    RequestList { what: "ExecutionRequests.deposits", request_type: 0, item_size: 192, fields: &[48, 32, 8, 96, 8] },
    // WithdrawalRequest{source_address B20, validator_pubkey B48, amount u64}
    RequestList { what: "ExecutionRequests.withdrawals", request_type: 1, item_size: 76, fields: &[20, 48, 8] },
    // ConsolidationRequest{source_address B20, source_pubkey B48, target_pubkey B48}
    RequestList { what: "ExecutionRequests.consolidations", request_type: 2, item_size: 116, fields: &[20, 48, 48] },
    // EIP-8282 BuilderDepositRequest{pubkey B48, withdrawal_credentials B32, amount u64, signature B96}
    RequestList { what: "ExecutionRequests.builder_deposits", request_type: 3, item_size: 184, fields: &[48, 32, 8, 96] },
    // EIP-8282 BuilderExitRequest{source_address B20, pubkey B48}
    RequestList { what: "ExecutionRequests.builder_exits", request_type: 4, item_size: 68, fields: &[20, 48] },
];

/// The execution requests of a payload (an EIP-7495 progressive container of 3 lists through
/// BPO2, 5 in Amsterdam).
///
/// `lists[t]` holds the items of EIP-7685 request type `t` back to back, each
/// [`ExecutionRequests::item_size`] bytes: 0 deposits (192), 1 withdrawals (76),
/// 2 consolidations (116), 3 builder deposits (184), 4 builder exits (68).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct ExecutionRequests {
    /// The items of each list, concatenated: exactly the EIP-7685 request data of its type.
    pub lists: [Vec<u8>; 5],
}

impl ExecutionRequests {
    /// The item size of request type `request_type` (0..=4), or `None` for another type.
    pub fn item_size(request_type: u8) -> Option<usize> {
        LISTS.get(usize::from(request_type)).map(|l| l.item_size)
    }

    /// The EIP-7685 requests in order, `type ‖ data` each, leaving out empty ones (as
    /// `engine_newPayload` carries them and the `requests_hash` commits them).
    pub fn to_eip7685(&self) -> Vec<Vec<u8>> {
        LISTS
            .iter()
            .zip(&self.lists)
            .filter(|(_, data)| !data.is_empty())
            .map(|(list, data)| [&[list.request_type][..], data].concat())
            .collect()
    }

    /// Appends one EIP-7685 request (`request_type`, `data` = items back to back) to its list,
    /// for a fork with `lists` request lists ([`crate::Fork::request_lists`]); the inverse of
    /// [`ExecutionRequests::to_eip7685`].
    ///
    /// Errors: [`DecodeError::FieldNotInShape`] for a type that has no list in that fork,
    /// [`DecodeError::NotMultipleOfItemSize`] for data that is not a whole number of items.
    pub fn push_eip7685(&mut self, request_type: u8, data: &[u8], lists: usize) -> Result<(), DecodeError> {
        let index = usize::from(request_type);
        let (Some(list), Some(items)) = (LISTS.get(index), self.lists.get_mut(index)) else {
            return Err(DecodeError::FieldNotInShape { what: "ExecutionRequests", fields: lists });
        };
        if index >= lists {
            return Err(DecodeError::FieldNotInShape { what: list.what, fields: lists });
        }
        if !data.len().is_multiple_of(list.item_size) {
            return Err(DecodeError::NotMultipleOfItemSize { what: list.what, len: data.len(), item_size: list.item_size });
        }
        items.extend_from_slice(data);
        Ok(())
    }

    /// Root as a progressive container of the first `count` lists, each a progressive list of
    /// containers.
    pub(crate) fn root(&self, count: usize, hasher: &impl Sha256Hasher) -> Node {
        let roots: Vec<Node> = LISTS
            .iter()
            .zip(&self.lists)
            .take(count)
            .map(|(list, data)| list.root(data, hasher))
            .collect();
        merkle::progressive_container(hasher, &roots)
    }

    pub(crate) fn decode(bytes: &[u8], count: usize) -> Result<Self, DecodeError> {
        let mut f = Fields::new("ExecutionRequests", bytes, 4 * count)?;
        for list in LISTS.iter().take(count) {
            f.offset(list.what)?;
        }
        let mut v = f.finish()?;
        let mut out = Self::default();
        for (list, data) in LISTS.iter().zip(out.lists.iter_mut()).take(count) {
            let bytes = v.next();
            codec::fixed_items(list.what, bytes, list.item_size, usize::MAX, |_| Ok(()))?;
            *data = bytes.to_vec();
        }
        Ok(out)
    }

    pub(crate) fn encode(&self, buf: &mut Vec<u8>, count: usize) {
        let mut w = Writer::new(buf, 4 * count);
        for data in self.lists.iter().take(count) {
            w.variable(|buf| buf.extend_from_slice(data));
        }
    }

    pub(crate) fn encoded_len(&self, count: usize) -> usize {
        self.lists.iter().take(count).map(|data| 4 + data.len()).sum()
    }

    /// Every list a whole number of items, and none beyond the first `count` non-empty.
    pub(crate) fn check(&self, count: usize) -> Result<(), DecodeError> {
        for (index, (list, data)) in LISTS.iter().zip(&self.lists).enumerate() {
            if index >= count && !data.is_empty() {
                return Err(DecodeError::FieldNotInShape { what: list.what, fields: count });
            }
            if !data.len().is_multiple_of(list.item_size) {
                return Err(DecodeError::NotMultipleOfItemSize {
                    what: list.what,
                    len: data.len(),
                    item_size: list.item_size,
                });
            }
        }
        Ok(())
    }
}

impl RequestList {
    /// `ProgressiveList[Item]` root: each item a plain container of its fields.
    fn root(&self, data: &[u8], hasher: &impl Sha256Hasher) -> Node {
        let items: Vec<Node> = data.chunks_exact(self.item_size).map(|item| self.item_root(item, hasher)).collect();
        merkle::progressive_list(hasher, &items, items.len())
    }

    fn item_root(&self, item: &[u8], hasher: &impl Sha256Hasher) -> Node {
        let mut rest = item;
        let fields: Vec<Node> = self
            .fields
            .iter()
            .map(|&size| {
                let (field, tail) = rest.split_at(size.min(rest.len()));
                rest = tail;
                match size {
                    ..=32 => merkle::chunk(field),
                    _ => merkle::byte_vector(hasher, field),
                }
            })
            .collect();
        merkle::container(hasher, &fields)
    }
}
