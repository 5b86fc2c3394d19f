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
reason-utf16-without-bom = the file looks like UTF-16 but has no byte order mark
reason-unknown-encoding = unsupported character encoding “{ $encoding }”
reason-binary = this is not a translation memory file (it holds binary data)
reason-unknown-format = cannot tell the format of this file; name it with --format
reason-xml = malformed XML: { $detail }
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

## segment and align

reason-srx-bad-value = { $attribute }="{ $value }" must be yes or no
reason-srx-unknown-rule = <languagemap> names the language rule “{ $name }”, which the file does not define
reason-srx-regex = the pattern “{ $pattern }” cannot be used ({ $detail }); the rule is skipped
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
