//! Unit ids by key, held in memory while an import runs: the store's units and the import's own.
//!
//! A unit key is a hash already (see `unit_key` in the store), so the table is a plain open-addressed
//! one with linear probing, indexed by the key's low bits. Its point is [`Keys::prefetch`]: an import
//! looks up a million random keys, each a cache miss in a table of tens of megabytes, and touching a
//! whole batch's slots first lets those misses overlap instead of each one stalling in turn.
//!
//! A slot is 8 bytes: the key's top [`PRINT_BITS`] bits (its fingerprint) and the unit's id. Half
//! the size of a whole key beside the id, so twice as many slots stay in the caches the machine's
//! other work shares (an import's storing thread spent a third less time in the table). So a lookup
//! may name a unit whose key only shares the fingerprint (at a load of one half, about once in ten
//! million lookups), which the importer tells apart, as it tells apart whole-key collisions, by
//! comparing the units. The whole keys are kept in id order beside, to place them again when the
//! table grows.

/// Unit ids by key.
#[derive(Default)]
pub(super) struct Keys {
    /// The first unit with each fingerprint.
    table: Table,
    /// Further units: whose fingerprint a unit in the table has already, or whose id a slot does
    /// not hold.
    more: Vec<(i64, i64)>,
    /// The key of each unit, by id from `first_id` on (ids come in order).
    by_id: Vec<i64>,
    first_id: Option<i64>,
    /// (key, id) of units whose id did not follow the one before (none in a sound store).
    out_of_order: Vec<(i64, i64)>,
}

impl Keys {
    /// The ids of the units that may have `key`, in the order they came: every unit that has it is
    /// among them, and at most one that does not.
    pub(super) fn candidates(&self, key: i64) -> Vec<i64> {
        let more = self
            .more
            .iter()
            .filter(move |(k, _)| *k == key)
            .map(|(_, id)| *id);
        match self.table.get(key) {
            Some(id) => std::iter::once(id).chain(more).collect(),
            None => more.collect(),
        }
    }

    /// Records unit `id` (at least 1, as store ids are, and above the ids recorded before) under
    /// `key`.
    pub(super) fn insert(&mut self, key: i64, id: i64) {
        self.reserve(1);
        let first_id = *self.first_id.get_or_insert(id);
        if id == first_id + self.by_id.len() as i64 {
            self.by_id.push(key);
        } else {
            self.out_of_order.push((key, id));
        }
        self.place(key, id);
    }

    /// Puts `id` in the table, or (its fingerprint taken) in `more`.
    fn place(&mut self, key: i64, id: i64) {
        if !(1..=MAX_ID).contains(&id) || self.table.insert(key, id).is_some() {
            self.more.push((key, id));
        }
    }

    /// Makes room for `more` keys at once (growing as they come places every key again and again).
    pub(super) fn reserve(&mut self, more: usize) {
        if self.table.has_room(more) {
            return;
        }
        self.by_id.reserve(more);
        self.table = Table::with_room(self.table.len + more);
        self.more.clear();
        let mut all: Vec<(i64, i64)> = match self.first_id {
            Some(first) => (first..).zip(self.by_id.iter().copied()).collect(),
            None => Vec::new(),
        };
        all.extend(self.out_of_order.iter().map(|&(key, id)| (id, key)));
        if !self.out_of_order.is_empty() {
            all.sort_unstable();
        }
        for (id, key) in all {
            self.place(key, id);
        }
    }

    /// Brings the table's slots for `keys` into the cache, all of them before any is needed.
    pub(super) fn prefetch(&self, keys: impl Iterator<Item = i64>) {
        self.table.prefetch(keys);
    }
}

/// Bits of a slot that hold the key's fingerprint; the rest hold the id.
const PRINT_BITS: u32 = 24;
/// The largest id a slot holds (a trillion; larger ones go to [`Keys::more`]).
const MAX_ID: i64 = (1 << (64 - PRINT_BITS)) - 1;

/// The fingerprint of `key` where a slot holds it: the key's top bits (its low bits choose the
/// slot).
fn print(key: i64) -> u64 {
    key as u64 >> (64 - PRINT_BITS) << (64 - PRINT_BITS)
}

/// Slots `fingerprint | id`; 0 marks a free slot (store ids start at 1).
#[derive(Default)]
struct Table {
    slots: Vec<u64>,
    len: usize,
}

/// Slots a table starts with.
const MIN_SLOTS: usize = 16;

