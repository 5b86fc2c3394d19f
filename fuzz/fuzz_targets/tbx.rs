//! Feeds arbitrary bytes to the TBX reader (`glossary import` of a .tbx): it must give a termbase
//! or a positioned error, never panic, and what it read must write out as TBX that reads back with
//! the same terms.
#![no_main]

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;
use tarjuman::formats::tbx;
use tarjuman::glossary::import::from_termbase;

fuzz_target!(|data: &[u8]| {
    let path = common::scratch(data, "tbx");
    let Ok(termbase) = tbx::read(&path) else {
        return;
    };
    let glossary = from_termbase("fuzz", &termbase);
    let mut written = Vec::new();
    tbx::write(&termbase, "fuzz", &mut written).expect("writing to memory");
    let again = common::scratch(&written, "out.tbx");
    let back = tbx::read(&again).unwrap_or_else(|e| {
        panic!(
            "written TBX does not read back ({e}):\n{}",
            String::from_utf8_lossy(&written)
        )
    });
    assert_eq!(
        glossary.entries.len(),
        from_termbase("fuzz", &back).entries.len(),
        "entries lost writing TBX"
    );
});
