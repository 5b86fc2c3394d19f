//! The interface's own language: Fluent messages from `locales/{en,az,kk,ar}/tarjuman.ftl`, embedded
//! in the binary. A message missing in the chosen language falls back to English, message by
//! message; a message missing everywhere shows its id. Nothing here panics on a missing message.

use std::borrow::Cow;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

/// The interface languages, with their Fluent sources.
pub const UI_LANGUAGES: &[(&str, &str)] = &[
    ("en", include_str!("../locales/en/tarjuman.ftl")),
    ("az", include_str!("../locales/az/tarjuman.ftl")),
    ("kk", include_str!("../locales/kk/tarjuman.ftl")),
    ("ar", include_str!("../locales/ar/tarjuman.ftl")),
];

/// A message argument: text or a number (numbers choose plural forms).
#[derive(Clone, Debug)]
pub enum Arg {
    Text(String),
    Number(f64),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Text(s.to_string())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Text(s)
    }
}

impl From<u64> for Arg {
    fn from(n: u64) -> Arg {
        Arg::Number(n as f64)
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Arg {
        Arg::Number(n as f64)
    }
}

impl From<i64> for Arg {
    fn from(n: i64) -> Arg {
        Arg::Number(n as f64)
    }
}

/// Localized messages in one interface language, with English behind it.
pub struct L10n {
    lang: &'static str,
    bundles: Vec<FluentBundle<FluentResource>>,
}

fn bundle(lang: &str, source: &str, isolate: bool) -> FluentBundle<FluentResource> {
    let id: LanguageIdentifier = lang.parse().unwrap_or_default();
    let mut bundle = FluentBundle::new(vec![id]);
    bundle.set_use_isolating(isolate);
    // A syntax error in a shipped file is caught by the tests; here the entries that parsed are used.
    let resource = match FluentResource::try_new(source.to_string()) {
        Ok(resource) => resource,
        Err((resource, _)) => resource,
    };
    let _ = bundle.add_resource(resource);
    bundle
}

/// The interface language a locale string asks for (`az_AZ.UTF-8` → `az`), if tarjuman speaks it.
/// `C` and `POSIX` are English.
pub fn ui_language(requested: &str) -> Option<&'static str> {
    let code = requested
        .split(['.', '@'])
        .next()
        .unwrap_or("")
        .replace('_', "-");
    if code.eq_ignore_ascii_case("C") || code.eq_ignore_ascii_case("POSIX") {
        return Some("en");
    }
    let primary = code.split('-').next().unwrap_or("").to_ascii_lowercase();
    UI_LANGUAGES
        .iter()
        .map(|(lang, _)| *lang)
        .find(|lang| *lang == primary)
}

