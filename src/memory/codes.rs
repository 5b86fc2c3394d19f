//! Inline codes carried into a translation from the memory, as CAT tools do when they pre-translate
//! a segment with formatting (Okapi's `TextUnitUtil.adjustTargetCodes`).
//!
//! A document segment is text and codes. It is matched by its text alone (the memory's texts have
//! their codes removed too), so a match says nothing yet about where the segment's codes go. The
//! memory keeps each variant's codes as TMX markup; the segment's codes are then placed where the
//! memory's translation has its codes, when that mapping is unambiguous:
//!
//! 1. the segment's codes and the memory source's codes are the same sequence: the same number,
//!    each an opening, closing or standalone code in the same order, paired the same way (the k-th
//!    code of the segment is the k-th code of the memory source);
//! 2. each code of the memory's translation is one code of its source, found by its TMX element and
//!    id (`x`, else `i`; a code without an id only when it is the only one of its kind), and every
//!    source code is used once;
//! 3. the result is well formed: an opening code comes before its closing code, paired elements
//!    (`<g>`, `<pc>`) nest, and codes the document does not let move (XLIFF 2.0
//!    `canReorder="no"`) keep their order.
//!
//! Numbers and other placeables are adjusted as in [`super::placeable`], with the codes in place.
//! When the mapping fails (the memory has other codes, none, or an annotation such as `<mrk>` has no
//! counterpart), the translation is still offered: its text, followed by all of the segment's codes
//! in source order, as Okapi adds the codes missing from a leveraged target at its end.

use super::fuzzy::prepare;
use super::placeable::adjust;

/// What a code does in its segment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// Opens a span (`<g>`, `<bx/>`, `<bpt>`, `<pc>`, `<sc/>`).
    Open,
    /// Closes a span (`</g>`, `<ex/>`, `<ept>`, `</pc>`, `<ec/>`).
    Close,
    /// Stands alone (`<x/>`, `<ph>`, `<it>`, isolated `<sc/>`/`<ec/>`).
    Standalone,
}

/// An inline code of a document segment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Code {
    pub role: Role,
    /// The index of the code that closes (for an opening code) or opens (for a closing code) the
    /// same span.
    pub partner: Option<usize>,
    /// The pair is one XML element (`<g>…</g>`): it must nest with the other such pairs.
    pub element: bool,
    /// The memory keeps no counterpart (an annotation such as `<mrk>`: only its text is imported).
    pub unmatched: bool,
    /// The document does not let the code move (XLIFF 2.0 `canReorder="no"` or `"firstNo"`).
    pub fixed: bool,
}

/// A piece of segment content: text, or the code with this index in the segment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    Text(String),
    Code(usize),
}

/// A translation carrying a segment's codes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Carried {
    pub pieces: Vec<Piece>,
    /// The codes stand where the memory's translation has them; `false` when they follow the text in
    /// source order.
    pub placed: bool,
    /// The segment, codes included, is the memory's source (whitespace folded): a 100 % text match
    /// whose codes stand elsewhere is not.
    pub identical: bool,
}

/// Private-use characters that stand for codes while the text is compared and adjusted
/// (Supplementary Private Use Area-A, which real text does not use).
const CODE_BASE: u32 = 0xF_0000;
const CODE_LIMIT: u32 = 0xF_FFFE;

fn code_char(index: usize) -> Option<char> {
    u32::try_from(index)
        .ok()
        .and_then(|i| CODE_BASE.checked_add(i))
        .filter(|c| *c < CODE_LIMIT)
        .and_then(char::from_u32)
}

fn is_code_char(c: char) -> bool {
    (CODE_BASE..CODE_LIMIT).contains(&u32::from(c))
}

/// A code of TMX markup.
#[derive(Clone, Debug)]
struct TmxCode {
    role: Role,
    name: String,
    /// What pairs a `bpt` with its `ept` inside the segment.
    i: Option<String>,
    /// What identifies the code across the variants of a unit: `x`, else `i` (a pair shares it).
    key: Option<String>,
    partner: Option<usize>,
}

