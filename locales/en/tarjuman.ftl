# tarjuman — English interface messages (the source of truth for message ids and variables).

## Prefixes of diagnostics

error-prefix = error
warning-prefix = warning

## Errors

error-io = cannot read or write { $path }: { $detail }
error-input-at = { $path }:{ $line }:{ $column }: { $reason }
error-input = { $path }: { $reason }
error-store = the memory store { $path } failed: { $detail }
error-store-too-new = the memory store { $path } has schema version { $found }; this tarjuman understands up to { $supported }. Update tarjuman.
error-not-a-store = { $path } is not a tarjuman memory store
error-lang-tag = { $reason }
error-no-input = no input files
warning-unknown-ui-lang = the interface language “{ $lang }” is not available; using English

## Why an input file was refused

reason-empty = the file is empty
reason-invalid-utf8 = the file is not valid UTF-8 text
reason-not-utf8 = the file is not UTF-8; only UTF-8 files can be filled in place
reason-utf16-without-bom = the file looks like UTF-16 but has no byte order mark
reason-unknown-encoding = unsupported character encoding “{ $encoding }”
reason-binary = this is not a translation memory file (it holds binary data)
reason-unknown-format = cannot tell the format of this file; name it with --format
reason-xml = malformed XML: { $detail }
reason-xml-mismatched-end-tag = malformed XML: </{ $found }> where </{ $expected }> should close the open element
reason-xml-unmatched-end-tag = malformed XML: </{ $found }> closes no open element
reason-truncated = the file ends before the document is complete
reason-undefined-entity = undefined entity “&{ $entity };”
reason-entity-declaration = the DOCTYPE declares entities; they are never expanded
reason-wrong-root = expected a <{ $expected }> document, found <{ $found }>
reason-missing-attribute = <{ $element }> has no { $attribute } attribute
reason-invalid-xml-char = the character { $char } is not allowed in XML
reason-malformed-lang = malformed language tag “{ $tag }”
reason-unknown-lang = unknown language in the tag “{ $tag }”
reason-csv-quote = a quoted field is never closed
reason-csv-text-after-quote = text follows the closing quote of a field
reason-csv-width = the row has { $found } fields, the header has { $expected }
reason-csv-no-language = the header names no language column
reason-csv-duplicate-column = the column “{ $column }” appears twice in the header
reason-csv = CSV error: { $detail }
reason-po = PO syntax error: { $detail }
reason-po-no-language = the PO file names no language; give one with --target-lang

## import

progress-importing = Importing { $file }
progress-indexing-matches = Indexing the memory for fuzzy matching ({ $lang })…
progress-indexing-search = Indexing the memory for search…
import-file = { $path }: { $units ->
    [one] one unit
   *[other] { $units } units
  }, { $added } new, { $duplicates } already in the memory
import-single-language = { $count ->
    [one] one unit has only one language (kept)
   *[other] { $count } units have only one language (kept)
  }
import-empty-segments = { $count ->
    [one] one empty segment dropped
   *[other] { $count } empty segments dropped
  }
import-empty-units = { $count ->
    [one] one unit without any text skipped
   *[other] { $count } units without any text skipped
  }
import-fuzzy = { $count ->
    [one] one fuzzy entry skipped
   *[other] { $count } fuzzy entries skipped
  }
import-obsolete = { $count ->
    [one] one obsolete entry skipped
   *[other] { $count } obsolete entries skipped
  }
import-other-skipped = { $count ->
    [one] one variant the format cannot hold skipped
   *[other] { $count } variants the format cannot hold skipped
  }
import-total = The memory holds { $total ->
    [one] one unit
   *[other] { $total } units
  } ({ $added } new).

## export

export-done = Wrote { $units ->
    [one] one unit
   *[other] { $units } units
  } to { $path }.

## stats

stats-store = Memory store: { $path }
stats-missing = No memory store at { $path } yet: it is created by the first import.
stats-units = Units: { $count }
stats-languages = Units per language:
stats-pairs = Units per language pair:
stats-size = Size on disk: { $size }

## Command line: help texts and errors

