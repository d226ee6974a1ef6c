//! Random draws: triangular inputs, and weights uniform on the simplex. Seeded, so the same
//! file always gives the same figures.

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
    pub fn estimate(&mut self, e: &Estimate) -> f64 {
        match (e.low, e.high) {
            (Some(a), Some(b)) if b > a => triangular(a, e.likely, b, self.uniform()),
            _ => e.likely,
        }
    }

    /// Weights uniform on the simplex (Dirichlet(1, …, 1)) by the sorted-gaps method: the
    /// gaps between m − 1 sorted uniform draws on [0, 1]. (Uniform weights normalised would
    /// crowd the simplex's middle.)
    pub fn simplex(&mut self, weights: &mut [f64]) {
        let m = weights.len();
        if m == 0 {
            return;
        }
        // Cuts go in weights[..m-1]; insertion sort is fastest for the few criteria there are.
        for k in 0..m - 1 {
            let u = self.uniform();
            let mut j = k;
            while j > 0 && weights[j - 1] > u {
                weights[j] = weights[j - 1];
                j -= 1;
            }
            weights[j] = u;
        }
        // Gaps, from the top down so each cut is read before it is overwritten.
        let mut upper = 1.0;
        for k in (0..m - 1).rev() {
            let cut = weights[k];
            weights[k + 1] = upper - cut;
            upper = cut;
        }
        weights[0] = upper;
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
    fn simplex_weights_sum_to_one_and_each_has_mean_one_over_m() {
        let mut d = Draws::new(11);
        let mut w = [0.0; 4];
        let mut sums = [0.0; 4];
        let n = 100_000;
        for _ in 0..n {
            d.simplex(&mut w);
            assert!((w.iter().sum::<f64>() - 1.0).abs() < 1e-12);
            for (s, x) in sums.iter_mut().zip(w) {
                *s += x;
            }
        }
        for s in sums {
            assert!((s / f64::from(n) - 0.25).abs() < 0.003);
        }
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
