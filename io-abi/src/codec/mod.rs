//! SSZ serialization primitives shared by the container modules.
//!
//! Hand-written rather than `libssz-derive`d because the derive (a) reports errors without
//! naming the field, (b) has no per-field limits for a `List[ByteList[M], N]`, and (c) its
//! error type is not `Display` without `std`. The rules implemented are those of
//! consensus-specs `simple-serialize.md`, with the strict checks every canonical decoder
//! applies: the first offset equals the fixed-part length, offsets never decrease and never
//! point past the end, and each list is bounded by its limit *before* anything is allocated
//! for its items (so the allocation stays proportional to the input length).
//!
//! `decode` reads (and bounds-checks) the wire form, `encode` writes it; both are used by
//! the container modules field by field, in declaration order.

mod decode;
mod encode;

pub(crate) use decode::{
    Fields, byte_list, byte_lists, check_byte_lists, check_bytes, check_count, fixed_items,
};
pub(crate) use encode::{Writer, byte_lists_len, put_byte_lists};

/// Size of an SSZ offset.
pub(crate) const OFFSET_LEN: usize = 4;
