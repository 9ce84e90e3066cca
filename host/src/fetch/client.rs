//! The HTTP(S) client behind `zkevm fetch`: the `--rpc-url` checked, and a reqwest client whose
//! TLS is rustls (ring as its crypto provider; no OpenSSL, no platform TLS library).
//!
//! For `https://` the trusted CA certificates are the system's (the PEM bundles and directories
//! of the usual Linux locations, as `rustls-native-certs` finds them), or, when `SSL_CERT_FILE`
//! and/or `SSL_CERT_DIR` are set, only the certificates of that PEM file / those directories, as
//! OpenSSL tools read them. Which set was used is kept in [`Roots`] so that a certificate error
//! can say where the CA was looked for. `http://` needs none of this and loads no certificates.

use anyhow::{Context, Result, anyhow, bail};
use reqwest::Url;
use rustls::RootCertStore;
use std::{fmt, sync::Arc};

/// Where the CA certificates trusted for `https://` came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Roots {
    /// A plain `http://` endpoint: no TLS, no certificates.
    NotNeeded,
    /// The system's store, with this many usable certificates (0: none installed).
    System(usize),
    /// The locations named by `SSL_CERT_FILE` / `SSL_CERT_DIR` (as `VAR=value`), with this many
    /// usable certificates.
    Environment(String, usize),
}

impl fmt::Display for Roots {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotNeeded => f.write_str("no CA certificates (plain http)"),
            Self::System(0) => f.write_str("the system's CA store, which is empty"),
            Self::System(n) => write!(f, "the system's CA store ({n} certificates)"),
            Self::Environment(what, n) => write!(f, "{what} ({n} certificate{})", if *n == 1 { "" } else { "s" }),
        }
    }
}

/// Checks that `rpc_url` is an `http://` or `https://` URL with a host and parses it.
///
/// Errors: another scheme, no scheme, or a URL that does not parse; each message names the URL.
pub fn parse_url(rpc_url: &str) -> Result<Url> {
    let scheme = rpc_url.split_once("://").map(|(scheme, _)| scheme.to_ascii_lowercase());
    if !matches!(scheme.as_deref(), Some("http" | "https")) {
        bail!("--rpc-url {rpc_url}: not an http:// or https:// URL");
    }
    let url: Url = rpc_url.parse().map_err(|e| anyhow!("--rpc-url {rpc_url}: not a URL ({e})"))?;
    if url.host_str().is_none_or(str::is_empty) {
        bail!("--rpc-url {rpc_url}: the URL has no host");
    }
    Ok(url)
}

/// The reqwest client for `url`, and the CA certificates it trusts.
///
/// Errors: `SSL_CERT_FILE` / `SSL_CERT_DIR` are set but cannot be read or hold no certificate,
/// or the client cannot be built.
pub fn build(url: &Url) -> Result<(reqwest::Client, Roots)> {
    let (store, roots) = if url.scheme() == "https" { trusted_roots()? } else { (RootCertStore::empty(), Roots::NotNeeded) };
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let tls = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .context("cannot configure TLS")?
        .with_root_certificates(store)
        .with_no_client_auth();
    let client = reqwest::Client::builder()
        .tls_backend_preconfigured(tls)
        .build()
        .context("cannot build the HTTP client")?;
    Ok((client, roots))
}

/// The system's CA certificates, or those of `SSL_CERT_FILE` / `SSL_CERT_DIR` when set.
///
/// Errors: the variables are set and a location cannot be read, or yields no usable certificate.
/// Unreadable entries of the system store are ignored (what is usable is used).
fn trusted_roots() -> Result<(RootCertStore, Roots)> {
    let named: Vec<String> = ["SSL_CERT_FILE", "SSL_CERT_DIR"]
        .into_iter()
        .filter_map(|var| std::env::var_os(var).map(|value| format!("{var}={}", value.to_string_lossy())))
        .collect();
    let loaded = rustls_native_certs::load_native_certs();
    let mut store = RootCertStore::empty();
    let (usable, _unusable) = store.add_parsable_certificates(loaded.certs);
    if named.is_empty() {
        return Ok((store, Roots::System(usable)));
    }
    let what = named.join(" and ");
    if let Some(error) = loaded.errors.first() {
        bail!("cannot read the CA certificates of {what}: {error}");
    }
    if usable == 0 {
        bail!("{what}: no usable CA certificate (expected PEM `-----BEGIN CERTIFICATE-----` blocks)");
    }
    Ok((store, Roots::Environment(what, usable)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_and_https_urls_are_accepted() {
        assert_eq!(parse_url("http://127.0.0.1:8545").unwrap().scheme(), "http");
        assert_eq!(parse_url("HTTPS://node.invalid/path").unwrap().scheme(), "https");
        let ws = parse_url("ws://127.0.0.1:8546").unwrap_err().to_string();
        assert!(ws.contains("not an http:// or https:// URL"), "{ws}");
        assert!(parse_url("127.0.0.1:8545").unwrap_err().to_string().contains("not an http:// or https:// URL"));
        assert!(parse_url("http://[::1").unwrap_err().to_string().contains("not a URL"));
    }

    #[test]
    fn roots_are_named_for_messages() {
        assert_eq!(Roots::System(0).to_string(), "the system's CA store, which is empty");
        assert_eq!(Roots::System(140).to_string(), "the system's CA store (140 certificates)");
        assert_eq!(
            Roots::Environment("SSL_CERT_FILE=/tmp/ca.pem".into(), 1).to_string(),
            "SSL_CERT_FILE=/tmp/ca.pem (1 certificate)"
        );
    }

    #[test]
    fn a_plain_http_client_loads_no_certificates() {
        let (_, roots) = build(&parse_url("http://127.0.0.1:1").unwrap()).unwrap();
        assert_eq!(roots, Roots::NotNeeded);
    }
}
