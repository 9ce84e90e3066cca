#!/usr/bin/perl
# Rewrites every FENCE / FENCE.I instruction in the executable PT_LOAD segments of a RISC-V ELF64
# into a NOP (addi x0, x0, 0), in place, and prints how many it rewrote.
#
# Why: LLVM lowers the atomic loads and stores of the target's `+forced-atomics` to plain accesses
# plus `fence` instructions. The guest runs on one hart with no interrupts, so a fence orders
# nothing and a NOP is equivalent; but SP1 v6 does not implement FENCE (it stops with
# "Unimplemented instruction"). The target has no compressed instructions and LLVM puts no data in
# .text on RISC-V, so every aligned 32-bit word of an executable segment is an instruction.
#
# Usage: nop-fences.pl ELF
use strict;
use warnings;

my $path = shift or die "usage: $0 ELF\n";
open(my $fh, '+<:raw', $path) or die "$path: $!\n";
local $/;
my $elf = <$fh>;
die "$path: not an ELF64 little-endian RISC-V file\n"
  unless substr($elf, 0, 4) eq "\x7fELF" && ord(substr($elf, 4, 1)) == 2 && ord(substr($elf, 5, 1)) == 1
  && unpack('v', substr($elf, 18, 2)) == 243;
my $phoff = unpack('Q<', substr($elf, 32, 8));
my $phentsize = unpack('v', substr($elf, 54, 2));
my $phnum = unpack('v', substr($elf, 56, 2));
my $count = 0;
for my $i (0 .. $phnum - 1) {
  my $ph = $phoff + $i * $phentsize;
  my ($type, $flags) = unpack('V V', substr($elf, $ph, 8));
  my $offset = unpack('Q<', substr($elf, $ph + 8, 8));
  my $filesz = unpack('Q<', substr($elf, $ph + 32, 8));
  next unless $type == 1 && ($flags & 1);    # PT_LOAD, PF_X
  for (my $at = $offset; $at + 4 <= $offset + $filesz; $at += 4) {
    my $word = unpack('V', substr($elf, $at, 4));
    # MISC-MEM opcode 0001111 with funct3 000 (FENCE, FENCE.TSO, PAUSE) or 001 (FENCE.I).
    if (($word & 0x7f) == 0x0f && (($word >> 12) & 7) <= 1) {
      substr($elf, $at, 4) = pack('V', 0x00000013);
      $count++;
    }
  }
}
seek($fh, 0, 0) or die "$path: $!\n";
print $fh $elf or die "$path: $!\n";
close($fh) or die "$path: $!\n";
print "$count\n";
