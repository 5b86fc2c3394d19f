//! Counting, for many index entries at once, how many of a query's bigram bitmaps each entry is in.
//!
//! The counters are vertical (bit-sliced): plane `p` holds bit `p` of 64 counters per word, and a
//! block holds [`BLOCK`] words side by side, so every operation works on 64 × [`BLOCK`] entries and
//! compiles to vector instructions. Bitmaps are summed by a carry-save adder tree (Harley and Seal):
//! sixteen bitmaps cost fifteen adders of five operations each and no branch, and only the sixteens
//! ripple into the higher planes.

/// Words per block: four, so that a block's adder tree stays in vector registers (with 32 words
/// every adder spilled to the stack; at 1M entries that measured 0–6 % slower, near the noise).
pub(crate) const BLOCK: usize = 4;
/// One bit per entry of a block.
pub(crate) type Lanes = [u64; BLOCK];

/// A carry-save adder: adds `b` and `c` into `sums`, bit by bit, and returns the carries.
#[inline(always)]
fn csa(sums: &mut Lanes, b: &Lanes, c: &Lanes) -> Lanes {
    let mut carries = [0; BLOCK];
    for w in 0..BLOCK {
        let u = sums[w] ^ b[w];
        carries[w] = (sums[w] & b[w]) | (u & c[w]);
        sums[w] = u ^ c[w];
    }
    carries
}

/// Adds `x` into the counters whose lowest plane is `planes[0]`, stopping once no carry is left.
#[inline]
fn ripple(planes: &mut [Lanes], mut x: Lanes) {
    for plane in planes {
        let mut any = 0;
        for w in 0..BLOCK {
            let carry = plane[w] & x[w];
            plane[w] ^= x[w];
            x[w] = carry;
            any |= carry;
        }
        if any == 0 {
            break;
        }
    }
}

/// The planes the sum of `n` bitmaps needs (at least the adder tree's four).
pub(crate) fn planes_for(n: usize) -> usize {
    ((usize::BITS - n.leading_zeros()) as usize).max(4) + 1
}

/// Sums the `n` bitmaps `input(0)`, …, `input(n − 1)` into `planes` (at least [`planes_for`]`(n)`).
///
/// Sixteen bitmaps at a time go through the full tree into the accumulators of weight 1, 2, 4 and
/// 8, and the sixteens it carries out ripple into the higher planes. The rest (up to fifteen) are
/// summed by the trees of eight, four and two, each result half-added into the accumulator of its
/// weight: rippling them one by one through the planes in memory took a sixth of the count stage.
#[inline(always)]
pub(crate) fn vertical_sum(n: usize, input: impl Fn(usize) -> Lanes, planes: &mut [Lanes]) {
    debug_assert!(planes.len() >= planes_for(n));
    planes.fill([0; BLOCK]);
    // ones, twos, fours, eights
    let mut low = [[0; BLOCK]; 4];
    let mut i = 0;
    while i + 16 <= n {
        let eights_a = tree_of_eight(&mut low, &input, i);
        let eights_b = tree_of_eight(&mut low, &input, i + 8);
        let sixteens = csa(&mut low[3], &eights_a, &eights_b);
        ripple(&mut planes[4..], sixteens);
        i += 16;
    }
    if i + 8 <= n {
        let eights = tree_of_eight(&mut low, &input, i);
        half_add_from(3, eights, &mut low, planes);
        i += 8;
    }
    if i + 4 <= n {
        let fours = tree_of_four(&mut low, &input, i);
        half_add_from(2, fours, &mut low, planes);
        i += 4;
    }
    if i + 2 <= n {
        let twos = csa(&mut low[0], &input(i), &input(i + 1));
        half_add_from(1, twos, &mut low, planes);
        i += 2;
    }
    if i < n {
        half_add_from(0, input(i), &mut low, planes);
    }
    planes[..4].copy_from_slice(&low);
}

/// Adds `input(i..i + 4)` into the ones and twos of `low` and returns the fours carried out.
#[inline(always)]
fn tree_of_four(low: &mut [Lanes; 4], input: &impl Fn(usize) -> Lanes, i: usize) -> Lanes {
    let twos_a = csa(&mut low[0], &input(i), &input(i + 1));
    let twos_b = csa(&mut low[0], &input(i + 2), &input(i + 3));
    csa(&mut low[1], &twos_a, &twos_b)
}

