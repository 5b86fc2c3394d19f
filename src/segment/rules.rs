//! The default segmentation rules, kept as data and turned into an SRX 2.0 rule set.
//!
//! The break rules transcribe the UAX #29 sentence-break rules (SB6–SB11) into SRX form: a break
//! after a run of terminators (ATerm `.`, STerm `! ? ؟ ۔ …`) and closing punctuation (Close) when
//! white space follows, except where UAX #29 says no break: after a full stop when the next letter
//! is lower case (SB8), and inside numbers (SB6, no white space there). Two deliberate differences:
//! a line break inside a paragraph is white space, not a boundary (paragraphs are split first, on
//! blank lines; a line that starts a list item still starts a sentence), and no break is made
//! without white space after the terminator (`file.Txt`, `end.Next`).
//!
//! Before those come the exceptions, per language: abbreviations and titles after which a sentence
//! does not end, abbreviations that do not end a sentence before a number, and initials. The same
//! data gives the SRX file `segment --export-srx` writes, so other tools segment as tarjuman does.

use super::srx::{LanguageMap, LanguageRule, Rule, SrxDocument};

/// Characters that may stand between a terminator and the next sentence: white space and the
/// invisible format characters (bidi marks around Latin names in Arabic text, ZWNJ).
const SPACE: &str = r"[\s\p{Cf}]";
/// Closing punctuation after a terminator: quotes and brackets (UAX #29 Close).
const CLOSE: &str = r#"["'\p{Pe}\p{Pf}\p{Pi}»›]"#;
/// Sentence terminators (UAX #29 ATerm and STerm, with the ellipsis character).
const TERMINATOR: &str =
    r"[.!?\x{2026}\x{061F}\x{06D4}\x{203C}\x{203D}\x{2047}-\x{2049}\x{FF01}\x{FF1F}\x{3002}]";

/// Abbreviations of one language: after `never` a sentence does not end (titles, "e.g."); after
/// `before_number` it does not end when a number follows ("No. 5", "p. 12"). Written without the
/// final full stop; inner full stops are part of the abbreviation (`т.б`).
pub(crate) struct Abbreviations {
    pub(crate) rule_name: &'static str,
    pub(crate) language_pattern: &'static str,
    pub(crate) never: &'static [&'static str],
    pub(crate) before_number: &'static [&'static str],
}

/// English: titles and Latin abbreviations. "etc." is left to the break rules: it ends a sentence
/// when a capital follows and does not when a lower-case word follows.
pub(crate) const ENGLISH: Abbreviations = Abbreviations {
    rule_name: "English",
    language_pattern: "[Ee][Nn].*",
    never: &[
        "e.g", "i.e", "cf", "vs", "viz", "approx", "Messrs", "Mmes", "Hon", "Rev", "Gen", "Col",
        "Capt", "Lt", "Sgt", "Gov", "Sen", "Rep", "Supt", "Mt", "Ft", "Jr", "Sr", "St",
    ],
    before_number: &[
        "No", "no", "Nos", "nos", "Vol", "vol", "p", "pp", "Fig", "fig", "Art", "art", "Ch", "ch",
        "Sec", "sec", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov",
        "Dec", "ca", "c",
    ],
};

/// Azerbaijani: "və s." (etc.), "b.e." (of our era), titles (prof., akad., dos., c. = cənab),
/// "məs." (for example), units and "s." (page) before numbers. Azerbaijani puts the verb last, so
/// these abbreviations hardly ever end a sentence.
pub(crate) const AZERBAIJANI: Abbreviations = Abbreviations {
    rule_name: "Azerbaijani",
    language_pattern: "[Aa][Zz].*",
    never: &[
        "və s", "v.s", "və b", "b.e", "b.e.ə", "e.ə", "prof", "Prof", "akad", "Akad", "dos", "Dos",
        "dr", "Dr", "c", "məs", "Məs", "küç", "pros", "ş", "r", "səh", "t.e.d", "f.e.d", "t.e.n",
        "f.ü.f.d", "mln", "mlrd", "min", "maks",
    ],
    before_number: &["s", "səh"],
};

/// Kazakh: "т.б." and "т.с.с." (etc.), "б.з.д." (BC), "ж." and "жж." (year), "ғ." (century), "қ." (city),
/// "обл." (region), titles (проф., акад., доц.), "мыс." (for example), Russian-style "г." and
/// "им.". Kazakh puts the verb last, so these hardly ever end a sentence.
pub(crate) const KAZAKH: Abbreviations = Abbreviations {
    rule_name: "Kazakh",
    language_pattern: "[Kk][Kk].*",
    never: &[
        "т.б", "т.с.с", "т.с", "б.з.д", "б.з", "ж", "жж", "ғ", "ғғ", "қ", "обл", "ауд", "көш",
        "проф", "Проф", "акад", "Акад", "доц", "Доц", "мыс", "Мыс", "т.ғ.д", "т.ғ.к", "ф.ғ.д",
        "ф.ғ.к", "э.ғ.д", "млн", "млрд", "г", "им", "сағ", "мин",
    ],
    before_number: &["б", "т"],
};

/// Arabic: titles written as one letter and a full stop (د. = doctor, أ. = professor, أ.د.), and
/// "ص." (page), "ج." (part), "ع." (issue) before numbers. Arabic has no capitals, so nothing else
/// tells a title from a sentence end.
pub(crate) const ARABIC: Abbreviations = Abbreviations {
    rule_name: "Arabic",
    language_pattern: "[Aa][Rr].*",
    never: &["د", "أ", "أ.د", "م.م", "ق.م"],
    before_number: &["ص", "ج", "ع", "ط"],
};

