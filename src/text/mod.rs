//! The Unicode text core: normalization, case folding, Arabic letter variants, invisible characters,
//! word and sentence boundaries. One function per rule, each tested with real examples.
