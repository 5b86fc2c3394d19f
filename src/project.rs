//! The project file, `tarjuman.toml`: found by searching upward from the current folder (like
//! `_typos.toml` or `.vale.ini`), it sets the glossaries of a project, the languages of its
//! documents, which rules run and at which severity, and spellings accepted everywhere.
//!
//! ```toml
//! glossaries = ["terms/project.csv"]     # relative to this file
//! default-glossaries = true              # false: like --no-default-glossaries
//! exceptions = ["Al Malik", "Qazaqstan"] # never flagged
//!
//! [languages]                            # the most specific pattern wins
//! "*.ar.txt" = "ar"
//! "drafts/kk/**" = "kk"
//!
//! [rules]                                # on, off, info, warning or error
//! inconsistent-name = "off"
//! mixed-script = "warning"
//! ```
//!
//! A pattern without `/` is matched against the file name, one with `/` against the path from the
//! project file's folder; `*` stands for any characters but `/`, `**` for any, `?` for one.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::check::{Rule, Severity};
use crate::error::{Error, Reason, Result};
use crate::glossary::position_of;
use crate::model::LangTag;

/// The name of the project file.
pub const FILE_NAME: &str = "tarjuman.toml";

/// What the project file says about one rule; `None` leaves the command line's choice.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RuleConfig {
    pub enabled: Option<bool>,
    pub severity: Option<Severity>,
}

/// A project file, read and checked.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Project {
    /// The project file itself.
    pub path: PathBuf,
    /// Glossaries to use, resolved against the project file's folder.
    pub glossaries: Vec<PathBuf>,
    /// Whether the shipped glossaries are used, when the file says.
    pub default_glossaries: Option<bool>,
    /// Patterns and the document language they set, most specific first.
    pub languages: Vec<(String, LangTag)>,
    /// Rule settings, in the order of [`Rule::ALL`].
    pub rules: Vec<(Rule, RuleConfig)>,
    /// Spellings never flagged.
    pub exceptions: Vec<String>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum RuleValue {
    Switch(bool),
    Level(String),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Raw {
    #[serde(default)]
    glossaries: Vec<String>,
    default_glossaries: Option<bool>,
    #[serde(default)]
    exceptions: Vec<String>,
    #[serde(default)]
    languages: BTreeMap<String, Spanned<String>>,
    #[serde(default)]
    rules: BTreeMap<String, Spanned<RuleValue>>,
}

/// The project file in `start` or the nearest folder above it.
pub fn find(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .map(|dir| dir.join(FILE_NAME))
        .find(|path| path.is_file())
}

/// Reads the project file at `path`.
pub fn load(path: &Path) -> Result<Project> {
    let text = std::fs::read_to_string(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::InvalidData => Error::input(path, None, Reason::InvalidUtf8),
        _ => Error::io(path, e),
    })?;
    parse(path, &text)
}

/// The project file `text`, read from `path`: an error names the line and column of the problem.
pub fn parse(path: &Path, text: &str) -> Result<Project> {
    let at =
        |offset: usize, reason: Reason| Error::input(path, Some(position_of(text, offset)), reason);
    let raw: Raw = toml::from_str(text).map_err(|e| {
        let offset = e.span().map_or(0, |s| s.start);
        at(offset, Reason::ProjectFile(e.message().trim().to_string()))
    })?;
    let base = path.parent().unwrap_or(Path::new(""));
    let mut languages = Vec::new();
    for (pattern, tag) in raw.languages {
        let lang =
            LangTag::parse(tag.get_ref()).map_err(|e| at(tag.span().start, Reason::LangTag(e)))?;
        languages.push((pattern, lang));
    }
    // Most specific first: longer patterns, then fewer wildcards.
    languages.sort_by_key(|(p, _)| {
        (
            std::cmp::Reverse(p.len()),
            p.matches('*').count(),
            p.clone(),
        )
    });
    let mut rules = Vec::new();
    for (name, value) in raw.rules {
        let Some(rule) = Rule::parse(&name) else {
            return Err(at(value.span().start, Reason::ProjectUnknownRule(name)));
        };
        let setting = match value.get_ref() {
            RuleValue::Switch(on) => RuleConfig {
                enabled: Some(*on),
                severity: None,
            },
            RuleValue::Level(level) => match level.as_str() {
                "on" => RuleConfig {
                    enabled: Some(true),
                    severity: None,
                },
                "off" => RuleConfig {
                    enabled: Some(false),
                    severity: None,
                },
                other => match Severity::parse(other) {
                    Some(severity) => RuleConfig {
                        enabled: Some(true),
                        severity: Some(severity),
                    },
                    None => {
                        return Err(at(
                            value.span().start,
                            Reason::ProjectRuleSetting {
                                rule: name,
                                value: other.to_string(),
                            },
                        ));
                    }
                },
            },
        };
        rules.push((rule, setting));
    }
    rules.sort_by_key(|(rule, _)| *rule);
    Ok(Project {
        path: path.to_path_buf(),
        glossaries: raw.glossaries.iter().map(|g| base.join(g)).collect(),
        default_glossaries: raw.default_glossaries,
        languages,
        rules,
        exceptions: raw.exceptions,
    })
}

