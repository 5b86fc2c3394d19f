//! `inconsistent-name` in Arabic script, which has no capitals to tell names from words.
//!
//! **Where names are.** A name stands after a title or honorific (`السيد`, `الدكتورة`, `د.`,
//! `الشيخ`, `الرئيس`, `المدير العام`, `وزير الخارجية`, a glossary title…), after a nationality
//! adjective that may follow the title (`وزير الخارجية الأذربيجاني جيحون بيراموف`), and around the
//! particles of a nasab or kunya (`X بن Y`, `بنت`, `أبو Y`, `عبد Y`). After a title the name is a
//! given name, any `بن Y` links, and a family name, up to punctuation, a function word, another
//! title or a word of another script. Words that transliterate a Latin name in brackets after them
//! are a name too (`جيحون بيراموف (Jeyhun Bayramov)`). Compounds are one name unit: `عبد الله`, `أبو بكر`,
//! `آل نهيان`, `نور الدين`, `غفار زاده`. Once a spelling is known as a name, its other mentions in
//! the document count too, behind proclitics (`وخيديروف` is `خيديروف`).
//!
//! **What is the same name.** Two spellings are one name when they differ only in hamza and madda
//! forms, ta marbuta, alef maqsura or the space inside a compound (`أحمد`/`احمد`,
//! `عبد الله`/`عبدالله`, `غفار زاده`/`غفارزاده`). Arabic writes no short vowels, so native names
//! that differ in a long vowel (`رشيد`/`راشد`, `حسن`/`حسين`) or in the article (`الملك`/`المالك`)
//! are different names. Foreign surnames (`-وف`, `-يف`, `-زاده`) are transliterated with more
//! freedom: they are also one name when their consonants match with emphatic and plain letters
//! merged (`خضيروف`/`خيديروف`) or when they differ only by an alef (`كريموف`/`كاريموف`), and never
//! across genders (`علييف`/`علييفا`). A vowel letter alone does not make two foreign names one
//! (`حسنوف`/`حسينوف` are Hasanov and Huseynov). Tashkeel and tatweel are never a difference.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::LazyLock;

use super::Flag;
use super::Rule;
use super::options::Prefer;
use super::scan::Token;
use crate::names::{SAME_THRESHOLD, similarity};
use crate::text::{Script, is_invisible, nfc, normalize_arabic, strip_tashkeel};

/// Titles and honorifics before a name (normalized: bare alef, ه for ة, ي for ى).
static TITLES: LazyLock<HashSet<&str>> = LazyLock::new(|| TITLE_WORDS.iter().copied().collect());
static TITLE_HEADS: LazyLock<HashSet<&str>> =
    LazyLock::new(|| TITLE_HEAD_WORDS.iter().copied().collect());
static STOP_WORDS: LazyLock<HashSet<&str>> = LazyLock::new(|| STOPS.iter().copied().collect());

const TITLE_WORDS: &[&str] = &[
    "السيد",
    "السيده",
    "الانسه",
    "الدكتور",
    "الدكتوره",
    "د",
    "الاستاذ",
    "الاستاذه",
    "البروفيسور",
    "البروفيسوره",
    "الشيخ",
    "الشيخه",
    "الرئيس",
    "الرئيسه",
    "الوزير",
    "الوزيره",
    "السفير",
    "السفيره",
    "الامير",
    "الاميره",
    "الملك",
    "الملكه",
    "السلطان",
    "المهندس",
    "المهندسه",
    "القاضي",
    "القاضيه",
    "النائب",
    "النائبه",
    "المستشار",
    "المستشاره",
    "الامام",
    "الحاج",
    "الحاجه",
    "العقيد",
    "اللواء",
    "العميد",
    "الفريق",
    "المشير",
    "الرائد",
    "النقيب",
    "الشاعر",
    "الشاعره",
    "الكاتب",
    "الكاتبه",
    "الروائي",
    "الروائيه",
    "الفنان",
    "الفنانه",
    "الملحن",
    "المخرج",
    "المخرجه",
    "الباحث",
    "الباحثه",
    "الصحفي",
    "الصحفيه",
    "المطران",
    "الاب",
    "الخان",
    "المحافظ",
    "المحافظه",
    "الحاكم",
    "العمده",
    "السيناتور",
    "نظيره",
    "نظيرته",
];