cli-about = Translation memory, glossary and name checks for English, Azerbaijani, Kazakh and Arabic
cli-usage-heading = Usage:
cli-options-heading = Options
cli-arguments-heading = Arguments
cli-commands-heading = Commands
cli-values = values: { $values }
cli-default = default: { $value }
cli-help = Print help
cli-version = Print version
cli-db = The memory store (an SQLite file; also TARJUMAN_DB)
cli-lang = Interface language: en, az, kk or ar
cli-quiet = Print only errors; no progress bars
cli-color = When to use colours
cmd-import = Import TMX, CSV/TSV, XLIFF or PO files into the memory (all or nothing)
cmd-import-files = Files to import
cmd-import-format = The format of the files (by default from the extension and content)
cmd-import-source-lang = The source language of files that do not name it (PO: en)
cmd-import-target-lang = The target language of files that do not name it
cmd-export = Export the memory as TMX 1.4b, CSV or TSV
cmd-export-output = The file to write, or - for standard output
cmd-export-format = The format (by default from the extension of the output, else TMX)
cmd-export-langs = Only these languages, comma-separated
cmd-export-srclang = The source language written in the TMX header
cmd-export-no-sanitize = Write CSV cells as they are, without neutralizing spreadsheet formulas
cmd-stats = Count the units in the memory, per language and language pair
cmd-stats-format = Output format
cli-error-unknown-argument = unexpected argument “{ $arg }”
cli-error-unknown-command = unknown command “{ $command }”
cli-error-invalid-value = invalid value “{ $value }” for { $arg }; possible values: { $values }
cli-error-missing-argument = a required argument is missing: { $args }
cli-error-conflict = { $arg } cannot be used with { $other }
cli-error-other = invalid command line
cli-error-hint = For more information, try “tarjuman --help”.

## match

match-query = Query: { $query }
match-none = no match at or above the minimum score
match-hit = { $score } #{ $unit }  { $source }
cmd-match = Find the best fuzzy matches for text in the memory
cmd-match-from = The language of the text to match
cmd-match-to = The language of the translations to show
cmd-match-top = How many matches per query
cmd-match-min = The lowest score shown, in percent
cmd-match-metric = What the edit distance counts: characters or words
cmd-match-format = Output format
cmd-match-queries = A file of queries, one per line (otherwise TEXT, or standard input)
cmd-match-text = The text to match
match-adjusted = (numbers and tags adjusted to the query)
cmd-match-context-prev = The segment before the query: a 100 % match after the same segment in the memory is 101
cmd-match-context-next = The segment after the query: a 100 % match before the same segment in the memory is 101
cmd-match-context = The query's identifier (x-context, msgctxt, resname): a 100 % match with the same one is 101
## glossary

error-automaton = cannot compile the glossaries: { $detail }
reason-glossary-missing-column = the glossary has no “{ $column }” column
reason-glossary-needs-languages = the glossary names no languages; give them with --source-lang and --target-lang
reason-glossary-entry-rejected = the new entry has problems ({ $count }) and was not added
glossary-list-summary = { $count ->
    [one] one entry
   *[other] { $count } entries
  }
glossary-field-id = id
glossary-field-type = type
glossary-field-allowed = allowed
glossary-field-variants = variants
glossary-field-forbidden = forbidden
glossary-field-note = note
glossary-field-glossary = glossary
glossary-no-entry = no entry with the id “{ $id }”
glossary-search-none = no entry is spelled like “{ $text }”
glossary-search-hit = { $id } ({ $type }): { $forms } — matches “{ $spelling }” ({ $score })
glossary-add-similar = “{ $spelling }” looks like “{ $match }” of the entry { $other }; is it a variant of it?
glossary-add-done = Added { $id } to { $path }.
glossary-problem-line = { $path }:{ $line }: { $message }
glossary-validate-ok = { $path }: no problems ({ $entries ->
    [one] one entry
   *[other] { $entries } entries
  })
glossary-validate-problems = { $path }: { $count ->
    [one] one problem
   *[other] { $count } problems
  }
glossary-import-done = Wrote { $entries ->
    [one] one entry
   *[other] { $entries } entries
  } to { $path }.
glossary-import-merged = { $path }: { $added } added, { $merged } merged, { $conflicts } conflicts
glossary-import-conflict = { $id }: { $column } stays “{ $kept }”; the import has “{ $incoming }”
glossary-export-done = Wrote { $entries ->
    [one] one entry
   *[other] { $entries } entries
  } to { $path }.