/// Whether `text` matches the glob `pattern` (`*` within a path part, `**` across parts, `?`).
///
/// Matched by dynamic programming over (pattern position, text position), from the ends: time
/// and memory grow with the product of the lengths, never exponentially (backtracking took
/// seconds on a pattern of 59 stars, which fuzzing found).
pub fn glob_match(pattern: &str, text: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let t: Vec<char> = text.chars().collect();
    let width = t.len() + 1;
    // matches[i * width + j]: whether p[i..] matches t[j..].
    let mut matches = vec![false; (p.len() + 1) * width];
    matches[p.len() * width + t.len()] = true;
    for i in (0..p.len()).rev() {
        let (row, later) = matches.split_at_mut((i + 1) * width);
        let row = &mut row[i * width..];
        let at = |k: usize, j: usize| later[(k - i - 1) * width + j];
        if p[i] == '*' && p.get(i + 1) == Some(&'*') {
            // `**` takes any run of chars; `**/` also matches no folder at all.
            let rest = i + 2;
            let skip_slash = p.get(rest) == Some(&'/');
            let mut any_rest = false;
            for j in (0..width).rev() {
                any_rest |= at(rest, j);
                row[j] = any_rest || (skip_slash && at(rest + 1, j));
            }
        } else {
            for j in (0..width).rev() {
                let next = t.get(j);
                row[j] = match p[i] {
                    // `*` takes a run of chars other than `/`.
                    '*' => at(i + 1, j) || (next.is_some_and(|c| *c != '/') && row[j + 1]),
                    '?' => next.is_some_and(|c| *c != '/') && at(i + 1, j + 1),
                    c => next == Some(&c) && at(i + 1, j + 1),
                };
            }
        }
    }
    matches[0]
}

