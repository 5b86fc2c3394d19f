//! The text a document is checked in, when it is not the text as stored: in XLIFF and TMX the
//! segments are checked as a reader sees them, with inline tags left out (text inside `<g>`,
//! `<pc>`, `<mrk>` and `<hi>` is text; the content of `<ph>`, `<bpt>`, `<ept>`, `<it>`, `<ut>` and
//! `<sub>` is code) and entities decoded. A [`View`] keeps, for every stretch of the checked text,
//! where it is stored, so findings point at the file as stored and a fix never rewrites markup.

use std::ops::Range;

/// Inline elements whose content is native code, not text (as [`crate::formats`] reads them).
const CODE: &[&str] = &["bpt", "ept", "it", "ph", "ut", "sub"];

/// A stretch of the checked text and where it is stored: copied byte for byte, or decoded from
/// an entity (or a CDATA marker) that is stored longer.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Stretch {
    view: usize,
    stored: Range<usize>,
    copied: bool,
}

/// The checked text of a document and the way back to the stored text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct View {
    pub text: String,
    /// In order, contiguous in `text`, never empty there.
    stretches: Vec<Stretch>,
    /// The length of the stored text.
    stored_len: usize,
}

impl View {
    /// Builds a view of `stored` in which each of `regions` (XML element content, in order and
    /// not overlapping) is replaced by its text; returns the view and the regions' ranges in it.
    pub fn new(stored: &str, regions: &[Range<usize>]) -> (View, Vec<Range<usize>>) {
        let mut view = View {
            text: String::with_capacity(stored.len()),
            stretches: Vec::new(),
            stored_len: stored.len(),
        };
        let mut at = 0;
        let mut ranges = Vec::with_capacity(regions.len());
        for region in regions {
            view.copy(stored, at..region.start);
            let start = view.text.len();
            view.project(stored, region.clone());
            ranges.push(start..view.text.len());
            at = region.end;
        }
        view.copy(stored, at..stored.len());
        (view, ranges)
    }

    /// The text of the XML content `stored[range]` alone.
    pub fn text_of(stored: &str, range: Range<usize>) -> String {
        let mut view = View::default();
        view.project(stored, range);
        view.text
    }

    fn copy(&mut self, stored: &str, range: Range<usize>) {
        if range.is_empty() {
            return;
        }
        if let Some(last) = self.stretches.last_mut()
            && last.copied
            && last.stored.end == range.start
        {
            last.stored.end = range.end;
        } else {
            self.stretches.push(Stretch {
                view: self.text.len(),
                stored: range.clone(),
                copied: true,
            });
        }
        self.text.push_str(&stored[range]);
    }

    fn decoded(&mut self, stored: Range<usize>, text: &str) {
        self.stretches.push(Stretch {
            view: self.text.len(),
            stored,
            copied: false,
        });
        self.text.push_str(text);
    }

    /// Appends the text of the XML content `stored[range]`.
    fn project(&mut self, stored: &str, range: Range<usize>) {
        let end = range.end;
        let mut at = range.start;
        // Depth inside code elements.
        let mut code = 0usize;
        while at < end {
            let rest = &stored[at..end];
            let next = rest.find(['<', '&']).map_or(end, |i| at + i);
            if code == 0 {
                self.copy(stored, at..next);
            }
            at = next;
            if at >= end {
                break;
            }
            let rest = &stored[at..end];
            if rest.starts_with('&') {
                let Some(semi) = rest.find(';').filter(|&i| i <= 12) else {
                    if code == 0 {
                        self.copy(stored, at..at + 1);
                    }
                    at += 1;
                    continue;
                };
                let decoded = decode_entity(&rest[1..semi]);
                if code == 0 {
                    match decoded {
                        Some(c) => self.decoded(at..at + semi + 1, c.encode_utf8(&mut [0; 4])),
                        None => self.copy(stored, at..at + semi + 1),
                    }
                }
                at += semi + 1;
            } else if let Some(body) = rest.strip_prefix("<!--") {
                at += 4 + body.find("-->").map_or(body.len(), |i| i + 3);
            } else if let Some(body) = rest.strip_prefix("<![CDATA[") {
                let len = body.find("]]>").unwrap_or(body.len());
                if code == 0 {
                    self.copy(stored, at + 9..at + 9 + len);
                }
                at += 9 + (len + 3).min(body.len());
            } else {
                let tag_end = tag_end(rest).map_or(end, |i| at + i);
                let tag = &stored[at..tag_end];
                let closing = tag.starts_with("</");
                let empty = tag.ends_with("/>");
                let name: String = tag
                    .trim_start_matches(['<', '/'])
                    .chars()
                    .take_while(|c| !c.is_whitespace() && *c != '/' && *c != '>')
                    .collect();
                let local = name.rsplit(':').next().unwrap_or_default();
                if CODE.contains(&local) && !empty {
                    if closing {
                        code = code.saturating_sub(1);
                    } else {
                        code += 1;
                    }
                }
                at = tag_end;
            }
        }
    }

