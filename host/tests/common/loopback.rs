//! A loopback JSON-RPC node for the fetch tests: HTTP/1.1 (or HTTPS through rustls), one request
//! per connection (`Connection: close`), answering each request with a closure of the test's.

#![allow(dead_code)]

use serde_json::{Value, json};
use std::{
    io::{Read, Write},
    net::TcpListener,
    sync::{
        Arc, Mutex,
        atomic::{AtomicBool, Ordering},
    },
    thread::JoinHandle,
    time::{Duration, Instant},
};

/// A JSON-RPC answer: `Ok(result)` or `Err((code, message))`, a JSON-RPC error; but a code in
/// 400..=599 is that HTTP status instead, with the message as a plain-text body (and, for 429,
/// `Retry-After: 0`).
pub type Answer = Result<Value, (i64, &'static str)>;

/// A loopback node: the port it listens on, whether it speaks TLS, the requests it saw
/// (`method`, `params`), its thread.
pub struct Node {
    pub port: u16,
    tls: bool,
    seen: Arc<Mutex<Vec<(String, Value)>>>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Node {
    /// Serves at most `max` connections (one request each) within 30 s, answering with `answer`;
    /// `answer` returning `None` means: read the request, then stay silent for 5 s.
    pub fn start(max: usize, answer: impl Fn(&str, &Value) -> Option<Answer> + Send + 'static) -> Self {
        Self::serve(max, None, answer, Duration::from_secs(30))
    }

    /// Serves any number of connections for as long as it lives (at most `deadline`).
    pub fn start_unbounded(
        deadline: Duration,
        answer: impl Fn(&str, &Value) -> Option<Answer> + Send + 'static,
    ) -> Self {
        Self::serve(usize::MAX, None, answer, deadline)
    }

    /// The same over TLS with this server configuration.
    pub fn start_tls(
        max: usize,
        tls: Arc<rustls::ServerConfig>,
        answer: impl Fn(&str, &Value) -> Option<Answer> + Send + 'static,
    ) -> Self {
        Self::serve(max, Some(tls), answer, Duration::from_secs(30))
    }

    fn serve(
        max: usize,
        tls: Option<Arc<rustls::ServerConfig>>,
        answer: impl Fn(&str, &Value) -> Option<Answer> + Send + 'static,
        deadline: Duration,
    ) -> Self {
        let secure = tls.is_some();
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
        let port = listener.local_addr().expect("addr").port();
        listener.set_nonblocking(true).expect("nonblocking");
        let seen = Arc::new(Mutex::new(Vec::new()));
        let log = Arc::clone(&seen);
        let stop = Arc::new(AtomicBool::new(false));
        let stopped = Arc::clone(&stop);
        let thread = std::thread::spawn(move || {
            let deadline = Instant::now() + deadline;
            let mut served = 0;
            while served < max && Instant::now() < deadline && !stopped.load(Ordering::Relaxed) {
                match listener.accept() {
                    Ok((stream, _)) => {
                        served += 1;
                        let _ = stream.set_nonblocking(false);
                        let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
                        match &tls {
                            None => handle(stream, &answer, &log),
                            Some(config) => {
                                let Ok(session) = rustls::ServerConnection::new(Arc::clone(config)) else { break };
                                let mut stream = rustls::StreamOwned::new(session, stream);
                                handle(&mut stream, &answer, &log);
                                stream.conn.send_close_notify();
                                let _ = stream.flush();
                            }
                        }
                    }
                    Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                        std::thread::sleep(Duration::from_millis(1))
                    }
                    Err(_) => break,
                }
            }
        });
        Node { port, tls: secure, seen, stop, thread: Some(thread) }
    }

    pub fn url(&self) -> String {
        format!("{}://127.0.0.1:{}", if self.tls { "https" } else { "http" }, self.port)
    }

    pub fn methods(&self) -> Vec<(String, Value)> {
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

/// Reads one HTTP/1.1 request, answers it (or stays silent); the caller closes the connection.
fn handle(
    mut stream: impl Read + Write,
    answer: &dyn Fn(&str, &Value) -> Option<Answer>,
    log: &Mutex<Vec<(String, Value)>>,
) {
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
        Some(Err((status @ 400..=599, message))) => {
            let retry_after = if status == 429 { "Retry-After: 0\r\n" } else { "" };
            let response = format!(
                "HTTP/1.1 {status} Oops\r\nContent-Type: text/plain\r\nContent-Length: {}\r\n{retry_after}Connection: close\r\n\r\n{message}",
                message.len()
            );
            let _ = stream.write_all(response.as_bytes());
            let _ = stream.flush();
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