/// Titles before names, in any language: Latin names and titles appear in Azerbaijani, Kazakh and
/// Arabic text too ("Dr. Abdulhakim Al-Sanan" inside an Arabic sentence).
const TITLES: &[&str] = &[
    "Mr", "Mrs", "Ms", "Mx", "Dr", "Drs", "Prof", "Mme", "Mlle", "Sr", "Sra", "Hr",
];

/// The per-language tables, in the order their rules apply.
pub(crate) const LANGUAGES: [&Abbreviations; 4] = [&ENGLISH, &AZERBAIJANI, &KAZAKH, &ARABIC];

/// Whether a sentence goes on after `word` and a full stop: a title (`Dr.`), an abbreviation of
/// any of the four languages that never ends a sentence (`prof.`, `т.б.`), or an initial (`M.` in
/// `Salim M. AlMalik`). `word` is written without the final full stop.
pub(crate) fn continues_sentence(word: &str) -> bool {
    let mut letters = word.chars();
    let initial = letters.next().is_some_and(char::is_uppercase) && letters.next().is_none();
    initial || TITLES.contains(&word) || LANGUAGES.iter().any(|a| a.never.contains(&word))
}

/// The script class of an abbreviation list (by its first letter), in Java syntax (`IsLatin`), so
/// that OmegaT and Okapi read the exported rules; [`super::java_to_rust`] rewrites it for Rust.
fn script(words: &[&str]) -> &'static str {
    match words.first().and_then(|w| w.chars().next()) {
        Some(c) if ('\u{0400}'..='\u{04FF}').contains(&c) => r"\p{IsCyrillic}",
        Some(c) if ('\u{0600}'..='\u{06FF}').contains(&c) => r"\p{IsArabic}",
        _ => r"\p{IsLatin}",
    }
}

/// `(?:a|b|…)\.` for a list of abbreviations written without the final full stop, not preceded by
/// a letter of the same script, a digit or a full stop (so a Latin title may follow an Arabic
/// conjunction: `وMrs.`). Longer abbreviations come first, so `b.e.ə` wins over `b.e`.
fn alternation(words: &[&str]) -> String {
    let mut sorted = words.to_vec();
    sorted.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
    let mut pattern = format!(r"(?:^|[^{}\p{{N}}\p{{M}}.])(?:", script(words));
    for (i, word) in sorted.iter().enumerate() {
        if i > 0 {
            pattern.push('|');
        }
        pattern.push_str(&fancy_regex::escape(word));
    }
    pattern.push_str(r")\.");
    pattern
}

fn rule(is_break: bool, before: String, after: String, comment: &str) -> Rule {
    Rule {
        is_break,
        before,
        after,
        comment: Some(comment.to_string()),
    }
}

fn language_rule(table: &Abbreviations) -> LanguageRule {
    let mut rules = vec![rule(
        false,
        alternation(table.never),
        SPACE.to_string(),
        "abbreviations and titles after which a sentence does not end",
    )];
    if !table.before_number.is_empty() {
        rules.push(rule(
            false,
            alternation(table.before_number),
            format!(r"{SPACE}+\p{{N}}"),
            "abbreviations that do not end a sentence before a number",
        ));
    }
    LanguageRule {
        name: table.rule_name.to_string(),
        rules,
    }
}

/// Rules for every language: titles before names, initials, and the UAX #29 break rules.
fn default_rule() -> LanguageRule {
    let rules = vec![
        rule(
            false,
            alternation(TITLES),
            SPACE.to_string(),
            "titles before a name",
        ),
        rule(
            false,
            r"(?:^|[^\p{L}\p{N}\p{M}.])\p{Lu}\.".to_string(),
            format!(r"{SPACE}+\p{{Lu}}"),
            "initials before a name (S. M. AlMalik, А. Райымқұлова)",
        ),
        rule(
            false,
            format!(r"(?:\.|\x{{2026}})+{CLOSE}*"),
            r"[^\p{L}%!?\x{2026}\x{061F}\x{06D4}.]*\p{Ll}".to_string(),
            "UAX #29 SB8: no break after a full stop or an ellipsis when the next letter is lower case (a printf placeholder counts as a word)",
        ),
        rule(
            false,
            format!(r"[!?\x{{203C}}\x{{203D}}\x{{2047}}-\x{{2049}}]+{CLOSE}+"),
            format!(r"{SPACE}+\p{{Ll}}"),
            "a quoted question or exclamation followed by a lower-case word continues the sentence",
        ),
        rule(
            true,
            format!("{TERMINATOR}+{CLOSE}*"),
            SPACE.to_string(),
            "UAX #29 SB11: break after terminators and closing punctuation before white space",
        ),
        rule(
            true,
            r"\n".to_string(),
            r"[ \t]*(?:[-*+•‣–—]|\d{1,3}[.)])[ \t]".to_string(),
            "a line that starts a list item starts a sentence",
        ),
    ];
    LanguageRule {
        name: "Default".to_string(),
        rules,
    }
}

/// The default rule set: per-language exceptions, then the rules for every language.
pub(crate) fn default_document() -> SrxDocument {
    let mut language_rules: Vec<LanguageRule> =
        LANGUAGES.iter().map(|table| language_rule(table)).collect();
    let mut maps: Vec<LanguageMap> = LANGUAGES
        .iter()
        .map(|table| LanguageMap {
            pattern: table.language_pattern.to_string(),
            rule_name: table.rule_name.to_string(),
        })
        .collect();
    language_rules.push(default_rule());
    maps.push(LanguageMap {
        pattern: ".*".to_string(),
        rule_name: "Default".to_string(),
    });
    SrxDocument {
        cascade: true,
        segment_subflows: true,
        format_handles: vec![
            ("start".to_string(), false),
            ("end".to_string(), true),
            ("isolated".to_string(), false),
        ],
        language_rules,
        maps,
    }
}
