use super::*;

fn tag(s: &str) -> LangTag {
    LangTag::parse(s).unwrap()
}

fn sentences(text: &str, lang: &str) -> Vec<String> {
    segment_document(text, &tag(lang), Rules::builtin())
        .into_iter()
        .map(|s| s.text)
        .collect()
}

#[test]
fn builtin_rules_compile() {
    assert!(
        Rules::builtin().problems().is_empty(),
        "{:?}",
        Rules::builtin().problems()
    );
}

#[test]
fn english_titles_initials_and_abbreviations() {
    assert_eq!(
        sentences(
            "On December 9, 2025, ICESCO Director-General Mr. Salim bin Mohammed AlMalik visited \
             the Foundation. Mrs. Aktoty Raimkulova met him. Dr. Abdulhakim Al-Sanan and Prof. \
             S. M. AlMalik were there, e.g. in Baku. See No. 5 and p. 12. Apples, pears etc. are \
             fruit. They sold apples, pears, etc. The shop closed.",
            "en"
        ),
        [
            "On December 9, 2025, ICESCO Director-General Mr. Salim bin Mohammed AlMalik visited the Foundation.",
            "Mrs. Aktoty Raimkulova met him.",
            "Dr. Abdulhakim Al-Sanan and Prof. S. M. AlMalik were there, e.g. in Baku.",
            "See No. 5 and p. 12.",
            "Apples, pears etc. are fruit.",
            "They sold apples, pears, etc.",
            "The shop closed.",
        ]
    );
}

#[test]
fn numbers_dates_ellipses_quotes_and_brackets() {
    assert_eq!(
        sentences(
            "The memorandum was signed on 09.12.2025 at 16.22. It costs 3.5 million. \
             Wait... and see. He paused… Then he spoke. \"Is it signed?\" he asked. \
             \"Yes.\" The room applauded! (The guest book was signed.) Everyone left.",
            "en"
        ),
        [
            "The memorandum was signed on 09.12.2025 at 16.22.",
            "It costs 3.5 million.",
            "Wait... and see.",
            "He paused…",
            "Then he spoke.",
            "\"Is it signed?\" he asked.",
            "\"Yes.\"",
            "The room applauded!",
            "(The guest book was signed.)",
            "Everyone left.",
        ]
    );
}

#[test]
fn azerbaijani_abbreviations() {
    assert_eq!(
        sentences(
            "Görüşdə prof. Əliyev, akad. Məmmədov və c. Qafarzadə iştirak etdilər. Kitablar, \
             jurnallar və s. Bakıda çap olunur. Abidə b.e. V əsrinə aiddir. Sənədə 09.12.2025 \
             tarixində imza atıldı. Növbəti görüş 2026-cı ildə olacaq!",
            "az"
        ),
        [
            "Görüşdə prof. Əliyev, akad. Məmmədov və c. Qafarzadə iştirak etdilər.",
            "Kitablar, jurnallar və s. Bakıda çap olunur.",
            "Abidə b.e. V əsrinə aiddir.",
            "Sənədə 09.12.2025 tarixində imza atıldı.",
            "Növbəti görüş 2026-cı ildə olacaq!",
        ]
    );
}

#[test]
fn kazakh_abbreviations_and_initials() {
    assert_eq!(
        sentences(
            "Кездесуге А. Райымқұлова мен проф. Сейітов қатысты. Қор 2025 ж. Бакуде меморандумға \
             қол қойды. Мұражайлар, кітапханалар т.б. мекемелер т.с.с. Ұйымдармен жұмыс істейді. \
             Бұл маңызды ма? Иә.",
            "kk"
        ),
        [
            "Кездесуге А. Райымқұлова мен проф. Сейітов қатысты.",
            "Қор 2025 ж. Бакуде меморандумға қол қойды.",
            "Мұражайлар, кітапханалар т.б. мекемелер т.с.с. Ұйымдармен жұмыс істейді.",
            "Бұл маңызды ма?",
            "Иә.",
        ]
    );
}