/// Heads of titles of two words, completed by a noun with the article: `المدير العام`,
/// `الأمين العام`, `وزير الخارجية`, `رئيس الوزراء`, `ولي العهد`, `نائب الرئيس`.
const TITLE_HEAD_WORDS: &[&str] = &[
    "المدير",
    "المديره",
    "الامين",
    "الامينه",
    "وزير",
    "وزيره",
    "رئيس",
    "رئيسه",
    "نائب",
    "نائبه",
    "ولي",
    "سفير",
    "سفيره",
    "مدير",
    "مديره",
    "امين",
    "امينه",
    "مساعد",
    "مستشار",
    "عضو",
    "حاكم",
    "محافظ",
    "قائد",
];

/// Particles that link a name to a father's or family name, or make a compound with the word
/// after them.
const LINKS: &[&str] = &["بن", "بنت", "ابن", "ابنه"];
const COMPOUND_HEADS: &[&str] = &["عبد", "ابو", "ابي", "ام", "ال"];
/// Second parts of compound names (`نور الدين`, `عطا الله`, `غفار زاده`).
const COMPOUND_TAILS: &[&str] = &["الدين", "الله", "الاسلام", "زاده"];

/// Words that never belong to a name: function words, frequent news verbs and the nouns that
/// head institution names (compared normalized, also after a proclitic).
const STOPS: &[&str] = &[
    "في",
    "من",
    "الي",
    "على",
    "عن",
    "مع",
    "خلال",
    "الذي",
    "التي",
    "الذين",
    "ان",
    "انه",
    "انها",
    "قد",
    "لقد",
    "كان",
    "كانت",
    "هو",
    "هي",
    "هذا",
    "هذه",
    "ذلك",
    "تلك",
    "حيث",
    "بعد",
    "قبل",
    "منذ",
    "عند",
    "لدي",
    "حول",
    "بين",
    "عبر",
    "نحو",
    "دون",
    "غير",
    "كل",
    "بعض",
    "او",
    "ثم",
    "لكن",
    "بل",
    "لا",
    "لم",
    "لن",
    "ما",
    "اليوم",
    "امس",
    "يوم",
    "عام",
    "العام",
    "سنه",
    "قال",
    "قالت",
    "يقول",
    "تقول",
    "اكد",
    "اكدت",
    "يؤكد",
    "اعلن",
    "اعلنت",
    "اشار",
    "اشارت",
    "اضاف",
    "اضافت",
    "اوضح",
    "اوضحت",
    "افاد",
    "افادت",
    "شدد",
    "شددت",
    "دعا",
    "دعت",
    "زار",
    "زارت",
    "يزور",
    "تزور",
    "التقي",
    "التقت",
    "يلتقي",
    "استقبل",
    "استقبلت",
    "بحث",
    "بحثت",
    "ترأس",
    "تراس",
    "افتتح",
    "افتتحت",
    "وقع",
    "وقعت",
    "شارك",
    "شاركت",
    "القي",
    "القت",
    "عقد",
    "عقدت",
    "اجري",
    "اجرت",
    "منظمه",
    "وزاره",
    "مؤسسه",
    "جامعه",
    "شركه",
    "هيئه",
    "مجلس",
    "اتحاد",
    "جمعيه",
    "مركز",
    "معهد",
    "مكتب",
    "لجنه",
    "صندوق",
    "بنك",
    "وكاله",
    "دوله",
    "حكومه",
    "جمهوريه",
    "مدينه",
    "منطقه",
    "محافظه",
    "ولايه",
    "اكاديميه",
    "متحف",
    "مهرجان",
    "مؤتمر",
    "منتدي",
];

/// Proclitics a name may follow: and, so, with, for, like, alone or in pairs.
const PROCLITICS: &[&str] = &["و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك"];