glossary-find-mention = { $path }:{ $line }:{ $column }: { $found } → { $entry } ({ $form })
glossary-form-canonical = canonical
glossary-form-allowed = allowed
glossary-form-variant = variant
glossary-form-forbidden = forbidden
glossary-problem-duplicate-id = [{ $id }] the id is already used on line { $first }
glossary-problem-empty-id = the entry has no id
glossary-problem-duplicate-spelling = [{ $id }] “{ $spelling }” is also a spelling of { $other }
glossary-problem-repeated-spelling = [{ $id }] “{ $spelling }” is listed twice in the entry
glossary-problem-wrong-script = [{ $id }] the { $column } column holds “{ $text }”, which is not in { $script } script
glossary-problem-mixed-script = [{ $id }] “{ $text }” in { $column } mixes scripts
glossary-problem-not-nfc = [{ $id }] the { $column } column is not in Unicode NFC
glossary-problem-whitespace = [{ $id }] stray whitespace in the { $column } column
glossary-problem-empty-item = [{ $id }] an empty item in the { $column } list
glossary-problem-empty-entry = [{ $id }] the entry has no form in any language
glossary-problem-unknown-type = [{ $id }] unknown type “{ $type }” (person, institution, title, place or term)
cli-glossaries = Also use this glossary file (repeatable; later files win)
cli-no-default-glossaries = Do not use the glossaries shipped with tarjuman
cmd-glossary = Glossaries: browse, check, convert, and find their names in text
cmd-glossary-list = List the entries of the glossaries in use
cmd-glossary-list-kind = Only entries of this type
cmd-glossary-show = Show one entry with all its spellings
cmd-glossary-show-id = The entry id
cmd-glossary-search = Find entries by any spelling, in any script
cmd-glossary-search-text = A spelling in any script
cmd-glossary-add = Append a validated entry to a glossary file
cmd-glossary-add-file = The glossary file (created when missing)
cmd-glossary-add-id = The id of the new entry
cmd-glossary-add-kind = What the entry names
cmd-glossary-add-en = The English form
cmd-glossary-add-az = The Azerbaijani form (Latin script)
cmd-glossary-add-kk = The Kazakh form (Cyrillic script)
cmd-glossary-add-ar = The Arabic form
cmd-glossary-add-form = The form in another language, as LANG=TEXT (repeatable)
cmd-glossary-add-variants = Known variant spellings, separated by |
cmd-glossary-add-allowed = Accepted alternative spellings, separated by |
cmd-glossary-add-forbidden = Deprecated spellings, separated by |
cmd-glossary-add-note = A note for people
cmd-glossary-validate = Check glossary files and report each problem with its line (exit 1 on problems)
cmd-glossary-validate-files = Glossary files to check
cmd-glossary-import = Convert a termbase (TBX, CSV/TSV, OmegaT) into a glossary file
cmd-glossary-import-file = The termbase to convert
cmd-glossary-import-output = The glossary file to write
cmd-glossary-import-append = Merge into the existing glossary file and report conflicts
cmd-glossary-import-source-lang = The language of the first column of a file without a header (OmegaT)
cmd-glossary-import-target-lang = The language of the second column of a file without a header (OmegaT)
cmd-glossary-export = Write the glossaries in use as CSV, TSV or TBX
cmd-glossary-export-output = The file to write, or - for standard output
cmd-glossary-export-format = The format (by default from the extension of the output, else CSV)
cmd-glossary-export-langs = Only these languages, comma-separated
cmd-glossary-export-pair = Two columns, source and target, as OmegaT, memoQ and Trados import them
cmd-glossary-export-excel = A UTF-8 byte order mark and CRLF line ends, for Excel
cmd-glossary-export-no-sanitize = Write cells as they are, without neutralizing spreadsheet formulas
cmd-glossary-find = List every mention of a glossary entry in text files
cmd-glossary-find-files = Text files to search
cmd-glossary-find-format = Output format
cmd-glossary-extract = List candidate names and terms that no glossary has yet, as glossary CSV
cmd-glossary-extract-files = Text files to read (the global --lang names their language)
## segment and align

