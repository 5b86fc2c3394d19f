//! Integration tests: they drive the real `tarjuman` binary.

mod common;

mod align;

mod cli;
mod crash;
mod glossary;
mod leverage;
mod matching;
mod search;
mod segment;
mod store;
