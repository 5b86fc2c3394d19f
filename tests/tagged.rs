//! `check` on XLIFF 1.2, XLIFF 2.0, TMX and PO segments with inline tags, through the binary:
//! the text between tags is checked, code is not, positions point at the file as stored, and
//! `--fix` never touches markup.

use std::path::Path;

use crate::common::{Sandbox, parse_jsonl};

const GLOSSARY: &str = "\
id,type,en,az,kk,ar,variants,forbidden,note
p_almalik,person,Salim AlMalik,,,سالم بن محمد المالك,Salim Al-Malik,,
p_tokayev,person,Kassym-Jomart Tokayev,,Қасым-Жомарт Тоқаев,,Касым-Жомарт Токаев,,
pl_almaty,place,Almaty,Almatı,Алматы,ألماتي,,Alma-Ata,
";

const XLIFF12: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file source-language="en" target-language="en-GB" datatype="plaintext" original="news.txt">
    <body>
      <trans-unit id="1">
        <source>The visit of <g id="1">Salim AlMalik</g> to Almaty.</source>
        <target>The visit of <g id="1">Al-Malik</g> to Almaty &amp; Baku.</target>
      </trans-unit>
      <trans-unit id="2">
        <source>Then AlMalik spoke.</source>
        <target>Later, Al<x id="2"/>-Malik spoke <ph id="3">&lt;b title="Al-Malik"&gt;</ph>briefly.</target>
      </trans-unit>
      <trans-unit id="3">
        <source>Welcome to <bpt id="4">&lt;b&gt;</bpt>Almaty<ept id="4">&lt;/b&gt;</ept>.</source>
        <target>Welcome to <bpt id="4">&lt;b&gt;</bpt>the city<ept id="4">&lt;/b&gt;</ept>.</target>
      </trans-unit>
      <trans-unit id="4">
        <source>Almaty <mrk mtype="term">grows</mrk>.</source>
        <target><mrk mtype="term">Almaty</mrk> grows.</target>
      </trans-unit>
    </body>
  </file>
</xliff>
"#;

const XLIFF20: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="kk">
  <file id="f1">
    <unit id="u1">
      <segment>
        <source>Akorda reported on <pc id="1">Kassym-Jomart Tokayev</pc>.</source>
        <target>Ақорда <pc id="1">Касым-Жомарт Токаев</pc> туралы хабарлады.</target>
      </segment>
    </unit>
    <unit id="u2">
      <originalData><data id="d1">&lt;br/&gt;</data></originalData>
      <segment>
        <source>He left <mrk id="m1" translate="yes">Almaty</mrk>.<ph id="2" dataRef="d1"/></source>
        <target>Ол <mrk id="m1" translate="yes">қаладан</mrk> кетті.<ph id="2" dataRef="d1"/></target>
      </segment>
    </unit>
    <unit id="u3">
      <segment>
        <source>He reached <pc id="3">Almaty</pc>.</source>
        <target>Ол <pc id="3">Алматыға</pc> жетті.</target>
      </segment>
    </unit>
  </file>
</xliff>
"#;

const TMX: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="t" creationtoolversion="1" datatype="plaintext" segtype="sentence" adminlang="en" srclang="en" o-tmf="t"/>
<body>
<tu><tuv xml:lang="en"><seg>Today <bpt i="1">&lt;b&gt;</bpt>Kassym-Jomart Tokayev<ept i="1">&lt;/b&gt;</ept> was in Almaty.</seg></tuv>
<tuv xml:lang="kk"><seg>Бүгін <hi type="b">Касым-Жомарт Токаев</hi> <ph x="2">{1}</ph>Алматыда болды.</seg></tuv></tu>
<tu><tuv xml:lang="en"><seg>Almaty <it pos="begin">&lt;i&gt;</it>welcomes you.</seg></tuv>
<tuv xml:lang="kk"><seg>Сізді <it pos="begin">&lt;i&gt;Алматы</it>қала қарсы алады.</seg></tuv></tu>
</body></tmx>
"#;

fn setup() -> (Sandbox, std::path::PathBuf) {
    let sb = Sandbox::new();
    let glossary = sb.write("g.csv", GLOSSARY);
    (sb, glossary)
}

fn check(sb: &Sandbox, glossary: &Path) -> assert_cmd::Command {
    let mut cmd = sb.cmd();
    cmd.arg("--no-default-glossaries")
        .arg("--glossary")
        .arg(glossary)
        .arg("check");
    cmd
}

/// The 1-based line and column (in scalar values) of byte `at` of `text`.
fn position(text: &str, at: usize) -> (u64, u64) {
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line as u64, before[line_start..].chars().count() as u64 + 1)
}

