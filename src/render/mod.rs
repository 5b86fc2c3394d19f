//! Turning library results into text for people: localized error messages and, later, reports.

mod errors;

pub use errors::error_message;
