//! Shared helpers for the integration tests: fixture loading and hex.
#![allow(dead_code)] // each test binary uses a different subset

use std::io::Read;
use std::path::{Path, PathBuf};

use serde_json::Value;

/// `io-abi/../fixtures/eest-zkevm`.
pub fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures/eest-zkevm")
}

/// Every `*.json.gz` below `dir`, sorted for a stable order.
pub fn gz_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in
            std::fs::read_dir(&d).unwrap_or_else(|e| panic!("read_dir {}: {e}", d.display()))
        {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.to_string_lossy().ends_with(".json.gz") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// Parses one gzip-compressed JSON fixture file.
pub fn read_json_gz(path: &Path) -> Value {
    let file = std::fs::File::open(path).unwrap();
    let mut text = String::new();
    flate2::read::GzDecoder::new(file)
        .read_to_string(&mut text)
        .unwrap();
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// One fixture block that carries stateless bytes.
pub struct Block {
    /// `<file stem> / <test name> / block index`, for messages.
    pub name: String,
    pub config: Value,
    pub block: Value,
    pub input: Vec<u8>,
    pub output: Vec<u8>,
}

/// All fixture blocks with `statelessInputBytes`, plus (files, tests, blocks seen).
pub fn all_blocks() -> (Vec<Block>, usize, usize, usize) {
    let files = gz_files(&fixtures_dir());
    let (mut tests, mut blocks_seen) = (0, 0);
    let mut out = Vec::new();
    for path in &files {
        let json = read_json_gz(path);
        for (test_name, test) in json.as_object().expect("fixture file is a JSON object") {
            tests += 1;
            for (i, block) in test["blocks"]
                .as_array()
                .expect("blocks[]")
                .iter()
                .enumerate()
            {
                blocks_seen += 1;
                let (Some(input), Some(output)) = (
                    block["statelessInputBytes"].as_str(),
                    block["statelessOutputBytes"].as_str(),
                ) else {
                    continue;
                };
                out.push(Block {
                    name: format!(
                        "{} / {test_name} / block {i}",
                        path.file_name().unwrap().to_string_lossy()
                    ),
                    config: test["config"].clone(),
                    block: block.clone(),
                    input: hex(input),
                    output: hex(output),
                });
            }
        }
    }
    (out, files.len(), tests, blocks_seen)
}

/// Decodes `0x`-prefixed (or bare) hex.
pub fn hex(s: &str) -> Vec<u8> {
    let s = s.strip_prefix("0x").unwrap_or(s);
    assert!(s.len().is_multiple_of(2), "odd hex length");
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).expect("hex digit"))
        .collect()
}

/// A JSON hex string as bytes.
pub fn jhex(v: &Value) -> Vec<u8> {
    hex(v
        .as_str()
        .unwrap_or_else(|| panic!("not a hex string: {v}")))
}

/// A JSON hex quantity (`"0x0c"`) as u64.
pub fn jquantity(v: &Value) -> u64 {
    let s = v
        .as_str()
        .unwrap_or_else(|| panic!("not a hex quantity: {v}"));
    u64::from_str_radix(s.trim_start_matches("0x"), 16).unwrap()
}

/// Lowercase hex of bytes.
pub fn to_hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Small deterministic PRNG (xorshift64*), so no `rand` dependency is needed.
pub struct Rng(pub u64);

impl Rng {
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
    pub fn bytes(&mut self, n: usize) -> Vec<u8> {
        (0..n).map(|_| self.next_u64() as u8).collect()
    }
}

/// One official v21 pair: the guest input bytes and the expected 43-byte output.
pub struct Pair {
    /// `<file> / block i`, for messages.
    pub name: String,
    pub input: Vec<u8>,
    pub output: Vec<u8>,
}

/// Every `statelessInputBytes` / `statelessOutputBytes` pair of `fixtures/eest-v21`, from both
/// fixture shapes (`blocks[]` of blockchain tests, `engineNewPayloads[]` of engine tests).
pub fn v21_pairs() -> Vec<Pair> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures/eest-v21");
    let mut out = Vec::new();
    for path in gz_files(&dir) {
        let json = read_json_gz(&path);
        for (test_name, test) in json.as_object().unwrap() {
            for key in ["blocks", "engineNewPayloads"] {
                for (i, block) in test.get(key).and_then(Value::as_array).into_iter().flatten().enumerate() {
                    let (Some(input), Some(output)) =
                        (block["statelessInputBytes"].as_str(), block["statelessOutputBytes"].as_str())
                    else {
                        continue;
                    };
                    out.push(Pair {
                        name: format!("{} / {test_name} / {key}[{i}]", path.display()),
                        input: hex(input),
                        output: hex(output),
                    });
                }
            }
        }
    }
    out
}
