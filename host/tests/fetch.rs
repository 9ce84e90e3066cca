//! `zkevm fetch` against a loopback JSON-RPC node started by each test: a fetched mainnet block
//! validates, and every failure exits 2 with a message naming what went wrong.
//!
//! The node answers from a shipped mainnet fixture: `eth_getBlockByNumber(n, true)` is the RPC
//! block built from the fixture's block RLP (senders recovered, full transaction objects), and
//! `debug_executionWitness(n)` is the fixture's `executionWitness`. It serves a bounded number of
//! connections (HTTP/1.1, one request each, `Connection: close`) and stops by itself after a fixed
//! deadline.

use alloy_consensus::{TxEnvelope, transaction::SignerRecoverable};
use alloy_rlp::Decodable;
use serde_json::{Value, json};
use std::{
    io::{Read, Write},
    net::{TcpListener, TcpStream},
    path::{Path, PathBuf},
    process::{Command, Output},
    sync::{
        Arc, Mutex,
        atomic::{AtomicBool, Ordering},
    },
    thread::JoinHandle,
    time::{Duration, Instant},
};

const BLOCK: u64 = 24628607;
const FIXTURE: &str = "mainnet/mainnet_24628607_66_7.json.gz";

fn zkevm() -> Command {
    Command::new(env!("CARGO_BIN_EXE_zkevm"))
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("zkevm-fetch-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

/// What the fixture says a node would answer.
struct Recorded {
    chain_id: u64,
    block_hash: String,
    state_root: String,
    /// `eth_getBlockByNumber(BLOCK, true)`.
    rpc_block: Value,
    /// `debug_executionWitness(BLOCK)`.
    witness: Value,
}

fn recorded() -> Recorded {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../fixtures").join(FIXTURE);
    let bytes = std::fs::read(&path).expect("fixture");
    let mut text = String::new();
    flate2::read::GzDecoder::new(bytes.as_slice()).read_to_string(&mut text).expect("gunzip");
    let fixture: Value = serde_json::from_str(&text).expect("fixture JSON");
    let rlp = hex::decode(fixture["blockRlp"].as_str().expect("blockRlp").trim_start_matches("0x")).expect("hex");
    let block = alloy_consensus::Block::<TxEnvelope>::decode(&mut rlp.as_slice()).expect("block RLP");
    let (header, hash) = (block.header.clone(), block.header.hash_slow());
    // The RPC block of the consensus block (hash and size computed), then each transaction with its
    // recovered sender and its place in the block.
    let mut index = 0u64;
    let rpc = alloy_rpc_types_eth::Block::from_consensus(block, None).map_transactions(|tx: TxEnvelope| {
        let info = alloy_consensus::transaction::TransactionInfo {
            hash: Some(*tx.tx_hash()),
            index: Some(index),
            block_hash: Some(hash),
            block_number: Some(header.number),
            base_fee: header.base_fee_per_gas,
            block_timestamp: Some(header.timestamp),
        };
        index += 1;
        let recovered = tx.try_into_recovered().expect("sender recovers");
        alloy_rpc_types_eth::Transaction::from_transaction(recovered, info)
    });
    let rpc_block = serde_json::to_value(&rpc).expect("RPC block JSON");
    assert_eq!(rpc_block["hash"], fixture["blockHash"]);
    assert_eq!(rpc_block["transactions"].as_array().map(Vec::len), Some(66));
    assert!(rpc_block["transactions"][0]["from"].is_string() && rpc_block["transactions"][0]["hash"].is_string());
    Recorded {
        chain_id: fixture["chainId"].as_u64().expect("chainId"),
        block_hash: fixture["blockHash"].as_str().expect("blockHash").to_string(),
        state_root: format!("{:#x}", rpc.header.state_root),
        rpc_block,
        witness: fixture["executionWitness"].clone(),
    }
}

/// A JSON-RPC answer: `Ok(result)` or `Err((code, message))`.
type Answer = Result<Value, (i64, &'static str)>;

/// A loopback node: the port it listens on, the requests it saw (`method`, `params`), its thread.
struct Node {
    port: u16,
    seen: Arc<Mutex<Vec<(String, Value)>>>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Node {
    /// Serves at most `max` connections (one request each) within 30 s, answering with `answer`;
    /// `answer` returning `None` means: read the request, then stay silent for 5 s.
    fn start(max: usize, answer: impl Fn(&str, &Value) -> Option<Answer> + Send + 'static) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
        let port = listener.local_addr().expect("addr").port();
        listener.set_nonblocking(true).expect("nonblocking");
        let seen = Arc::new(Mutex::new(Vec::new()));
        let log = Arc::clone(&seen);
        let stop = Arc::new(AtomicBool::new(false));
        let stopped = Arc::clone(&stop);
        let thread = std::thread::spawn(move || {
            let deadline = Instant::now() + Duration::from_secs(30);
            let mut served = 0;
            while served < max && Instant::now() < deadline && !stopped.load(Ordering::Relaxed) {
                match listener.accept() {
                    Ok((stream, _)) => {
                        served += 1;
                        handle(stream, &answer, &log);
                    }
                    Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                        std::thread::sleep(Duration::from_millis(5))
                    }
                    Err(_) => break,
                }
            }
        });
        Node { port, seen, stop, thread: Some(thread) }
    }

    fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    fn methods(&self) -> Vec<(String, Value)> {
        self.seen.lock().expect("log").clone()
    }
}

impl Drop for Node {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Reads one HTTP/1.1 request, answers it (or stays silent), and closes the connection.
fn handle(mut stream: TcpStream, answer: &dyn Fn(&str, &Value) -> Option<Answer>, log: &Mutex<Vec<(String, Value)>>) {
    let _ = stream.set_nonblocking(false);
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let mut buf = Vec::new();
    let mut chunk = [0u8; 8192];
    let header_end = loop {
        if let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break end + 4;
        }
        match stream.read(&mut chunk) {
            Ok(0) | Err(_) => return,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
        }
    };
    let head = String::from_utf8_lossy(&buf[..header_end]).to_ascii_lowercase();
    let length: usize = head
        .lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(0);
    while buf.len() < header_end + length {
        match stream.read(&mut chunk) {
            Ok(0) | Err(_) => return,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
        }
    }
    let Ok(request) = serde_json::from_slice::<Value>(&buf[header_end..header_end + length]) else { return };
    let method = request["method"].as_str().unwrap_or_default().to_string();
    let params = request["params"].clone();
    log.lock().expect("log").push((method.clone(), params.clone()));
    let body = match answer(&method, &params) {
        None => {
            // Never answer: hold the connection until the client gives up (or 5 s pass).
            let _ = stream.read(&mut chunk);
            return;
        }
        Some(Ok(result)) => json!({"jsonrpc": "2.0", "id": request["id"], "result": result}),
        Some(Err((code, message))) => {
            json!({"jsonrpc": "2.0", "id": request["id"], "error": {"code": code, "message": message}})
        }
    };
    let body = body.to_string();
    let response = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    let _ = stream.write_all(response.as_bytes());
    let _ = stream.flush();
}

/// A node answering like an archive node with the debug namespace, from the recording.
fn archive_node(rec: &Recorded, max: usize) -> Node {
    let (chain_id, block, witness) = (rec.chain_id, rec.rpc_block.clone(), rec.witness.clone());
    let number = format!("{BLOCK:#x}");
    Node::start(max, move |method, params| {
        Some(match method {
            "eth_chainId" => Ok(json!(format!("{chain_id:#x}"))),
            "eth_getBlockByNumber" if params[1] == true && (params[0] == number || params[0] == "latest") => {
                Ok(block.clone())
            }
            "eth_getBlockByNumber" => Ok(Value::Null),
            "debug_executionWitness" if params[0] == number => Ok(witness.clone()),
            "debug_executionWitness" => Err((-32000, "unexpected block")),
            _ => Err((-32601, "the method does not exist/is not available")),
        })
    })
}

fn fetch(url: &str, block: &str, extra: &[&str]) -> Output {
    zkevm().args(["fetch", "--rpc-url", url, "--block", block]).args(extra).output().expect("runs")
}

fn fetch_to(url: &str, block: &str, out: &Path) -> Output {
    zkevm()
        .args(["fetch", "--rpc-url", url, "--block", block, "--out"])
        .arg(out)
        .output()
        .expect("runs")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// `zkevm validate --native --json FILE` reports the recorded block as valid with its state root.
fn assert_validates(file: &Path, rec: &Recorded) {
    let out = zkevm().args(["validate", "--native", "--json"]).arg(file).output().expect("runs");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let report: Value = serde_json::from_slice(&out.stdout).expect("one JSON report");
    assert_eq!(report["block_number"], BLOCK);
    assert_eq!(report["block_hash"], rec.block_hash.as_str());
    assert_eq!(report["valid"], true);
    assert_eq!(report["matches"], true);
    assert_eq!(report["error"], Value::Null);
    assert_eq!(report["txs"], 66);
    assert_eq!(report["state_root"], rec.state_root.as_str());
}

/// Exit 2, nothing on stdout, and every fragment in the error message.
fn assert_fails(out: &Output, fragments: &[&str]) {
    let message = stderr(out);
    assert_eq!(out.status.code(), Some(2), "{message}");
    assert!(out.stdout.is_empty(), "nothing on stdout on failure");
    for fragment in fragments {
        assert!(message.contains(fragment), "missing `{fragment}` in: {message}");
    }
}

#[test]
fn fetched_block_by_number_validates() {
    let rec = recorded();
    let node = archive_node(&rec, 3);
    let dir = scratch("number");
    let file = dir.join("x.json");
    let out = fetch_to(&node.url(), &BLOCK.to_string(), &file);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(out.stdout.is_empty(), "--out writes nothing to stdout");
    assert!(stderr(&out).contains(&format!("block {BLOCK} {}", rec.block_hash)), "{}", stderr(&out));

    // The exact three calls, in order, with the block's number for the witness.
    let number = json!(format!("{BLOCK:#x}"));
    let calls = node.methods();
    let methods: Vec<&str> = calls.iter().map(|(m, _)| m.as_str()).collect();
    assert_eq!(methods, ["eth_chainId", "eth_getBlockByNumber", "debug_executionWitness"]);
    assert_eq!(calls[1].1, json!([number, true]));
    assert_eq!(calls[2].1, json!([number]));

    // The file is the {block, witness, chainId} object: chain id a number, the witness unchanged.
    let written: Value = serde_json::from_slice(&std::fs::read(&file).expect("written")).expect("JSON");
    assert_eq!(written["chainId"], json!(rec.chain_id));
    assert_eq!(written["witness"], rec.witness);
    assert_eq!(written["block"]["hash"], rec.block_hash.as_str());
    assert_eq!(written["block"]["transactions"], rec.rpc_block["transactions"]);
    assert_validates(&file, &rec);
}

#[test]
fn fetched_latest_block_to_stdout_validates() {
    let rec = recorded();
    let node = archive_node(&rec, 3);
    let out = fetch(&node.url(), "latest", &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let calls = node.methods();
    assert_eq!(calls[1].1, json!(["latest", true]));
    // The witness is asked for by the number of the block that came back, not "latest".
    assert_eq!(calls[2], ("debug_executionWitness".to_string(), json!([format!("{BLOCK:#x}")])));

    let dir = scratch("latest");
    let file = dir.join("latest.json");
    std::fs::write(&file, &out.stdout).expect("write");
    let written: Value = serde_json::from_slice(&out.stdout).expect("one JSON object on stdout");
    assert_eq!(written.as_object().map(|o| o.len()), Some(3));
    assert_validates(&file, &rec);
}

/// A node that answers `eth_chainId` and `eth_getBlockByNumber` from the recording and fails
/// `debug_executionWitness` with this JSON-RPC error.
fn node_failing_the_witness(code: i64, message: &'static str) -> Node {
    let rec = recorded();
    let (chain_id, block) = (rec.chain_id, rec.rpc_block.clone());
    Node::start(3, move |method, _| {
        Some(match method {
            "eth_chainId" => Ok(json!(format!("{chain_id:#x}"))),
            "eth_getBlockByNumber" => Ok(block.clone()),
            _ => Err((code, message)),
        })
    })
}

#[test]
fn an_unreachable_node_is_named() {
    // A port that was just free: nothing listens there.
    let port = TcpListener::bind("127.0.0.1:0").expect("bind").local_addr().expect("addr").port();
    let out = fetch(&format!("http://127.0.0.1:{port}"), "1", &[]);
    assert_fails(&out, &["cannot reach the node", &format!("127.0.0.1:{port}"), "connection refused"]);
}

#[test]
fn a_node_without_the_debug_namespace_is_named() {
    let node = node_failing_the_witness(-32601, "the method debug_executionWitness does not exist/is not available");
    let dir = scratch("no-debug");
    let file = dir.join("x.json");
    let out = fetch_to(&node.url(), &BLOCK.to_string(), &file);
    assert_fails(&out, &["method not found", "debug_executionWitness", "-32601", "debug namespace"]);
    assert!(!file.exists(), "nothing is written on failure");
}

#[test]
fn a_pruned_block_is_named() {
    let node = node_failing_the_witness(4444, "pruned history unavailable");
    let out = fetch(&node.url(), &BLOCK.to_string(), &[]);
    assert_fails(&out, &[&format!("block {BLOCK} is pruned"), "EIP-4444", "4444", "pruned history unavailable"]);

    // The same for eth_getBlockByNumber itself.
    let node = Node::start(2, |method, _| {
        Some(match method {
            "eth_chainId" => Ok(json!("0x1")),
            _ => Err((4444, "pruned history unavailable")),
        })
    });
    let out = fetch(&node.url(), "17000000", &[]);
    assert_fails(&out, &["block 17000000 is pruned", "eth_getBlockByNumber"]);
}

#[test]
fn a_null_block_is_not_found() {
    let node = Node::start(2, |method, _| {
        Some(match method {
            "eth_chainId" => Ok(json!("0x1")),
            _ => Ok(Value::Null),
        })
    });
    let out = fetch(&node.url(), "999999999", &[]);
    assert_fails(&out, &["block 999999999 not found"]);
    assert_eq!(node.methods().len(), 2, "no witness request for a missing block");
}

#[test]
fn a_silent_node_times_out() {
    let node = Node::start(1, |_, _| None);
    let start = Instant::now();
    let out = fetch(&node.url(), "1", &["--timeout", "1"]);
    assert_fails(&out, &["timeout", "eth_chainId", "within 1 s"]);
    assert!(start.elapsed() < Duration::from_secs(5), "gave up after about 1 s, not {:?}", start.elapsed());
}

#[test]
fn a_malformed_response_is_named() {
    let node = Node::start(2, |method, _| {
        Some(match method {
            "eth_chainId" => Ok(json!("0x1")),
            _ => Ok(json!({"number": "not a number"})),
        })
    });
    let out = fetch(&node.url(), "5", &[]);
    assert_fails(&out, &["malformed response to eth_getBlockByNumber"]);

    // A witness that is not lists of hex strings.
    let rec = recorded();
    let block = rec.rpc_block.clone();
    let node = Node::start(3, move |method, _| {
        Some(match method {
            "eth_chainId" => Ok(json!("0x1")),
            "eth_getBlockByNumber" => Ok(block.clone()),
            _ => Ok(json!({"state": ["0xzz"], "codes": []})),
        })
    });
    let out = fetch(&node.url(), &BLOCK.to_string(), &[]);
    assert_fails(&out, &["malformed response to debug_executionWitness"]);
}

#[test]
fn an_existing_out_file_is_never_overwritten() {
    let dir = scratch("exists");
    let file = dir.join("x.json");
    std::fs::write(&file, b"keep me").expect("write");
    // Refused before any request: the node's port has nothing listening.
    let port = TcpListener::bind("127.0.0.1:0").expect("bind").local_addr().expect("addr").port();
    let out = fetch_to(&format!("http://127.0.0.1:{port}"), &BLOCK.to_string(), &file);
    assert_fails(&out, &["x.json", "already exists"]);
    assert_eq!(std::fs::read(&file).expect("still there"), b"keep me");
}
