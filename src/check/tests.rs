//! The rules on real examples in the four scripts, including what must never be flagged.

use std::path::{Path, PathBuf};

use super::{Checker, Document, Options, Piece, Prefer, Rule, Severity};
use crate::glossary::Glossary;
use crate::model::LangTag;

const GLOSSARY: &str = "\
id,type,en,az,kk,ar,variants,forbidden,note
p_almalik,person,Salim AlMalik,,,سالم بن محمد المالك,Salim Al-Malik,,
p_anar,person,Anar Karimov,Anar Kərimov,,,Anar Kerimov,,
p_ilham,person,Ilham Aliyev,İlham Əliyev,Ильхам Әлиев,إلهام علييف,,,
p_mehriban,person,Mehriban Aliyeva,Mehriban Əliyeva,,مهربان علييفا,,,
p_heydar,person,Heydar Aliyev,Heydər Əliyev,,حيدر علييف,,,
p_tokayev,person,Kassym-Jomart Tokayev,,Қасым-Жомарт Тоқаев,قاسم جومارت توكاييف,Касым-Жомарт Токаев,,
p_raimkulova,person,Aktoty Raimkulova,,Ақтоты Райымқұлова,,Актоты Раимкулова,,
p_abai,person,Abai Kunanbaiuly,,Абай Құнанбайұлы,,Abay Kunanbayev,,
i_icesco,institution,ICESCO,İSESKO,ИСЕСКО,الإيسيسكو,ISESCO,,
i_haf,institution,Heydar Aliyev Foundation,Heydər Əliyev Fondu,,مؤسسة حيدر علييف,,,
i_spa,institution,Saudi Press Agency,,,وكالة الأنباء السعودية,SPA,,
pl_almaty,place,Almaty,Almatı,Алматы,ألماتي,,Alma-Ata,
t_president,title,President,Prezident,Президент,الرئيس,,,
t_dg,title,Director-General,Baş direktor,Бас директор,المدير العام,Director General,,
";

fn checker(options: Options) -> Checker {
    let glossary =
        Glossary::parse("test", Path::new("test.csv"), GLOSSARY, b',').expect("glossary");
    Checker::new(&[glossary], options).expect("checker")
}

fn document(text: &str) -> Document {
    Document {
        path: PathBuf::from("doc.txt"),
        text: text.to_string(),
        pieces: vec![Piece {
            range: 0..text.len(),
            source: None,
        }],
        language: None,
        view: None,
    }
}

/// (rule, found, suggestion) of every finding in `text` checked as `lang`.
fn findings_with(text: &str, lang: &str, options: Options) -> Vec<(Rule, String, String)> {
    let mut options = options;
    options.doc_lang = Some(LangTag::parse(lang).unwrap());
    let report = checker(options).check(vec![document(text)]);
    report.documents[0]
        .findings
        .iter()
        .map(|f| {
            assert_eq!(&text[f.start..f.end], f.found);
            (
                f.rule,
                f.found.clone(),
                f.suggestion.clone().unwrap_or_default(),
            )
        })
        .collect()
}

fn findings(text: &str, lang: &str) -> Vec<(Rule, String, String)> {
    findings_with(text, lang, Options::default())
}

fn one(rule: Rule, found: &str, suggestion: &str) -> (Rule, String, String) {
    (rule, found.to_string(), suggestion.to_string())
}

#[test]
fn listed_variants_are_flagged_with_the_part_of_the_canonical_form_they_cover() {
    assert_eq!(
        findings("Salim AlMalik arrived. Al-Malik's visit.", "en"),
        [one(Rule::GlossaryVariant, "Al-Malik", "AlMalik")]
    );
    assert_eq!(
        findings("Тоқаев пен Президент Токаевтың хаты.", "kk"),
        [one(Rule::GlossaryVariant, "Токаев", "Тоқаев")]
    );
    assert_eq!(
        findings("The Director General of ICESCO.", "en"),
        [one(
            Rule::GlossaryVariant,
            "Director General",
            "Director-General"
        )]
    );
}