/// TMX markup as pieces and codes; `None` when it is not markup this reader knows.
fn read_markup(markup: &str) -> Option<(Vec<Piece>, Vec<TmxCode>)> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(markup);
    let mut pieces: Vec<Piece> = Vec::new();
    let mut codes: Vec<TmxCode> = Vec::new();
    let mut open_hi: Vec<usize> = Vec::new();
    let text = |pieces: &mut Vec<Piece>, more: &str| match pieces.last_mut() {
        Some(Piece::Text(t)) => t.push_str(more),
        _ => pieces.push(Piece::Text(more.to_string())),
    };
    loop {
        let (tag, empty) = match reader.read_event().ok()? {
            Event::Start(tag) => (tag, false),
            Event::Empty(tag) => (tag, true),
            Event::End(_) => {
                // Only a `hi` is open here: native codes are read to their end below.
                let open = open_hi.pop()?;
                let index = codes.len();
                codes[open].partner = Some(index);
                codes.push(TmxCode {
                    role: Role::Close,
                    name: "hi".into(),
                    i: None,
                    key: codes[open].key.clone(),
                    partner: Some(open),
                });
                pieces.push(Piece::Code(index));
                continue;
            }
            Event::Text(t) => {
                text(&mut pieces, &t);
                continue;
            }
            Event::CData(t) => {
                text(&mut pieces, &t);
                continue;
            }
            Event::GeneralRef(r) => {
                let c = match &*r {
                    "lt" => '<',
                    "gt" => '>',
                    "amp" => '&',
                    "apos" => '\'',
                    "quot" => '"',
                    _ => r.resolve_char_ref().ok()??,
                };
                text(&mut pieces, c.encode_utf8(&mut [0; 4]));
                continue;
            }
            Event::Eof => break,
            _ => continue,
        };
        let name = tag.name().0.to_string();
        let attr = |key: &str| {
            tag.attributes()
                .flatten()
                .find(|a| a.key.0 == key)
                .map(|a| a.value.into_owned())
        };
        let index = codes.len();
        let i = attr("i");
        let mut code = match name.as_str() {
            "bpt" => TmxCode {
                role: Role::Open,
                key: attr("x").or_else(|| i.clone()),
                i,
                name,
                partner: None,
            },
            "ept" => TmxCode {
                role: Role::Close,
                key: None,
                i,
                name,
                partner: None,
            },
            "it" | "ph" | "ut" | "hi" => TmxCode {
                role: if name == "hi" && !empty {
                    Role::Open
                } else {
                    Role::Standalone
                },
                key: attr("x"),
                i: None,
                name,
                partner: None,
            },
            _ => return None,
        };
        if code.name == "ept" {
            // The last `bpt` with the same `i` that is still open.
            let open = codes.iter().rposition(|c| {
                c.name == "bpt" && c.partner.is_none() && c.i.is_some() && c.i == code.i
            });
            if let Some(open) = open {
                codes[open].partner = Some(index);
                code.partner = Some(open);
                code.key = codes[open].key.clone();
            }
        }
        let native = !empty && code.name != "hi";
        if code.role == Role::Open && code.name == "hi" {
            open_hi.push(index);
        }
        codes.push(code);
        pieces.push(Piece::Code(index));
        if native {
            // Native code: its content is not text.
            let mut depth = 1usize;
            while depth > 0 {
                match reader.read_event().ok()? {
                    Event::Start(_) => depth += 1,
                    Event::End(_) => depth -= 1,
                    Event::Eof => return None,
                    _ => {}
                }
            }
        }
    }
    open_hi.is_empty().then_some((pieces, codes))
}

/// `query`'s codes carried into the memory's translation. `source` and `target` are the TMX markup
/// of the memory's source and translation (`None` where they have no codes); `plain_target` is the
/// translation as offered without codes (placeables adjusted), used when the codes cannot be placed.
pub fn carry(
    query: &[Piece],
    codes: &[Code],
    source: Option<&str>,
    target: Option<&str>,
    plain_target: &str,
) -> Carried {
    source
        .zip(target)
        .and_then(|(source, target)| placed(query, codes, source, target))
        .unwrap_or_else(|| appended(codes, plain_target))
}

/// The translation's text followed by every code in source order.
fn appended(codes: &[Code], plain_target: &str) -> Carried {
    let mut pieces = Vec::with_capacity(codes.len() + 1);
    // Space left where the memory's codes were removed is not kept.
    let text = plain_target.trim();
    if !text.is_empty() {
        pieces.push(Piece::Text(text.to_string()));
    }
    pieces.extend((0..codes.len()).map(Piece::Code));
    Carried {
        pieces,
        placed: false,
        identical: false,
    }
}

