//! Reading the Gecko profile (the Firefox profiler's JSON) that SP1's executor writes with its
//! `profiling` feature (`TRACE_FILE`): thread 0's samples, each the call stack at one sampled
//! cycle, as indexes into its stack, frame and string tables.

use anyhow::{Context, Result, anyhow};
use serde_json::Value;
use std::collections::BTreeMap;

/// Call stacks (root first, frames joined by `;`, the folded-stacks form) → how many samples.
pub type Folded = BTreeMap<String, u64>;

/// The samples of `profile` folded by call stack.
///
/// Shape read: `threads[0]` with `samples.data` (`[stack, time, …]`), `stackTable.data`
/// (`[prefix or null, frame]`), `frameTable.data` (`[string, …]`) and `stringTable`. A `;` in a
/// function name becomes `:` (it separates frames in the folded form).
///
/// Errors: a missing table or an index out of range, naming which.
pub fn fold(profile: &Value) -> Result<Folded> {
    let thread = profile["threads"].get(0).context("the profile has no thread")?;
    let table = |name: &str| -> Result<&Vec<Value>> {
        let data = if name == "stringTable" { &thread[name] } else { &thread[name]["data"] };
        data.as_array().with_context(|| format!("the profile's {name} is missing"))
    };
    let (samples, stacks, frames, strings) =
        (table("samples")?, table("stackTable")?, table("frameTable")?, table("stringTable")?);
    let index = |value: &Value, what: &str| -> Result<usize> {
        value.as_u64().map(|i| i as usize).ok_or_else(|| anyhow!("the profile's {what} is not an index: {value}"))
    };
    let frame_name = |frame: usize| -> Result<String> {
        let string = index(&frames.get(frame).context("frame index out of range")?[0], "frame location")?;
        let name = strings.get(string).and_then(Value::as_str).context("string index out of range")?;
        Ok(without_crate_hashes(&name.replace(';', ":")))
    };
    let mut names_of_stack: Vec<Option<String>> = vec![None; stacks.len()];
    let mut folded = Folded::new();
    for sample in samples {
        let Some(stack) = sample.get(0).and_then(Value::as_u64) else { continue };
        let stack = stack as usize;
        if names_of_stack.get(stack).is_none() {
            return Err(anyhow!("sample stack {stack} out of range"));
        }
        if names_of_stack[stack].is_none() {
            names_of_stack[stack] = Some(stack_names(stacks, stack, &frame_name)?);
        }
        let key = names_of_stack[stack].clone().unwrap_or_default();
        *folded.entry(key).or_default() += 1;
    }
    Ok(folded)
}

/// `name` without the crate disambiguators of v0 demangling (`k256[1bb7d9bb5bd76eab]::…` →
/// `k256::…`): 16 hex digits in brackets.
fn without_crate_hashes(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut rest = name;
    while let Some(start) = rest.find('[') {
        let candidate = &rest[start + 1..];
        let is_hash = candidate.len() > 16
            && candidate.as_bytes()[16] == b']'
            && candidate[..16].bytes().all(|b| b.is_ascii_hexdigit());
        if is_hash {
            out.push_str(&rest[..start]);
            rest = &candidate[17..];
        } else {
            out.push_str(&rest[..=start]);
            rest = candidate;
        }
    }
    out.push_str(rest);
    out
}

/// The frames of stack `stack`, root first, joined by `;`.
fn stack_names(stacks: &[Value], stack: usize, frame_name: &dyn Fn(usize) -> Result<String>) -> Result<String> {
    let mut names = Vec::new();
    let mut next = Some(stack);
    while let Some(i) = next {
        let entry = stacks.get(i).with_context(|| format!("stack index {i} out of range"))?;
        let frame = entry[1].as_u64().with_context(|| format!("stack {i} has no frame"))? as usize;
        names.push(frame_name(frame)?);
        next = entry[0].as_u64().map(|p| p as usize);
        if names.len() > stacks.len() {
            return Err(anyhow!("stack {stack} loops"));
        }
    }
    names.reverse();
    Ok(names.join(";"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn samples_fold_by_stack() {
        // Stacks: 0 = main, 1 = main;f, 2 = main;f;g;h (with a `;` in a name).
        let profile = json!({"threads": [{
            "stringTable": ["main", "f", "g;h"],
            "frameTable": {"data": [[0, false], [1, false], [2, false]]},
            "stackTable": {"data": [[null, 0], [0, 1], [1, 2]]},
            "samples": {"data": [[0, 0.0], [1, 1.0], [2, 2.0], [2, 3.0], [1, 4.0]]}
        }]});
        let folded = fold(&profile).unwrap();
        assert_eq!(folded, Folded::from([("main".into(), 1), ("main;f".into(), 2), ("main;f;g:h".into(), 2)]));
        let broken = json!({"threads": [{"stringTable": [], "frameTable": {"data": []}, "stackTable": {"data": []}, "samples": {"data": [[3, 0.0]]}}]});
        assert!(fold(&broken).unwrap_err().to_string().contains("out of range"));
        assert!(fold(&json!({})).is_err());
    }

    #[test]
    fn crate_hashes_are_dropped() {
        assert_eq!(without_crate_hashes("<k256[1bb7d9bb5bd76eab]::P>::add"), "<k256::P>::add");
        assert_eq!(without_crate_hashes("[u64; 8usize] x[0]"), "[u64; 8usize] x[0]");
        assert_eq!(without_crate_hashes("a[0123456789abcdef]b[0123456789abcdef]"), "ab");
    }
}
