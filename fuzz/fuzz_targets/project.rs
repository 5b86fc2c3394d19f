//! Feeds arbitrary text to the project file reader (`tarjuman.toml`) and its glob patterns: a
//! project or a positioned error, never a panic, and a pattern match in bounded time.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use tarjuman::project;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = project::parse(Path::new("tarjuman.toml"), text);
    // The first line as a pattern, the rest as a path.
    if let Some((pattern, path)) = text.split_once('\n') {
        let _ = project::glob_match(pattern, path);
    }
});
