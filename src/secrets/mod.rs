//! Hard-coded secret detection: rules as data ([`rule`]), the keyword-prefiltered scanner
//! ([`scanner`]), format validators ([`checksum`]), false-positive filters ([`filters`]) and the line and
//! inline-marker lookups every candidate needs ([`lines`]).

pub mod check;
pub mod checksum;
pub mod filters;
pub mod lines;
pub mod places;
pub mod rule;
pub mod scanner;

pub use scanner::{Allowlist, Candidate, NothingKnown, Regions, Scanner, Scratch, UnchangedLines};
