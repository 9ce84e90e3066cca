//! One JSON-RPC call to the node, bounded by the timeout and retried while its failure is
//! transient, and its failure turned into a message that names what went wrong: the node
//! unreachable, a TLS handshake that failed (and why), a method missing, a block pruned or not
//! found, no answer in time, an HTTP error status, another JSON-RPC error, or a malformed response.
//!
//! Transient (retried, see [`super::retry::Retry`]): no answer within the timeout; HTTP 408, 429
//! and 5xx other than 501 and 505; a JSON-RPC rate-limit error (429, -32005 and the other codes
//! alloy's `ErrorPayload::is_retry_err` knows); a connection reset, aborted or closed before the
//! response was complete. Everything else is permanent and fails at once: a refused connection, a
//! TLS failure, a missing method, a pruned or missing block, another JSON-RPC error, a malformed
//! response.

use super::{BlockSelector, client::Roots, retry::Retry};
use alloy_provider::transport::{RpcError, TransportErrorKind};
use anyhow::anyhow;
use reqwest::Url;
use std::{
    error::Error,
    future::IntoFuture,
    io::ErrorKind,
    sync::atomic::{AtomicU64, Ordering},
    time::Duration,
};

/// JSON-RPC error code of a method the node does not provide.
pub const METHOD_NOT_FOUND: i64 = -32601;
/// JSON-RPC error code of a block whose history the node has pruned (EIP-4444).
pub const HISTORY_PRUNED: i64 = 4444;

/// One node: its URL (for messages), the per-request timeout, the retry policy, the CA
/// certificates trusted for it (for certificate errors), and how many requests were sent to it.
pub(crate) struct Node {
    url: String,
    authority: String,
    timeout: Duration,
    retry: Retry,
    roots: Roots,
    requests: AtomicU64,
}

/// The error of a call the node answered with JSON-RPC error -32601 (the method does not exist or
/// is not available), so that a caller can fall back to other methods; it displays the message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MethodNotFound(pub String);

impl std::fmt::Display for MethodNotFound {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl Error for MethodNotFound {}

/// A failed attempt: its message, whether another attempt may succeed, the delay the server
/// asked for (`Retry-After`), and whether the method is missing.
struct Failure {
    message: String,
    transient: bool,
    retry_after: Option<Duration>,
    method_not_found: bool,
}

impl Failure {
    fn permanent(message: String) -> Self {
        Self { message, transient: false, retry_after: None, method_not_found: false }
    }

    fn transient(message: String) -> Self {
        Self { message, transient: true, retry_after: None, method_not_found: false }
    }
}

impl Node {
    pub(crate) fn new(url: &Url, timeout: Duration, retry: Retry, roots: Roots) -> Self {
        let host = url.host_str().unwrap_or_default();
        let authority = match url.port_or_known_default() {
            Some(port) => format!("{host}:{port}"),
            None => host.to_string(),
        };
        let url = url.as_str().trim_end_matches('/').to_string();
        Self { url, authority, timeout, retry, roots, requests: AtomicU64::new(0) }
    }

    /// The node's URL, as given.
    pub(crate) fn url(&self) -> &str {
        &self.url
    }

    /// How many requests were sent so far, retries included.
    pub(crate) fn requests(&self) -> u64 {
        self.requests.load(Ordering::Relaxed)
    }

    /// Sends the request that `request` makes, each attempt within the timeout, and again after a
    /// backoff while the failure is transient, up to the policy's number of tries. Each retry is
    /// announced on stderr.
    ///
    /// Errors: a permanent failure, or the last transient one (saying how many tries were made);
    /// the message names `method`, the node, and for block-specific failures `block` (the block
    /// the request is about, if any).
    pub(crate) async fn call<T, F>(
        &self,
        method: &str,
        block: Option<BlockSelector>,
        request: impl Fn() -> F,
    ) -> anyhow::Result<T>
    where
        F: IntoFuture<Output = Result<T, RpcError<TransportErrorKind>>>,
    {
        let mut attempt = 1;
        loop {
            self.requests.fetch_add(1, Ordering::Relaxed);
            let failure = match tokio::time::timeout(self.timeout, request()).await {
                Ok(Ok(value)) => return Ok(value),
                Ok(Err(error)) => self.describe(method, block, error),
                Err(_) => Failure::transient(format!(
                    "timeout: {method} got no answer from {} within {} s (--timeout)",
                    self.url,
                    self.timeout.as_secs_f64()
                )),
            };
            if failure.method_not_found {
                return Err(MethodNotFound(failure.message).into());
            }
            if !failure.transient {
                return Err(anyhow!(failure.message));
            }
            if attempt >= self.retry.tries() {
                return Err(match attempt {
                    1 => anyhow!(failure.message),
                    n => anyhow!("{} (gave up after {n} tries)", failure.message),
                });
            }
            let delay = self.retry.delay(attempt, failure.retry_after);
            eprintln!(
                "{}{method} failed ({}); retrying in {:.1} s (try {} of {})",
                block.map(|b| format!("{b}: ")).unwrap_or_default(),
                failure.message,
                delay.as_secs_f64(),
                attempt + 1,
                self.retry.tries()
            );
            tokio::time::sleep(delay).await;
            attempt += 1;
        }
    }

