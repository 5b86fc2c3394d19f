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
