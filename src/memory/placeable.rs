//! Placeables: numbers and inline tags that a translation carries over unchanged. When a query and
//! a memory source differ only in their placeables, the memory's target is adjusted to the query's
//! (memoQ and Trados call this an auto-adjusted or "placeable" match).
//!
//! A placeable is a number (ASCII or Arabic-Indic digits, with inner `.`, `,` or `:` between
//! digits: `3`, `1,250.5`, `10:30`, `٢٠٢٤`), a tag (`<b>`, `</a>`, `<br/>`) or a format
//! placeholder (`%s`, `%1$d`, `{0}`, `{name}`). Text around them must be identical.

use std::sync::OnceLock;

use fancy_regex::Regex;

/// The pattern of one placeable.
fn placeables() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?x)
            [0-9٠-٩۰-۹]+(?:[.,:][0-9٠-٩۰-۹]+)*     # numbers
            | </?[A-Za-z][\w:.-]*(?:\s[^<>]*)?/?>   # tags
            | %(?:[0-9]+\$)?[-+\x20\#0]*[0-9]*(?:\.[0-9]+)?[sdifuxXeEgGcp@]  # printf
            | \{[0-9A-Za-z_]*\}                     # braces
            ",
        )
        .expect("placeable pattern")
    })
}

/// Text split at its placeables: the text between them and the placeables themselves.
fn split(text: &str) -> (Vec<&str>, Vec<&str>) {
    let mut between = Vec::new();
    let mut found = Vec::new();
    let mut at = 0;
    for m in placeables().find_iter(text).flatten() {
        between.push(&text[at..m.start()]);
        found.push(m.as_str());
        at = m.end();
    }
    between.push(&text[at..]);
    (between, found)
}

/// Digits as ASCII, for comparing a number across digit styles.
fn ascii_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '٠'..='٩' => char::from(b'0' + (c as u32 - '٠' as u32) as u8),
            '۰'..='۹' => char::from(b'0' + (c as u32 - '۰' as u32) as u8),
            _ => c,
        })
        .collect()
}

/// `value` written with the digits of `style` (Arabic-Indic when `style` uses them).
fn in_style_of(value: &str, style: &str) -> String {
    let zero = if style.chars().any(|c| matches!(c, '٠'..='٩')) {
        '٠'
    } else if style.chars().any(|c| matches!(c, '۰'..='۹')) {
        '۰'
    } else {
        return value.to_string();
    };
    ascii_digits(value)
        .chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32(zero as u32 + (c as u32 - '0' as u32)).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// `target` with the placeables of `source` replaced by those of `query`, when `query` and
/// `source` differ only in placeables and each placeable that changed is found in `target`.
/// `None` when no adjustment applies (including when nothing differs).
pub fn adjust(query: &str, source: &str, target: &str) -> Option<String> {
    let (query_text, query_found) = split(query);
    let (source_text, source_found) = split(source);
    if query_text != source_text || query_found.len() != source_found.len() {
        return None;
    }
    // What each changed placeable of the source becomes; one source value, one replacement.
    let mut changes: Vec<(String, &str)> = Vec::new();
    for (q, s) in query_found.iter().zip(&source_found) {
        if q == s {
            continue;
        }
        let key = ascii_digits(s);
        match changes.iter().find(|(k, _)| *k == key) {
            Some((_, to)) if to != q => return None,
            Some(_) => {}
            None => changes.push((key, q)),
        }
    }
    if changes.is_empty() {
        return None;
    }
    let (target_text, target_found) = split(target);
    let mut used = vec![false; changes.len()];
    let mut out = String::with_capacity(target.len());
    for (i, between) in target_text.iter().enumerate() {
        out.push_str(between);
        let Some(placeable) = target_found.get(i) else {
            break;
        };
        match changes
            .iter()
            .position(|(k, _)| *k == ascii_digits(placeable))
        {
            Some(c) => {
                used[c] = true;
                out.push_str(&in_style_of(changes[c].1, placeable));
            }
            None => out.push_str(placeable),
        }
    }
    used.iter().all(|u| *u).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_carried_over() {
        assert_eq!(
            adjust("Page 12 of 30", "Page 3 of 30", "Səhifə 3 / 30").as_deref(),
            Some("Səhifə 12 / 30")
        );
        assert_eq!(
            adjust("Version 2.5", "Version 1.0", "النسخة ١.٠").as_deref(),
            Some("النسخة ٢.٥")
        );
    }

    #[test]
    fn tags_and_placeholders_are_carried_over() {
        assert_eq!(
            adjust(
                "Open <b>%d</b> files",
                "Open <i>%s</i> files",
                "<i>%s</i> faylı aç"
            )
            .as_deref(),
            Some("<b>%d</b> faylı aç")
        );
    }

    #[test]
    fn other_differences_give_no_adjustment() {
        assert_eq!(adjust("Page 12 of 30", "Page 12 of 30", "Səhifə 12"), None);
        assert_eq!(adjust("Pages 12", "Page 3", "Səhifə 3"), None);
        // The changed number is not in the target: nothing to adjust safely.
        assert_eq!(adjust("Page 12", "Page 3", "Səhifə üç"), None);
        // One source number cannot become two different numbers.
        assert_eq!(adjust("1 and 2", "5 and 5", "5 və 5"), None);
    }
}