/// (rule, found, suggestion, the stored text at the finding's span) of each finding, checking
/// that line/column and end_line/end_column agree.
fn findings(sb: &Sandbox, glossary: &Path, name: &str, content: &str) -> Vec<[String; 4]> {
    let path = sb.write(name, content);
    let out = check(sb, glossary)
        .args(["--format", "jsonl"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(out.status.code() == Some(1), "{out:?}");
    let lines: Vec<&str> = content.split('\n').collect();
    parse_jsonl(&out.stdout)
        .iter()
        .map(|r| {
            let n = |k: &str| r[k].as_u64().unwrap() as usize;
            let s = |k: &str| r[k].as_str().unwrap_or_default().to_string();
            assert_eq!(n("line"), n("end_line"), "{r}");
            let stored: String = lines[n("line") - 1]
                .chars()
                .skip(n("column") - 1)
                .take(n("end_column") - n("column"))
                .collect();
            [s("rule"), s("found"), s("suggestion"), stored]
        })
        .collect()
}

fn row(rule: &str, found: &str, suggestion: &str, stored: &str) -> [String; 4] {
    [rule, found, suggestion, stored].map(str::to_string)
}

#[test]
fn xliff12_names_inside_and_across_tags_with_stored_positions() {
    let (sb, g) = setup();
    assert_eq!(
        findings(&sb, &g, "news.xlf", XLIFF12),
        [
            // Inside <g>: the span is the name's letters between the tags.
            row("glossary-variant", "Al-Malik", "AlMalik", "Al-Malik"),
            // Split by <x/>: the name is read whole, its span holds the tag; the <ph> code
            // with the same name is not text.
            row(
                "glossary-variant",
                "Al-Malik",
                "AlMalik",
                r#"Al<x id="2"/>-Malik"#
            ),
            // The term of the source is only in the code (<bpt>) of the target: missing.
            row(
                "term-missing",
                "Welcome to the city.",
                "Almaty",
                r#"Welcome to <bpt id="4">&lt;b&gt;</bpt>the city<ept id="4">&lt;/b&gt;</ept>."#
            ),
        ]
    );
    let at = XLIFF12.find(r#"<g id="1">Al-Malik"#).unwrap() + r#"<g id="1">"#.len();
    let out = check(&sb, &g)
        .args(["--format", "jsonl", "news.xlf"])
        .output()
        .unwrap();
    let first = &parse_jsonl(&out.stdout)[0];
    let (line, column) = position(XLIFF12, at);
    assert_eq!(
        (first["line"].as_u64(), first["column"].as_u64()),
        (Some(line), Some(column))
    );
}

#[test]
fn xliff12_fix_changes_text_between_tags_and_never_markup() {
    let (sb, g) = setup();
    sb.write("news.xlf", XLIFF12);
    check(&sb, &g)
        .args(["--fix", "-o", "fixed.xlf", "news.xlf"])
        .assert()
        .code(1);
    let fixed = std::fs::read_to_string(sb.path("fixed.xlf")).unwrap();
    // Only the name inside <g> changed; the one split by <x/> is left for a person.
    let expected = XLIFF12.replacen(r#"<g id="1">Al-Malik</g>"#, r#"<g id="1">AlMalik</g>"#, 1);
    assert_eq!(fixed, expected);
    // SARIF offers a fix only where it can be applied.
    let out = check(&sb, &g)
        .args(["--format", "sarif", "news.xlf"])
        .output()
        .unwrap();
    let sarif: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let with_fixes: Vec<bool> = results.iter().map(|r| r.get("fixes").is_some()).collect();
    assert_eq!(with_fixes, [true, false, false]);
    // The fixed file is still a valid XLIFF file that tarjuman reads, and is clean of the
    // variant inside <g>.
    let rows = parse_jsonl(
        &check(&sb, &g)
            .args(["--format", "jsonl", "fixed.xlf"])
            .output()
            .unwrap()
            .stdout,
    );
    assert_eq!(rows.len(), 2, "{rows:?}");
}

#[test]
fn xliff20_pc_mrk_and_ph_with_term_missing() {
    let (sb, g) = setup();
    assert_eq!(
        findings(&sb, &g, "doc.xlf", XLIFF20),
        [
            row(
                "glossary-variant",
                "Касым-Жомарт Токаев",
                "Қасым-Жомарт Тоқаев",
                "Касым-Жомарт Токаев"
            ),
            row(
                "term-missing",
                "Ол қаладан кетті.",
                "Алматы",
                // Tags at the ends of a span are left out of it.
                r#"Ол <mrk id="m1" translate="yes">қаладан</mrk> кетті."#
            ),
        ]
    );
}

#[test]
fn tmx_hi_is_text_and_it_ph_are_code() {
    let (sb, g) = setup();
    assert_eq!(
        findings(&sb, &g, "memory.tmx", TMX),
        [
            row(
                "glossary-variant",
                "Касым-Жомарт Токаев",
                "Қасым-Жомарт Тоқаев",
                "Касым-Жомарт Токаев"
            ),
            // Алматы inside <it> is code, so the translation lacks the term.
            row(
                "term-missing",
                "Сізді қала қарсы алады.",
                "Алматы",
                r#"Сізді <it pos="begin">&lt;i&gt;Алматы</it>қала қарсы алады."#
            ),
        ]
    );
    sb.write("memory.tmx", TMX);
    check(&sb, &g)
        .args(["--fix", "-o", "fixed.tmx", "memory.tmx"])
        .assert()
        .code(1);
    let fixed = std::fs::read_to_string(sb.path("fixed.tmx")).unwrap();
    assert_eq!(
        fixed,
        TMX.replacen(
            "<hi type=\"b\">Касым-Жомарт Токаев</hi>",
            "<hi type=\"b\">Қасым-Жомарт Тоқаев</hi>",
            1
        )
    );
}

#[test]
fn po_tags_are_text_and_escapes_keep_columns() {
    let (sb, g) = setup();
    let po = "msgid \"\"\nmsgstr \"\"\n\"Language: az\\n\"\n\n\
              msgid \"<b>Almaty</b> is \\\"big\\\"\"\n\
              msgstr \"\\\"Böyük\\\" <b>Alma-Ata</b> şəhəri\"\n";
    assert_eq!(
        findings(&sb, &g, "ui.po", po),
        [row("forbidden-spelling", "Alma-Ata", "Almatı", "Alma-Ata")]
    );
}
