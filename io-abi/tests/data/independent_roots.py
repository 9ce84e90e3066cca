#!/usr/bin/env python3
"""Independent `hash_tree_root(NewPayloadRequest)` values for the tests-zkevm@v21 format.

The expected roots in `io-abi/tests/v21_roots.rs` come from this script. It uses no code of
this project: the SSZ types are declared here with the Python library `eth-remerkleable`
(PyPI, version 0.1.31, import name `remerkleable`), whose `ProgressiveList` (EIP-7916) and
`ProgressiveContainer` (EIP-7495) put the first chunks of each level on the LEFT, as the v21
fixtures do (shared/reference/stateless-input-v21.md §4). Shapes per fork: §2 and §3 there.

Set-up and use (no network needed once the package is installed):

    python3 -m venv /tmp/ssz && /tmp/ssz/bin/pip install eth-remerkleable==0.1.31
    /tmp/ssz/bin/python io-abi/tests/data/independent_roots.py --verify fixtures/eest-v21
    /tmp/ssz/bin/python io-abi/tests/data/independent_roots.py

`--verify DIR` first decodes every `statelessInputBytes` of the official fixtures in DIR
(`*.json.gz`, schema 0x1501) with these type declarations, checks that re-encoding gives the
same bytes, and that the request root equals `statelessOutputBytes[0:32]`; it stops with an
error on any mismatch. Then (always) the script prints the roots of one hand-built
NewPayloadRequest per fork, built from the same values as `sample_request` in v21_roots.rs,
and the length and SHA-256 of a schema-prefixed StatelessInput carrying it (`sample_input`).
"""

import glob
import gzip
import hashlib
import json
import os
import sys

from remerkleable.basic import uint64, uint256
from remerkleable.byte_arrays import ByteList, ByteVector
from remerkleable.complex import Container, List
from remerkleable.progressive import ProgressiveByteList, ProgressiveContainer, ProgressiveList

Bytes20 = ByteVector[20]
Bytes32 = ByteVector[32]
Bytes48 = ByteVector[48]
Bytes96 = ByteVector[96]
Bytes256 = ByteVector[256]


class Withdrawal(Container):
    index: uint64
    validator_index: uint64
    address: Bytes20
    amount: uint64


class DepositRequest(Container):
    pubkey: Bytes48
    withdrawal_credentials: Bytes32
    amount: uint64
    signature: Bytes96
    index: uint64


class WithdrawalRequest(Container):
    source_address: Bytes20
    validator_pubkey: Bytes48
    amount: uint64


class ConsolidationRequest(Container):
    source_address: Bytes20
    source_pubkey: Bytes48
    target_pubkey: Bytes48


class BuilderDepositRequest(Container):
    pubkey: Bytes48
    withdrawal_credentials: Bytes32
    amount: uint64
    signature: Bytes96


class BuilderExitRequest(Container):
    source_address: Bytes20
    pubkey: Bytes48


# --- ExecutionPayload: one progressive container per field count (all fields active) ---------

PARIS_FIELDS = {
    "parent_hash": Bytes32,
    "fee_recipient": Bytes20,
    "state_root": Bytes32,
    "receipts_root": Bytes32,
    "logs_bloom": Bytes256,
    "prev_randao": Bytes32,
    "block_number": uint64,
    "gas_limit": uint64,
    "gas_used": uint64,
    "timestamp": uint64,
    "extra_data": ByteList[32],
    "base_fee_per_gas": uint256,
    "block_hash": Bytes32,
    "transactions": ProgressiveList[ProgressiveByteList],
}
SHANGHAI_FIELDS = {**PARIS_FIELDS, "withdrawals": ProgressiveList[Withdrawal]}
CANCUN_FIELDS = {**SHANGHAI_FIELDS, "blob_gas_used": uint64, "excess_blob_gas": uint64}
AMSTERDAM_FIELDS = {**CANCUN_FIELDS, "block_access_list": ProgressiveByteList, "slot_number": uint64}


def progressive_container(name, fields):
    """A ProgressiveContainer class with `fields` (name -> type), every field active."""
    base = ProgressiveContainer(active_fields=[1] * len(fields))
    return type(name, (base,), {"__annotations__": dict(fields)})


