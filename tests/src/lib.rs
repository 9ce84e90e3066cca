//! Shared helpers of the conformance tests: where the shipped fixtures are and how to load them.

#![deny(missing_docs, unreachable_pub)]

use std::path::{Path, PathBuf};
use zkevm_host::inputs::{self, BlockCase};

/// The repository's `fixtures/` directory.
pub fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures")
}

/// Every `*.json.gz` file below `dir`, sorted.
pub fn fixture_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
            let path = entry.expect("directory entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.to_string_lossy().ends_with(".json.gz") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// Every block of the legacy EEST zkEVM fixtures (tests-zkevm@v0.3.3, validated through the
/// legacy path).
pub fn legacy_zkevm_cases() -> Vec<BlockCase> {
    inputs::load(&fixture_files(&fixtures_dir().join("eest-zkevm"))).expect("zkEVM fixtures load")
}

/// Every official v21 pair (tests-zkevm@v21.0.1), its bytes as published.
pub fn v21_cases() -> Vec<BlockCase> {
    inputs::load(&fixture_files(&fixtures_dir().join("eest-v21"))).expect("v21 fixtures load")
}

/// The four mainnet blocks (three block + witness JSON, one engine newPayload + witness JSON), as
/// v21 guest inputs built by the host.
pub fn mainnet_cases() -> Vec<BlockCase> {
    inputs::load(&fixture_files(&fixtures_dir().join("mainnet"))).expect("mainnet fixtures load")
}