reason-srx-bad-value = { $attribute }="{ $value }" must be yes or no
reason-srx-unknown-rule = <languagemap> names the language rule “{ $name }”, which the file does not define
reason-srx-regex = the pattern “{ $pattern }” cannot be used ({ $detail }); the rule is skipped
reason-project-file = not a valid project file: { $detail }
reason-project-unknown-rule = there is no rule “{ $rule }”; the rules are glossary-variant, forbidden-spelling, inconsistent-name, mixed-script, term-missing and invisible-char
reason-project-rule-setting = “{ $value }” is not a setting of the rule { $rule }: use on, off, info, warning or error
reason-fix-one-file = --fix writes the text of one file (to -o OUT or standard output); use --in-place or --diff for several
progress-aligning = Aligning { $source } with { $target }
align-done = { $source } source and { $target } target sentences: { $pairs ->
    [one] one pair
   *[other] { $pairs } pairs
  }, { $unmatched ->
    [one] one sentence
   *[other] { $unmatched } sentences
  } without a counterpart; mean confidence { $confidence }.
align-written = Wrote the links to { $path }.
align-imported = { $added ->
    [one] one new unit
   *[other] { $added } new units
  } in the memory (of { $pairs } pairs).
cmd-segment = Split a document into sentences, or export the segmentation rules as SRX 2.0
cmd-segment-file = The document to split (plain text or Markdown)
cmd-segment-lang = The language of the document
cmd-segment-rules = SRX 2.0 rules to use instead of the built-in ones
cmd-segment-format = Output format
cmd-segment-markdown = Read the document as Markdown (the default for .md and .markdown files)
cmd-segment-export-srx = Write the rules in use (built-in, or those of --rules) as SRX 2.0 instead
cmd-segment-output = The file to write, or - for standard output
cmd-align = Align the sentences of a document and its translation
cmd-align-source = The original document
cmd-align-target = Its translation
cmd-align-from = The language of the original
cmd-align-to = The language of the translation
cmd-align-output = Write the links to this file (.tmx or .tsv), or - for standard output
cmd-align-format = Output format (by default from the extension of the output, else TSV)
cmd-align-import = Put the aligned pairs into the memory (one transaction)
cmd-align-min-confidence = Leave out pairs whose confidence is below this (0 to 1)
cmd-align-rules = SRX 2.0 rules to split both documents with
cmd-names = Names in drafts (every name with its spellings, counts and places), or --pairs: whether two spellings are the same name
cmd-names-pairs = A CSV of pairs with a header and the columns id, a and b: writes id,score (1 = same name; 0.5 and above = the same)
cmd-names-output = The file to write (standard output by default)
cmd-names-files = Drafts whose names to list, with their spellings, counts and places
cmd-names-format = Output format of the list of names
names-entry = { $name } (glossary entry { $entry }): { $count ->
    [one] one mention
   *[other] { $count } mentions
  }, { $spellings ->
    [one] one spelling
   *[other] { $spellings } spellings
  }
names-unlisted = { $name }: { $count ->
    [one] one mention
   *[other] { $count } mentions
  }, { $spellings ->
    [one] one spelling
   *[other] { $spellings } spellings
  }
names-spelling = { $spelling } ×{ $count }: { $places }

## Check reports (csv, sarif, html)

rule-help-glossary-variant = A glossary name or term written in another form than the canonical one for the document's language
rule-help-forbidden-spelling = A spelling the glossary forbids
rule-help-inconsistent-name = A name outside the glossaries spelled in more than one way
rule-help-mixed-script = A word that mixes scripts or uses look-alike letters of another script
rule-help-term-missing = A glossary term of the source whose approved translation is missing from the target
rule-help-invisible-char = A zero-width, bidi-control or soft-hyphen character inside a name
report-title = tarjuman check report
report-summary-heading = Summary
report-document = Document
report-language = Language
report-total = Total
report-document-findings = { $count ->
    [0] No findings.
    [one] One finding.
   *[other] { $count } findings.
  }
report-totals = { $documents ->
    [one] One document
   *[other] { $documents } documents
  }: { $errors ->
    [one] one error
   *[other] { $errors } errors
  }, { $warnings ->
    [one] one warning
   *[other] { $warnings } warnings
  }, { $infos } info.