def container(name, fields):
    return type(name, (Container,), {"__annotations__": dict(fields)})


PayloadPre4895 = progressive_container("ExecutionPayloadParis", PARIS_FIELDS)
PayloadShanghai = progressive_container("ExecutionPayloadShanghai", SHANGHAI_FIELDS)
PayloadCancun = progressive_container("ExecutionPayloadCancun", CANCUN_FIELDS)
PayloadAmsterdam = progressive_container("ExecutionPayloadAmsterdam", AMSTERDAM_FIELDS)

REQUEST_LISTS = [
    ("deposits", DepositRequest),
    ("withdrawals", WithdrawalRequest),
    ("consolidations", ConsolidationRequest),
    ("builder_deposits", BuilderDepositRequest),
    ("builder_exits", BuilderExitRequest),
]
RequestsPrague = progressive_container(
    "ExecutionRequestsPrague", {n: ProgressiveList[t] for n, t in REQUEST_LISTS[:3]})
RequestsAmsterdam = progressive_container(
    "ExecutionRequestsAmsterdam", {n: ProgressiveList[t] for n, t in REQUEST_LISTS})


def new_payload_request_type(name, payload, requests):
    fields = {"execution_payload": payload}
    if payload in (PayloadCancun, PayloadAmsterdam):
        fields["versioned_hashes"] = ProgressiveList[Bytes32]
        fields["parent_beacon_block_root"] = Bytes32
    if requests is not None:
        fields["execution_requests"] = requests
    return container(name, fields)


# (name, schema id, NewPayloadRequest type, payload type, requests type or None)
FORKS = []
for _name, _schema, _payload, _requests in [
    ("Paris", 0x0E01, PayloadPre4895, None),
    ("Shanghai", 0x0F01, PayloadShanghai, None),
    ("Cancun", 0x1001, PayloadCancun, None),
    ("Prague", 0x1101, PayloadCancun, RequestsPrague),
    ("Osaka", 0x1201, PayloadCancun, RequestsPrague),
    ("BPO1", 0x1301, PayloadCancun, RequestsPrague),
    ("BPO2", 0x1401, PayloadCancun, RequestsPrague),
    ("Amsterdam", 0x1501, PayloadAmsterdam, RequestsAmsterdam),
]:
    FORKS.append((_name, _schema, new_payload_request_type("NewPayloadRequest" + _name, _payload, _requests),
                  _payload, _requests))


# --- The whole Amsterdam input, only to decode the official fixtures --------------------------

class ExecutionWitness(Container):
    state: ProgressiveList[ByteList[1024]]
    codes: ProgressiveList[ByteList[65536]]
    headers: List[ByteList[1024], 256]


def stateless_input_type(request_type):
    return container("StatelessInput", {
        "new_payload_request": request_type,
        "witness": ExecutionWitness,
        "chain_id": uint64,
    })


StatelessInputAmsterdam = stateless_input_type(FORKS[-1][2])


def verify_official(directory):
    """Decode each official pair's input and compare the request root with its output."""
    checked = 0
    for path in sorted(glob.glob(os.path.join(directory, "*.json.gz"))):
        with gzip.open(path, "rt") as f:
            doc = json.load(f)
        for test in doc.values():
            for block in test.get("blocks", []) + test.get("engineNewPayloads", []):
                if "statelessInputBytes" not in block:
                    continue
                data = bytes.fromhex(block["statelessInputBytes"][2:])
                out = bytes.fromhex(block["statelessOutputBytes"][2:])
                assert data[:2] == b"\x15\x01", f"{path}: schema {data[:2].hex()}"
                value = StatelessInputAmsterdam.decode_bytes(data[2:])
                assert value.encode_bytes() == data[2:], f"{path}: re-encoding differs"
                root = value.new_payload_request.hash_tree_root()
                want = out[:32]
                status = "ok" if root == want else "MISMATCH"
                print(f"official {os.path.basename(path)}: {root.hex()} (expected {want.hex()}) {status}")
                if root != want:
                    sys.exit(1)
                checked += 1
    if checked == 0:
        sys.exit(f"no statelessInputBytes found under {directory}")
    print(f"{checked} official pair(s) reproduced")


