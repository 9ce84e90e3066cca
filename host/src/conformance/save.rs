//! Saving the guest inputs that a conformance run builds, one file per block.

use super::TestResult;
use anyhow::{Context, Result};
use std::{fs::OpenOptions, io::Write, path::Path};

/// Longest test-name part of a file name, in bytes (file names are limited to 255).
const NAME_MAX: usize = 160;

/// Writes the input of each of `result`'s blocks into `dir` (created if missing) as
/// `{test:04}-{block:02}-{name}.ssz`: `test` is the test's 0-based position in the run, `block`
/// the block's position in the test, `name` the test's name with every byte other than ASCII
/// letters, digits, `.`, `_` and `-` made `_` (at most [`NAME_MAX`] bytes). Each file holds the
/// bytes the guest reads (`zkevm run --raw` takes them as they are). The inputs are moved out of
/// `result` (its reports stay). Blocks without an input (RLP that did not decode) get no file.
///
/// Errors: `dir` cannot be created, or a file cannot be written or already exists (nothing is
/// overwritten).
pub fn write_inputs(dir: &Path, test: usize, result: &mut TestResult) -> Result<()> {
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let name = file_name_part(result.test.rsplit("::").next().unwrap_or_default());
    for (block, report) in result.blocks.iter_mut().enumerate() {
        let input = std::mem::take(&mut report.input);
        if input.is_empty() {
            continue;
        }
        let path = dir.join(format!("{test:04}-{block:02}-{name}.ssz"));
        let mut file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .with_context(|| format!("cannot create {} (an existing file is never overwritten)", path.display()))?;
        file.write_all(&input).with_context(|| format!("cannot write {}", path.display()))?;
    }
    Ok(())
}

/// `name` reduced to bytes safe in a file name on every common system.
fn file_name_part(name: &str) -> String {
    let safe = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-');
    name.chars().map(|c| if safe(c) { c } else { '_' }).take(NAME_MAX).collect()
}

#[cfg(test)]
mod tests {
    use super::file_name_part;

    #[test]
    fn names_keep_safe_characters_only() {
        assert_eq!(file_name_part("test_valid[fork_Osaka-state_test--a/b c]"), "test_valid_fork_Osaka-state_test--a_b_c_");
        assert_eq!(file_name_part(&"x".repeat(300)).len(), 160);
    }
}