#[test]
fn arabic_marks_and_latin_names() {
    assert_eq!(
        sentences(
            "هل وقّع الطرفان المذكرة؟ نعم، وقّعها د. سالم بن محمد المالك؛ وحضر اللقاء Mr. Salim AlMalik \
             مع السيدة Aktoty Raimkulova. انتهى اللقاء۔ ثم غادر الوفد.",
            "ar"
        ),
        [
            "هل وقّع الطرفان المذكرة؟",
            "نعم، وقّعها د. سالم بن محمد المالك؛ وحضر اللقاء Mr. Salim AlMalik مع السيدة Aktoty Raimkulova.",
            "انتهى اللقاء۔",
            "ثم غادر الوفد.",
        ]
    );
}

#[test]
fn paragraphs_first_then_sentences_with_positions() {
    let text =
        "9 December 2025\n\nLaman wrote it. It was\nsigned.\r\n\n  - First item.\nSecond line.\n";
    let segments = segment_document(text, &tag("en"), Rules::builtin());
    let got: Vec<(&str, u64, u64, u64, u64, usize)> = segments
        .iter()
        .map(|s| {
            (
                s.text.as_str(),
                s.line,
                s.column,
                s.end_line,
                s.end_column,
                s.paragraph,
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("9 December 2025", 1, 1, 1, 16, 0),
            ("Laman wrote it.", 3, 1, 3, 16, 1),
            ("It was\nsigned.", 3, 17, 4, 8, 1),
            ("- First item.", 6, 3, 6, 16, 2),
            ("Second line.", 7, 1, 7, 13, 2),
        ]
    );
    // Columns count scalar values, not bytes.
    let kk = segment_document("Ақтоты келді. Ол кетті.", &tag("kk"), Rules::builtin());
    assert_eq!((kk[1].line, kk[1].column, kk[1].end_column), (1, 15, 24));
}

#[test]
fn list_items_start_sentences() {
    assert_eq!(
        sentences("Agenda:\n- heritage\n- digitization\n1. signing", "en"),
        ["Agenda:", "- heritage", "- digitization", "1. signing"]
    );
}

#[test]
fn markdown_blocks() {
    let text = "# Visit of ICESCO\n\nThe visit was accompanied by an artistic program. It ended.\n\n```\nlet x = 1. Not text.\n```\n* Item one. Item two.\n> Quoted text.\n\n| cell one | cell two |\n|---|---|\n";
    let got: Vec<String> = segment_markdown(text, &tag("en"), Rules::builtin())
        .into_iter()
        .map(|s| s.text)
        .collect();
    assert_eq!(
        got,
        [
            "Visit of ICESCO",
            "The visit was accompanied by an artistic program.",
            "It ended.",
            "Item one.",
            "Item two.",
            "Quoted text.",
            "cell one | cell two |",
        ]
    );
}

#[test]
fn nothing_to_segment() {
    assert!(sentences("", "en").is_empty());
    assert!(sentences(" \n\n\t\n", "ar").is_empty());
    assert_eq!(sentences("...", "en"), ["..."]);
    assert_eq!(sentences("؟", "ar"), ["؟"]);
}

#[test]
fn exported_rules_read_back_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rules.srx");
    std::fs::write(&path, write_srx(Rules::builtin().document())).unwrap();
    let read = Rules::from_srx_file(&path).unwrap();
    assert!(read.problems().is_empty(), "{:?}", read.problems());
    let mut expected = Rules::builtin().document().clone();
    for rule in expected
        .language_rules
        .iter_mut()
        .flat_map(|l| &mut l.rules)
    {
        rule.comment = None;
    }
    assert_eq!(read.document(), &expected);
}

