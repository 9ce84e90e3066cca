//! The `zkevm` command line: output fields, exit codes, and errors that name the file.

use std::{path::PathBuf, process::Command};

fn zkevm() -> Command {
    Command::new(env!("CARGO_BIN_EXE_zkevm"))
}

fn fixture(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../fixtures").join(rel)
}

fn mainnet() -> PathBuf {
    fixture("mainnet/mainnet_24647140_60_7.json.gz")
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("zkevm-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

#[test]
fn validate_json_reports_a_valid_mainnet_block() {
    let out = zkevm().args(["validate", "--native", "--json"]).arg(mainnet()).output().expect("runs");
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let line = String::from_utf8(out.stdout).expect("utf-8");
    let report: serde_json::Value = serde_json::from_str(line.trim()).expect("one JSON object");
    assert_eq!(report["block_number"], 24647140);
    assert_eq!(report["valid"], true);
    assert_eq!(report["expected_valid"], true);
    assert_eq!(report["matches"], true);
    assert_eq!(report["error"], serde_json::Value::Null);
    assert_eq!(report["gas_used"], 7704951);
    assert_eq!(report["block_hash"], "0xac1a460b21353733e4cad69c455e7cc7a3a595408f2f15684f9f646ebc42b9b4");
    assert!(report["state_root"].as_str().is_some_and(|s| s.len() == 66));
    assert_eq!(report["output"].as_str().map(str::len), Some(2 + 86));
    assert_eq!(report["fork"], "BPO2 0x1401");
}

#[test]
fn the_engine_form_validates() {
    let engine = fixture("mainnet/mainnet_24341035_74_5.engine.json.gz");
    let out = zkevm().args(["validate", "--native", "--json"]).arg(engine).output().expect("runs");
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
    assert_eq!(report["block_number"], 24341035);
    assert_eq!(report["valid"], true);
    assert_eq!(report["state_root"], "0x387b6c864acbff13fbfef7f7981993aab98b96a4c066a55b06c387afe0d0f35e");
}

#[test]
fn raw_takes_bytes_as_they_are() {
    let dir = scratch("raw");
    let garbage = dir.join("garbage.bin");
    std::fs::write(&garbage, b"not a block").expect("write");
    // A v21 input written by `zkevm input`, then gzip-compressed: --raw must not decompress it.
    let out = zkevm().arg("input").arg(mainnet()).arg("--out").arg(&dir).output().expect("runs");
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let ssz = dir.join("mainnet_24647140_60_7.ssz");
    let out = zkevm().args(["validate", "--native", "--raw", "--json"]).arg(&garbage).arg(&ssz).output().expect("runs");
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let lines: Vec<serde_json::Value> =
        String::from_utf8(out.stdout).expect("utf-8").lines().map(|l| serde_json::from_str(l).expect("JSON")).collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["source"], garbage.display().to_string());
    assert_eq!(lines[0]["output"], format!("0x{}", "00".repeat(43)));
    assert_eq!(lines[1]["source"], ssz.display().to_string());
    assert_eq!(lines[1]["valid"], true);
    assert!(lines[1]["output"].as_str().unwrap().ends_with("0114"), "schema id 0x1401 little-endian");
}

#[test]
fn a_pre_merge_block_is_an_unsupported_fork_not_a_verdict() {
    // The engine form of a Frontier-era block (number 1, July 2015) on mainnet.
    let dir = scratch("premerge");
    let bytes = std::fs::read(fixture("mainnet/mainnet_24341035_74_5.engine.json.gz")).expect("fixture");
    let mut json = String::new();
    std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(bytes.as_slice()), &mut json).expect("gunzip");
    let mut value: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    let payload = &mut value["engineNewPayload"]["executionPayload"];
    payload["blockNumber"] = "0x1".into();
    payload["timestamp"] = "0x55ba4224".into();
    let file = dir.join("frontier.json");
    std::fs::write(&file, value.to_string()).expect("write");
    let out = zkevm().args(["validate", "--native"]).arg(&file).output().expect("runs");
    assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stdout));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("frontier.json") && stderr.contains("unsupported fork"), "{stderr}");
}

#[test]
fn unreadable_input_exits_2_naming_the_file() {
    let dir = scratch("garbage");
    let file = dir.join("garbage.bin");
    std::fs::write(&file, b"not a block").expect("write");
    let out = zkevm().args(["validate", "--native"]).arg(&file).output().expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("garbage.bin") && stderr.contains("not JSON and not an SSZ StatelessInput"), "{stderr}");

    let missing = dir.join("missing.json");
    let out = zkevm().args(["validate", "--native"]).arg(&missing).output().expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing.json"));
}

#[test]
fn input_writes_ssz_files_that_validate_and_never_overwrites() {
    let dir = scratch("input");
    let run = || zkevm().arg("input").arg(mainnet()).arg("--out").arg(&dir).output().expect("runs");
    let first = run();
    assert_eq!(first.status.code(), Some(0), "{}", String::from_utf8_lossy(&first.stderr));
    let ssz = dir.join("mainnet_24647140_60_7.ssz");
    assert!(ssz.exists());
    // The raw SSZ input validates on its own (expected output unknown, so it "matches").
    let out = zkevm().args(["validate", "--native", "--json"]).arg(&ssz).output().expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(report["valid"], true);
    assert_eq!(report["expected_valid"], serde_json::Value::Null);
    // A second run must not overwrite what the first wrote.
    let second = run();
    assert_eq!(second.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&second.stderr).contains("already exists"));
}

#[test]
fn a_mismatch_exits_1() {
    // Expected output of an EEST block with its validity byte flipped.
    let dir = scratch("mismatch");
    let source = fixture("eest-v21/eip7702_address_from_set_code.json.gz");
    let bytes = std::fs::read(&source).expect("fixture");
    let mut json = String::new();
    std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(bytes.as_slice()), &mut json).expect("gunzip");
    let mut value: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    for test in value.as_object_mut().expect("tests").values_mut() {
        for block in test["blocks"].as_array_mut().expect("blocks") {
            let out = block["statelessOutputBytes"].as_str().expect("output").to_string();
            let flipped = if &out[66..68] == "01" { "00" } else { "01" };
            block["statelessOutputBytes"] = format!("{}{}{}", &out[..66], flipped, &out[68..]).into();
        }
    }
    let file = dir.join("flipped.json");
    std::fs::write(&file, value.to_string()).expect("write");
    let out = zkevm().args(["validate", "--native"]).arg(&file).output().expect("runs");
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stdout));
}