impl Table {
    /// A table for `keys` keys with at most three slots in four taken (linear probing slows down
    /// fast past that).
    #[expect(
        clippy::slow_vector_initialization,
        reason = "the zeros are written on purpose, see below"
    )]
    fn with_room(keys: usize) -> Table {
        let size = (keys.saturating_mul(4) / 3)
            .next_power_of_two()
            .max(MIN_SLOTS);
        // Written out now rather than taken from the allocator as untouched zero pages: a page
        // first read by a prefetch and then written would fault twice.
        let mut slots = Vec::with_capacity(size);
        slots.resize(size, 0);
        Table { slots, len: 0 }
    }

    /// Whether `more` keys fit without growing.
    fn has_room(&self, more: usize) -> bool {
        (self.len + more).saturating_mul(4) / 3 <= self.slots.len()
    }

    fn mask(&self) -> usize {
        self.slots.len() - 1
    }

    /// The slot `key` is looked for from.
    fn home(&self, key: i64) -> usize {
        key as u64 as usize & self.mask()
    }

    /// The id in the slot holding the fingerprint of `key`, if any.
    fn get(&self, key: i64) -> Option<i64> {
        if self.slots.is_empty() {
            return None;
        }
        let print = print(key);
        let mut at = self.home(key);
        loop {
            match self.slots[at] {
                0 => return None,
                slot if slot & !(MAX_ID as u64) == print => {
                    return Some((slot & MAX_ID as u64) as i64);
                }
                _ => at = (at + 1) & self.mask(),
            }
        }
    }

    /// Puts `id` (1 to [`MAX_ID`]) under the fingerprint of `key`, unless a slot holds that
    /// fingerprint already: then it returns the id there. There must be room.
    fn insert(&mut self, key: i64, id: i64) -> Option<i64> {
        debug_assert!(self.has_room(1) && (1..=MAX_ID).contains(&id));
        let print = print(key);
        let mut at = self.home(key);
        loop {
            match self.slots[at] {
                0 => {
                    self.slots[at] = print | id as u64;
                    self.len += 1;
                    return None;
                }
                slot if slot & !(MAX_ID as u64) == print => {
                    return Some((slot & MAX_ID as u64) as i64);
                }
                _ => at = (at + 1) & self.mask(),
            }
        }
    }

    fn prefetch(&self, keys: impl Iterator<Item = i64>) {
        if self.slots.is_empty() {
            return;
        }
        // Loads of slots no one waits on: the processor issues them all and goes on, so their
        // misses are in flight together (stable Rust has no safe prefetch instruction).
        let touched = keys.fold(0, |acc, key| acc ^ self.slots[self.home(key)]);
        std::hint::black_box(touched);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::HashMap;

    /// A key with fingerprint `print` and low bits `low`.
    fn key(print: u64, low: u64) -> i64 {
        (print << (64 - PRINT_BITS) | low) as i64
    }

    #[test]
    fn colliding_keys_keep_every_unit_first_one_first() {
        let mut keys = Keys::default();
        keys.insert(key(5, 7), 1);
        // The same fingerprint and slot, another key.
        keys.insert(key(5, 7 + 16), 2);
        keys.insert(key(5, 7), 3);
        keys.insert(key(6, 7), 4);
        keys.insert(-1, 5);
        assert_eq!(keys.candidates(key(5, 7)), [1, 3]);
        // The unit that has only the fingerprint comes first, the one that has the key after it.
        assert_eq!(keys.candidates(key(5, 23)), [1, 2]);
        assert_eq!(keys.candidates(key(6, 7)), [4]);
        assert_eq!(keys.candidates(-1), [5]);
        assert_eq!(keys.candidates(key(7, 7)), Vec::<i64>::new());
    }

    #[test]
    fn ids_a_slot_does_not_hold_are_found_all_the_same() {
        let mut keys = Keys::default();
        keys.insert(key(1, 1), MAX_ID);
        keys.insert(key(2, 2), MAX_ID + 1);
        keys.insert(key(2, 2), MAX_ID + 2);
        assert_eq!(keys.candidates(key(1, 1)), [MAX_ID]);
        assert_eq!(keys.candidates(key(2, 2)), [MAX_ID + 1, MAX_ID + 2]);
    }

    #[test]
    fn keys_fill_three_slots_in_four_and_no_fewer() {
        assert_eq!(Table::with_room(3 << 20).slots.len(), 4 << 20);
        let mut keys = Keys::default();
        keys.reserve(12);
        for id in 1..=12 {
            keys.insert(key(id as u64, id as u64), id);
        }
        assert_eq!(keys.table.slots.len(), 16);
        keys.insert(key(13, 13), 13);
        assert_eq!(keys.table.slots.len(), 32);
        // Every key placed again as the table grew.
        for id in 1..=13 {
            assert_eq!(keys.candidates(key(id as u64, id as u64)), [id]);
        }
    }

    #[test]
    fn a_table_made_room_for_does_not_grow() {
        let mut keys = Keys::default();
        keys.reserve(1000);
        let size = keys.table.slots.len();
        assert!(size >= 1334, "{size}");
        for id in 1..=1000 {
            keys.insert(key(id as u64 * 7919, id as u64 * 1024), id);
        }
        assert_eq!(keys.table.slots.len(), size);
        assert_eq!(keys.candidates(key(999 * 7919, 999 * 1024)), [999]);
    }

    proptest! {
        /// Every unit with a key is among its candidates, in order, with at most one other unit
        /// before them, however the keys cluster (few distinct fingerprints and low bits make long
        /// probe runs and many collisions, and growing places every key again), and whatever order
        /// the ids come in.
        #[test]
        fn the_candidates_hold_what_a_map_holds(
            ops in prop::collection::vec((0u64..6, 0u64..6, any::<bool>()), 0..400),
            reserve in 0usize..100,
            gap in 0i64..3,
        ) {
            let mut keys = Keys::default();
            keys.reserve(reserve);
            let mut map: HashMap<i64, Vec<i64>> = HashMap::new();
            let mut id = 0;
            for (print, low, high) in ops {
                let key = key(print, low << 20 | low) | if high { i64::MIN } else { 0 };
                // Ids in order, now and then skipping some (as a damaged store's might).
                id += 1 + if print == 0 { gap } else { 0 };
                keys.insert(key, id);
                map.entry(key).or_default().push(id);
            }
            for (&key, ids) in &map {
                let found = keys.candidates(key);
                let theirs: Vec<i64> = found.iter().copied().filter(|id| ids.contains(id)).collect();
                prop_assert_eq!(&theirs, ids);
                prop_assert!(found.len() <= ids.len() + 1);
                prop_assert!(found.windows(2).all(|w| w[0] < w[1]));
            }
            prop_assert!(keys.candidates(12345).len() <= 1);
            keys.prefetch(map.keys().copied());
        }
    }
}