#[test]
fn unlisted_transliterations_are_glossary_variants() {
    assert_eq!(
        findings(
            "Minister Aktoty Raimkulova spoke. Raiymkulova said so.",
            "en"
        ),
        [one(Rule::GlossaryVariant, "Raiymkulova", "Raimkulova")]
    );
    assert_eq!(
        findings("وزار الوفد مؤسسة حيدر عليف في باكو.", "ar"),
        [one(
            Rule::GlossaryVariant,
            "مؤسسة حيدر عليف",
            "مؤسسة حيدر علييف"
        )]
    );
    assert_eq!(
        findings("Mehriban Aliyeva qeyd edib.", "az"),
        [one(
            Rule::GlossaryVariant,
            "Mehriban Aliyeva",
            "Mehriban Əliyeva"
        )]
    );
}

#[test]
fn arabic_hamza_is_a_variant_but_tashkeel_and_tatweel_are_not() {
    assert_eq!(
        findings("وأعلن أن الايسيسكو ستنظم ورشة.", "ar"),
        [one(Rule::GlossaryVariant, "الايسيسكو", "الإيسيسكو")]
    );
    assert!(findings("زار سَالِم المالك مقر الإيسيـسكو.", "ar").is_empty());
}

#[test]
fn forbidden_spellings_are_errors() {
    let mut options = Options::default();
    options.doc_lang = Some(LangTag::parse("en").unwrap());
    let report = checker(options).check(vec![document("Flights to Alma-Ata resumed.")]);
    let f = &report.documents[0].findings[0];
    assert_eq!(
        (
            f.rule,
            f.severity,
            f.found.as_str(),
            f.suggestion.as_deref()
        ),
        (
            Rule::ForbiddenSpelling,
            Severity::Error,
            "Alma-Ata",
            Some("Almaty")
        )
    );
    assert_eq!((f.line, f.column, f.end_line, f.end_column), (1, 12, 1, 20));
}

#[test]
fn never_flagged_case_gender_relatives_eponyms_and_lower_case_words() {
    let text = "BAKU — ILHAM ALIYEV met Mehriban Aliyeva at the Heydar Aliyev Foundation, named \
                after Heydar Aliyev. Rustam Karimov and Anar Karimov spoke. A spa opened.";
    assert!(
        findings(text, "en").is_empty(),
        "{:?}",
        findings(text, "en")
    );
    let text = "Abai Kunanbaiuly wrote. Aisha Kunanbaikyzy read. Nurlan Aliyev and Leyla Aliyeva.";
    assert!(
        findings(text, "en").is_empty(),
        "{:?}",
        findings(text, "en")
    );
}

#[test]
fn capitalized_common_words_at_sentence_starts_are_not_names() {
    let text = "Win the game. Won the match. Kannada script. Qatar. A qatar of trees.";
    assert!(
        findings(text, "en").is_empty(),
        "{:?}",
        findings(text, "en")
    );
    let text = "Форумға келді. Форумды ашты. Форум өтті, форум жабылды.";
    assert!(
        findings(text, "kk").is_empty(),
        "{:?}",
        findings(text, "kk")
    );
}

#[test]
fn names_after_titles_and_initials_are_names_not_sentence_starts() {
    assert_eq!(
        findings(
            "Dr. Nuriyev opened the forum. Later Dr. Nuryev spoke.",
            "en"
        ),
        [one(Rule::InconsistentName, "Nuryev", "Nuriyev")]
    );
    assert_eq!(
        findings(
            "Проф. Жұмабаев сөз сөйледі. Кейін проф. Жумабаев қорытындылады.",
            "kk"
        ),
        [one(Rule::InconsistentName, "Жумабаев", "Жұмабаев")]
    );
}

#[test]
fn mixed_scripts_take_precedence_and_suggest_one_script() {
    assert_eq!(
        findings("Prezident İlham Әliyevin məktubu.", "az"),
        [one(Rule::MixedScript, "Әliyev", "Əliyev")]
    );
    assert_eq!(
        findings("Форум қонақтары Aбай шығармаларымен, Бiрiншi рет.", "kk"),
        [
            one(Rule::MixedScript, "Aбай", "Абай"),
            one(Rule::MixedScript, "Бiрiншi", "Бірінші")
        ]
    );
    assert_eq!(
        findings("Tоkayev arrived.", "en"),
        [one(Rule::MixedScript, "Tоkayev", "Tokayev")]
    );
    // Letters the look-alike table lacks, by the UTS #39 data: Greek ο, Cyrillic һ.
    assert_eq!(
        findings("Tοkayev and Aһmadov arrived.", "en"),
        [
            one(Rule::MixedScript, "Tοkayev", "Tokayev"),
            one(Rule::MixedScript, "Aһmadov", "Ahmadov")
        ]
    );
    assert_eq!(
        findings("استقبل الرئيس إلهام عليیف الوفد.", "ar"),
        [one(Rule::MixedScript, "عليیف", "علييف")]
    );
}