/// Endings of foreign surnames transliterated into Arabic (`كريموف`, `علييف`, `غفارزاده`), with
/// the gender they mark (`m`, `f`, or `n` for either).
const FOREIGN_ENDINGS: &[(&str, char)] = &[
    ("ييفا", 'f'),
    ("اييفا", 'f'),
    ("وفا", 'f'),
    ("يفا", 'f'),
    ("اييف", 'm'),
    ("ييف", 'm'),
    ("وف", 'm'),
    ("يف", 'm'),
    ("زاده", 'n'),
];

/// The most words of a Latin name in brackets after its transliteration.
const MAX_BRACKETED: usize = 4;

/// The fewest letters of a name unit.
const MIN_LETTERS: usize = 3;
/// The fewest letters of the stem of a foreign surname, before its ending (`عل` of `علييف`),
/// and of the whole surname.
const MIN_FOREIGN_STEM: usize = 2;
const MIN_FOREIGN: usize = 5;
/// The most name units after a title besides `بن Y` links: a given name and a family name.
const MAX_FREE_UNITS: usize = 2;

/// The form words are compared in: normalized letter variants, no tashkeel, tatweel, invisible
/// characters or spaces.
pub(super) fn key(s: &str) -> String {
    // Words of plain Arabic letters and marks, by far the most, are folded in one pass; a word
    // with presentation forms or a combining hamza goes through [`normalize_arabic`].
    let simple = s
        .chars()
        .all(|c| c < '\u{653}' || c > '\u{655}' && c < '\u{FB50}');
    let normalized: Cow<'_, str> = if simple {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(normalize_arabic(s))
    };
    let mut out = String::with_capacity(normalized.len());
    for c in normalized.chars() {
        match c {
            'أ' | 'إ' | 'آ' | 'ٱ' => out.push('ا'),
            'ى' | 'ی' => out.push('ي'),
            'ک' => out.push('ك'),
            'ة' => out.push('ه'),
            '\u{640}' => {}
            c if c.is_whitespace() || is_invisible(c) || is_mark(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// Tashkeel and the other marks comparison ignores (as [`normalize_arabic`] does).
fn is_mark(c: char) -> bool {
    matches!(c, '\u{64B}'..='\u{65F}' | '\u{670}' | '\u{6D6}'..='\u{6ED}')
        && !matches!(c, '\u{6DD}' | '\u{6DE}' | '\u{6E9}')
}

/// A spelling as written, ignoring tashkeel, tatweel and invisible characters (never a
/// difference): two mentions with the same spelling are written alike.
fn spelling(s: &str) -> String {
    strip_tashkeel(&nfc(s))
        .chars()
        .filter(|&c| !is_invisible(c))
        .collect()
}

fn is_stop(normalized: &str) -> bool {
    STOP_WORDS.contains(normalized)
        || PROCLITICS.iter().any(|p| {
            normalized
                .strip_prefix(p)
                .is_some_and(|rest| rest.chars().count() >= 3 && STOP_WORDS.contains(rest))
        })
}

/// A word without its proclitics, with لل read as ال: the forms a title may take.
fn bare_forms(normalized: &str) -> impl Iterator<Item = Cow<'_, str>> {
    std::iter::once(Cow::Borrowed(normalized)).chain(PROCLITICS.iter().flat_map(move |p| {
        let rest = normalized.strip_prefix(p);
        let article = rest
            .filter(|r| r.starts_with('ل') && p.ends_with('ل'))
            .map(|r| Cow::Owned(format!("ا{r}")));
        let bare = rest.filter(|r| r.chars().count() >= 2).map(Cow::Borrowed);
        article.into_iter().chain(bare)
    }))
}

/// Finds where names stand in the Arabic words of a line.
pub(super) struct NamePositions<'a> {
    /// Arabic forms of glossary titles, as normalized words, by their first word.
    titles: &'a HashMap<String, Vec<Vec<String>>>,
}

impl<'a> NamePositions<'a> {
    pub(super) fn new(titles: &'a HashMap<String, Vec<Vec<String>>>) -> Self {
        NamePositions { titles }
    }

    /// How many tokens from `i` make a title, if they do; `keys` are the tokens' keys.
    fn title_at(&self, text: &str, tokens: &[Token], keys: &[String], i: usize) -> Option<usize> {
        let joined = |j: usize| {
            j + 1 < tokens.len() && text[tokens[j].range.end..tokens[j + 1].range.start] == *" "
        };
        let first = keys.get(i).filter(|k| !k.is_empty())?;
        // Glossary titles, the longest first.
        let mut best = 0;
        let mut head = false;
        let mut title = false;
        for form in bare_forms(first) {
            for words in self.titles.get(form.as_ref()).into_iter().flatten() {
                if words.len() > best
                    && (1..words.len())
                        .all(|k| joined(i + k - 1) && keys.get(i + k) == Some(&words[k]))
                {
                    best = words.len();
                }
            }
            head |= TITLE_HEADS.contains(form.as_ref());
            title |= TITLES.contains(form.as_ref());
        }
        if best > 0 {
            return Some(best);
        }
        if head
            && joined(i)
            && keys
                .get(i + 1)
                .is_some_and(|w| w.starts_with("ال") && w.chars().count() >= 4)
        {
            return Some(2);
        }
        // `د.` is the abbreviation of الدكتور; a lone `د` is not.
        (title && (first != "د" || text[tokens[i].range.end..].starts_with('.'))).then_some(1)
    }

    /// Name units (byte ranges of one word or a compound) in `tokens`, the words of one line of
    /// `text`, with their [`key`]s (`keys`, empty for words in other scripts). Tokens overlapping `covered` (glossary mentions and other findings) end a name.
    pub(super) fn units(
        &self,
        text: &str,
        tokens: &[Token],
        keys: &[String],
        covered: &dyn Fn(&Range<usize>) -> bool,
    ) -> Vec<Range<usize>> {
        let usable = |j: usize| {
            tokens.get(j).is_some_and(|t| {
                t.script == Script::Arabic
                    && !covered(&t.range)
                    && !text[t.range.clone()]
                        .chars()
                        .any(|c| c.is_ascii_digit() || matches!(c, '٠'..='٩' | '۰'..='۹'))
            })
        };
        let titles: Vec<Option<usize>> = (0..tokens.len())
            .map(|i| self.title_at(text, tokens, keys, i))
            .collect();
        let word = |j: usize| keys[j].as_str();
        // The gap before token j is one space (or `. ` after `د`).
        let follows = |j: usize| {
            j > 0
                && j < tokens.len()
                && matches!(
                    &text[tokens[j - 1].range.end..tokens[j].range.start],
                    " " | ". "
                )
        };
        let mut out: Vec<Range<usize>> = Vec::new();
        let push = |out: &mut Vec<Range<usize>>, r: Range<usize>| {
            if !out.contains(&r) {
                out.push(r);
            }
        };
        // One name unit starting at j: its token count, if j starts one.
        let unit = |j: usize| -> Option<usize> {
            if !usable(j) {
                return None;
            }
            let w = word(j);
            if is_stop(w) || titles[j].is_some() || LINKS.contains(&w) {
                return None;
            }
            let next_ok = follows(j + 1) && usable(j + 1);
            if COMPOUND_HEADS.contains(&w) {
                return (next_ok && !is_stop(word(j + 1))).then_some(2);
            }
            if next_ok && COMPOUND_TAILS.contains(&word(j + 1)) {
                return Some(2);
            }
            (w.chars().count() >= MIN_LETTERS).then_some(1)
        };
        let span = |j: usize, n: usize| tokens[j].range.start..tokens[j + n - 1].range.end;
        let mut i = 0;
        while i < tokens.len() {
            // After a title: a given name, `بن Y` links and a family name.
            if let Some(n) = titles[i] {
                let mut j = i + n;
                // Nationality adjectives after the title (الأذربيجاني، السعودية).
                let mut skipped = 0;
                while skipped < 2 && follows(j) && usable(j) {
                    let w = word(j);
                    if w.starts_with("ال") && (w.ends_with('ي') || w.ends_with("يه")) && {
                        follows(j + 1) && unit(j + 1).is_some()
                    } {
                        j += 1;
                        skipped += 1;
                    } else {
                        break;
                    }
                }
                let mut free = 0;
                while follows(j) {
                    if free > 0 && usable(j) && LINKS.contains(&word(j)) {
                        match unit(j + 1).filter(|_| follows(j + 1)) {
                            Some(m) => {
                                push(&mut out, span(j + 1, m));
                                j += 1 + m;
                            }
                            None => break,
                        }
                        continue;
                    }
                    if free == MAX_FREE_UNITS {
                        break;
                    }
                    let Some(m) = unit(j) else { break };
                    push(&mut out, span(j, m));
                    free += 1;
                    j += m;
                }
                i += n;
                continue;
            }
            // Around a link: the names before and after `بن`.
            if usable(i) && LINKS.contains(&word(i)) && follows(i + 1) {
                if let Some(m) = unit(i + 1) {
                    push(&mut out, span(i + 1, m));
                    if follows(i) && i > 0 {
                        let before = if i >= 2 && COMPOUND_HEADS.contains(&word(i - 2)) {
                            unit(i - 2).filter(|&m| m == 2).map(|_| i - 2)
                        } else {
                            None
                        };
                        let start =
                            before.or_else(|| unit(i - 1).filter(|&m| m == 1).map(|_| i - 1));
                        if let Some(s) = start {
                            push(&mut out, span(s, i - s));
                        }
                    }
                }
                i += 1;
                continue;
            }
            // A compound anywhere: `عبد الرحمن`, `أبو بكر`.
            if usable(i)
                && matches!(word(i), "عبد" | "ابو")
                && let Some(m) = unit(i).filter(|&m| m == 2)
            {
                push(&mut out, span(i, m));
                i += m;
                continue;
            }
            i += 1;
        }
        // Before a Latin name in brackets that they transliterate: `جيحون بيراموف (Jeyhun
        // Bayramov)`.
        for j in 1..tokens.len() {
            let latin = |t: &Token| t.script == Script::Latin && t.capitalized;
            if !latin(&tokens[j]) || text[tokens[j - 1].range.end..tokens[j].range.start] != *" (" {
                continue;
            }
            let mut k = j + 1;
            while k < tokens.len()
                && latin(&tokens[k])
                && text[tokens[k - 1].range.end..tokens[k].range.start] == *" "
            {
                k += 1;
            }
            if !text[tokens[k - 1].range.end..].starts_with(')') || k - j > MAX_BRACKETED {
                continue;
            }
            let name = &text[tokens[j].range.start..tokens[k - 1].range.end];
            // As many Arabic words as the Latin name has, or one more or less (compounds).
            let start = [k - j, k - j + 1, k - j - 1].into_iter().find_map(|n| {
                let first = j.checked_sub(n).filter(|_| n > 0)?;
                let all = (first..j).all(|t| usable(t) && (t == first || follows(t)));
                let arabic = &text[tokens[first].range.start..tokens[j - 1].range.end];
                (all && similarity(arabic, name) >= SAME_THRESHOLD).then_some(first)
            });
            let mut t = start.unwrap_or(j);
            while t < j {
                let m = unit(t).filter(|m| t + m <= j).unwrap_or(1);
                push(&mut out, span(t, m));
                t += m;
            }
        }
        out.sort_by_key(|r| r.start);
        out
    }
}

/// A foreign surname's keys: its consonants with vowel letters dropped and emphatic letters
/// merged with plain ones, the same with only alef dropped, and its consonants as written; with
/// the gender its ending marks.
struct Foreign {
    merged: String,
    with_vowels: String,
    written: String,
    gender: char,
}

fn foreign(key: &str) -> Option<Foreign> {
    let (stem, gender) = FOREIGN_ENDINGS.iter().find_map(|&(ending, gender)| {
        let stem = key.strip_suffix(ending)?;
        Some((stem, gender))
    })?;
    if stem.starts_with("ال")
        || stem.chars().count() < MIN_FOREIGN_STEM
        || key.chars().count() < MIN_FOREIGN
    {
        return None;
    }
    let merge = |c: char| match c {
        'ض' => 'د',
        'ط' => 'ت',
        'ص' => 'س',
        'ظ' | 'ذ' => 'ز',
        'ث' => 'س',
        'ق' | 'غ' => 'ك',
        'ح' => 'ه',
        c => c,
    };
    let vowel = |c: char| matches!(c, 'ا' | 'و' | 'ي');
    Some(Foreign {
        merged: stem.chars().filter(|&c| !vowel(c)).map(merge).collect(),
        with_vowels: stem.chars().filter(|&c| c != 'ا').map(merge).collect(),
        written: stem.chars().filter(|&c| !vowel(c)).collect(),
        gender,
    })
}

/// Whether two foreign surnames are spellings of one name (see the module documentation).
fn same_foreign(a: &Foreign, b: &Foreign) -> bool {
    a.gender == b.gender
        && a.merged == b.merged
        && (a.with_vowels == b.with_vowels || a.written != b.written)
}

/// The offset in `text` after `n` letters from `at`, with the marks that follow them.
fn after_letters(text: &str, at: usize, n: usize) -> usize {
    let mut seen = 0;
    for (i, c) in text[at..].char_indices() {
        let mark = c == '\u{640}' || strip_tashkeel(c.encode_utf8(&mut [0; 4])).is_empty();
        if !mark {
            if seen == n {
                return at + i;
            }
            seen += 1;
        }
    }
    text.len()
}

/// The keys of a document's names, to recognize their other mentions.
struct Known {
    keys: HashSet<String>,
    /// Foreign surnames by merged consonants.
    foreign: HashMap<String, Vec<Foreign>>,
}

impl Known {
    fn new<'k>(keys: impl Iterator<Item = &'k String>) -> Known {
        let mut known = Known {
            keys: HashSet::new(),
            foreign: HashMap::new(),
        };
        for k in keys {
            if let Some(f) = foreign(k) {
                known.foreign.entry(f.merged.clone()).or_default().push(f);
            }
            known.keys.insert(k.clone());
        }
        known
    }

    /// Whether `k` is the key of a known name (longer than the shortest names, which are too
    /// often words), or a foreign surname of the same name as one.
    fn contains(&self, k: &str) -> bool {
        (self.keys.contains(k) && k.chars().count() > MIN_LETTERS && !is_stop(k))
            || foreign(k).is_some_and(|f| {
                self.foreign
                    .get(&f.merged)
                    .is_some_and(|list| list.iter().any(|g| same_foreign(&f, g)))
            })
    }
}