/// Adds `input(i..i + 8)` into the ones, twos and fours of `low` and returns the eights carried out.
#[inline(always)]
fn tree_of_eight(low: &mut [Lanes; 4], input: &impl Fn(usize) -> Lanes, i: usize) -> Lanes {
    let fours_a = tree_of_four(low, input, i);
    let fours_b = tree_of_four(low, input, i + 4);
    csa(&mut low[2], &fours_a, &fours_b)
}

/// Adds `x`, of weight `2^level`, into the accumulators of `low` from that level up, and what they
/// carry out into the planes above them.
#[inline(always)]
fn half_add_from(level: usize, mut x: Lanes, low: &mut [Lanes; 4], planes: &mut [Lanes]) {
    for acc in &mut low[level..] {
        for w in 0..BLOCK {
            let carry = acc[w] & x[w];
            acc[w] ^= x[w];
            x[w] = carry;
        }
    }
    if x != [0; BLOCK] {
        ripple(&mut planes[4..], x);
    }
}

/// The 64 counters of one word of a block: plane `p` holds bit `p` of each.
pub(crate) struct Sliced<'a> {
    planes: &'a [Lanes],
    word: usize,
}

impl<'a> Sliced<'a> {
    /// Word `word` of the counters in `planes`.
    pub(crate) fn new(planes: &'a [Lanes], word: usize) -> Sliced<'a> {
        Sliced { planes, word }
    }

    /// The lanes whose counter is at least `threshold`.
    #[inline]
    pub(crate) fn at_least(&self, threshold: usize) -> u64 {
        if threshold == 0 {
            return !0;
        }
        if threshold >> self.planes.len() != 0 {
            return 0;
        }
        // Compare from the top bit down: a lane is below once it has a 0 where threshold has a 1
        // while all higher bits were equal.
        let (mut below, mut equal) = (0u64, !0u64);
        for (p, plane) in self.planes.iter().enumerate().rev() {
            let plane = plane[self.word];
            if (threshold >> p) & 1 == 1 {
                below |= equal & !plane;
                equal &= plane;
            } else {
                equal &= !plane;
            }
        }
        !below
    }

    /// The counter of lane `lane`.
    #[inline]
    pub(crate) fn lane(&self, lane: u32) -> usize {
        self.planes
            .iter()
            .enumerate()
            .map(|(p, plane)| (((plane[self.word] >> lane) & 1) as usize) << p)
            .sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn sliced_counters_count_and_compare() {
        let bitmaps = [0b1011u64, 0b0011, 0b0001, 0b1000].map(|word| [word; BLOCK]);
        let mut planes = vec![[0; BLOCK]; planes_for(bitmaps.len())];
        vertical_sum(bitmaps.len(), |i| bitmaps[i], &mut planes);
        let sliced = Sliced::new(&planes, BLOCK - 1);
        assert_eq!(
            (0..4).map(|lane| sliced.lane(lane)).collect::<Vec<_>>(),
            [3, 2, 0, 2]
        );
        assert_eq!(sliced.at_least(2), 0b1011);
        assert_eq!(sliced.at_least(3), 0b0001);
        assert_eq!(sliced.at_least(0), !0);
        assert_eq!(sliced.at_least(64), 0);
    }

    proptest! {
        #[test]
        fn counters_equal_the_number_of_bitmaps_with_the_bit(
            words in proptest::collection::vec(proptest::collection::vec(any::<u64>(), BLOCK), 0..70),
            threshold in 0usize..80,
        ) {
            let bitmaps: Vec<Lanes> = words.iter().map(|w| std::array::from_fn(|i| w[i])).collect();
            let mut planes = vec![[0; BLOCK]; planes_for(bitmaps.len())];
            vertical_sum(bitmaps.len(), |i| bitmaps[i], &mut planes);
            for word in 0..BLOCK {
                let sliced = Sliced::new(&planes, word);
                let mut want_at_least = 0u64;
                for lane in 0..64 {
                    let want = bitmaps.iter().filter(|b| (b[word] >> lane) & 1 == 1).count();
                    prop_assert_eq!(sliced.lane(lane), want);
                    if want >= threshold {
                        want_at_least |= 1 << lane;
                    }
                }
                prop_assert_eq!(sliced.at_least(threshold), want_at_least);
            }
        }
    }
}
