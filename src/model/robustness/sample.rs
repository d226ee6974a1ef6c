//! Random draws: uniform numbers and triangular inputs (weights on the simplex are drawn in
//! `batch`). Seeded, so the same file always gives the same figures.

use rand_xoshiro::Xoshiro256PlusPlus;
use rand_xoshiro::rand_core::{Rng, SeedableRng};

use crate::model::Estimate;

/// A seeded generator of uniform numbers in [0, 1).
pub struct Draws(Xoshiro256PlusPlus);

impl Draws {
    pub fn new(seed: u64) -> Self {
        Self(Xoshiro256PlusPlus::seed_from_u64(seed))
    }

    /// Uniform in [0, 1), from the top 53 bits.
    pub fn uniform(&mut self) -> f64 {
        (self.0.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// A stream for block `block` of a run seeded with `seed`: blocks can then be drawn in
    /// any order, on any thread, and still give the same figures.
    pub fn for_block(seed: u64, block: u64) -> Self {
        Self::new(splitmix64(
            seed ^ splitmix64(block.wrapping_add(0x9E37_79B9)),
        ))
    }

    /// A draw of an estimate: triangular over its range, or its likely value if it has none.
    pub fn estimate(&mut self, estimate: &Estimate) -> f64 {
        match estimate.effective_range() {
            Some((a, b)) if b > a => estimate_at(estimate, self.uniform()),
            _ => estimate.likely,
        }
    }
}

/// An estimate at quantile `u` of its triangular range, or its likely value if it has none:
/// how inputs tied to one shared driver move together.
pub fn estimate_at(estimate: &Estimate, u: f64) -> f64 {
    match estimate.effective_range() {
        Some((a, b)) if b > a => triangular(a, estimate.likely, b, u),
        _ => estimate.likely,
    }
}

/// `L` independent xoshiro256++ generators stepped together, one per lane of a batch: the
/// state is stored word by word across lanes, so each step is a few SIMD instructions
/// giving `L` uniforms at once.
pub struct LaneDraws<const L: usize> {
    s: [[u64; L]; 4],
}

impl<const L: usize> LaneDraws<L> {
    /// The lanes of block `block`'s stream: each lane seeded through SplitMix64, as
    /// xoshiro's authors recommend, from the block's seed and its own index.
    pub fn for_block(seed: u64, block: u64) -> Self {
        let base = splitmix64(seed ^ splitmix64(block.wrapping_add(0x9E37_79B9)));
        let mut s = [[0u64; L]; 4];
        for lane in 0..L {
            let mut x = base ^ splitmix64(lane as u64 + 1);
            for word in &mut s {
                x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
                word[lane] = splitmix64(x);
            }
        }
        Self { s }
    }

    /// One uniform in [0, 1) per lane, from the top 52 bits (as the mantissa of a number
    /// in [1, 2), less 1: no integer-to-float conversion).
    /// Two uniforms in [0, 1) per lane from one step, at 2^-32 resolution: the high and
    /// low halves of the 64-bit output (both are full quality in xoshiro256++).
    pub fn uniform_pairs(&mut self, high: &mut [f64; L], low: &mut [f64; L]) {
        let [s0, s1, s2, s3] = &mut self.s;
        for b in 0..L {
            let x = s0[b]
                .wrapping_add(s3[b])
                .rotate_left(23)
                .wrapping_add(s0[b]);
            high[b] = f64::from_bits(((x >> 32) << 20) | 0x3FF0_0000_0000_0000) - 1.0;
            low[b] = f64::from_bits(((x & 0xFFFF_FFFF) << 20) | 0x3FF0_0000_0000_0000) - 1.0;
            let t = s1[b] << 17;
            s2[b] ^= s0[b];
            s3[b] ^= s1[b];
            s1[b] ^= s2[b];
            s0[b] ^= s3[b];
            s2[b] ^= t;
            s3[b] = s3[b].rotate_left(45);
        }
    }

    pub fn uniforms(&mut self, out: &mut [f64; L]) {
        let [s0, s1, s2, s3] = &mut self.s;
        for b in 0..L {
            let x = s0[b]
                .wrapping_add(s3[b])
                .rotate_left(23)
                .wrapping_add(s0[b]);
            out[b] = f64::from_bits((x >> 12) | 0x3FF0_0000_0000_0000) - 1.0;
            let t = s1[b] << 17;
            s2[b] ^= s0[b];
            s3[b] ^= s1[b];
            s1[b] ^= s2[b];
            s0[b] ^= s3[b];
            s2[b] ^= t;
            s3[b] = s3[b].rotate_left(45);
        }
    }
}

/// SplitMix64's mixing step: spreads nearby seeds far apart.
fn splitmix64(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Inverse CDF of the triangular distribution with minimum a, mode c, maximum b at u.
pub fn triangular(a: f64, c: f64, b: f64, u: f64) -> f64 {
    let f_c = (c - a) / (b - a);
    if u < f_c {
        a + (u * (b - a) * (c - a)).sqrt()
    } else {
        b - ((1.0 - u) * (b - a) * (b - c)).sqrt()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn triangular_inverse_cdf_hits_its_ends_mode_and_mean() {
        assert_eq!(triangular(1.0, 2.0, 4.0, 0.0), 1.0);
        assert_eq!(triangular(1.0, 2.0, 4.0, 1.0), 4.0);
        // F(c) = (c − a)/(b − a) = 1/3: the mode sits at u = 1/3.
        assert!((triangular(1.0, 2.0, 4.0, 1.0 / 3.0) - 2.0).abs() < 1e-12);
        let mut d = Draws::new(7);
        let e = Estimate::with_range(1.0, 2.0, 4.0);
        let n = 200_000;
        let mean = (0..n).map(|_| d.estimate(&e)).sum::<f64>() / f64::from(n);
        // (a + b + c) / 3 = 7/3; the standard error is about 0.0014.
        assert!((mean - 7.0 / 3.0).abs() < 0.006, "{mean}");
    }

    #[test]
    fn each_lane_is_the_published_xoshiro256_plus_plus() {
        // A lane seeded like the scalar generator gives the same numbers (to 52 bits).
        let mut lanes = LaneDraws::<4>::for_block(5, 9);
        let mut scalar: Vec<Xoshiro256PlusPlus> = (0..4)
            .map(|lane| {
                let mut bytes = [0u8; 32];
                for (chunk, word) in bytes.chunks_exact_mut(8).zip(lanes.s.iter()) {
                    chunk.copy_from_slice(&word[lane].to_le_bytes());
                }
                Xoshiro256PlusPlus::from_seed(bytes)
            })
            .collect();
        let mut out = [0.0; 4];
        for _ in 0..50 {
            lanes.uniforms(&mut out);
            for (x, g) in out.iter().zip(&mut scalar) {
                assert_eq!(*x, (g.next_u64() >> 12) as f64 / (1u64 << 52) as f64);
            }
        }
        // Pairs are the high and low 32-bit halves of the next outputs.
        let (mut high, mut low) = ([0.0; 4], [0.0; 4]);
        lanes.uniform_pairs(&mut high, &mut low);
        for ((h, l), g) in high.iter().zip(&low).zip(&mut scalar) {
            let x = g.next_u64();
            let two32 = (1u64 << 32) as f64;
            assert_eq!(
                (*h, *l),
                ((x >> 32) as f64 / two32, (x & 0xFFFF_FFFF) as f64 / two32)
            );
        }
        // Lanes differ from one another and blocks from one another.
        assert_ne!(out[0], out[1]);
        let mut other = LaneDraws::<4>::for_block(5, 10);
        let mut o = [0.0; 4];
        other.uniforms(&mut o);
        assert_ne!(o, out);
    }

    #[test]
    fn the_same_seed_gives_the_same_draws() {
        let (mut a, mut b) = (Draws::new(42), Draws::new(42));
        for _ in 0..100 {
            assert_eq!(a.uniform().to_bits(), b.uniform().to_bits());
        }
        assert_ne!(Draws::new(1).uniform(), Draws::new(2).uniform());
    }
}
