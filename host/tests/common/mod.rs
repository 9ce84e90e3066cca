//! Helpers shared by the integration tests (each test file that needs them declares `mod common`).

pub mod chain;
pub mod loopback;
pub mod rpc;
pub mod synthetic;
