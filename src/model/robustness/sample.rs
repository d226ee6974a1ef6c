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

    /// Uniform in (0, 1]: safe to take the logarithm of.
    fn uniform_open_zero(&mut self) -> f64 {
        1.0 - self.uniform()
    }

    /// A draw of an estimate: triangular over its range, or its likely value if it has none.
    pub fn estimate(&mut self, e: &Estimate) -> f64 {
        match (e.low, e.high) {
            (Some(a), Some(b)) if b > a => triangular(a, e.likely, b, self.uniform()),
            _ => e.likely,
        }
    }

    /// Weights uniform on the simplex (Dirichlet(1, …, 1)): normalised exponential draws.
    /// (Uniform draws normalised would crowd the middle of the simplex.)
    pub fn simplex(&mut self, weights: &mut [f64]) {
        let mut total = 0.0;
        for w in weights.iter_mut() {
            *w = -self.uniform_open_zero().ln();
            total += *w;
        }
        for w in weights.iter_mut() {
            *w /= total;
        }
    }
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