/// The first non-empty of `--lang`, `TARJUMAN_LANG`, `LC_ALL`, `LC_MESSAGES`, `LANG`.
pub fn requested_language(
    flag: Option<&str>,
    env: impl Fn(&str) -> Option<String>,
) -> Option<String> {
    if let Some(flag) = flag.filter(|f| !f.trim().is_empty()) {
        return Some(flag.to_string());
    }
    ["TARJUMAN_LANG", "LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|var| env(var))
        .find(|value| !value.trim().is_empty())
}

impl L10n {
    /// Messages in `lang` (one of [`UI_LANGUAGES`]; anything else gives English). Placeables are
    /// wrapped in bidi isolation marks in Arabic, so Latin file names and numbers read correctly.
    pub fn new(lang: &str) -> L10n {
        L10n::with_isolation(lang, lang == "ar")
    }

    /// The same messages without bidi isolation marks, for machine output (JSON, CSV, SARIF), whose
    /// `message` fields are localized but must hold no marks the reader did not write.
    pub fn unisolated(&self) -> L10n {
        L10n::with_isolation(self.lang, false)
    }

    fn with_isolation(lang: &str, isolate: bool) -> L10n {
        let (lang, source) = UI_LANGUAGES
            .iter()
            .find(|(code, _)| *code == lang)
            .copied()
            .unwrap_or(UI_LANGUAGES[0]);
        let mut bundles = vec![bundle(lang, source, isolate)];
        if lang != "en" {
            bundles.push(bundle("en", UI_LANGUAGES[0].1, isolate));
        }
        L10n { lang, bundles }
    }

    /// The interface language in use.
    pub fn lang(&self) -> &'static str {
        self.lang
    }

    /// Whether the interface language is written right to left.
    pub fn is_rtl(&self) -> bool {
        self.lang == "ar"
    }

    /// Whether `id` exists in the interface language itself (not only in the English fallback).
    pub fn has_own(&self, id: &str) -> bool {
        self.bundles[0].has_message(id)
    }

    /// The message `id` formatted with `args`.
    pub fn msg(&self, id: &str, args: &[(&str, Arg)]) -> String {
        self.attr(id, None, args)
    }

    /// The attribute `attribute` of message `id` (or its value when `attribute` is `None`).
    pub fn attr(&self, id: &str, attribute: Option<&str>, args: &[(&str, Arg)]) -> String {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            let value = match value {
                Arg::Text(s) => FluentValue::String(Cow::Owned(s.clone())),
                Arg::Number(n) => FluentValue::from(*n),
            };
            fluent_args.set(*name, value);
        }
        for bundle in &self.bundles {
            let Some(message) = bundle.get_message(id) else {
                continue;
            };
            let pattern = match attribute {
                Some(name) => message.get_attribute(name).map(|a| a.value()),
                None => message.value(),
            };
            if let Some(pattern) = pattern {
                let mut errors = Vec::new();
                let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
                return text.into_owned();
            }
        }
        match attribute {
            Some(name) => format!("{id}.{name}"),
            None => id.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_strings_map_to_interface_languages() {
        assert_eq!(ui_language("az_AZ.UTF-8"), Some("az"));
        assert_eq!(ui_language("kk_KZ.UTF-8"), Some("kk"));
        assert_eq!(ui_language("ar_SA.UTF-8@latin"), Some("ar"));
        assert_eq!(ui_language("en-US"), Some("en"));
        assert_eq!(ui_language("C.UTF-8"), Some("en"));
        assert_eq!(ui_language("xx-YY"), None);
    }

    #[test]
    fn the_flag_wins_then_the_variables_in_order() {
        let env = |var: &str| match var {
            "LC_ALL" => Some(String::new()),
            "LC_MESSAGES" => Some("kk_KZ.UTF-8".to_string()),
            "LANG" => Some("az_AZ.UTF-8".to_string()),
            _ => None,
        };
        assert_eq!(requested_language(Some("ar"), env).as_deref(), Some("ar"));
        assert_eq!(
            requested_language(None, env).as_deref(),
            Some("kk_KZ.UTF-8")
        );
    }

    #[test]
    fn missing_messages_fall_back_to_english_then_the_id() {
        let l10n = L10n::new("kk");
        assert_eq!(l10n.msg("no-such-message", &[]), "no-such-message");
        let en = L10n::new("en");
        assert!(en.msg("reason-empty", &[]).contains("empty"));
    }

    #[test]
    fn arabic_isolates_placeables_and_english_does_not() {
        let args = [("path", Arg::from("real-tm.tmx"))];
        let ar = L10n::new("ar").msg("error-io", &args);
        assert!(ar.contains("\u{2068}real-tm.tmx\u{2069}"), "{ar}");
        let en = L10n::new("en").msg("error-io", &args);
        assert!(!en.contains('\u{2068}'), "{en}");
        let plain = L10n::new("ar").unisolated();
        let machine = plain.msg("error-io", &args);
        assert!(machine.contains("real-tm.tmx") && !machine.contains('\u{2068}'));
        assert_eq!(plain.lang(), "ar");
    }
}

/// The message ids of a Fluent source and the variables each one uses, for consistency checks.
pub fn message_variables(
    source: &str,
) -> Result<std::collections::BTreeMap<String, std::collections::BTreeSet<String>>, String> {
    use fluent_syntax::ast;
    fn walk_pattern(pattern: &ast::Pattern<&str>, vars: &mut std::collections::BTreeSet<String>) {
        for element in &pattern.elements {
            if let ast::PatternElement::Placeable { expression } = element {
                walk_expression(expression, vars);
            }
        }
    }
    fn walk_inline(
        inline: &ast::InlineExpression<&str>,
        vars: &mut std::collections::BTreeSet<String>,
    ) {
        match inline {
            ast::InlineExpression::VariableReference { id } => {
                vars.insert(id.name.to_string());
            }
            ast::InlineExpression::Placeable { expression } => walk_expression(expression, vars),
            ast::InlineExpression::FunctionReference { arguments, .. } => {
                for arg in &arguments.positional {
                    walk_inline(arg, vars);
                }
            }
            _ => {}
        }
    }
    fn walk_expression(
        expression: &ast::Expression<&str>,
        vars: &mut std::collections::BTreeSet<String>,
    ) {
        match expression {
            ast::Expression::Select { selector, variants } => {
                walk_inline(selector, vars);
                for variant in variants {
                    walk_pattern(&variant.value, vars);
                }
            }
            ast::Expression::Inline(inline) => walk_inline(inline, vars),
        }
    }
    let resource =
        fluent_syntax::parser::parse(source).map_err(|(_, errors)| format!("{errors:?}"))?;
    let mut out = std::collections::BTreeMap::new();
    for entry in &resource.body {
        if let ast::Entry::Message(message) = entry {
            let mut vars = std::collections::BTreeSet::new();
            if let Some(value) = &message.value {
                walk_pattern(value, &mut vars);
            }
            for attribute in &message.attributes {
                walk_pattern(&attribute.value, &mut vars);
            }
            out.insert(message.id.name.to_string(), vars);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod catalog_tests {
    use super::*;

    #[test]
    fn every_catalog_parses_and_has_the_same_ids_and_variables() {
        let english = message_variables(UI_LANGUAGES[0].1).expect("en parses");
        assert!(english.len() >= 40, "only {} messages", english.len());
        for (lang, source) in &UI_LANGUAGES[1..] {
            let other = message_variables(source).unwrap_or_else(|e| panic!("{lang}: {e}"));
            let missing: Vec<_> = english.keys().filter(|k| !other.contains_key(*k)).collect();
            let extra: Vec<_> = other.keys().filter(|k| !english.contains_key(*k)).collect();
            assert!(
                missing.is_empty() && extra.is_empty(),
                "{lang}: missing {missing:?}, extra {extra:?}"
            );
            for (id, vars) in &english {
                assert_eq!(&other[id], vars, "{lang}: variables of {id}");
            }
        }
    }

    #[test]
    fn count_messages_use_each_languages_plural_rules() {
        let expect = [
            (
                "en",
                [
                    (0, "Wrote 0 units to out.tmx."),
                    (1, "Wrote one unit to out.tmx."),
                    (2, "Wrote 2 units to out.tmx."),
                    (3, "Wrote 3 units to out.tmx."),
                    (11, "Wrote 11 units to out.tmx."),
                    (100, "Wrote 100 units to out.tmx."),
                ],
            ),
            (
                "az",
                [
                    (0, "0 vahid out.tmx faylına yazıldı."),
                    (1, "1 vahid out.tmx faylına yazıldı."),
                    (2, "2 vahid out.tmx faylına yazıldı."),
                    (3, "3 vahid out.tmx faylına yazıldı."),
                    (11, "11 vahid out.tmx faylına yazıldı."),
                    (100, "100 vahid out.tmx faylına yazıldı."),
                ],
            ),
            (
                "kk",
                [
                    (0, "0 бірлік out.tmx файлына жазылды."),
                    (1, "1 бірлік out.tmx файлына жазылды."),
                    (2, "2 бірлік out.tmx файлына жазылды."),
                    (3, "3 бірлік out.tmx файлына жазылды."),
                    (11, "11 бірлік out.tmx файлына жазылды."),
                    (100, "100 бірлік out.tmx файлына жазылды."),
                ],
            ),
            (
                "ar",
                [
                    (0, "كُتبت لا وحدات في out.tmx."),
                    (1, "كُتبت وحدة واحدة في out.tmx."),
                    (2, "كُتبت وحدتان في out.tmx."),
                    (3, "كُتبت 3 وحدات في out.tmx."),
                    (11, "كُتبت 11 وحدة في out.tmx."),
                    (100, "كُتبت 100 وحدة في out.tmx."),
                ],
            ),
        ];
        for (lang, cases) in expect {
            let l10n = L10n::new(lang);
            for (n, want) in cases {
                let got = l10n
                    .msg(
                        "export-done",
                        &[("units", Arg::from(n as u64)), ("path", "out.tmx".into())],
                    )
                    .replace(['\u{2068}', '\u{2069}'], "");
                assert_eq!(got, want, "{lang}, n = {n}");
            }
        }
    }
}