# --- The hand-built sample, the same in v21_roots.rs ------------------------------------------

def pat(seed, n):
    """Deterministic filler bytes: byte i = (37 * seed + 11 * i) mod 256."""
    return bytes((37 * seed + 11 * i) % 256 for i in range(n))


def sample(fork_index):
    """The sample NewPayloadRequest of FORKS[fork_index] as a remerkleable view."""
    name, _, request_type, payload_type, requests_type = FORKS[fork_index]
    fields = payload_type.fields()
    payload = {
        "parent_hash": pat(1, 32),
        "fee_recipient": pat(2, 20),
        "state_root": pat(3, 32),
        "receipts_root": pat(4, 32),
        "logs_bloom": pat(5, 256),
        "prev_randao": pat(6, 32),
        "block_number": 21_000_000,
        "gas_limit": 36_000_000,
        "gas_used": 12_345_678,
        "timestamp": 1_750_000_000,
        "extra_data": b"independent v21 roots",
        # A uint256 over 2**64, so that its little-endian chunk has bytes beyond the eighth.
        "base_fee_per_gas": 0x1122_3344_5566_7788_99AA_BBCC_DDEE_FF00,
        "block_hash": pat(7, 32),
        # Six transactions (one empty) fill the progressive levels of 1 and 4 and start the 16.
        "transactions": [pat(8, 100), b"", pat(9, 33), pat(10, 1), pat(11, 200), pat(12, 32)],
        "withdrawals": [
            Withdrawal(index=1000, validator_index=55_555, address=pat(13, 20), amount=32_000_000_000),
            Withdrawal(index=1001, validator_index=55_556, address=pat(14, 20), amount=17),
        ],
        "blob_gas_used": 262_144,
        "excess_blob_gas": 393_216,
        "block_access_list": pat(15, 45),
        "slot_number": 11_000_000,
    }
    payload = {k: v for k, v in payload.items() if k in fields}
    payload["transactions"] = [ProgressiveByteList(t) for t in payload["transactions"]]
    value = {"execution_payload": payload_type(**payload)}
    if "versioned_hashes" in request_type.fields():
        value["versioned_hashes"] = [b"\x01" + pat(16, 31), b"\x01" + pat(17, 31)]
        value["parent_beacon_block_root"] = pat(18, 32)
    if requests_type is not None:
        items = {
            "deposits": [pat(20, 192), pat(21, 192)],
            "withdrawals": [pat(22, 76)],
            "consolidations": [pat(23, 116)],
            "builder_deposits": [pat(24, 184)],
            "builder_exits": [pat(25, 68), pat(26, 68)],
        }
        lists = {}
        for list_name, item_type in REQUEST_LISTS:
            if list_name in requests_type.fields():
                lists[list_name] = [item_type.decode_bytes(raw) for raw in items[list_name]]
        value["execution_requests"] = requests_type(**lists)
    return name, request_type(**value)


def sample_input(fork_index):
    """Schema-prefixed SSZ of a StatelessInput holding the sample request, a small witness and
    chain id 1 (checks the encoding of each fork's shape, not only its root)."""
    _, request = sample(fork_index)
    witness = ExecutionWitness(
        state=[pat(30, 40), pat(31, 1)],
        codes=[pat(32, 3)],
        headers=[pat(33, 50)],
    )
    body = stateless_input_type(FORKS[fork_index][2])(
        new_payload_request=request, witness=witness, chain_id=1).encode_bytes()
    return FORKS[fork_index][1].to_bytes(2, "big") + body


def main():
    args = sys.argv[1:]
    if args[:1] == ["--verify"]:
        verify_official(args[1])
    elif args:
        sys.exit(__doc__)
    from importlib.metadata import version
    print(f"eth-remerkleable {version('eth-remerkleable')}")
    for i in range(len(FORKS)):
        name, value = sample(i)
        data = sample_input(i)
        print(f"{name:<9} 0x{FORKS[i][1]:04x} root {value.hash_tree_root().hex()}"
              f" input_len {len(data)} input_sha256 {hashlib.sha256(data).hexdigest()}")


if __name__ == "__main__":
    main()
