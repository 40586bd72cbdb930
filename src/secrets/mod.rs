//! Hard-coded secret detection: rules as data ([`rule`]), the keyword-prefiltered scanner
//! ([`scanner`]), format validators ([`checksum`]) and false-positive filters ([`filters`]).

pub mod check;
pub mod checksum;
pub mod filters;
pub mod rule;
pub mod scanner;

pub use scanner::{Allowlist, Candidate, Scanner, Scratch};
