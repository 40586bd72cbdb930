//! plimsoll: a scanner that stops hard-coded secrets and unsafe Dockerfiles before they ship.
//!
//! Pipeline: [`walk`] (or git, or stdin) feeds file bytes to the [`pipeline::Pipeline`], whose analyzers
//! ([`secrets`] on every file, then the list [`analyzers`] builds: [`dockerfile`], ...) produce [`finding::Finding`]s; the collector sorts and dedups them and an
//! [`output`] emitter prints them. Rules of every analyzer are described by [`catalog::RuleInfo`].

pub mod analyzer;
pub mod analyzers;
pub mod baseline;
pub mod catalog;
pub mod ci;
pub mod compose;
pub mod config;
pub mod config_files;
pub mod dockerfile;
pub mod env;
pub mod error;
pub mod facts;
pub mod finding;
pub mod fsutil;
pub mod git;
pub mod lazy_regex;
pub mod lint;
pub mod outcome;
pub mod output;
pub mod pipeline;
pub mod position;
pub mod progress;
pub mod project;
pub mod provenance;
pub mod secrets;
pub mod text;
pub mod walk;
