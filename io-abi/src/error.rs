//! The one error type of this crate: why a byte string is not a valid encoding.
//!
//! Every variant names the offending SSZ field as a static `Type.field` path (for example
//! `"ExecutionPayload.transactions"`), so a rejected guest input can be diagnosed from the
//! message alone. Static strings keep the type `Copy` and allocation-free, which matters in
//! the guest where the error is usually only logged before committing the all-zero output.

use core::fmt;

/// Why bytes could not be decoded (or why a value breaks a wire-format limit).
///
/// Decoding never panics: every malformed input maps to one of these variants.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum DecodeError {
    /// The bytes end before the fixed part of a container (or of a list offset table) does.
    TooShort {
        /// The container or list being decoded.
        what: &'static str,
        /// Bytes needed.
        need: usize,
        /// Bytes available.
        got: usize,
    },
    /// A value that only has fixed-size fields does not have exactly its fixed size
    /// (for example a `StatelessValidationResult` that is not 41 bytes).
    WrongLength {
        /// The value being decoded.
        what: &'static str,
        /// The only valid length.
        expected: usize,
        /// The length given.
        got: usize,
    },
    /// The first offset of a container does not point just past its fixed part
    /// (SSZ requires the variable part to start there, with no gap).
    FirstOffsetMismatch {
        /// The variable-size field that carries the first offset.
        what: &'static str,
        /// The fixed-part length the offset must equal.
        expected: usize,
        /// The offset found.
        got: usize,
    },
    /// An offset points past the end of its enclosing container or list.
    OffsetOutOfBounds {
        /// The field (or list) the offset belongs to.
        what: &'static str,
        /// The offset found (relative to the enclosing container or list).
        offset: usize,
        /// Length of the enclosing container or list.
        len: usize,
    },
    /// An offset is smaller than the one before it (variable parts must be in field order).
    OffsetsDecreasing {
        /// The field (or list) the offset belongs to.
        what: &'static str,
        /// The offending offset.
        offset: usize,
        /// The previous offset.
        previous: usize,
    },
    /// A list of variable-size items whose first offset is zero, not a multiple of 4, or
    /// past the end, so it cannot give the item count (`first_offset / 4`).
    BadListOffset {
        /// The list.
        what: &'static str,
        /// The first offset found.
        offset: usize,
    },
    /// A list of fixed-size items whose byte length is not a multiple of the item size.
    NotMultipleOfItemSize {
        /// The list.
        what: &'static str,
        /// The list's byte length.
        len: usize,
        /// The item size.
        item_size: usize,
    },
    /// A list has more items than its SSZ limit `N` allows.
    TooManyItems {
        /// The list.
        what: &'static str,
        /// Items present (or implied by the first offset).
        count: usize,
        /// The limit.
        max: usize,
    },
    /// A byte list is longer than its SSZ limit allows.
    TooManyBytes {
        /// The byte list; for an item of a list of byte lists, the list.
        what: &'static str,
        /// Index of the item inside its list, if the byte list is a list item.
        index: Option<usize>,
        /// Length in bytes.
        len: usize,
        /// The limit in bytes.
        max: usize,
    },
    /// The input is shorter than its 2-byte schema id.
    MissingSchemaId {
        /// The input's length.
        len: usize,
    },
    /// The schema id names no fork this format knows (an unknown fork id or revision).
    UnknownSchemaId {
        /// The schema id found (big-endian on the wire).
        schema_id: u16,
    },
    /// A hand-built value sets a field that its fork's shape does not have (it could not be
    /// encoded, so would be lost).
    FieldNotInShape {
        /// The field.
        what: &'static str,
        /// How many fields the container has in that fork.
        fields: usize,
    },
    /// A `boolean` byte other than `0x00` or `0x01`.
    InvalidBool {
        /// The field.
        what: &'static str,
        /// The byte found.
        byte: u8,
    },
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Self::TooShort { what, need, got } => {
                write!(f, "{what}: input too short, need {need} bytes, got {got}")
            }
            Self::WrongLength {
                what,
                expected,
                got,
            } => {
                write!(f, "{what}: must be exactly {expected} bytes, got {got}")
            }
            Self::FirstOffsetMismatch {
                what,
                expected,
                got,
            } => write!(
                f,
                "{what}: first offset must equal the fixed-part length {expected}, got {got}"
            ),
            Self::OffsetOutOfBounds { what, offset, len } => {
                write!(
                    f,
                    "{what}: offset {offset} points past the end ({len} bytes)"
                )
            }
            Self::OffsetsDecreasing {
                what,
                offset,
                previous,
            } => {
                write!(
                    f,
                    "{what}: offset {offset} is smaller than the previous offset {previous}"
                )
            }
            Self::BadListOffset { what, offset } => write!(
                f,
                "{what}: first list offset {offset} is not a non-zero multiple of 4 within the list"
            ),
            Self::NotMultipleOfItemSize {
                what,
                len,
                item_size,
            } => write!(
                f,
                "{what}: list length {len} is not a multiple of the item size {item_size}"
            ),
            Self::TooManyItems { what, count, max } => {
                write!(f, "{what}: {count} items exceed the limit of {max}")
            }
            Self::TooManyBytes {
                what,
                index: Some(i),
                len,
                max,
            } => {
                write!(f, "{what}[{i}]: {len} bytes exceed the limit of {max}")
            }
            Self::TooManyBytes {
                what,
                index: None,
                len,
                max,
            } => {
                write!(f, "{what}: {len} bytes exceed the limit of {max}")
            }
            Self::MissingSchemaId { len } => {
                write!(f, "input of {len} bytes has no 2-byte schema id")
            }
            Self::UnknownSchemaId { schema_id } => {
                write!(f, "unknown schema id {schema_id:#06x} (known: 0x0e01 Paris … 0x1501 Amsterdam)")
            }
            Self::FieldNotInShape { what, fields } => {
                write!(f, "{what}: set, but the fork's container has only {fields} fields")
            }
            Self::InvalidBool { what, byte } => {
                write!(
                    f,
                    "{what}: boolean byte must be 0x00 or 0x01, got {byte:#04x}"
                )
            }
        }
    }
}

impl core::error::Error for DecodeError {}
