//! Which characters of a memory segment differ from the query, for highlighting in human output.

/// A run of a text, marked as the same as in the other text or changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    pub text: String,
    pub changed: bool,
}

/// Texts longer than this many chars (either side) are shown without highlighting: the alignment is
/// quadratic.
const MAX_ALIGNED: usize = 2000;

/// Splits `text` into runs that a minimal edit script from `query` keeps (same) or touches (changed).
pub fn changed_spans(query: &str, text: &str) -> Vec<Span> {
    // Aligned back to front, so that the walk back below runs front to back and prefers to keep
    // the earliest matching characters ("Fayl[lar]ı", not "Fay[l]l[ar]ı").
    let a: Vec<char> = query.chars().rev().collect();
    let b: Vec<char> = text.chars().rev().collect();
    if a.len() > MAX_ALIGNED || b.len() > MAX_ALIGNED {
        return vec![Span {
            text: text.to_string(),
            changed: false,
        }];
    }
    let width = b.len() + 1;
    let mut table = vec![0u32; (a.len() + 1) * width];
    for (j, cell) in table.iter_mut().enumerate().take(width) {
        *cell = j as u32;
    }
    for i in 1..=a.len() {
        table[i * width] = i as u32;
        for j in 1..=b.len() {
            let substitution = table[(i - 1) * width + j - 1] + u32::from(a[i - 1] != b[j - 1]);
            let deletion = table[(i - 1) * width + j] + 1;
            let insertion = table[i * width + j - 1] + 1;
            table[i * width + j] = substitution.min(deletion).min(insertion);
        }
    }
    // Walk back, marking each char of `text` kept or changed.
    let mut changed = vec![false; b.len()];
    let (mut i, mut j) = (a.len(), b.len());
    while j > 0 {
        let here = table[i * width + j];
        if i > 0 && a[i - 1] == b[j - 1] && here == table[(i - 1) * width + j - 1] {
            i -= 1;
            j -= 1;
        } else if here == table[i * width + j - 1] + 1 {
            changed[j - 1] = true;
            j -= 1;
        } else if i > 0 && here == table[(i - 1) * width + j - 1] + 1 {
            changed[j - 1] = true;
            i -= 1;
            j -= 1;
        } else {
            i -= 1;
        }
    }
    let mut spans: Vec<Span> = Vec::new();
    for (c, is_changed) in b.into_iter().zip(changed).rev() {
        match spans.last_mut() {
            Some(last) if last.changed == is_changed => last.text.push(c),
            _ => spans.push(Span {
                text: c.to_string(),
                changed: is_changed,
            }),
        }
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(query: &str, text: &str) -> String {
        changed_spans(query, text)
            .into_iter()
            .map(|s| {
                if s.changed {
                    format!("[{}]", s.text)
                } else {
                    s.text
                }
            })
            .collect()
    }

    #[test]
    fn marks_what_differs_in_every_script() {
        assert_eq!(marked("Open the file", "Open a file"), "Open [a] file");
        assert_eq!(marked("Faylı aç", "Faylları aç"), "Fayl[lar]ı aç");
        assert_eq!(marked("Файлды ашу", "Файлды ашу"), "Файлды ашу");
        assert_eq!(marked("المدير العام", "المدير العامّ"), "المدير العام[ّ]");
        assert_eq!(marked("", "Save"), "[Save]");
    }
}
