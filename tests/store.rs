//! The memory store through the command line: import, export, stats, and what bad input must not do.
