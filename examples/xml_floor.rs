//! Reads an XML file and walks its events with quick-xml, doing nothing else: the least time any
//! import of that file can take on one core, to weigh the import's throughput figure against.
//!
//!     cargo run --release --example xml_floor -- tm.tmx

use std::time::Instant;

use quick_xml::Reader;
use quick_xml::events::Event;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: xml_floor FILE.xml");
        std::process::exit(2);
    };
    let started = Instant::now();
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(2);
        }
    };
    let read = started.elapsed();
    let mut reader = Reader::from_reader(bytes.as_slice());
    let mut buf = Vec::new();
    let (mut elements, mut text) = (0u64, 0u64);
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(_) | Event::Empty(_)) => elements += 1,
            Ok(Event::Text(t)) => text += t.len() as u64,
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => {
                eprintln!("{path}: {e}");
                std::process::exit(2);
            }
        }
        buf.clear();
    }
    let total = started.elapsed();
    println!(
        "{:.2} s ({:.2} s reading the file, {:.2} s walking {elements} elements and {text} bytes of \
         text)",
        total.as_secs_f64(),
        read.as_secs_f64(),
        (total - read).as_secs_f64()
    );
}