/// Arabic-script names gathered over one document (or all, with `--across`).
#[derive(Default)]
pub(super) struct ArabicNames {
    /// (document, range, spelling, key), in the order found.
    mentions: Vec<(usize, Range<usize>, String, String)>,
    /// Where mentions start, by document: a place is taken once.
    taken: HashSet<(usize, usize)>,
}

impl ArabicNames {
    /// A name unit `written` at `range` of document `doc`.
    pub(super) fn add(&mut self, doc: usize, range: Range<usize>, written: &str) {
        let k = key(written);
        if k.chars().count() < MIN_LETTERS || !self.taken.insert((doc, range.start)) {
            return;
        }
        self.mentions.push((doc, range, spelling(written), k));
    }

    /// The mentions of document `doc`: documents are read in order, so until [`Self::findings`]
    /// sorts them, a document's mentions are the last ones added.
    fn of(&self, doc: usize) -> Range<usize> {
        self.mentions.partition_point(|m| m.0 < doc)..self.mentions.len()
    }

    /// Whether document `doc` has names so far.
    pub(super) fn any_in(&self, doc: usize) -> bool {
        !self.of(doc).is_empty()
    }

    /// Other mentions of the names of document `doc` among its Arabic words (`words`: tokens
    /// outside glossary mentions and other findings, in order, with their [`key`]s): the same key, or
    /// a foreign surname of the same name, behind proclitics too. Pairs of words are tried as
    /// compounds first (`عبد الله`).
    pub(super) fn add_mentions(
        &mut self,
        doc: usize,
        text: &str,
        words: &[(Range<usize>, String)],
    ) {
        // A name after a title may carry a proclitic (`الصحفي مراد ولكاريموف`): where the rest
        // is a name of the document, the name starts after it.
        let own = self.of(doc);
        let known = Known::new(self.mentions[own.clone()].iter().map(|m| &m.3));
        for (_, range, written, k) in &mut self.mentions[own.clone()] {
            let raw = &text[range.clone()];
            if let Some(p) = PROCLITICS.iter().rev().find(|p| {
                raw.strip_prefix(**p).is_some_and(|rest| {
                    let rest = key(rest);
                    rest != *k && known.contains(&rest)
                })
            }) {
                self.taken.remove(&(doc, range.start));
                range.start += p.len();
                self.taken.insert((doc, range.start));
                *written = spelling(&text[range.clone()]);
                *k = key(written);
            }
        }
        let known = Known::new(self.mentions[own].iter().map(|m| &m.3));
        // How many letters of proclitics come before a known name in a word (or pair of words)
        // whose key is `k`.
        let find = |k: &str| -> Option<usize> {
            if known.contains(k) {
                return Some(0);
            }
            PROCLITICS.iter().find_map(|p| {
                let rest = k.strip_prefix(p)?;
                // لل + name is ل + ال + name.
                (known.contains(rest)
                    || (p.ends_with('ل')
                        && rest.starts_with('ل')
                        && known.contains(&format!("ا{rest}"))))
                .then(|| p.chars().count())
            })
        };
        let mut found = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let (range, here) = &words[i];
            // Only compounds are names of two words.
            let compound = |next: &str| {
                COMPOUND_TAILS.contains(&next)
                    || bare_forms(here).any(|f| COMPOUND_HEADS.contains(&f.as_ref()))
            };
            let pair = words
                .get(i + 1)
                .filter(|(w, n)| text[range.end..w.start] == *" " && compound(n))
                .and_then(|(w, n)| Some((w.end, find(&format!("{here}{n}"))?)));
            if let Some((end, clitics)) = pair {
                found.push(after_letters(text, range.start, clitics)..end);
                i += 2;
                continue;
            }
            if let Some(clitics) = find(here) {
                found.push(after_letters(text, range.start, clitics)..range.end);
            }
            i += 1;
        }
        for range in found {
            let written = text[range.clone()].to_string();
            self.add(doc, range, &written);
        }
    }

    /// The findings, with the document each is in: every mention spelled unlike its name's
    /// reference spelling (the first, or the most frequent with [`Prefer::Majority`]).
    pub(super) fn findings(mut self, prefer: Prefer) -> Vec<(usize, Flag)> {
        self.mentions.sort_by_key(|m| (m.0, m.1.start));
        // Distinct spellings in order of first mention, with their counts and keys.
        let mut index: HashMap<&str, usize> = HashMap::new();
        let mut spellings: Vec<(&str, usize, &str)> = Vec::new();
        let mut of_mention = Vec::with_capacity(self.mentions.len());
        for (_, _, written, k) in &self.mentions {
            let i = *index.entry(written.as_str()).or_insert_with(|| {
                spellings.push((written.as_str(), 0, k.as_str()));
                spellings.len() - 1
            });
            spellings[i].1 += 1;
            of_mention.push(i);
        }
        // Union-find over spellings: by key, then foreign surnames blocked by merged consonants.
        let mut parent: Vec<usize> = (0..spellings.len()).collect();
        fn root(parent: &mut [usize], mut i: usize) -> usize {
            while parent[i] != i {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }
            i
        }
        let join = |parent: &mut Vec<usize>, a: usize, b: usize| {
            let (a, b) = (root(parent, a), root(parent, b));
            parent[a.max(b)] = a.min(b);
        };
        let mut by_key: HashMap<&str, usize> = HashMap::new();
        let mut blocks: HashMap<String, Vec<(usize, Foreign)>> = HashMap::new();
        for (i, (_, _, k)) in spellings.iter().enumerate() {
            match by_key.get(k) {
                Some(&j) => join(&mut parent, i, j),
                None => {
                    by_key.insert(k, i);
                }
            }
            if let Some(f) = foreign(k) {
                blocks.entry(f.merged.clone()).or_default().push((i, f));
            }
        }
        for block in blocks.values() {
            for (n, (i, a)) in block.iter().enumerate() {
                for (j, b) in &block[n + 1..] {
                    if same_foreign(a, b) {
                        join(&mut parent, *i, *j);
                    }
                }
            }
        }
        let mut reference: HashMap<usize, usize> = HashMap::new();
        for i in 0..spellings.len() {
            let r = root(&mut parent, i);
            let best = reference.entry(r).or_insert(i);
            if prefer == Prefer::Majority && spellings[i].1 > spellings[*best].1 {
                *best = i;
            }
        }
        let mut out = Vec::new();
        for ((doc, range, _, _), &i) in self.mentions.iter().zip(&of_mention) {
            let r = reference[&root(&mut parent, i)];
            if r != i {
                out.push((
                    *doc,
                    Flag {
                        rule: Rule::InconsistentName,
                        range: range.clone(),
                        suggestion: Some(spellings[r].0.to_string()),
                        entry: None,
                    },
                ));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::scan::tokens;

    fn same(a: &str, b: &str) -> bool {
        key(a) == key(b)
            || foreign(&key(a))
                .zip(foreign(&key(b)))
                .is_some_and(|(x, y)| same_foreign(&x, &y))
    }

    #[test]
    fn spellings_of_one_name_and_different_names() {
        assert!(same("عبد الله", "عبدالله"));
        assert!(same("أحمد", "احمد"));
        assert!(same("غفار زاده", "غفارزاده"));
        assert!(same("مصطفى", "مصطفي"));
        assert!(same("خضيروف", "خيديروف"));
        assert!(same("كريموف", "كاريموف"));
        assert!(same("نبييف", "نابييف"));
        assert!(!same("الملك", "المالك"));
        assert!(!same("المالك", "المالكي"));
        assert!(!same("رشيد", "راشد"));
        assert!(!same("علييف", "علييفا"));
        assert!(!same("حسنوف", "حسينوف"));
        assert!(!same("سلاموف", "سليموف"));
        assert_eq!(spelling("عَلي"), spelling("علي"));
    }

    #[test]
    fn names_stand_after_titles_and_around_particles() {
        let units = |text: &str| -> Vec<String> {
            let titles = HashMap::from([(key("المدير"), vec![vec![key("المدير"), key("العام")]])]);
            let t = tokens(text, 0);
            let keys: Vec<String> = t.iter().map(|t| key(&text[t.range.clone()])).collect();
            NamePositions::new(&titles)
                .units(text, &t, &keys, &|_| false)
                .into_iter()
                .map(|r| text[r].to_string())
                .collect()
        };
        assert_eq!(
            units("وقال المدير العام الدكتور سالم بن محمد المالك زيارة رسمية إلى باكو."),
            ["سالم", "محمد", "المالك"]
        );
        assert_eq!(
            units("التقى وزير الخارجية الأذربيجاني جيحون بيراموف، ثم د. نور الدين صالح."),
            ["جيحون", "بيراموف", "نور الدين", "صالح"]
        );
        assert_eq!(
            units("وأكد عبد الرحمن أن خالد بن سعيد في المدينة."),
            ["عبد الرحمن", "خالد", "سعيد"]
        );
        assert!(units("ذهب د إلى السوق في العام الماضي مع أصدقائه.").is_empty());
        assert_eq!(
            units("وصل اليوم رشاد نبييف (Rashad Nabiyev) إلى المدينة (Baku Old City)."),
            ["رشاد", "نبييف"]
        );
    }
}
