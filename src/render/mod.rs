//! Turning library results into text for people: localized error messages and check reports.

mod diff;
mod errors;
pub mod report;

pub use diff::{Span, changed_spans};
pub use errors::error_message;
