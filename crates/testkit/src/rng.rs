//! [`Rng`]: the seeded, deterministic random generator every randomised test uses, so that a
//! failing seed fails the same way on every machine and every run.

use std::ops::{Bound, RangeBounds};

/// A small deterministic random generator (xorshift64*), for tests.
///
/// The same seed always gives the same sequence, on every platform, so a test that fails for
/// one seed can be rerun and debugged. It is fast and has no dependencies; it is not
/// cryptographically secure and must never be used for anything but tests.
///
/// The seed is first spread with one step of splitmix64, so small or similar seeds (0, 1, 77)
/// still start from well-mixed states, and a seed of 0 works like any other.
///
/// ```
/// let mut rng = mux_testkit::Rng::new(42);
/// let roll = rng.range(1..=6);
/// assert!((1..=6).contains(&roll));
/// let word = rng.pick(&["a", "b", "c"]);
/// assert!(["a", "b", "c"].contains(&word));
/// ```
#[derive(Clone, Debug)]
pub struct Rng {
    /// The xorshift state; never zero, which is xorshift's one fixed point.
    state: u64,
}

/// The multiplier of xorshift64* (from Vigna, "An experimental exploration of Marsaglia's
/// xorshift generators, scrambled").
const MULTIPLIER: u64 = 0x2545_f491_4f6c_dd1d;

impl Rng {
    /// Returns a generator whose sequence is fixed by `seed`.
    pub fn new(seed: u64) -> Rng {
        // One splitmix64 step: a bijection, so distinct seeds give distinct states.
        let mut z = seed.wrapping_add(0x9e37_79b9_7f4a_7c15);
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^= z >> 31;
        // Exactly one seed maps to 0; give it another non-zero state.
        Rng {
            state: if z == 0 { MULTIPLIER } else { z },
        }
    }

