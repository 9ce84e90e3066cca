//! One JSON-RPC call to the node, bounded by the timeout, and its failure turned into a message
//! that names what went wrong: the node unreachable, a TLS handshake that failed (and why), a
//! method missing, a block pruned or not found, no answer in time, an HTTP error status, another
//! JSON-RPC error, or a malformed response.

use super::{BlockSelector, client::Roots};
use alloy_provider::transport::{RpcError, TransportErrorKind};
use anyhow::anyhow;
use reqwest::Url;
use std::{error::Error, future::IntoFuture, time::Duration};

/// JSON-RPC error code of a method the node does not provide.
pub const METHOD_NOT_FOUND: i64 = -32601;
/// JSON-RPC error code of a block whose history the node has pruned (EIP-4444).
pub const HISTORY_PRUNED: i64 = 4444;

/// One node: its URL (for messages), the per-request timeout, and the CA certificates trusted for
/// it (for certificate errors).
pub(crate) struct Node {
    url: String,
    authority: String,
    timeout: Duration,
    roots: Roots,
}

impl Node {
    pub(crate) fn new(url: &Url, timeout: Duration, roots: Roots) -> Self {
        let host = url.host_str().unwrap_or_default();
        let authority = match url.port_or_known_default() {
            Some(port) => format!("{host}:{port}"),
            None => host.to_string(),
        };
        Self { url: url.as_str().trim_end_matches('/').to_string(), authority, timeout, roots }
    }

    /// The node's URL, as given.
    pub(crate) fn url(&self) -> &str {
        &self.url
    }

    /// Awaits one request within the timeout.
    ///
    /// Errors: the request failed or got no answer in time; the message names `method`, the
    /// node, and for block-specific failures `block`.
    pub(crate) async fn call<T>(
        &self,
        method: &str,
        block: BlockSelector,
        request: impl IntoFuture<Output = Result<T, RpcError<TransportErrorKind>>>,
    ) -> anyhow::Result<T> {
        match tokio::time::timeout(self.timeout, request).await {
            Ok(Ok(value)) => Ok(value),
            Ok(Err(error)) => Err(self.describe(method, block, error)),
            Err(_) => Err(anyhow!(
                "timeout: {method} got no answer from {} within {} s (--timeout)",
                self.url,
                self.timeout.as_secs_f64()
            )),
        }
    }

    fn describe(&self, method: &str, block: BlockSelector, error: RpcError<TransportErrorKind>) -> anyhow::Error {
        let url = &self.url;
        match error {
            RpcError::ErrorResp(payload) if payload.code == METHOD_NOT_FOUND => anyhow!(
                "method not found: the node at {url} does not provide {method} (JSON-RPC error {}: {}){}",
                payload.code,
                payload.message,
                if method.starts_with("debug_") { "; enable its debug namespace" } else { "" }
            ),
            RpcError::ErrorResp(payload) if payload.code == HISTORY_PRUNED => anyhow!(
                "{block} is pruned: the node at {url} no longer serves its history (EIP-4444; {method} error {}: {})",
                payload.code,
                payload.message
            ),
            RpcError::ErrorResp(payload) => {
                anyhow!("{method} failed at {url}: JSON-RPC error {}: {}", payload.code, payload.message)
            }
            RpcError::NullResp => anyhow!("{block} not found: {method} returned null ({url})"),
            RpcError::DeserError { err, text } => {
                anyhow!("malformed response to {method} from {url}: {err} (response: {})", excerpt(&text))
            }
            RpcError::Transport(TransportErrorKind::HttpError(http)) => {
                anyhow!("{method}: HTTP status {} from {url}: {}", http.status, excerpt(&http.body))
            }
            RpcError::Transport(kind) => {
                if let Some(tls) = find_tls_error(&kind) {
                    anyhow!("TLS handshake with {} failed: {}", self.authority, tls_reason(tls, &self.authority, &self.roots))
                } else if refused(&kind) {
                    anyhow!("cannot reach the node at {url}: connection refused (is it running and serving HTTP JSON-RPC?)")
                } else {
                    anyhow!("cannot reach the node at {url} ({method}): {}", error_chain(&kind))
                }
            }
            other => anyhow!("{method} failed at {url}: {other}"),
        }
    }
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
    causes(error).any(|e| e.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::ConnectionRefused))
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
