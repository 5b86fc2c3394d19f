//! Unit ids by key, held in memory while an import runs: the store's units and the import's own.
//!
//! A unit key is a hash already (see `unit_key` in the store), so the table is a plain open-addressed
//! one with linear probing, indexed by the key's low bits. Its point is [`Keys::prefetch`]: an import
//! looks up a million random keys, each a cache miss in a table of tens of megabytes, and touching a
//! whole batch's slots first lets those misses overlap instead of each one stalling in turn.

/// Unit ids by key.
#[derive(Default)]
pub(super) struct Keys {
    /// The first unit with each key.
    first: Table,
    /// Further units whose key collides with a different unit's (64 bits: practically never).
    more: Vec<(i64, i64)>,
}

impl Keys {
    /// The ids of the units with `key`, the first one first.
    pub(super) fn candidates(&self, key: i64) -> Vec<i64> {
        match self.first.get(key) {
            None => Vec::new(),
            Some(id) => std::iter::once(id)
                .chain(
                    self.more
                        .iter()
                        .filter(|(k, _)| *k == key)
                        .map(|(_, id)| *id),
                )
                .collect(),
        }
    }

    /// Records unit `id` (at least 1, as store ids are) under `key`.
    pub(super) fn insert(&mut self, key: i64, id: i64) {
        if let Some(other) = self.first.insert(key, id) {
            debug_assert_ne!(other, id);
            self.more.push((key, id));
        }
    }

    /// Makes room for `more` keys at once (growing as they come rehashes again and again).
    pub(super) fn reserve(&mut self, more: usize) {
        self.first.reserve(more);
    }

    /// Brings the table's slots for `keys` into the cache, all of them before any is needed.
    pub(super) fn prefetch(&self, keys: impl Iterator<Item = i64>) {
        self.first.prefetch(keys);
    }
}

/// Slots `[key, id]`; an id of 0 marks a free slot (store ids start at 1).
#[derive(Default)]
struct Table {
    slots: Vec<[i64; 2]>,
    len: usize,
}

/// Slots a table starts with.
const MIN_SLOTS: usize = 16;

impl Table {
    fn mask(&self) -> usize {
        self.slots.len() - 1
    }

    /// The slot `key` is looked for from.
    fn home(&self, key: i64) -> usize {
        key as u64 as usize & self.mask()
    }

    fn get(&self, key: i64) -> Option<i64> {
        if self.slots.is_empty() {
            return None;
        }
        let mut at = self.home(key);
        loop {
            let [k, id] = self.slots[at];
            if id == 0 {
                return None;
            }
            if k == key {
                return Some(id);
            }
            at = (at + 1) & self.mask();
        }
    }

    /// Puts `id` under `key` unless the key is there already; then it returns the id there.
    fn insert(&mut self, key: i64, id: i64) -> Option<i64> {
        assert!(id != 0, "store ids start at 1");
        self.reserve(1);
        let mut at = self.home(key);
        loop {
            let [k, there] = self.slots[at];
            if there == 0 {
                self.slots[at] = [key, id];
                self.len += 1;
                return None;
            }
            if k == key {
                return Some(there);
            }
            at = (at + 1) & self.mask();
        }
    }

    /// Grows the table so that `more` keys fit with at most three slots in four taken (linear
    /// probing slows down fast past that).
    fn reserve(&mut self, more: usize) {
        let wanted = (self.len + more).saturating_mul(4) / 3;
        if wanted <= self.slots.len() {
            return;
        }
        let size = wanted.next_power_of_two().max(MIN_SLOTS);
        // Written out now rather than taken from the allocator as untouched zero pages: a page
        // first read by a prefetch and then written would fault twice.
        let mut slots = Vec::with_capacity(size);
        slots.resize(size, [0; 2]);
        let old = std::mem::replace(&mut self.slots, slots);
        self.len = 0;
        for [key, id] in old.into_iter().filter(|&[_, id]| id != 0) {
            self.insert(key, id);
        }
    }

    fn prefetch(&self, keys: impl Iterator<Item = i64>) {
        if self.slots.is_empty() {
            return;
        }
        // Loads of slots no one waits on: the processor issues them all and goes on, so their
        // misses are in flight together (stable Rust has no safe prefetch instruction).
        let touched = keys.fold(0, |acc, key| acc ^ self.slots[self.home(key)][0]);
        std::hint::black_box(touched);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::HashMap;

    #[test]
    fn colliding_keys_keep_every_unit_first_one_first() {
        let mut keys = Keys::default();
        keys.insert(7, 1);
        keys.insert(7 + 16, 2);
        keys.insert(7, 3);
        keys.insert(-1, 4);
        assert_eq!(keys.candidates(7), [1, 3]);
        assert_eq!(keys.candidates(23), [2]);
        assert_eq!(keys.candidates(-1), [4]);
        assert_eq!(keys.candidates(8), Vec::<i64>::new());
    }

    #[test]
    fn keys_fill_three_slots_in_four_and_no_fewer() {
        let mut table = Table::default();
        table.reserve(3 << 20);
        assert_eq!(table.slots.len(), 4 << 20);
        let mut table = Table::default();
        table.reserve(12);
        for key in 1..=12 {
            table.insert(key, key);
        }
        assert_eq!(table.slots.len(), 16);
        table.insert(13, 13);
        assert_eq!(table.slots.len(), 32);
    }

    #[test]
    fn a_table_made_room_for_does_not_grow() {
        let mut table = Table::default();
        table.reserve(1000);
        let size = table.slots.len();
        assert!(size >= 1334, "{size}");
        for key in 0..1000 {
            table.insert(key * 1024, key + 1);
        }
        assert_eq!(table.slots.len(), size);
        assert_eq!(table.get(999 * 1024), Some(1000));
    }

    proptest! {
        /// Lookups agree with a map, however the keys cluster (few distinct low bits make long
        /// probe runs, and growing moves every key).
        #[test]
        fn the_table_finds_what_a_map_finds(
            ops in prop::collection::vec((0i64..64, any::<bool>(), 0u32..4), 0..400),
            reserve in 0usize..100,
        ) {
            let mut table = Table::default();
            table.reserve(reserve);
            let mut map = HashMap::new();
            for (i, (key, high, shift)) in ops.into_iter().enumerate() {
                // Keys that share their low bits, and negative ones.
                let key = (key << (shift * 8)) | if high { i64::MIN } else { 0 };
                let id = i as i64 + 1;
                let expected = map.get(&key).copied();
                if expected.is_none() {
                    map.insert(key, id);
                }
                prop_assert_eq!(table.insert(key, id), expected);
                prop_assert_eq!(table.len, map.len());
            }
            for (&key, &id) in &map {
                prop_assert_eq!(table.get(key), Some(id));
            }
            prop_assert_eq!(table.get(12345), map.get(&12345).copied());
            table.prefetch(map.keys().copied());
        }
    }
}