    /// Returns the next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.state;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.state = x;
        x.wrapping_mul(MULTIPLIER)
    }

    /// Returns the next 32 random bits (the high half of [`next_u64`](Rng::next_u64), the
    /// better half of xorshift64*).
    pub fn next_u32(&mut self) -> u32 {
        (self.next_u64() >> 32) as u32
    }

    /// Returns one random byte.
    pub fn byte(&mut self) -> u8 {
        (self.next_u64() >> 56) as u8
    }

    /// Returns a number uniformly distributed in `0..n`.
    ///
    /// # Panics
    ///
    /// Panics if `n` is 0: there is no number below 0 to return, and a test asking for one
    /// has a bug.
    pub fn below(&mut self, n: u64) -> u64 {
        assert!(n > 0, "Rng::below(0): the range 0..0 is empty");
        // Lemire's multiply-and-shift, with rejection of the few values that would make
        // the result biased. It uses the generator's high bits, its strongest.
        let mut wide = u128::from(self.next_u64()) * u128::from(n);
        if (wide as u64) < n {
            let threshold = n.wrapping_neg() % n;
            while (wide as u64) < threshold {
                wide = u128::from(self.next_u64()) * u128::from(n);
            }
        }
        (wide >> 64) as u64
    }

    /// Returns an index uniformly distributed in `0..len`, to index a slice of `len` items.
    ///
    /// # Panics
    ///
    /// Panics if `len` is 0.
    pub fn index(&mut self, len: usize) -> usize {
        // usize is at most 64 bits on every platform Rust supports, so neither cast loses.
        self.below(len as u64) as usize
    }

    /// Returns a number uniformly distributed in `range`, which may be half-open (`2..10`),
    /// inclusive (`1..=6`) or open at either end (`..10`, `5..`).
    ///
    /// # Panics
    ///
    /// Panics if the range is empty.
    pub fn range(&mut self, range: impl RangeBounds<u64>) -> u64 {
        let low = match range.start_bound() {
            Bound::Included(&n) => n,
            Bound::Excluded(&n) => n.checked_add(1).expect("Rng::range: empty range"),
            Bound::Unbounded => 0,
        };
        let high = match range.end_bound() {
            Bound::Included(&n) => n,
            Bound::Excluded(&n) => n.checked_sub(1).expect("Rng::range: empty range"),
            Bound::Unbounded => u64::MAX,
        };
        assert!(low <= high, "Rng::range: empty range {low}..={high}");
        match (high - low).checked_add(1) {
            Some(span) => low + self.below(span),
            // The whole of u64.
            None => self.next_u64(),
        }
    }

    /// Returns true with probability `p`: never for `p <= 0`, always for `p >= 1`.
    pub fn chance(&mut self, p: f64) -> bool {
        // 53 random bits make a float uniformly distributed in [0, 1).
        let unit = (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
        unit < p
    }

    /// Returns one item of `items`, each equally likely. (For items that are not `Copy`,
    /// index with [`index`](Rng::index) instead.)
    ///
    /// # Panics
    ///
    /// Panics if `items` is empty.
    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        assert!(!items.is_empty(), "Rng::pick from an empty slice");
        items[self.index(items.len())]
    }

    /// Returns `len` random bytes.
    pub fn bytes(&mut self, len: usize) -> Vec<u8> {
        let mut out = Vec::with_capacity(len + 8);
        while out.len() < len {
            out.extend_from_slice(&self.next_u64().to_le_bytes());
        }
        out.truncate(len);
        out
    }

    /// Returns a string of between 0 and `max_len` characters (inclusive, each length equally
    /// likely), each drawn from `alphabet`.
    ///
    /// # Panics
    ///
    /// Panics if `alphabet` is empty and the length drawn is not 0.
    pub fn string(&mut self, alphabet: &[char], max_len: usize) -> String {
        let len = self.index(max_len + 1);
        (0..len).map(|_| self.pick(alphabet)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::Rng;

    #[test]
    fn the_same_seed_gives_the_same_sequence() {
        let mut a = Rng::new(7);
        let mut b = Rng::new(7);
        for _ in 0..1000 {
            assert_eq!(a.next_u64(), b.next_u64());
        }
        let (mut a, mut c) = (Rng::new(7), Rng::new(8));
        let seven: Vec<u64> = (0..4).map(|_| a.next_u64()).collect();
        let eight: Vec<u64> = (0..4).map(|_| c.next_u64()).collect();
        assert_ne!(seven, eight, "neighbouring seeds give different sequences");
    }

    #[test]
    fn the_sequence_is_pinned() {
        // Computed independently of this code from the definitions of splitmix64 and
        // xorshift64*. If this changes, every seed recorded in a bug report changes meaning.
        let mut rng = Rng::new(1);
        let got: Vec<u64> = (0..3).map(|_| rng.next_u64()).collect();
        assert_eq!(got, PINNED_SEED_1);
        let mut rng = Rng::new(0);
        assert_eq!(rng.next_u64(), PINNED_SEED_0);
    }

    /// The first three outputs for seed 1.
    const PINNED_SEED_1: [u64; 3] = [
        0x4b46_a55d_f361_1b9b,
        0xd7e1_f141_0e76_3ef4,
        0x5f14_ec66_975f_9b06,
    ];
    /// The first output for seed 0.
    const PINNED_SEED_0: u64 = 0x7bbc_b40d_5506_82d0;

    #[test]
    fn seed_zero_and_small_seeds_are_not_degenerate() {
        for seed in 0..16 {
            let mut rng = Rng::new(seed);
            let values: Vec<u64> = (0..64).map(|_| rng.next_u64()).collect();
            assert!(values.iter().all(|&v| v != 0), "seed {seed}");
            // Every bit position takes both values within 64 draws.
            let ones = values.iter().fold(0u64, |acc, v| acc | v);
            let zeros = values.iter().fold(0u64, |acc, v| acc | !v);
            assert_eq!((ones, zeros), (u64::MAX, u64::MAX), "seed {seed}");
        }
    }

    #[test]
    fn below_stays_below_and_reaches_every_value() {
        let mut rng = Rng::new(3);
        for n in [1u64, 2, 3, 7, 10, 255, 1000] {
            let mut seen = vec![false; n as usize];
            for _ in 0..n * 50 {
                let v = rng.below(n);
                assert!(v < n, "{v} from below({n})");
                seen[v as usize] = true;
            }
            assert!(seen.iter().all(|&s| s), "below({n}) missed a value");
        }
        assert!(rng.below(u64::MAX) < u64::MAX);
    }

    #[test]
    fn below_is_roughly_uniform() {
        let mut rng = Rng::new(11);
        let mut counts = [0u32; 6];
        for _ in 0..60_000 {
            counts[rng.index(6)] += 1;
        }
        // Each face expects 10,000; with this fixed seed the deviation is far inside 5%.
        for c in counts {
            assert!((9_500..=10_500).contains(&c), "{counts:?}");
        }
    }

    #[test]
    #[should_panic(expected = "empty")]
    fn below_zero_is_a_bug() {
        Rng::new(1).below(0);
    }

    #[test]
    fn range_honours_every_kind_of_bound() {
        let mut rng = Rng::new(5);
        let mut seen = [false; 6];
        for _ in 0..600 {
            let v = rng.range(1..=6);
            assert!((1..=6).contains(&v));
            seen[(v - 1) as usize] = true;
        }
        assert!(seen.iter().all(|&s| s));
        for _ in 0..200 {
            assert!((10..20).contains(&rng.range(10..20)));
            assert!(rng.range(..3) < 3);
            assert!(rng.range(u64::MAX - 1..) >= u64::MAX - 1);
        }
        assert_eq!(rng.range(4..5), 4);
        assert_eq!(rng.range(9..=9), 9);
        // The whole domain is allowed.
        rng.range(..);
    }

    #[test]
    #[should_panic(expected = "empty range")]
    fn an_empty_range_is_a_bug() {
        Rng::new(1).range(5..5);
    }

    #[test]
    fn chance_follows_its_probability() {
        let mut rng = Rng::new(13);
        assert!((0..1000).all(|_| !rng.chance(0.0)));
        assert!((0..1000).all(|_| rng.chance(1.0)));
        assert!((0..1000).all(|_| !rng.chance(-1.0)));
        let hits = (0..100_000).filter(|_| rng.chance(0.25)).count();
        assert!((24_000..=26_000).contains(&hits), "{hits}");
    }

    #[test]
    fn pick_and_string_draw_from_what_they_are_given() {
        let mut rng = Rng::new(17);
        let items = ["x", "y", "z"];
        let mut seen = [false; 3];
        for _ in 0..100 {
            let p = rng.pick(&items);
            seen[items.iter().position(|&i| i == p).expect("an item")] = true;
        }
        assert_eq!(seen, [true; 3]);
        let alphabet = ['a', '日', '\u{301}'];
        let mut lengths = [false; 6];
        for _ in 0..200 {
            let s = rng.string(&alphabet, 5);
            assert!(s.chars().all(|c| alphabet.contains(&c)), "{s:?}");
            lengths[s.chars().count()] = true;
        }
        assert_eq!(lengths, [true; 6], "every length from 0 to 5");
        assert_eq!(rng.string(&[], 0), "");
    }

    #[test]
    fn bytes_has_the_length_asked_for_and_varies() {
        let mut rng = Rng::new(19);
        for len in [0, 1, 7, 8, 9, 100] {
            assert_eq!(rng.bytes(len).len(), len);
        }
        let big = rng.bytes(4096);
        let mut seen = [false; 256];
        for b in &big {
            seen[usize::from(*b)] = true;
        }
        assert!(seen.iter().all(|&s| s), "4096 bytes cover every value");
        let mut seen = [false; 256];
        for _ in 0..4096 {
            seen[usize::from(rng.byte())] = true;
        }
        assert!(
            seen.iter().all(|&s| s),
            "4096 calls to byte cover every value"
        );
    }
}
