//! `__sync_*` libcalls for the RV64IM target.
//!
//! The target spec enables LLVM's `+forced-atomics` (the target has no A extension): atomic loads
//! and stores become plain ones and read-modify-write operations become calls to these GCC-style
//! `__sync_*` functions, which no runtime library provides for bare RISC-V. The guest is a single
//! hart without interrupts, so a plain read-modify-write is atomic. Each returns the value that
//! was in memory before the operation (`__sync_lock_test_and_set_N` too: it is an exchange).
//!
//! Safety (all functions): `p` must be valid, aligned for the width, and not accessed
//! concurrently (true on the single-threaded zkVM guest).

macro_rules! sync_rmw {
    ($t:ty, $s:ty, $add:ident, $sub:ident, $and:ident, $or:ident, $xor:ident, $nand:ident,
     $max:ident, $min:ident, $umax:ident, $umin:ident, $xchg:ident, $cas:ident) => {
        sync_rmw!(@op $t, $add, |a: $t, b: $t| a.wrapping_add(b));
        sync_rmw!(@op $t, $sub, |a: $t, b: $t| a.wrapping_sub(b));
        sync_rmw!(@op $t, $and, |a: $t, b: $t| a & b);
        sync_rmw!(@op $t, $or, |a: $t, b: $t| a | b);
        sync_rmw!(@op $t, $xor, |a: $t, b: $t| a ^ b);
        sync_rmw!(@op $t, $nand, |a: $t, b: $t| !(a & b));
        sync_rmw!(@op $t, $max, |a: $t, b: $t| if (a as $s) >= (b as $s) { a } else { b });
        sync_rmw!(@op $t, $min, |a: $t, b: $t| if (a as $s) <= (b as $s) { a } else { b });
        sync_rmw!(@op $t, $umax, |a: $t, b: $t| if a >= b { a } else { b });
        sync_rmw!(@op $t, $umin, |a: $t, b: $t| if a <= b { a } else { b });
        sync_rmw!(@op $t, $xchg, |_a: $t, b: $t| b);

        /// Compare-and-swap: stores `new` if memory holds `old`; returns the previous value.
        ///
        /// # Safety
        /// See the module documentation.
        #[unsafe(no_mangle)]
        pub unsafe extern "C" fn $cas(p: *mut $t, old: $t, new: $t) -> $t {
            unsafe {
                let prev = core::ptr::read_volatile(p);
                if prev == old {
                    core::ptr::write_volatile(p, new);
                }
                prev
            }
        }
    };
    (@op $t:ty, $name:ident, $f:expr) => {
        /// Read-modify-write; returns the previous value.
        ///
        /// # Safety
        /// See the module documentation.
        #[unsafe(no_mangle)]
        pub unsafe extern "C" fn $name(p: *mut $t, v: $t) -> $t {
            unsafe {
                let prev = core::ptr::read_volatile(p);
                core::ptr::write_volatile(p, ($f)(prev, v));
                prev
            }
        }
    };
}

sync_rmw!(u8, i8, __sync_fetch_and_add_1, __sync_fetch_and_sub_1, __sync_fetch_and_and_1,
    __sync_fetch_and_or_1, __sync_fetch_and_xor_1, __sync_fetch_and_nand_1, __sync_fetch_and_max_1,
    __sync_fetch_and_min_1, __sync_fetch_and_umax_1, __sync_fetch_and_umin_1,
    __sync_lock_test_and_set_1, __sync_val_compare_and_swap_1);
sync_rmw!(u16, i16, __sync_fetch_and_add_2, __sync_fetch_and_sub_2, __sync_fetch_and_and_2,
    __sync_fetch_and_or_2, __sync_fetch_and_xor_2, __sync_fetch_and_nand_2, __sync_fetch_and_max_2,
    __sync_fetch_and_min_2, __sync_fetch_and_umax_2, __sync_fetch_and_umin_2,
    __sync_lock_test_and_set_2, __sync_val_compare_and_swap_2);
sync_rmw!(u32, i32, __sync_fetch_and_add_4, __sync_fetch_and_sub_4, __sync_fetch_and_and_4,
    __sync_fetch_and_or_4, __sync_fetch_and_xor_4, __sync_fetch_and_nand_4, __sync_fetch_and_max_4,
    __sync_fetch_and_min_4, __sync_fetch_and_umax_4, __sync_fetch_and_umin_4,
    __sync_lock_test_and_set_4, __sync_val_compare_and_swap_4);
sync_rmw!(u64, i64, __sync_fetch_and_add_8, __sync_fetch_and_sub_8, __sync_fetch_and_and_8,
    __sync_fetch_and_or_8, __sync_fetch_and_xor_8, __sync_fetch_and_nand_8, __sync_fetch_and_max_8,
    __sync_fetch_and_min_8, __sync_fetch_and_umax_8, __sync_fetch_and_umin_8,
    __sync_lock_test_and_set_8, __sync_val_compare_and_swap_8);