/// The codes placed as the memory's translation places them, when the mapping is unambiguous.
fn placed(query: &[Piece], codes: &[Code], source: &str, target: &str) -> Option<Carried> {
    if codes.iter().any(|c| c.unmatched) {
        return None;
    }
    let (source_pieces, source_codes) = read_markup(source)?;
    let (target_pieces, target_codes) = read_markup(target)?;
    let n = codes.len();
    // 1. The segment's codes are the memory source's, in order and paired alike.
    if source_codes.len() != n || target_codes.len() != n {
        return None;
    }
    if codes
        .iter()
        .zip(&source_codes)
        .any(|(c, s)| c.role != s.role || c.partner != s.partner)
    {
        return None;
    }
    // 2. Each code of the translation is one code of the source, each used once.
    let mut to_source = Vec::with_capacity(n);
    let mut used = vec![false; n];
    for t in &target_codes {
        let mut found = source_codes
            .iter()
            .enumerate()
            .filter(|(_, s)| s.name == t.name && s.role == t.role && s.key == t.key)
            .map(|(i, _)| i);
        let (Some(one), None) = (found.next(), found.next()) else {
            return None;
        };
        if std::mem::replace(&mut used[one], true) {
            return None;
        }
        to_source.push(one);
    }
    // 3. Well formed in the document's terms.
    let order: Vec<usize> = target_pieces
        .iter()
        .filter_map(|p| match p {
            Piece::Code(t) => Some(to_source[*t]),
            Piece::Text(_) => None,
        })
        .collect();
    if codes.iter().any(|c| c.fixed) && !order.iter().copied().eq(0..n) {
        return None;
    }
    let mut position = vec![0; n];
    for (at, &k) in order.iter().enumerate() {
        position[k] = at;
    }
    let mut open: Vec<usize> = Vec::new();
    for &k in &order {
        let code = &codes[k];
        if let (Role::Open, Some(partner)) = (code.role, code.partner)
            && position[partner] < position[k]
        {
            return None;
        }
        match (code.element, code.role) {
            (true, Role::Open) => open.push(k),
            (true, Role::Close) if open.pop() != code.partner => return None,
            _ => {}
        }
    }
    // The texts with each code as a private-use character, so that placeables are adjusted with
    // the codes where they are.
    let render = |pieces: &[Piece], map: &dyn Fn(usize) -> usize| -> Option<String> {
        let mut out = String::new();
        for piece in pieces {
            match piece {
                Piece::Text(t) if t.chars().any(is_code_char) => return None,
                Piece::Text(t) => out.push_str(t),
                Piece::Code(i) => out.push(code_char(map(*i))?),
            }
        }
        Some(out)
    };
    let query = prepare(&render(query, &|i| i)?);
    let source = prepare(&render(&source_pieces, &|i| i)?);
    let target = render(&target_pieces, &|i| to_source[i])?;
    let text = adjust(&query, &source, &target).unwrap_or(target);
    let mut pieces: Vec<Piece> = Vec::new();
    for c in text.chars() {
        if is_code_char(c) {
            pieces.push(Piece::Code((u32::from(c) - CODE_BASE) as usize));
        } else if let Some(Piece::Text(t)) = pieces.last_mut() {
            t.push(c);
        } else {
            pieces.push(Piece::Text(c.to_string()));
        }
    }
    Some(Carried {
        pieces,
        placed: true,
        identical: query == source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(role: Role, partner: Option<usize>, element: bool) -> Code {
        Code {
            role,
            partner,
            element,
            unmatched: false,
            fixed: false,
        }
    }

    fn text(t: &str) -> Piece {
        Piece::Text(t.to_string())
    }

    /// `Open <g id="1">the</g> file<x id="2"/>.` as pieces and codes.
    fn open_the_file() -> (Vec<Piece>, Vec<Code>) {
        (
            vec![
                text("Open "),
                Piece::Code(0),
                text("the"),
                Piece::Code(1),
                text(" file"),
                Piece::Code(2),
                text("."),
            ],
            vec![
                code(Role::Open, Some(1), true),
                code(Role::Close, Some(0), true),
                code(Role::Standalone, None, false),
            ],
        )
    }

    #[test]
    fn codes_follow_the_memory_translation() {
        let (query, codes) = open_the_file();
        let carried = carry(
            &query,
            &codes,
            Some("Open <bpt i=\"1\"/>the<ept i=\"1\"/> file<ph x=\"2\"/>."),
            Some("<bpt i=\"1\"/>Faylı<ept i=\"1\"/><ph x=\"2\"/> aç."),
            "Faylı aç.",
        );
        assert!(carried.placed && carried.identical);
        assert_eq!(
            carried.pieces,
            [
                Piece::Code(0),
                text("Faylı"),
                Piece::Code(1),
                Piece::Code(2),
                text(" aç.")
            ]
        );
    }

    #[test]
    fn numbers_are_adjusted_with_the_codes_in_place() {
        let query = vec![text("Page "), Piece::Code(0), text("12")];
        let codes = vec![code(Role::Standalone, None, false)];
        let carried = carry(
            &query,
            &codes,
            Some("Page <ph x=\"1\">&lt;br/&gt;</ph>3"),
            Some("Səhifə <ph x=\"1\">&lt;br/&gt;</ph>3"),
            "Səhifə 3",
        );
        assert!(carried.placed && !carried.identical);
        assert_eq!(
            carried.pieces,
            [text("Səhifə "), Piece::Code(0), text("12")]
        );
    }

    #[test]
    fn codes_elsewhere_in_the_source_are_placed_but_not_identical() {
        let (query, codes) = open_the_file();
        let carried = carry(
            &query,
            &codes,
            Some("<bpt i=\"1\"/>Open the<ept i=\"1\"/> file<ph/>."),
            Some("<bpt i=\"1\"/>Faylı aç<ept i=\"1\"/><ph/>."),
            "Faylı aç.",
        );
        assert!(carried.placed && !carried.identical);
    }

    #[test]
    fn unmappable_codes_are_appended_in_source_order() {
        let (query, codes) = open_the_file();
        let appended = vec![
            text("Faylı aç."),
            Piece::Code(0),
            Piece::Code(1),
            Piece::Code(2),
        ];
        // The memory has no codes.
        let carried = carry(&query, &codes, None, None, "Faylı aç.");
        assert!(!carried.placed);
        assert_eq!(carried.pieces, appended);
        // Two codes of the translation claim the same source code.
        let carried = carry(
            &query,
            &codes,
            Some("Open <bpt i=\"1\"/>the<ept i=\"1\"/> file<ph/>."),
            Some("<ph/><bpt i=\"1\"/>Faylı<ept i=\"1\"/><ph/> aç."),
            "Faylı aç.",
        );
        assert_eq!(carried.pieces, appended);
        // The translation closes the span before it opens it.
        let carried = carry(
            &query,
            &codes,
            Some("Open <bpt i=\"1\"/>the<ept i=\"1\"/> file<ph/>."),
            Some("<ept i=\"1\"/>Faylı<bpt i=\"1\"/><ph/> aç."),
            "Faylı aç.",
        );
        assert_eq!(carried.pieces, appended);
        // A code the document does not let move.
        let mut fixed = codes.clone();
        fixed[2].fixed = true;
        let carried = carry(
            &query,
            &fixed,
            Some("Open <bpt i=\"1\"/>the<ept i=\"1\"/> file<ph/>."),
            Some("<ph/><bpt i=\"1\"/>Faylı<ept i=\"1\"/> aç."),
            "Faylı aç.",
        );
        assert!(!carried.placed);
        // An annotation has no counterpart in the memory.
        let mut annotated = codes;
        annotated[2].unmatched = true;
        let carried = carry(
            &query,
            &annotated,
            Some("Open <bpt i=\"1\"/>the<ept i=\"1\"/> file<ph/>."),
            Some("<bpt i=\"1\"/>Faylı<ept i=\"1\"/><ph/> aç."),
            "Faylı aç.",
        );
        assert!(!carried.placed);
    }

    #[test]
    fn paired_elements_must_nest() {
        let query = vec![
            Piece::Code(0),
            text("a"),
            Piece::Code(1),
            text("b"),
            Piece::Code(2),
            Piece::Code(3),
        ];
        let codes = vec![
            code(Role::Open, Some(3), true),
            code(Role::Open, Some(2), true),
            code(Role::Close, Some(1), true),
            code(Role::Close, Some(0), true),
        ];
        let source = "<bpt i=\"1\"/>a<bpt i=\"2\"/>b<ept i=\"2\"/><ept i=\"1\"/>";
        let crossing = "<bpt i=\"1\"/>A<bpt i=\"2\"/>B<ept i=\"1\"/><ept i=\"2\"/>";
        let carried = carry(&query, &codes, Some(source), Some(crossing), "AB");
        assert!(!carried.placed);
        let nested = "<bpt i=\"2\"/><bpt i=\"1\"/>B<ept i=\"1\"/>A<ept i=\"2\"/>";
        let carried = carry(&query, &codes, Some(source), Some(nested), "BA");
        assert!(carried.placed);
        assert_eq!(
            carried.pieces,
            [
                Piece::Code(1),
                Piece::Code(0),
                text("B"),
                Piece::Code(3),
                text("A"),
                Piece::Code(2)
            ]
        );
    }

    #[test]
    fn markup_text_and_native_code() {
        let (pieces, codes) = read_markup(
            "a &amp; <bpt i=\"1\" x=\"7\">&lt;b&gt;</bpt>b<ept i=\"1\">&lt;/b&gt;</ept><hi>c</hi>",
        )
        .unwrap();
        assert_eq!(
            pieces,
            [
                text("a & "),
                Piece::Code(0),
                text("b"),
                Piece::Code(1),
                Piece::Code(2),
                text("c"),
                Piece::Code(3)
            ]
        );
        assert_eq!(codes[0].key.as_deref(), Some("7"));
        assert_eq!(codes[1].key.as_deref(), Some("7"));
        assert_eq!((codes[0].partner, codes[1].partner), (Some(1), Some(0)));
        assert_eq!((codes[2].role, codes[3].role), (Role::Open, Role::Close));
        assert!(read_markup("<foo/>").is_none());
    }
}
