use super::*;

fn run(source: &[&str], target: &[&str]) -> Vec<(Range<usize>, Range<usize>)> {
    align(
        source,
        target,
        Language::English,
        Language::Kazakh,
        &BuiltinAnchors,
        &mut |_, _| {},
    )
    .into_iter()
    .map(|l| (l.source, l.target))
    .collect()
}

const EN: &[&str] = &[
    "On December 9, 2025, ICESCO Director-General Mr. Salim bin Mohammed AlMalik visited the headquarters of the Turkic Culture and Heritage Foundation.",
    "He met with the President of the organization, Mrs. Aktoty Raimkulova.",
    "Important issues related to expanding scientific cooperation were discussed.",
    "The two sides exchanged plans for 2026.",
    "The visit was accompanied by an artistic program.",
    "Is the memorandum signed?",
];

const KK: &[&str] = &[
    "2025 жылғы 9 желтоқсанда ICESCO Бас директоры Салим бин Мухаммед әл-Малик Түркі мәдениеті және мұрасы қорының штаб-пәтеріне барды.",
    "Ол ұйым президенті Ақтоты Райымқұловамен кездесті.",
    "Ғылыми ынтымақтастықты кеңейтуге қатысты маңызды мәселелер талқыланды.",
    "Тараптар 2026 жылға арналған жоспарларымен алмасты.",
    "Сапар көркем бағдарламамен қатар жүрді.",
    "Меморандумға қол қойылды ма?",
];

#[test]
fn one_to_one() {
    let links = run(EN, KK);
    assert_eq!(
        links,
        (0..6).map(|i| (i..i + 1, i..i + 1)).collect::<Vec<_>>()
    );
}

#[test]
fn merges_and_deletions() {
    // Target: sentences 1 and 2 merged into one, sentence 3 missing.
    let merged = format!("{} {}", KK[1], KK[2]);
    let target = [KK[0], merged.as_str(), KK[4], KK[5]];
    let links = run(EN, &target);
    assert_eq!(
        links,
        [
            (0..1, 0..1),
            (1..3, 1..2),
            (3..4, 2..2),
            (4..5, 2..3),
            (5..6, 3..4)
        ]
    );
}

#[test]
fn confidences_are_probabilities_and_pairs_are_confident() {
    let links = align(
        EN,
        KK,
        Language::English,
        Language::Kazakh,
        &BuiltinAnchors,
        &mut |_, _| {},
    );
    for link in &links {
        assert!((0.0..=1.0).contains(&link.confidence), "{link:?}");
        assert!(link.confidence > 0.5, "{link:?}");
    }
}

#[test]
fn empty_sides() {
    assert_eq!(run(&[], &[]), []);
    assert_eq!(run(&["One."], &[]), [(0..1, 0..0)]);
    assert_eq!(run(&[], &["Бір."]), [(0..0, 0..1)]);
}

#[test]
fn anchors_are_pluggable() {
    // A glossary-like source: both sides mention the same entry.
    let glossary = |s: &str, _: Language| {
        if s.contains("Raimkulova") || s.contains("Райымқұлова") {
            vec![Anchor::new(AnchorKind::Name, "person:raimkulova")]
        } else {
            Vec::new()
        }
    };
    let both = Anchors(vec![&BuiltinAnchors, &glossary]);
    let mut out = Vec::new();
    both.anchors(KK[1], Language::Kazakh, &mut out);
    assert_eq!(out, [Anchor::new(AnchorKind::Name, "person:raimkulova")]);
    let links = align(
        EN,
        KK,
        Language::English,
        Language::Kazakh,
        &both,
        &mut |_, _| {},
    );
    assert_eq!(links.len(), 6);
}

#[test]
fn the_band_widens_when_the_path_drifts() {
    // 150 target sentences missing at the start: far outside the first band.
    let source: Vec<String> = (0..400)
        .map(|i| format!("Sentence number {i} has {} words in it.", i % 7 + 3))
        .collect();
    let target: Vec<String> = (150..400)
        .map(|i| format!("{i} нөмірлі сөйлемде {} сөз бар.", i % 7 + 3))
        .collect();
    let s: Vec<&str> = source.iter().map(String::as_str).collect();
    let t: Vec<&str> = target.iter().map(String::as_str).collect();
    let links = run(&s, &t);
    let pairs: Vec<_> = links
        .iter()
        .filter(|(a, b)| !a.is_empty() && !b.is_empty())
        .collect();
    assert_eq!(pairs.len(), 250);
    let wrong: Vec<_> = pairs
        .iter()
        .filter(|(a, b)| a.start != b.start + 150)
        .collect();
    assert!(wrong.is_empty(), "{wrong:?}");
}
