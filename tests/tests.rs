//! Integration tests: they drive the real `tarjuman` binary.

mod common;

mod cli;
mod glossary;
mod store;