## check
reason-line-too-long = a line is longer than { $limit } bytes
glossary-variant = “{ $found }” is not the glossary spelling for this language (entry { $entry })
forbidden-spelling = “{ $found }” is a forbidden spelling (entry { $entry })
inconsistent-name = “{ $found }” is spelled differently elsewhere in the text: “{ $suggestion }”
mixed-script = “{ $found }” mixes letters of different scripts
term-missing = the translation lacks the glossary term “{ $suggestion }” (entry { $entry })
invisible-char = “{ $found }” has an invisible character inside
check-severity-info = note
check-severity-warning = warning
check-severity-error = error
check-finding = { $path }:{ $line }:{ $column }: { $severity }[{ $rule }] { $message }
check-suggestion = suggestion: { $suggestion }
check-summary = files checked: { $files }; errors: { $errors }, warnings: { $warnings }, notes: { $infos }
check-skipped = skipped: { $reason }
cmd-check = Check drafts for glossary variants, inconsistent names, mixed scripts and missing terms
cmd-check-files = Drafts to check: text, Markdown, XLIFF, PO, TMX, CSV/TSV
cmd-check-doc-lang = The language of the drafts (by default detected, or named by the file)
cmd-check-source = The source text a plain-text draft translates (aligned by sentence, for term-missing)
cmd-check-across = Compare names across all the files, not only within each
cmd-check-prefer = Which spelling of an inconsistent name is the reference
cmd-check-format = Output format
cmd-check-output = The file to write (standard output by default); with --fix, the fixed text
cmd-check-fail-on = Exit with 1 when a finding is at this severity or above
cmd-check-keep-going = Skip unreadable files and glossaries with a warning instead of stopping
cmd-check-fix = Apply the unambiguous suggestions: to -o OUT, --in-place or as a --diff
cmd-check-in-place = With --fix: rewrite each file, keeping the original as FILE.orig
cmd-check-diff = With --fix: show the fixes as a unified diff instead of writing them
check-fix-done = { $path }: { $applied ->
    [0] nothing fixed
    [one] one fix applied
   *[other] { $applied } fixes applied
  }{ $skipped ->
    [0] .
    [one] ; one suggestion left as it was (ambiguous).
   *[other] ; { $skipped } suggestions left as they were (ambiguous).
  }


## search

error-empty-pattern = the search pattern is empty
warning-lang-not-in-store = the memory has no text in { $lang }; its languages: { $known }
search-none = No occurrence of “{ $pattern }” in the memory.
search-hit = #{ $unit } { $lang }: { $text }
search-limit = (the first { $limit } hits; --limit shows more)
cmd-search = A concordance: where a piece of text occurs in the memory, with its translations
cmd-search-pattern = The text to look for
cmd-search-lang = Only in this language
cmd-search-ignore-case = Ignore letter case (dotted and dotless I by the language of each text)
cmd-search-ignore-diacritics = Ignore Arabic diacritics: tashkeel, tatweel, hamza and madda on alef
cmd-search-limit = The most hits shown
cmd-search-format = Output format

## analyze

analyze-file = { $path }
analyze-total = All files
analyze-total-row = Total
analyze-repetitions = Repetitions
analyze-no-match = No match
analyze-segments = Segments
analyze-words = Words
analyze-characters = Characters
cmd-analyze = Count a document's segments, words and characters by how well the memory matches them
cmd-analyze-files = Documents: plain text, Markdown, XLIFF, PO or TMX
cmd-analyze-from = The language of the documents
cmd-analyze-to = Count only memory units that have a translation in this language
cmd-analyze-format = Output format

## pretranslate

pretranslate-done = { $path }: { $segments } segments, { $exact } filled with 100 % matches, { $fuzzy } with fuzzy matches
pretranslate-codes = { $count } segments with inline elements of another namespace were left for the translator
pretranslate-codes-appended = { $count } segments got their inline codes after the text, in source order (the memory's codes did not map onto them): move them into place
cmd-pretranslate = Fill a document's translations from the memory: XLIFF stays XLIFF, PO stays PO, text becomes XLIFF 2.0
cmd-pretranslate-file = The document: XLIFF 1.2 or 2.0, PO, plain text or Markdown
cmd-pretranslate-from = The language of the source text
cmd-pretranslate-to = The language of the translations
cmd-pretranslate-min = The lowest score used, in percent
cmd-pretranslate-output = The file to write (XLIFF for XLIFF, plain text and Markdown; PO for PO), or - for standard output
