//! Localized error messages.

use crate::error::Error;
use crate::l10n::{Arg, L10n};

/// The error in the interface language, naming the file, line and column where there are any.
pub fn error_message(error: &Error, l10n: &L10n) -> String {
    match error {
        Error::Io { path, source } => l10n.msg(
            "error-io",
            &[
                ("path", path.display().to_string().into()),
                ("detail", io_detail(source).into()),
            ],
        ),
        Error::Input {
            path,
            position,
            reason,
        } => {
            let args: Vec<(&str, Arg)> = reason
                .args()
                .into_iter()
                .map(|(name, value)| (name, Arg::Text(value)))
                .collect();
            let reason_text = l10n.msg(reason.message_id(), &args);
            let path = path.display().to_string();
            match position {
                Some(p) => l10n.msg(
                    "error-input-at",
                    &[
                        ("path", path.into()),
                        ("line", Arg::Text(p.line.to_string())),
                        ("column", Arg::Text(p.column.to_string())),
                        ("reason", reason_text.into()),
                    ],
                ),
                None => l10n.msg(
                    "error-input",
                    &[("path", path.into()), ("reason", reason_text.into())],
                ),
            }
        }
        Error::LangTag(e) => {
            let reason = crate::error::Reason::LangTag(e.clone());
            let args: Vec<(&str, Arg)> = reason
                .args()
                .into_iter()
                .map(|(name, value)| (name, Arg::Text(value)))
                .collect();
            l10n.msg(
                "error-lang-tag",
                &[("reason", l10n.msg(reason.message_id(), &args).into())],
            )
        }
        Error::Store { path, source } => l10n.msg(
            "error-store",
            &[
                ("path", path.display().to_string().into()),
                ("detail", source.to_string().into()),
            ],
        ),
        Error::StoreTooNew {
            path,
            found,
            supported,
        } => l10n.msg(
            "error-store-too-new",
            &[
                ("path", path.display().to_string().into()),
                ("found", Arg::Text(found.to_string())),
                ("supported", Arg::Text(supported.to_string())),
            ],
        ),
        Error::NotAStore { path } => l10n.msg(
            "error-not-a-store",
            &[("path", path.display().to_string().into())],
        ),
        Error::EmptyPattern => l10n.msg("error-empty-pattern", &[]),
        Error::Automaton(detail) => {
            l10n.msg("error-automaton", &[("detail", detail.clone().into())])
        }
    }
}

/// The operating system's description of an I/O error, without Rust's "(os error N)" suffix.
fn io_detail(error: &std::io::Error) -> String {
    let text = error.to_string();
    match text.find(" (os error") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}
