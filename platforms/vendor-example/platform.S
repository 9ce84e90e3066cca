# A stand-in for a zkVM vendor's static library (libzkvm_platform.a): the standard zkVM IO
# interface for qemu-user in plain RV64IM assembly, with no Rust in it. It exists to exercise
# `zkevm build --platform DIR` (linking the guest program against a foreign library + linker
# script); build it with build.sh.
#
#   _start        gp, sp = _stack_top, call main, exit(main's return value)       (exit = 93)
#   read_input    stdin read to its end (read = 63) into a 256 MiB .bss buffer, once; cached
#   write_output  stdout (write = 64), until every byte is written
#   abort         exit(134)
# Linux preserves every register but a0 across ecall, so t-registers survive system calls.

        .option norvc
        .section .text._start, "ax", @progbits
        .globl  _start
        .type   _start, @function
_start:
        .option push
        .option norelax
        la      gp, __global_pointer$
        .option pop
        la      sp, _stack_top
        call    main
        li      a7, 93
        ecall
1:      j       1b

        .text
        .globl  read_input
        .type   read_input, @function
# void read_input(const uint8_t **buf_ptr /* a0 */, size_t *buf_size /* a1 */)
read_input:
        la      t0, zkvm_input_len      # holds length + 1 once read, 0 before
        ld      t1, 0(t0)
        bnez    t1, 3f
        mv      t3, a0
        mv      t4, a1
        la      t2, zkvm_input_buf      # next byte to fill
        la      t5, zkvm_input_end
2:      sub     a2, t5, t2
        beqz    a2, abort               # input larger than the buffer
        li      a0, 0
        mv      a1, t2
        li      a7, 63
        ecall
        bltz    a0, abort
        beqz    a0, 4f
        add     t2, t2, a0
        j       2b
4:      la      t6, zkvm_input_buf
        sub     t1, t2, t6
        addi    t1, t1, 1
        sd      t1, 0(t0)
        mv      a0, t3
        mv      a1, t4
3:      addi    t1, t1, -1
        la      t6, zkvm_input_buf
        sd      t6, 0(a0)
        sd      t1, 0(a1)
        ret

        .globl  write_output
        .type   write_output, @function
# void write_output(const uint8_t *output /* a0 */, size_t size /* a1 */)
write_output:
        mv      t0, a0
        mv      t1, a1
5:      beqz    t1, 6f
        li      a0, 1
        mv      a1, t0
        mv      a2, t1
        li      a7, 64
        ecall
        blez    a0, abort
        add     t0, t0, a0
        sub     t1, t1, a0
        j       5b
6:      ret

        .globl  abort
        .type   abort, @function
abort:
        li      a0, 134
        li      a7, 93
        ecall
7:      j       7b

        .section .bss.zkvm_input, "aw", @nobits
        .balign 8
zkvm_input_len:
        .zero   8
zkvm_input_buf:
        .zero   0x10000000
zkvm_input_end:
