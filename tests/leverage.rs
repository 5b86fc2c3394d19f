//! `match` placeables and context, `analyze` bands and `pretranslate` for XLIFF 1.2, XLIFF 2.0, PO
//! and plain text, with schema validation by xmllint.

use std::path::Path;
use std::process::Command;

use predicates::prelude::*;

use crate::common::{Sandbox, shared};

const TSV: &str = "en\taz\tkk\n\
You have 3 new messages.\tSizin 3 yeni mesajınız var.\tСізде 3 жаңа хабар бар.\n\
Open the file.\tFaylı aç.\tФайлды аш.\n\
Save the file.\tFaylı saxla.\tФайлды сақта.\n\
Close the file.\tFaylı bağla.\tФайлды жап.\n\
Save the file.\tFaylı yadda saxla.\tФайлды сақтау.\n";

fn sandbox() -> Sandbox {
    let sb = Sandbox::new();
    let tsv = sb.write("tm.tsv", TSV);
    sb.cmd().arg("import").arg(tsv).assert().success();
    sb
}

/// Runs `pretranslate --from en --to az -o OUTPUT INPUT` in the sandbox.
fn pretranslate(sb: &Sandbox, input: &Path, output: &Path) -> assert_cmd::assert::Assert {
    sb.cmd()
        .args(["pretranslate", "--from", "en", "--to", "az", "-o"])
        .arg(output)
        .arg(input)
        .assert()
}

fn json_out(sb: &Sandbox, args: &[&str]) -> serde_json::Value {
    let out = sb.cmd().args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Whether xmllint accepts `file` against the schema at `schema` (under the shared schemas).
fn validates(file: &Path, schema: &str) -> bool {
    let schema = shared("interop/schemas").join(schema);
    let out = Command::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(schema)
        .arg(file)
        .output()
        .expect("xmllint is installed");
    if !out.status.success() {
        eprintln!("{}", String::from_utf8_lossy(&out.stderr));
    }
    out.status.success()
}

#[test]
fn numbers_are_adjusted_and_the_score_stays_exact() {
    let sb = sandbox();
    let out = sb
        .cmd()
        .args(["match", "--from", "en", "--to", "az", "--format", "jsonl"])
        .arg("You have 12 new messages.")
        .output()
        .unwrap();
    let line: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let m = &line["matches"][0];
    assert_eq!(m["target"], "Sizin 12 yeni mesajınız var.");
    assert_eq!(m["adjusted"], true);
    assert_eq!(m["source"], "You have 3 new messages.");
    let score = m["score"].as_f64().unwrap();
    assert!((score - 100.0 * (1.0 - 2.0 / 25.0)).abs() < 1e-9, "{score}");
    // An unadjusted match has no such key.
    let out = sb
        .cmd()
        .args(["match", "--from", "en", "--to", "az", "--format", "jsonl"])
        .arg("Open the files.")
        .output()
        .unwrap();
    let line: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(line["matches"][0].get("adjusted").is_none(), "{line}");
}

#[test]
fn context_makes_101() {
    let sb = sandbox();
    let out = sb
        .cmd()
        .args(["match", "--from", "en", "--to", "az", "--format", "jsonl"])
        .args([
            "--context-prev",
            "Open the file.",
            "--context-next",
            "Close the file.",
        ])
        .arg("Save the file.")
        .output()
        .unwrap();
    let line: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let first = &line["matches"][0];
    assert_eq!(first["score"], 101.0);
    assert_eq!(first["target"], "Faylı saxla.");
    assert_eq!(line["matches"][1]["score"], 100.0);
    // The other neighbour: the second "Save the file." comes after "Close the file.".
    let out = sb
        .cmd()
        .args(["match", "--from", "en", "--to", "az", "--format", "jsonl"])
        .args(["--context-prev", "Close the file."])
        .arg("Save the file.")
        .output()
        .unwrap();
    let line: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(line["matches"][0]["score"], 101.0);
    assert_eq!(line["matches"][0]["target"], "Faylı yadda saxla.");
}

#[test]
fn analyze_counts_bands_per_file_and_in_total() {
    let sb = sandbox();
    let doc = sb.write(
        "doc.txt",
        "Open the file. Save the file. Close the file.\n\nYou have 7 new messages. Something else entirely here.\n\nOpen the file.\n\nOpen the files now.\n",
    );
    let second = sb.write("more.md", "# Title\n\nOpen the file.\n");
    let report = json_out(
        &sb,
        &[
            "analyze",
            "--from",
            "en",
            "--to",
            "az",
            "--format",
            "json",
            doc.to_str().unwrap(),
            second.to_str().unwrap(),
        ],
    );
    let bands = &report["files"][0]["bands"];
    let segments = |b: &str| bands[b]["segments"].as_u64().unwrap();
    assert_eq!(segments("101"), 2, "{report}");
    assert_eq!(segments("100"), 1);
    assert_eq!(segments("95-99"), 1);
    assert_eq!(segments("no-match"), 1);
    assert_eq!(segments("repetitions"), 1);
    // 1 − 5/19: below 75, found by the second search.
    assert_eq!(segments("50-74"), 1);
    assert_eq!(report["files"][0]["total"]["words"], 25);
    let more = &report["files"][1]["bands"];
    assert_eq!(more["repetitions"]["segments"], 1);
    assert_eq!(more["no-match"]["segments"], 1);
    assert_eq!(report["total"]["total"]["segments"], 9);
    sb.cmd()
        .args(["analyze", "--from", "en", "--format", "csv"])
        .arg(&doc)
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "file,band,segments,words,characters\n",
        ));
    // An empty memory: everything is new; a language not in it is named.
    let empty = Sandbox::new();
    let report = json_out(
        &empty,
        &[
            "analyze",
            "--from",
            "en",
            "--format",
            "json",
            doc.to_str().unwrap(),
        ],
    );
    assert_eq!(report["total"]["bands"]["no-match"]["segments"], 6);
    sb.cmd()
        .args(["analyze", "--from", "ar"])
        .arg(&doc)
        .assert()
        .success()
        .stderr(predicate::str::contains("no text in ar"));
}

const XLIFF12: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<!-- a comment that stays -->
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="ui.txt" source-language="en" target-language="az" datatype="plaintext">
    <body>
      <trans-unit id="1" resname="open">
        <source>Open the file.</source>
      </trans-unit>
      <trans-unit id="2">
        <source>You have 12 new messages.</source>
        <target state="new"></target>
        <note>keep me</note>
      </trans-unit>
      <trans-unit id="3">
        <source>Close the file.</source>
        <target>Bağla!</target>
      </trans-unit>
      <trans-unit id="4">
        <source>Nothing like it at all, really.</source>
      </trans-unit>
      <trans-unit id="5">
        <source>Open <g id="1">the</g> file.</source>
      </trans-unit>
    </body>
  </file>
</xliff>
"#;

#[test]
fn xliff_1_2_is_filled_in_place_and_validates() {
    let sb = sandbox();
    let input = sb.write("ui.xlf", XLIFF12);
    assert!(validates(&input, "xliff12/xliff-core-1.2-strict.xsd"));
    let output = sb.path("out.xlf");
    pretranslate(&sb, &input, &output)
        .success()
        .stdout(predicate::str::contains("1 filled with 100 %"))
        .stdout(predicate::str::contains(
            "1 segments got their inline codes after the text",
        ));
    let out = std::fs::read_to_string(&output).unwrap();
    assert!(
        validates(&output, "xliff12/xliff-core-1.2-strict.xsd"),
        "{out}"
    );
    let expected = XLIFF12
        .replace(
            "<source>Open the file.</source>",
            "<source>Open the file.</source><target state=\"translated\" state-qualifier=\"exact-match\">Faylı aç.</target><alt-trans match-quality=\"100\" origin=\"tarjuman\"><source>Open the file.</source><target>Faylı aç.</target></alt-trans>",
        )
        .replace(
            "<target state=\"new\"></target>",
            "<target state=\"needs-review-translation\" state-qualifier=\"leveraged-tm\">Sizin 12 yeni mesajınız var.</target><alt-trans match-quality=\"92\" origin=\"tarjuman\"><source>You have 3 new messages.</source><target>Sizin 12 yeni mesajınız var.</target></alt-trans>",
        )
        // The memory's translation has no codes: the source's follow its text, to be reviewed.
        .replace(
            "<source>Open <g id=\"1\">the</g> file.</source>",
            "<source>Open <g id=\"1\">the</g> file.</source><target state=\"needs-review-translation\" state-qualifier=\"leveraged-tm\">Faylı aç.<g id=\"1\"></g></target><alt-trans match-quality=\"100\" origin=\"tarjuman\"><source>Open the file.</source><target>Faylı aç.</target></alt-trans>",
        );
    assert_eq!(out, expected);
}

const XLIFF20: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en">
  <file id="f1">
    <unit id="u1" name="save">
      <notes><note>stays</note></notes>
      <segment state="initial">
        <source>Save the file.</source>
      </segment>
      <segment id="s2">
        <source>You have 3 new messages!</source>
        <target/>
      </segment>
    </unit>
    <unit id="u2">
      <segment id="x"><source>Close the file.</source><target>Bağla</target></segment>
    </unit>
  </file>
</xliff>
"#;

#[test]
fn xliff_2_0_is_filled_in_place_and_validates() {
    let sb = sandbox();
    let input = sb.write("ui.xlf", XLIFF20);
    assert!(validates(&input, "xliff20/xliff_core_2.0.xsd"));
    let output = sb.path("out.xlf");
    pretranslate(&sb, &input, &output).success();
    let out = std::fs::read_to_string(&output).unwrap();
    assert!(validates(&output, "xliff20/xliff_core_2.0.xsd"), "{out}");
    assert!(out.contains("srcLang=\"en\" trgLang=\"az\">"), "{out}");
    assert!(
        out.contains(
            "<segment id=\"tarjuman1\" state=\"translated\" subState=\"tarjuman:exact-match\">"
        ) && out.contains("<mtc:match ref=\"#tarjuman1\" similarity=\"100\""),
        "{out}"
    );
    assert!(
        out.contains("<source>Save the file.</source><target>Faylı saxla.</target>"),
        "{out}"
    );
    assert!(
        out.contains("<segment id=\"s2\" state=\"initial\" subState=\"tarjuman:leveraged-tm\">"),
        "{out}"
    );
    assert!(
        out.contains("<target>Sizin 3 yeni mesajınız var.</target>"),
        "{out}"
    );
    assert!(
        out.contains(
            "<mtc:match ref=\"#s2\" similarity=\"95.83\" type=\"tm\" origin=\"tarjuman\">"
        ),
        "{out}"
    );
    assert!(out.contains("<notes><note>stays</note></notes>"));
    assert!(out.contains(
        "<segment id=\"x\"><source>Close the file.</source><target>Bağla</target></segment>"
    ));
}

/// A memory whose units have inline codes, in TMX.
const TMX_CODES: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en" datatype="xml"/><body>
<tu><tuv xml:lang="en"><seg>Click <bpt i="1" x="1">&lt;b&gt;</bpt>Save<ept i="1">&lt;/b&gt;</ept> to keep <ph x="2">%s</ph>.</seg></tuv>
<tuv xml:lang="az"><seg><ph x="2">%s</ph> saxlamaq üçün <bpt i="1" x="1">&lt;b&gt;</bpt>Saxla<ept i="1">&lt;/b&gt;</ept> düyməsini basın.</seg></tuv></tu>
<tu><tuv xml:lang="en"><seg>Page <ph x="1">&lt;br/&gt;</ph>3 of the report</seg></tuv>
<tuv xml:lang="az"><seg>Hesabatın <ph x="1">&lt;br/&gt;</ph>3-cü səhifəsi</seg></tuv></tu>
</body></tmx>
"#;

fn sandbox_with_codes() -> Sandbox {
    let sb = Sandbox::new();
    let tmx = sb.write("codes.tmx", TMX_CODES);
    sb.cmd().arg("import").arg(tmx).assert().success();
    sb
}

const XLIFF12_CODES: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="ui.html" source-language="en" target-language="az" datatype="html">
    <body>
      <trans-unit id="1">
        <source>Click <g id="1" ctype="bold">Save</g> to keep <x id="2" ctype="x-var"/>.</source>
      </trans-unit>
      <trans-unit id="2">
        <source>Click <bx id="1"/>Save<ex id="1"/> to keep <ph id="2">%s</ph>!</source>
        <target/>
      </trans-unit>
      <trans-unit id="3">
        <source>Page <x id="7"/>12 of the report</source>
      </trans-unit>
      <trans-unit id="4">
        <source><bpt id="1">&lt;i&gt;</bpt>Click Save<ept id="1">&lt;/i&gt;</ept> to keep.</source>
      </trans-unit>
      <trans-unit id="5">
        <source>Click <g id="1">Save <x id="2"/></g>to keep.</source>
      </trans-unit>
    </body>
  </file>
</xliff>
"#;

#[test]
fn xliff_1_2_codes_are_carried_into_the_target() {
    let sb = sandbox_with_codes();
    let input = sb.write("ui.xlf", XLIFF12_CODES);
    assert!(validates(&input, "xliff12/xliff-core-1.2-strict.xsd"));
    let output = sb.path("out.xlf");
    pretranslate(&sb, &input, &output)
        .success()
        .stdout(predicate::str::contains("5 segments, 1 filled with 100 %"))
        .stdout(predicate::str::contains(
            "2 segments got their inline codes after the text",
        ));
    let out = std::fs::read_to_string(&output).unwrap();
    assert!(
        validates(&output, "xliff12/xliff-core-1.2-strict.xsd"),
        "{out}"
    );
    let alt = |score: &str, source: &str, target: &str| {
        format!(
            "<alt-trans match-quality=\"{score}\" origin=\"tarjuman\"><source>{source}</source><target>{target}</target></alt-trans>"
        )
    };
    let exact = "state=\"translated\" state-qualifier=\"exact-match\"";
    let review = "state=\"needs-review-translation\" state-qualifier=\"leveraged-tm\"";
    // The memory's texts as stored: the content of native codes (`%s`) is not text.
    let memory = "Click Save to keep .";
    let az = " saxlamaq üçün Saxla düyməsini basın.";
    let expected = XLIFF12_CODES
        // The same codes in the same places: the codes go where the memory's translation has them.
        .replace(
            "<x id=\"2\" ctype=\"x-var\"/>.</source>",
            &format!(
                "<x id=\"2\" ctype=\"x-var\"/>.</source><target {exact}><x id=\"2\" ctype=\"x-var\"/> saxlamaq üçün <g id=\"1\" ctype=\"bold\">Saxla</g> düyməsini basın.</target>{}",
                alt("100", memory, az)
            ),
        )
        // Other codes of the same shape (bx/ex and a ph with native code): mapped in order.
        .replace(
            "<target/>",
            &format!(
                "<target {review}><ph id=\"2\">%s</ph> saxlamaq üçün <bx id=\"1\"/>Saxla<ex id=\"1\"/> düyməsini basın.</target>{}",
                alt("95", memory, az)
            ),
        )
        // The number is adjusted with the code in place.
        .replace(
            "12 of the report</source>",
            &format!(
                "12 of the report</source><target {review}>Hesabatın <x id=\"7\"/>12-cü səhifəsi</target>{}",
                alt("90.48", "Page 3 of the report", "Hesabatın 12-cü səhifəsi")
            ),
        )
        // Two codes against the memory's three: appended in source order.
        .replace(
            "<ept id=\"1\">&lt;/i&gt;</ept> to keep.</source>",
            &format!(
                "<ept id=\"1\">&lt;/i&gt;</ept> to keep.</source><target {review}>{}<bpt id=\"1\">&lt;i&gt;</bpt><ept id=\"1\">&lt;/i&gt;</ept></target>{}",
                az.trim_start(),
                alt("95", memory, az)
            ),
        )
        // Another structure than the memory's (<x/> inside <g>): appended, nested as in the source.
        .replace(
            "</g>to keep.</source>",
            &format!(
                "</g>to keep.</source><target {review}>{}<g id=\"1\"><x id=\"2\"/></g></target>{}",
                az.trim_start(),
                alt("95", memory, az)
            ),
        );
    assert_eq!(out, expected);
}

const XLIFF20_CODES: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="az">
  <file id="f1">
    <unit id="u1">
      <originalData><data id="d1">%s</data></originalData>
      <segment id="s1"><source>Click <pc id="1">Save</pc> to keep <ph id="2" dataRef="d1"/>.</source></segment>
    </unit>
    <unit id="u2">
      <segment id="s2"><source>Click <sc id="1"/>Save<ec startRef="1"/> to keep <ph id="2" canReorder="no"/>.</source></segment>
    </unit>
    <unit id="u3">
      <segment id="s3"><source>Click <mrk id="m1" translate="no">Save</mrk> to keep <ph id="2"/>.</source></segment>
    </unit>
  </file>
</xliff>
"#;

#[test]
fn xliff_2_0_codes_are_carried_into_the_target() {
    let sb = sandbox_with_codes();
    let input = sb.write("ui.xlf", XLIFF20_CODES);
    assert!(validates(&input, "xliff20/xliff_core_2.0.xsd"));
    let output = sb.path("out.xlf");
    pretranslate(&sb, &input, &output).success();
    let out = std::fs::read_to_string(&output).unwrap();
    assert!(validates(&output, "xliff20/xliff_core_2.0.xsd"), "{out}");
    assert!(
        out.contains("<segment id=\"s1\" state=\"translated\" subState=\"tarjuman:exact-match\"><source>Click <pc id=\"1\">Save</pc> to keep <ph id=\"2\" dataRef=\"d1\"/>.</source><target><ph id=\"2\" dataRef=\"d1\"/> saxlamaq üçün <pc id=\"1\">Saxla</pc> düyməsini basın.</target></segment>"),
        "{out}"
    );
    // canReorder="no": the codes may not move, so they follow the text in source order.
    assert!(
        out.contains("<segment id=\"s2\" state=\"initial\" subState=\"tarjuman:leveraged-tm\"><source>Click <sc id=\"1\"/>Save<ec startRef=\"1\"/> to keep <ph id=\"2\" canReorder=\"no\"/>.</source><target>saxlamaq üçün Saxla düyməsini basın.<sc id=\"1\"/><ec startRef=\"1\"/><ph id=\"2\" canReorder=\"no\"/></target>"),
        "{out}"
    );
    // An annotation has no counterpart in the memory.
    assert!(
        out.contains("<target>saxlamaq üçün Saxla düyməsini basın.<mrk id=\"m1\" translate=\"no\"></mrk><ph id=\"2\"/></target>"),
        "{out}"
    );
}

#[test]
fn po_and_text_are_pretranslated() {
    let sb = sandbox();
    let po = sb.write(
        "ui.po",
        "msgid \"\"\nmsgstr \"\"\n\"Language: az\\n\"\n\n#: a.c:1\nmsgid \"Open the file.\"\nmsgstr \"\"\n\nmsgid \"You have 9 new messages.\"\nmsgstr \"\"\n",
    );
    let out = sb.path("out.po");
    pretranslate(&sb, &po, &out).success();
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(
        text.contains(
            "# tarjuman: 100% match\n#: a.c:1\nmsgid \"Open the file.\"\nmsgstr \"Faylı aç.\""
        ),
        "{text}"
    );
    assert!(
        text.contains(
            "#, fuzzy\nmsgid \"You have 9 new messages.\"\nmsgstr \"Sizin 9 yeni mesajınız var.\""
        ),
        "{text}"
    );
    let doc = sb.write("doc.md", "# Open the file.\n\nSomething new.\n");
    let xlf = sb.path("doc.xlf");
    sb.cmd()
        .args([
            "pretranslate",
            "--from",
            "en",
            "--to",
            "kk",
            "--min",
            "90",
            "-o",
        ])
        .arg(&xlf)
        .arg(&doc)
        .assert()
        .success();
    assert!(validates(&xlf, "xliff20/xliff_core_2.0.xsd"));
    let text = std::fs::read_to_string(&xlf).unwrap();
    assert!(text.contains("<target>Файлды аш.</target>"), "{text}");
    assert!(
        text.contains("<segment id=\"s2\"><source>Something new.</source></segment>"),
        "{text}"
    );
}

#[test]
fn po_plural_forms_are_filled_per_form() {
    let sb = Sandbox::new();
    let memory_az = sb.write(
        "memory-az.po",
        "msgid \"\"\nmsgstr \"\"\n\"Language: az\\n\"\n\"Plural-Forms: nplurals=2; plural=(n != 1);\\n\"\n\n\
         msgid \"%d file was deleted.\"\nmsgid_plural \"%d files were deleted.\"\n\
         msgstr[0] \"%d fayl silindi.\"\nmsgstr[1] \"%d fayl silinib.\"\n",
    );
    let memory_ar = sb.write(
        "memory-ar.po",
        "msgid \"\"\nmsgstr \"\"\n\"Language: ar\\n\"\n\
         \"Plural-Forms: nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5;\\n\"\n\n\
         msgid \"%d file was deleted.\"\nmsgid_plural \"%d files were deleted.\"\n\
         msgstr[0] \"لم يُحذف أي ملف.\"\nmsgstr[1] \"حُذف ملف واحد.\"\nmsgstr[2] \"\"\n\
         msgstr[3] \"حُذفت %d ملفات.\"\nmsgstr[4] \"\"\nmsgstr[5] \"حُذف %d ملف.\"\n",
    );
    sb.cmd()
        .arg("import")
        .arg(&memory_az)
        .arg(&memory_ar)
        .assert()
        .success();
    let doc = sb.write(
        "ui.po",
        "msgid \"\"\nmsgstr \"\"\n\"Language: az\\n\"\n\"Plural-Forms: nplurals=2; plural=(n != 1);\\n\"\n\n\
         #: a.c:1\nmsgid \"%d file was deleted.\"\nmsgid_plural \"%d files were deleted.\"\n\
         msgstr[0] \"\"\nmsgstr[1] \"\"\n\n\
         #, c-format\nmsgid \"%d file was removed.\"\nmsgid_plural \"%d files were removed.\"\n\
         msgstr[0] \"\"\nmsgstr[1] \"\"\n\n\
         msgid \"Nothing like it\"\nmsgid_plural \"Nothing like them\"\nmsgstr[0] \"\"\nmsgstr[1] \"\"\n",
    );
    let out = sb.path("out.po");
    pretranslate(&sb, &doc, &out)
        .success()
        .stdout(predicate::str::contains(
            "4 segments, 1 filled with 100 % matches, 1 with fuzzy matches",
        ));
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(
        text.contains(
            "# tarjuman: 100% match\n#: a.c:1\nmsgid \"%d file was deleted.\"\nmsgid_plural \"%d files were deleted.\"\nmsgstr[0] \"%d fayl silindi.\"\nmsgstr[1] \"%d fayl silinib.\"\n"
        ),
        "{text}"
    );
    assert!(
        text.contains(
            "#, c-format, fuzzy\nmsgid \"%d file was removed.\"\nmsgid_plural \"%d files were removed.\"\nmsgstr[0] \"%d fayl silindi.\"\nmsgstr[1] \"%d fayl silinib.\"\n"
        ),
        "{text}"
    );
    assert!(
        text.ends_with("msgid \"Nothing like it\"\nmsgid_plural \"Nothing like them\"\nmsgstr[0] \"\"\nmsgstr[1] \"\"\n"),
        "{text}"
    );
    // Arabic has six forms: those the memory has are filled, the others stay empty (and the entry
    // is fuzzy); a template's single msgstr[0] line gets the other forms added.
    let doc = sb.write(
        "ui-ar.po",
        "msgid \"\"\nmsgstr \"\"\n\"Language: ar\\n\"\n\
         \"Plural-Forms: nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5;\\n\"\n\n\
         msgid \"%d file was deleted.\"\nmsgid_plural \"%d files were deleted.\"\nmsgstr[0] \"\"\n",
    );
    sb.cmd()
        .args(["pretranslate", "--from", "en", "--to", "ar", "-o"])
        .arg(&out)
        .arg(&doc)
        .assert()
        .success();
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(
        text.ends_with(
            "# tarjuman: 100% match\n#, fuzzy\nmsgid \"%d file was deleted.\"\nmsgid_plural \"%d files were deleted.\"\nmsgstr[0] \"لم يُحذف أي ملف.\"\nmsgstr[1] \"حُذف ملف واحد.\"\nmsgstr[2] \"\"\nmsgstr[3] \"حُذفت %d ملفات.\"\nmsgstr[4] \"\"\nmsgstr[5] \"حُذف %d ملف.\"\n"
        ),
        "{text}"
    );
}

#[test]
fn long_queries_answer_in_bounded_time() {
    let sb = Sandbox::with_real_tm();
    let words = [
        "Could", "not", "open", "file", "the", "Save", "as", "folder",
    ];
    let long: String = (0..3000)
        .map(|i| words[i % words.len()])
        .collect::<Vec<_>>()
        .join(" ");
    let long = &long[..10_000];
    let started = std::time::Instant::now();
    sb.cmd()
        .args([
            "match", "--from", "en", "--to", "kk", "--min", "50", "--format", "jsonl", "--",
        ])
        .arg(long)
        .assert()
        .success()
        .stdout(predicate::str::contains("\"matches\":[]"));
    sb.cmd().args(["search", "--"]).arg(long).assert().success();
    let doc = sb.write("long.txt", long);
    sb.cmd()
        .args(["analyze", "--from", "en"])
        .arg(&doc)
        .assert()
        .success();
    assert!(started.elapsed().as_secs() < 60, "{:?}", started.elapsed());
    sb.cmd()
        .args(["match", "--from", "fr", "--to", "kk", "Ouvrir"])
        .assert()
        .success()
        .stderr(predicate::str::contains("no text in fr"));
}