#[test]
fn inconsistent_unlisted_names_are_flagged_against_the_first_or_the_majority() {
    let text = "Gulshara Abdykalikova spoke. Äbdıqalyqova added. Abdykalikova left.";
    assert_eq!(
        findings(text, "en"),
        [one(Rule::InconsistentName, "Äbdıqalyqova", "Abdykalikova")]
    );
    let text = "Rəşad Nəbiyev danışıb. Rashad Nabiyev də iştirak edib. Qonaqlar Kiş kəndinə gedib, \
                bələdçilər Kish məbədindən danışıb.";
    assert_eq!(
        findings(text, "az"),
        [
            one(Rule::InconsistentName, "Rashad Nabiyev", "Rəşad Nəbiyev"),
            one(Rule::InconsistentName, "Kish", "Kiş")
        ]
    );
    let mut options = Options::default();
    options.prefer = Prefer::Majority;
    let text = "We saw the Kish temple, then Kiş village and Kiş road.";
    assert_eq!(
        findings_with(text, "en", options),
        [one(Rule::InconsistentName, "Kish", "Kiş")]
    );
}

#[test]
fn unlisted_arabic_names_are_found_where_names_stand() {
    // Names after a title, an honorific, a nationality adjective and a nasab particle, in
    // news-style sentences; their later spellings differ in spacing, hamza or transliteration.
    let text = "استقبل وزير الخارجية الأمير فيصل بن فرحان نظيره الأذربيجاني جيحون بيراموف.\n\
                وحضر السفير رشاد خضيروف والمستشار أحمد عبد الله الخطيب والدكتورة فاطمة غفار زاده.\n\
                وقال خيديروف إن الزيارة ناجحة، وأشارت الدكتورة فاطمة غفارزاده إلى أهمية التعاون.\n\
                وأكد احمد عبدالله الخطيب أن اللقاء مثمر.";
    assert_eq!(
        findings(text, "ar"),
        [
            one(Rule::InconsistentName, "خيديروف", "خضيروف"),
            one(Rule::InconsistentName, "غفارزاده", "غفار زاده"),
            one(Rule::InconsistentName, "احمد عبدالله", "أحمد عبد الله"),
        ]
    );
    // Behind a proclitic the name starts after it; a later mention spelled like the first is
    // fine, and with --prefer majority the odd one out is flagged.
    let text = "قال الوزير كاريموف إن الاتفاق جاهز. وأضاف كريموف أن التوقيع قريب، ثم غادر كريموف.\n\
                وعلق الصحفي مراد ولكريموف رأي آخر.";
    let mut options = Options::default();
    options.prefer = Prefer::Majority;
    assert_eq!(
        findings_with(text, "ar", options),
        [one(Rule::InconsistentName, "كاريموف", "كريموف")]
    );
    assert_eq!(
        findings(text, "ar"),
        [
            one(Rule::InconsistentName, "كريموف", "كاريموف"),
            one(Rule::InconsistentName, "كريموف", "كاريموف"),
            one(Rule::InconsistentName, "كريموف", "كاريموف"),
        ]
    );
}

#[test]
fn arabic_names_before_their_latin_form_in_brackets() {
    let text = "وصل رشاد نبييف (Rashad Nabiyev) إلى باكو أمس.\nوقال نابييف إن الزيارة مهمة.";
    assert_eq!(
        findings(text, "ar"),
        [one(Rule::InconsistentName, "نابييف", "نبييف")]
    );
}

#[test]
fn arabic_names_never_flagged_gender_relatives_near_names_and_tashkeel() {
    let clean = [
        // Gendered forms, bin/bint, and relatives with one surname.
        "حضرت السيدة ليلى علييفا والسيد رشيد علييف حفل الافتتاح.",
        "وصل الأمير خالد بن سلمان، كما وصلت الأميرة نورة بنت سلمان.",
        // X bin Y and Y bin X are two people.
        "أشار الأستاذ خالد بن سعيد إلى أن سعيد بن خالد سيزور باكو.",
        // Near-identical native names are different people.
        "تحدث الدكتور سمير الخطيب، ثم تحدث الدكتور سامر الخطيب عن التعليم.",
        "شارك السيد حسن حسنوف والسيد حسين حسينوف في الاجتماع.",
        "قال الوزير راشد المالك إن الملك يولي العلاقات أهمية، وأكد الدكتور رشيد المالكي ذلك.",
        // Tashkeel and tatweel are never a difference; a name is not the preposition على.
        "وصل السيد علي أسدوف، ثم تحدث السيد عَلي أسـدوف على هامش اللقاء.",
    ];
    for text in clean {
        assert_eq!(findings(text, "ar"), [], "{text}");
    }
}

