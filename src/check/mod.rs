//! `check`: rules over drafts. Rules produce [`Finding`]s gathered in a [`Report`]; the renderers in
//! `render` print them. Nothing here formats text for people.

mod finding;
pub mod fix;

pub use finding::{DocumentReport, Finding, Report, Rule, Severity};