#[test]
fn sample_srx_files_load_and_segment() {
    let srx = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/interop/srx");
    if !srx.exists() {
        return;
    }
    let trados = Rules::from_srx_file(&srx.join("okapi-tradosSegmentation.srx")).unwrap();
    assert!(trados.problems().is_empty(), "{:?}", trados.problems());
    let text =
        "Mr. Holmes is from the U.K. not the U.S. Is Dr. Watson from there too? Yes: both are.";
    let got: Vec<String> = segment_document(text, &tag("en"), &trados)
        .into_iter()
        .map(|s| s.text)
        .collect();
    assert_eq!(
        got,
        [
            // Their rule keeps "U.S. Is" together.
            "Mr. Holmes is from the U.K. not the U.S. Is Dr. Watson from there too?",
            "Yes:",
            "both are."
        ]
    );
    let sample = Rules::from_srx_file(&srx.join("okapi-sample20.srx")).unwrap();
    assert!(sample.problems().is_empty(), "{:?}", sample.problems());
    let got: Vec<String> = segment_document(
        "Mr. Holmes is here. Dr. Watson too. The U.K. is far.",
        &tag("en-GB"),
        &sample,
    )
    .into_iter()
    .map(|s| s.text)
    .collect();
    assert_eq!(
        got,
        ["Mr. Holmes is here.", "Dr. Watson too.", "The U.K. is far."]
    );
    let german = Rules::from_srx_file(&srx.join("okapi-language_tools_german.srx")).unwrap();
    assert!(german.problems().is_empty(), "{:?}", german.problems());
    let got: Vec<String> = segment_document(
        "Das ist z. B. ein Satz. Am 13. Dezember kam er. Er ging.",
        &tag("de"),
        &german,
    )
    .into_iter()
    .map(|s| s.text)
    .collect();
    assert_eq!(
        got,
        [
            "Das ist z. B. ein Satz.",
            "Am 13. Dezember kam er.",
            "Er ging."
        ]
    );
    let empty = Rules::from_srx_file(&srx.join("okapi-empty.srx")).unwrap_err();
    assert!(matches!(
        empty,
        Error::Input {
            reason: Reason::Empty,
            ..
        }
    ));
}

#[test]
fn bad_patterns_are_reported_with_their_position() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.srx");
    std::fs::write(
        &path,
        "<?xml version=\"1.0\"?>\n<srx xmlns=\"http://www.lisa.org/srx20\" version=\"2.0\">\n<header segmentsubflows=\"yes\" cascade=\"no\"/>\n<body><languagerules><languagerule languagerulename=\"x\">\n<rule break=\"yes\"><beforebreak>\\p{InGreek}</beforebreak><afterbreak>\\s</afterbreak></rule>\n<rule><beforebreak>(?&lt;=\\w)\\.</beforebreak><afterbreak>\\s</afterbreak></rule>\n</languagerule></languagerules>\n<maprules><languagemap languagepattern=\".*\" languagerulename=\"x\"/></maprules></body></srx>\n",
    )
    .unwrap();
    let rules = Rules::from_srx_file(&path).unwrap();
    assert_eq!(rules.problems().len(), 1, "{:?}", rules.problems());
    match &rules.problems()[0] {
        Error::Input {
            position: Some(p),
            reason: Reason::SrxRegex { pattern, .. },
            ..
        } => {
            assert_eq!((p.line, p.column), (5, 1));
            assert_eq!(pattern, r"\p{InGreek}");
        }
        other => panic!("{other:?}"),
    }
    // The look-behind rule still works.
    let got: Vec<String> = segment_document("One. Two.", &tag("en"), &rules)
        .into_iter()
        .map(|s| s.text)
        .collect();
    assert_eq!(got, ["One.", "Two."]);
}

#[test]
fn malformed_srx_is_a_positioned_error() {
    let dir = tempfile::tempdir().unwrap();
    let cases: [(&str, u64, u64); 4] = [
        ("<srx><header></srx>", 1, 14),
        (
            "<srx version=\"2.0\">\n<body><languagerules/><maprules><languagemap languagepattern=\".*\" languagerulename=\"none\"/></maprules></body></srx>",
            2,
            33,
        ),
        (
            "<srx>\n<body><languagerules><languagerule languagerulename=\"a\"><rule break=\"maybe\"/></languagerule></languagerules></body></srx>",
            2,
            57,
        ),
        ("<tmx/>", 1, 1),
    ];
    for (i, (xml, line, column)) in cases.iter().enumerate() {
        let path = dir.path().join(format!("{i}.srx"));
        std::fs::write(&path, xml).unwrap();
        match Rules::from_srx_file(&path) {
            Err(Error::Input {
                position: Some(p), ..
            }) => assert_eq!((p.line, p.column), (*line, *column), "{xml}"),
            other => panic!("{xml}: {other:?}"),
        }
    }
}