#[test]
fn across_compares_names_in_all_documents() {
    let mut options = Options::default();
    options.across = true;
    options.doc_lang = Some(LangTag::parse("en").unwrap());
    let docs = vec![
        document("Yerlan Karin spoke."),
        document("Erlan Karin left."),
    ];
    let report = checker(options.clone()).check(docs.clone());
    assert!(report.documents[0].findings.is_empty());
    assert_eq!(report.documents[1].findings[0].found, "Erlan");
    options.across = false;
    let report = checker(options.clone()).check(docs);
    assert!(report.documents.iter().all(|d| d.findings.is_empty()));
    // Arabic names too.
    options.across = true;
    options.doc_lang = Some(LangTag::parse("ar").unwrap());
    let docs = vec![
        document("قال السفير رشاد خضيروف إن الزيارة ناجحة."),
        document("وأكد السفير رشاد خيديروف ذلك."),
    ];
    let report = checker(options).check(docs);
    assert!(report.documents[0].findings.is_empty());
    assert_eq!(report.documents[1].findings[0].found, "خيديروف");
    assert_eq!(
        report.documents[1].findings[0].suggestion.as_deref(),
        Some("خضيروف")
    );
}

#[test]
fn invisible_characters_inside_names() {
    assert_eq!(
        findings(
            "Salim Al\u{200B}Malik and Ka\u{AD}rimov; a zero\u{200B}width word.",
            "en"
        ),
        [
            one(Rule::InvisibleChar, "Al\u{200B}Malik", "AlMalik"),
            one(Rule::InvisibleChar, "Ka\u{AD}rimov", "Karimov")
        ]
    );
}

#[test]
fn missing_terms_in_bilingual_segments() {
    let mut options = Options::default();
    options.doc_lang = Some(LangTag::parse("kk").unwrap());
    let text = "Ақтоты Райымқұлова сөйледі.\nФорум өтті.\n";
    let mut doc = document(text);
    doc.pieces = vec![
        Piece {
            range: 0..text.find('\n').unwrap(),
            source: Some("Aktoty Raimkulova spoke at ICESCO.".to_string()),
        },
        Piece {
            range: text.find('Ф').unwrap()..text.len() - 1,
            source: Some("Kassym-Jomart Tokayev opened the forum.".to_string()),
        },
    ];
    let report = checker(options).check(vec![doc]);
    let missing: Vec<(u64, Option<&str>)> = report.documents[0]
        .findings
        .iter()
        .map(|f| (f.line, f.suggestion.as_deref()))
        .collect();
    assert_eq!(
        missing,
        [(1, Some("ИСЕСКО")), (2, Some("Қасым-Жомарт Тоқаев"))]
    );
}

#[test]
fn options_turn_rules_off_change_severities_and_accept_exceptions() {
    let mut options = Options::default();
    options.set_enabled(Rule::MixedScript, false);
    options.set_severity(Rule::GlossaryVariant, Severity::Info);
    options.exceptions.push("al-malik".to_string());
    options.doc_lang = Some(LangTag::parse("en").unwrap());
    let report =
        checker(options).check(vec![document("Salim Al-Malik, Tоkayev and Anar Kerimov.")]);
    let got: Vec<(Rule, Severity, &str)> = report.documents[0]
        .findings
        .iter()
        .map(|f| (f.rule, f.severity, f.found.as_str()))
        .collect();
    assert_eq!(
        got,
        [(Rule::GlossaryVariant, Severity::Info, "Anar Kerimov")]
    );
}

#[test]
fn the_language_is_detected_when_not_given() {
    let report = checker(Options::default()).check(vec![document(
        "Heydər Əliyev Fondunun prezidenti Mehriban Aliyeva Şəkidə yeni mərkəzin açılışında iştirak edib.",
    )]);
    assert_eq!(report.documents[0].language.as_str(), "az");
    assert_eq!(report.documents[0].findings[0].found, "Mehriban Aliyeva");
}
