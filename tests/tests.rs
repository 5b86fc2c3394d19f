//! Integration tests: they drive the real `tarjuman` binary.

mod common;

mod align;
mod check;

mod cli;
mod crash;
mod glossary;
mod leverage;
mod matching;
mod report;
mod search;
mod segment;
mod store;
mod tagged;
