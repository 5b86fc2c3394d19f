#![no_main]

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;
use tarjuman::formats::tmx::TmxReader;
use tarjuman::formats::{InputFile, Next, ReadOptions, TextSink, UnitReader, UnitSink};
use tarjuman::model::{LangTag, Segment, Unit, Variant};

/// A sink that makes a unit of the parts it is given, declining every third.
#[derive(Default)]
struct PartsSink {
    unit: Unit,
    given: usize,
}

impl UnitSink for PartsSink {
    fn start_unit(&mut self, _attrs: usize) {
        self.unit = Unit::default();
    }

    fn attr(&mut self, name: &[u8], value: &[u8]) {
        let text = |bytes| String::from_utf8(Vec::from(bytes)).expect("UTF-8");
        self.unit.props.attrs.push((text(name), text(value)));
    }

    fn start_variant(&mut self, lang: &LangTag) {
        self.unit
            .variants
            .push(Variant::new(lang.clone(), Segment::default()));
    }

    fn text(&mut self) -> &mut dyn TextSink {
        &mut self.unit.variants.last_mut().expect("a variant").segment.text
    }

    fn end_variant(&mut self) {}

    fn end_unit(&mut self, _below_marks: bool) -> Option<usize> {
        self.given += 1;
        (self.given % 3 != 0).then(|| self.unit.language_count())
    }

    fn abandon(&mut self) {
        self.unit = Unit::default();
    }
}

/// How the file is read: by the full reader, by the fast path, or by the fast path handing units
/// to a sink.
#[derive(Clone, Copy, PartialEq)]
enum How {
    Full,
    Fast,
    Sink,
}

/// Every unit a reader gives, or its error, as text (errors compare by reason and position). The
/// fast reader's file is read `ahead` blocks ahead between units, as an import's storing thread
/// may.
fn read_all(path: &std::path::Path, how: How, ahead: u8) -> Result<Vec<String>, String> {
    let input = InputFile::open(path).map_err(|e| format!("{e:?}"))?;
    let options = ReadOptions::default();
    let mut reader = if how == How::Full {
        TmxReader::slow(input, &options)
    } else {
        TmxReader::new(input, &options)
    }
    .map_err(|e| format!("{e:?}"))?;
    let mut units = Vec::new();
    let mut sink = PartsSink::default();
    let mut unit = Unit::default();
    loop {
        let next = match how {
            How::Sink => reader.next_into(&mut sink, &mut unit),
            _ => reader.next_unit_into(&mut unit).map(|more| if more { Next::Unit } else { Next::End }),
        }
        .map_err(|e| format!("{e:?}"))?;
        match next {
            Next::End => break,
            Next::Unit => units.push(format!("{unit:?}")),
            Next::Sunk(languages) => {
                assert_eq!(languages, sink.unit.language_count());
                units.push(format!("{:?}", sink.unit));
            }
        }
        if let Some(file) = reader.read_ahead() {
            for _ in 0..ahead {
                file.help();
            }
        }
    }
    units.push(format!("{:?}", reader.skipped()));
    Ok(units)
}

fuzz_target!(|data: &[u8]| {
    let path = common::scratch(data, "tmx");
    // The fast path over the body must read exactly what the full reader reads.
    let ahead = data.last().map_or(0, |b| b % 4);
    // Blocks of a few bytes, so that units cross them, or of more, so that units lie inside them.
    let block = [7, 64, 4096][usize::from(data.len().checked_sub(2).map_or(0, |i| data[i])) % 3];
    tarjuman::formats::tmx::fuzz_block_len(block);
    let full = read_all(&path, How::Full, 0);
    assert_eq!(read_all(&path, How::Fast, ahead), full);
    assert_eq!(read_all(&path, How::Sink, ahead), full);
    let Ok(input) = InputFile::open(&path) else {
        return;
    };
    let Ok(reader) = TmxReader::new(input, &ReadOptions::default()) else {
        return;
    };
    if let Some(units) = common::drain(reader) {
        common::check_tmx_roundtrip(&units);
    }
});