impl Project {
    /// The language the project sets for `document` (a path as given, relative to `cwd`).
    pub fn language_for(&self, document: &Path, cwd: &Path) -> Option<LangTag> {
        let absolute = |p: &Path| std::path::absolute(cwd.join(p)).unwrap_or_else(|_| cwd.join(p));
        let full = absolute(document);
        let root = absolute(self.path.parent().unwrap_or(Path::new("")));
        let relative = full
            .strip_prefix(&root)
            .ok()
            .map(|p| p.to_string_lossy().replace('\\', "/"));
        let name = full.file_name()?.to_string_lossy().into_owned();
        self.languages
            .iter()
            .find(|(pattern, _)| {
                if pattern.contains('/') {
                    relative
                        .as_deref()
                        .is_some_and(|r| glob_match(pattern.trim_start_matches("./"), r))
                } else {
                    glob_match(pattern, &name)
                }
            })
            .map(|(_, lang)| lang.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"
glossaries = ["terms/project.csv"]
default-glossaries = false
exceptions = ["Al Malik"]

[languages]
"*.txt" = "en"
"*.ar.txt" = "ar"
"drafts/kk/**" = "kk-Latn"

[rules]
inconsistent-name = "off"
mixed-script = "warning"
term-missing = false
invisible-char = "on"
"#;

    #[test]
    fn reads_glossaries_languages_rules_and_exceptions() {
        let project = parse(Path::new("/p/tarjuman.toml"), SAMPLE).unwrap();
        assert_eq!(project.glossaries, [PathBuf::from("/p/terms/project.csv")]);
        assert_eq!(project.default_glossaries, Some(false));
        assert_eq!(project.exceptions, ["Al Malik"]);
        let off = RuleConfig {
            enabled: Some(false),
            severity: None,
        };
        assert_eq!(
            project.rules,
            [
                (Rule::InconsistentName, off),
                (
                    Rule::MixedScript,
                    RuleConfig {
                        enabled: Some(true),
                        severity: Some(Severity::Warning)
                    }
                ),
                (Rule::TermMissing, off),
                (
                    Rule::InvisibleChar,
                    RuleConfig {
                        enabled: Some(true),
                        severity: None
                    }
                ),
            ]
        );
        let lang = |p: &str| {
            project
                .language_for(Path::new(p), Path::new("/p"))
                .map(|l| l.to_string())
        };
        assert_eq!(lang("a.ar.txt").as_deref(), Some("ar"));
        assert_eq!(lang("notes/b.txt").as_deref(), Some("en"));
        assert_eq!(lang("drafts/kk/x/c.md").as_deref(), Some("kk-Latn"));
        assert_eq!(lang("/elsewhere/drafts/kk/c.md"), None);
        assert_eq!(lang("c.md"), None);
    }

    #[test]
    fn errors_name_the_line() {
        let path = Path::new("tarjuman.toml");
        let cases = [
            ("glossaries = [\"a.csv\"\n[rules]\n", 2),
            ("\n[rules]\nno-such-rule = \"off\"\n", 3),
            ("[rules]\n\nmixed-script = \"loud\"\n", 3),
            ("[languages]\n\"*.txt\" = \"xx-\"\n", 2),
            ("exceptions = []\nglossary = \"a.csv\"\n", 2),
        ];
        for (text, line) in cases {
            match parse(path, text) {
                Err(Error::Input {
                    position: Some(p), ..
                }) => assert_eq!(p.line, line, "{text}"),
                other => panic!("{text}: {other:?}"),
            }
        }
    }

    #[test]
    fn is_found_in_the_nearest_folder_above() {
        let dir = tempfile::tempdir().unwrap();
        let deep = dir.path().join("a/b/c");
        std::fs::create_dir_all(&deep).unwrap();
        std::fs::write(dir.path().join("a").join(FILE_NAME), "").unwrap();
        assert_eq!(find(&deep), Some(dir.path().join("a").join(FILE_NAME)));
        let empty = parse(&dir.path().join("a").join(FILE_NAME), "").unwrap();
        assert!(empty.glossaries.is_empty() && empty.rules.is_empty());
    }

    #[test]
    fn the_readme_example_is_valid() {
        let readme = include_str!("../README.md");
        let example = readme
            .split("```toml\n")
            .nth(1)
            .and_then(|rest| rest.split("```").next())
            .expect("README has a tarjuman.toml example");
        let project = parse(Path::new("/p/tarjuman.toml"), example).unwrap();
        assert_eq!(project.exceptions.len(), 2);
        let lang = |p: &str| project.language_for(Path::new(p), Path::new("/p"));
        assert_eq!(lang("drafts/kk/a.txt").unwrap().as_str(), "kk");
        assert_eq!(lang("x.ar.txt").unwrap().as_str(), "ar");
    }

    #[test]
    fn globs() {
        assert!(glob_match("*.txt", "a.txt"));
        assert!(!glob_match("*.txt", "d/a.txt"));
        assert!(glob_match("d/**/*.txt", "d/a.txt"));
        assert!(glob_match("d/**", "d/x/y.md"));
        assert!(glob_match("??.md", "ab.md") && !glob_match("?.md", "ab.md"));
        assert!(glob_match("*-ar.*", "d05-ar.txt"));
        assert!(!glob_match("**/x.txt", "ax.txt") && glob_match("**/x.txt", "a/x.txt"));
        assert!(glob_match("", "") && !glob_match("", "a") && glob_match("**", ""));
        // Found by fuzzing: backtracking tried every split for every star.
        let stars = "*".repeat(59);
        assert!(!glob_match(&format!("{stars}x"), &"y".repeat(300)));
    }

    /// The glob rules by plain backtracking: what [`glob_match`] must agree with.
    fn glob_by_backtracking(p: &[char], t: &[char]) -> bool {
        match p.split_first() {
            None => t.is_empty(),
            Some(('*', rest)) if rest.first() == Some(&'*') => {
                let rest = &rest[1..];
                let after_slash = rest.strip_prefix(&['/']).unwrap_or(rest);
                (0..=t.len()).any(|i| glob_by_backtracking(rest, &t[i..]))
                    || (rest.first() == Some(&'/') && glob_by_backtracking(after_slash, t))
            }
            Some(('*', rest)) => (0..=t.len())
                .take_while(|&i| i == 0 || t[i - 1] != '/')
                .any(|i| glob_by_backtracking(rest, &t[i..])),
            Some(('?', rest)) => {
                t.first().is_some_and(|c| *c != '/') && glob_by_backtracking(rest, &t[1..])
            }
            Some((c, rest)) => t.first() == Some(c) && glob_by_backtracking(rest, &t[1..]),
        }
    }

    proptest::proptest! {
        #[test]
        fn glob_matching_equals_backtracking(pattern in "[ab*?/.]{0,8}", text in "[ab/.]{0,10}") {
            let p: Vec<char> = pattern.chars().collect();
            let t: Vec<char> = text.chars().collect();
            proptest::prop_assert_eq!(glob_match(&pattern, &text), glob_by_backtracking(&p, &t));
        }
    }
}
