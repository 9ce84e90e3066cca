//! How SP1's CPU prover shards a block and how many shards it proves at once, sized for the machine.
//!
//! SP1 6.10 reads these settings from environment variables only, when its prover starts. Its defaults
//! fit large machines. Measured on this project's 2-core, 23 GiB machine: a 7.7 M-cycle fixture block
//! ran out of memory during its first full-size shard (killed at 24.4 GB resident). That happened with
//! SP1's four concurrent shard provers and again with one. [`ProverSettings::Lean`] cuts the rows per
//! table to a quarter and the trace cells per shard to a third, and proves one shard at a time. With
//! those settings the same block was proven (see the README for the figures). A variable already set
//! in the environment is always kept, so a user can tune any of them. [`plan`] decides; the `zkevm`
//! binary sets the [`Origin::Lean`] variables before the prover starts (this library has no unsafe
//! code, and changing the environment is unsafe).

/// Which settings `zkevm prove` gives SP1's prover for the variables the environment leaves unset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ProverSettings {
    /// Smaller shards, one proven at a time: for machines of about 24 GiB ([`LEAN`]).
    Lean,
    /// SP1's own defaults (full-size shards, four shard provers): for machines with far more memory.
    Sp1Defaults,
}

/// The lean settings: (environment variable, value).
pub const LEAN: &[(&str, &str)] = &[
    // Trace cells per shard: 2^27 (SP1's default is 2^28 + 2^27).
    ("ELEMENT_THRESHOLD", "134217728"),
    // Rows per table per shard: 2^20 (SP1's default is 2^22).
    ("HEIGHT_THRESHOLD", "1048576"),
    // Shards proven at once, and queued for proving (SP1's defaults are 4 and 4).
    ("SP1_WORKER_NUM_CORE_WORKERS", "1"),
    ("SP1_WORKER_CORE_BUFFER_SIZE", "1"),
    // Shards traced at once, and traced shards queued (SP1's defaults are 2 and 2).
    ("SP1_WORKER_NUM_SPLICING_WORKERS", "1"),
    ("SP1_WORKER_SPLICING_BUFFER_SIZE", "1"),
];

/// Where a setting's value comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// The user's environment (kept as it is).
    Environment,
    /// [`LEAN`], to be set before the prover starts.
    Lean,
}

/// One prover setting: an environment variable SP1 reads and its value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Setting {
    /// The environment variable.
    pub name: &'static str,
    /// Its value.
    pub value: String,
    /// Where the value comes from.
    pub origin: Origin,
}

impl std::fmt::Display for Setting {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let origin = match self.origin {
            Origin::Environment => "from the environment",
            Origin::Lean => "lean",
        };
        write!(f, "{}={} ({origin})", self.name, self.value)
    }
}

/// The settings in force for `choice`, given the current environment `env` (a lookup by name):
/// every [`LEAN`] variable the environment sets keeps its value; under [`ProverSettings::Lean`] the
/// others take the lean value; under [`ProverSettings::Sp1Defaults`] they are left to SP1.
pub fn plan(choice: ProverSettings, env: impl Fn(&str) -> Option<String>) -> Vec<Setting> {
    LEAN.iter()
        .filter_map(|&(name, lean)| match (env(name), choice) {
            (Some(value), _) => Some(Setting { name, value, origin: Origin::Environment }),
            (None, ProverSettings::Lean) => Some(Setting { name, value: lean.to_string(), origin: Origin::Lean }),
            (None, ProverSettings::Sp1Defaults) => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lean_fills_what_the_environment_leaves_unset_and_keeps_the_rest() {
        let env = |name: &str| (name == "HEIGHT_THRESHOLD").then(|| "524288".to_string());
        let plan = plan(ProverSettings::Lean, env);
        assert_eq!(plan.len(), LEAN.len());
        let height = plan.iter().find(|s| s.name == "HEIGHT_THRESHOLD").expect("height");
        assert_eq!((height.value.as_str(), height.origin), ("524288", Origin::Environment));
        let workers = plan.iter().find(|s| s.name == "SP1_WORKER_NUM_CORE_WORKERS").expect("workers");
        assert_eq!((workers.value.as_str(), workers.origin), ("1", Origin::Lean));
        assert_eq!(workers.to_string(), "SP1_WORKER_NUM_CORE_WORKERS=1 (lean)");
    }

    #[test]
    fn sp1_defaults_set_nothing_but_report_the_environment() {
        assert!(plan(ProverSettings::Sp1Defaults, |_| None).is_empty());
        let env = |name: &str| (name == "ELEMENT_THRESHOLD").then(|| "1".to_string());
        let plan = plan(ProverSettings::Sp1Defaults, env);
        assert_eq!(plan, vec![Setting { name: "ELEMENT_THRESHOLD", value: "1".into(), origin: Origin::Environment }]);
    }
}