    /// Where the checked text from `range` is stored: a stretch decoded from an entity maps as a
    /// whole, and tags at either end are left out.
    pub fn stored(&self, range: Range<usize>) -> Range<usize> {
        let start = self.stored_start(range.start);
        let end = if range.end == range.start {
            start
        } else {
            self.stored_end(range.end)
        };
        start..end.max(start)
    }

    fn stored_start(&self, at: usize) -> usize {
        let i = self.stretches.partition_point(|s| s.view <= at);
        let Some(s) = i.checked_sub(1).map(|i| &self.stretches[i]) else {
            return 0;
        };
        let len = self.len(i - 1);
        if at >= s.view + len {
            return self.stored_len.min(s.stored.end);
        }
        if s.copied {
            s.stored.start + (at - s.view)
        } else {
            s.stored.start
        }
    }

    fn stored_end(&self, at: usize) -> usize {
        let i = self.stretches.partition_point(|s| s.view < at);
        let Some(s) = i.checked_sub(1).map(|i| &self.stretches[i]) else {
            return 0;
        };
        let len = self.len(i - 1);
        if s.copied {
            s.stored.start + (at - s.view).min(len)
        } else {
            s.stored.end
        }
    }

    /// The length in the checked text of stretch `i`.
    fn len(&self, i: usize) -> usize {
        self.stretches
            .get(i + 1)
            .map_or(self.text.len(), |next| next.view)
            - self.stretches[i].view
    }
}

/// Where the tag at the start of `s` ends (after its `>`), quotes respected.
pub(super) fn tag_end(s: &str) -> Option<usize> {
    let mut quote: Option<char> = None;
    for (i, c) in s.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '>') => return Some(i + 1),
            _ => {}
        }
    }
    None
}

/// The character an entity reference (without `&` and `;`) stands for.
fn decode_entity(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => {
            let number = name.strip_prefix('#')?;
            let value = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse().ok()?,
            };
            char::from_u32(value)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(stored: &str) -> (View, Range<usize>) {
        let start = stored.find('>').unwrap() + 1;
        let end = stored.rfind("</t>").unwrap();
        let (view, ranges) = View::new(stored, std::slice::from_ref(&(start..end)));
        (view, ranges[0].clone())
    }

    #[test]
    fn tags_are_left_out_code_is_dropped_and_entities_decoded() {
        let stored = r#"<t>Salim <g id="1">Al-Malik</g> &amp; Al<x id="2"/>-Malik <ph id="3">&lt;b&gt;</ph>Baku<bpt i="1">&lt;i&gt;</bpt>!</t>"#;
        let (v, range) = view(stored);
        assert_eq!(&v.text[range], "Salim Al-Malik & Al-Malik Baku!");
        // A name inside <g> maps to exactly its stored letters.
        let at = v.text.find("Al-Malik").unwrap();
        let stored_range = v.stored(at..at + "Al-Malik".len());
        assert_eq!(&stored[stored_range], "Al-Malik");
        // A name split by <x/> maps to a span that holds the tag.
        let at = v.text.rfind("Al-Malik").unwrap();
        assert_eq!(
            &stored[v.stored(at..at + "Al-Malik".len())],
            r#"Al<x id="2"/>-Malik"#
        );
        // An entity maps as a whole.
        let at = v.text.find('&').unwrap();
        assert_eq!(&stored[v.stored(at..at + 1)], "&amp;");
        // Text around the segment is copied.
        assert_eq!(&stored[v.stored(0..3)], "<t>");
    }

    #[test]
    fn arabic_text_and_numeric_references_keep_their_places() {
        let stored = "<t>قال <mrk mtype=\"term\">المالك</mrk>&#x200B; &#1575;</t>";
        let (v, range) = view(stored);
        assert_eq!(&v.text[range], "قال المالك\u{200B} ا");
        let at = v.text.find("المالك").unwrap();
        assert_eq!(&stored[v.stored(at..at + "المالك".len())], "المالك");
    }
}