    fn describe(&self, method: &str, block: Option<BlockSelector>, error: RpcError<TransportErrorKind>) -> Failure {
        let url = &self.url;
        let subject = |what: &str| block.map_or_else(|| format!("{method} {what}"), |b| format!("{b} {what}"));
        match error {
            RpcError::ErrorResp(payload) if payload.code == METHOD_NOT_FOUND => Failure {
                method_not_found: true,
                ..Failure::permanent(format!(
                    "method not found: the node at {url} does not provide {method} (JSON-RPC error {}: {}){}",
                    payload.code,
                    payload.message,
                    if method.starts_with("debug_") { "; enable its debug namespace" } else { "" }
                ))
            },
            RpcError::ErrorResp(payload) if payload.code == HISTORY_PRUNED => Failure::permanent(format!(
                "{}: the node at {url} no longer serves its history (EIP-4444; {method} error {}: {})",
                subject("is pruned"),
                payload.code,
                payload.message
            )),
            RpcError::ErrorResp(payload) => Failure {
                message: format!("{method} failed at {url}: JSON-RPC error {}: {}", payload.code, payload.message),
                transient: payload.is_retry_err(),
                ..Failure::permanent(String::new())
            },
            RpcError::NullResp => {
                Failure::permanent(format!("{}: {method} returned null ({url})", subject("not found")))
            }
            RpcError::DeserError { err, text } => Failure::permanent(format!(
                "malformed response to {method} from {url}: {err} (response: {})",
                excerpt(&text)
            )),
            RpcError::Transport(kind) => {
                if let Some(http) = kind.as_http_error() {
                    Failure {
                        message: format!("{method}: HTTP status {} from {url}: {}", http.status, excerpt(&http.body)),
                        transient: transient_status(http.status),
                        retry_after: kind.retry_after(),
                        method_not_found: false,
                    }
                } else if let Some(tls) = find_tls_error(&kind) {
                    let reason = tls_reason(tls, &self.authority, &self.roots);
                    Failure::permanent(format!("TLS handshake with {} failed: {reason}", self.authority))
                } else if refused(&kind) {
                    Failure::permanent(format!(
                        "cannot reach the node at {url}: connection refused (is it running and serving HTTP JSON-RPC?)"
                    ))
                } else {
                    let message = format!("cannot reach the node at {url} ({method}): {}", error_chain(&kind));
                    Failure { transient: interrupted(&kind), ..Failure::permanent(message) }
                }
            }
            other => Failure::permanent(format!("{method} failed at {url}: {other}")),
        }
    }
}

/// HTTP statuses worth another try: request timeout, too many requests, and server errors other
/// than "not implemented" and "HTTP version not supported".
fn transient_status(status: u16) -> bool {
    matches!(status, 408 | 429) || ((500..600).contains(&status) && !matches!(status, 501 | 505))
}

/// Whether the connection broke off: reset, aborted, a broken pipe, or closed before the response
/// was complete (hyper's "connection closed before message completed").
fn interrupted(error: &(dyn Error + 'static)) -> bool {
    let broken = [ErrorKind::ConnectionReset, ErrorKind::ConnectionAborted, ErrorKind::BrokenPipe, ErrorKind::UnexpectedEof];
    causes(error).any(|e| e.downcast_ref::<std::io::Error>().is_some_and(|io| broken.contains(&io.kind())))
        || error_chain(error).contains("connection closed before message completed")
}

/// The error and its causes, outermost first. An I/O error that wraps another error is followed
/// by that error itself (its `source()` would skip it and go to the wrapped error's source).
fn causes<'a>(error: &'a (dyn Error + 'static)) -> impl Iterator<Item = &'a (dyn Error + 'static)> {
    std::iter::successors(Some(error), |&e: &&'a (dyn Error + 'static)| {
        match e.downcast_ref::<std::io::Error>().and_then(std::io::Error::get_ref) {
            Some(inner) => Some(inner as &(dyn Error + 'static)),
            None => e.source(),
        }
    })
}

/// The rustls error among the error's causes.
fn find_tls_error<'a>(error: &'a (dyn Error + 'static)) -> Option<&'a rustls::Error> {
    causes(error).find_map(|e| e.downcast_ref::<rustls::Error>())
}

/// What to do about an untrusted certificate.
const SET_CA: &str = "set SSL_CERT_FILE to a PEM bundle that contains its CA";

/// Why the handshake failed, in words, with what to do where there is something to do.
fn tls_reason(error: &rustls::Error, authority: &str, roots: &Roots) -> String {
    use rustls::{CertificateError as Cert, Error as Tls};
    match error {
        Tls::InvalidCertificate(Cert::UnknownIssuer) => {
            format!("certificate not trusted: no CA in {roots} issued it ({SET_CA})")
        }
        Tls::InvalidCertificate(Cert::BadSignature) => format!(
            "certificate not trusted: its signature does not verify with the CA of that name in {roots} ({SET_CA})"
        ),
        Tls::InvalidCertificate(Cert::NotValidForName | Cert::NotValidForNameContext { .. }) => {
            format!("certificate not valid for {authority} ({error})")
        }
        Tls::InvalidCertificate(
            Cert::Expired | Cert::ExpiredContext { .. } | Cert::NotValidYet | Cert::NotValidYetContext { .. },
        ) => format!("certificate expired or not yet valid ({error})"),
        Tls::InvalidCertificate(_) => format!("certificate rejected ({error})"),
        Tls::InvalidMessage(_) | Tls::InappropriateMessage { .. } => {
            format!("the server does not speak TLS there (a plain http:// endpoint?) ({error})")
        }
        Tls::AlertReceived(alert) => format!("the server refused the handshake (TLS alert {alert:?})"),
        Tls::PeerIncompatible(_) => format!("no TLS version or cipher suite in common ({error})"),
        _ => error.to_string(),
    }
}

/// Whether an I/O error "connection refused" lies anywhere in the error's source chain.
fn refused(error: &(dyn Error + 'static)) -> bool {
    causes(error).any(|e| e.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == ErrorKind::ConnectionRefused))
        || error_chain(error).to_ascii_lowercase().contains("connection refused")
}

/// The error and its sources, `: `-separated.
fn error_chain(error: &(dyn Error + 'static)) -> String {
    let mut text = error.to_string();
    let mut next = error.source();
    while let Some(e) = next {
        let part = e.to_string();
        if !text.contains(&part) {
            text.push_str(": ");
            text.push_str(&part);
        }
        next = e.source();
    }
    text
}

/// At most 200 characters of a response body, for error messages.
fn excerpt(text: &str) -> String {
    const MAX: usize = 200;
    match text.char_indices().nth(MAX) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None if text.is_empty() => "empty".to_string(),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpts_are_bounded() {
        assert_eq!(excerpt(""), "empty");
        assert_eq!(excerpt("abc"), "abc");
        assert_eq!(excerpt(&"é".repeat(500)).chars().count(), 201);
    }

    #[test]
    fn transient_statuses() {
        for status in [408, 429, 500, 502, 503, 504, 599] {
            assert!(transient_status(status), "{status}");
        }
        for status in [400, 401, 403, 404, 405, 413, 501, 505] {
            assert!(!transient_status(status), "{status}");
        }
    }

    #[test]
    fn broken_connections_are_interrupted_not_refused() {
        let reset = anyhow::Error::new(std::io::Error::from(ErrorKind::ConnectionReset)).context("send");
        assert!(interrupted(reset.as_ref()) && !refused(reset.as_ref()));
        let refused_io = anyhow::Error::new(std::io::Error::from(ErrorKind::ConnectionRefused));
        assert!(refused(refused_io.as_ref()) && !interrupted(refused_io.as_ref()));
        assert!(interrupted(anyhow::anyhow!("connection closed before message completed").as_ref()));
    }

    #[test]
    fn tls_errors_are_found_inside_io_errors() {
        let io = std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            rustls::Error::InvalidCertificate(rustls::CertificateError::UnknownIssuer),
        );
        // Wrapped twice, as hyper-rustls wraps tokio-rustls's I/O error.
        let wrapped = anyhow::Error::new(std::io::Error::other(io)).context("connect");
        let found = find_tls_error(wrapped.as_ref()).expect("found");
        let reason = tls_reason(found, "127.0.0.1:8545", &Roots::System(3));
        assert!(reason.starts_with("certificate not trusted: no CA in the system's CA store"), "{reason}");
        assert!(reason.contains("set SSL_CERT_FILE"), "{reason}");
        assert!(find_tls_error(&std::io::Error::other("plain")).is_none());
    }
}
