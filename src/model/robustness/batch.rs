//! SMAA's inner loop over a batch of draws at once, stored as structure of arrays: row k
//! holds quantity k for every draw of the batch. Each step is then a plain loop over the
//! batch with no per-draw branches, which the compiler turns into SIMD instructions; a
//! draw at a time, sorting the cuts and ranking the options were mostly mispredicted
//! branches.

use super::SmaaError;
use super::sample::LaneDraws;

/// The lanes' random streams.
pub type BatchDraws = LaneDraws<BATCH>;

/// Draws processed together. Small enough that every row of a batch stays in L1 cache.
pub const BATCH: usize = 16;
/// One quantity for every draw of a batch.
pub type Lanes = [f64; BATCH];

const ZERO: Lanes = [0.0; BATCH];

/// A sorting network for `n` values (Batcher's merge exchange, Knuth 5.2.2 algorithm M):
/// a fixed list of compare–exchange pairs that sorts any input, so the same steps sort
/// every draw of a batch.
pub fn sorting_network(n: usize) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    if n < 2 {
        return pairs;
    }
    let t = usize::BITS - (n - 1).leading_zeros();
    let mut p = 1usize << (t - 1);
    while p > 0 {
        let (mut q, mut r, mut d) = (1usize << (t - 1), 0, p);
        loop {
            pairs.extend((0..n - d).filter(|i| i & p == r).map(|i| (i, i + d)));
            if q == p {
                break;
            }
            d = q - p;
            q /= 2;
            r = p;
        }
        p /= 2;
    }
    pairs
}

/// Weights uniform on the simplex (Dirichlet(1, …, 1)), a batch at a time, by the
/// sorted-gaps method: the gaps between m − 1 sorted uniform cuts of [0, 1]. (Uniform
/// weights normalised would crowd the simplex's middle.)
pub struct SimplexSampler {
    m: usize,
    network: Vec<(usize, usize)>,
    /// Weight bounds per criterion; None when every weight may take any value.
    bounds: Option<Vec<(f64, f64)>>,
    /// The order of importance the weights must keep, if any (see [`Ranking`]).
    ranking: Option<Ranking>,
    cuts: Vec<Lanes>,
    candidates: Vec<Lanes>,
}

/// Ordinal weight information (SMAA-2): criteria in tiers of importance, most important
/// first. A draw keeps every weight of a tier at or above every weight of a later tier, and
/// is otherwise uniform. By symmetry of the uniform simplex, sorting a uniform draw's weights
/// and handing the largest to the first tier, the next to the next, gives exactly that; inside
/// a tier (equal swing weights) the values are handed out in a random order.
struct Ranking {
    /// Criterion indices, most important first; a tier's members are adjacent.
    by_importance: Vec<usize>,
    /// Start and length in `by_importance` of each tier with more than one member.
    shared_tiers: Vec<(usize, usize)>,
    /// A sorting network for all m weights.
    network: Vec<(usize, usize)>,
    sorted: Vec<Lanes>,
    uniforms: Lanes,
}

impl Ranking {
    fn new(tiers: &[usize]) -> Self {
        let m = tiers.len();
        let mut by_importance: Vec<usize> = (0..m).collect();
        by_importance.sort_by_key(|&j| (tiers[j], j));
        let mut shared_tiers = Vec::new();
        let mut start = 0;
        while start < m {
            let tier = tiers[by_importance[start]];
            let len = by_importance[start..]
                .iter()
                .take_while(|&&j| tiers[j] == tier)
                .count();
            if len > 1 {
                shared_tiers.push((start, len));
            }
            start += len;
        }
        Self {
            by_importance,
            shared_tiers,
            network: sorting_network(m),
            sorted: vec![ZERO; m],
            uniforms: ZERO,
        }
    }

    /// Reorders each draw's weights so they keep the order of importance.
    fn apply(&mut self, rng: &mut BatchDraws, weights: &mut [Lanes]) {
        let m = weights.len();
        self.sorted.copy_from_slice(weights);
        for &(i, j) in &self.network {
            let (low, high) = self.sorted.split_at_mut(j);
            compare_exchange(&mut low[i], &mut high[0]);
        }
        // `sorted` is ascending; the r-th most important criterion takes the r-th largest.
        for (r, &j) in self.by_importance.iter().enumerate() {
            weights[j] = self.sorted[m - 1 - r];
        }
        // Inside a tier, a Fisher–Yates shuffle per draw: position p swaps with one of 0..=p.
        for &(start, len) in &self.shared_tiers {
            for p in (1..len).rev() {
                rng.uniforms(&mut self.uniforms);
                for (b, u) in self.uniforms.iter().enumerate() {
                    let q = ((u * (p + 1) as f64) as usize).min(p);
                    let (jp, jq) = (self.by_importance[start + p], self.by_importance[start + q]);
                    let (wp, wq) = (weights[jp][b], weights[jq][b]);
                    weights[jp][b] = wq;
                    weights[jq][b] = wp;
                }
            }
        }
    }
}

impl SimplexSampler {
    pub fn new(m: usize, bounds: Option<Vec<(f64, f64)>>) -> Self {
        Self::in_space(m, bounds, None)
    }

    /// A sampler within `bounds` (if any) that keeps the order of importance `tiers` (if
    /// given): `tiers[j]` is criterion j's tier, 0 the most important, equal for equals.
    pub fn in_space(m: usize, bounds: Option<Vec<(f64, f64)>>, tiers: Option<&[usize]>) -> Self {
        Self {
            m,
            network: sorting_network(m.saturating_sub(1)),
            bounds,
            ranking: tiers.filter(|t| t.len() == m).map(Ranking::new),
            cuts: vec![ZERO; m.saturating_sub(1)],
            candidates: vec![ZERO; m],
        }
    }

    /// Fills `weights` (m rows) with a batch of weightings, within the bounds by
    /// rejection. Fails when `max_rejections` candidates in a row fall outside them.
    pub fn fill(
        &mut self,
        rng: &mut BatchDraws,
        weights: &mut [Lanes],
        max_rejections: u32,
    ) -> Result<(), SmaaError> {
        let Some(bounds) = &self.bounds else {
            Self::draw(&mut self.cuts, &self.network, rng, weights);
            if let Some(ranking) = &mut self.ranking {
                ranking.apply(rng, weights);
            }
            return Ok(());
        };
        let mut filled = 0;
        let mut rejected_in_a_row = 0u32;
        while filled < BATCH {
            Self::draw(&mut self.cuts, &self.network, rng, &mut self.candidates);
            if let Some(ranking) = &mut self.ranking {
                ranking.apply(rng, &mut self.candidates);
            }
            for b in 0..BATCH {
                let inside = self
                    .candidates
                    .iter()
                    .zip(bounds)
                    .all(|(w, &(lo, hi))| (lo..=hi).contains(&w[b]));
                if !inside {
                    rejected_in_a_row += 1;
                    if rejected_in_a_row >= max_rejections {
                        return Err(SmaaError::BoundsTooNarrow);
                    }
                    continue;
                }
                rejected_in_a_row = 0;
                for (out, w) in weights.iter_mut().zip(&self.candidates) {
                    out[filled] = w[b];
                }
                filled += 1;
                if filled == BATCH {
                    break;
                }
            }
        }
        Ok(())
    }

    /// A batch of unbounded weightings into `weights`.
    fn draw(
        cuts: &mut [Lanes],
        network: &[(usize, usize)],
        rng: &mut BatchDraws,
        weights: &mut [Lanes],
    ) {
        let m = weights.len();
        if m == 0 {
            return;
        }
        // Each draw (lane) takes its m − 1 cuts in turn from its own stream, two per step at
        // 2^-32 resolution (a weight is never off by more than 2.3e-10), the odd one at 2^-52.
        let mut pairs = cuts.chunks_exact_mut(2);
        for pair in &mut pairs {
            let (a, b) = pair.split_at_mut(1);
            rng.uniform_pairs(&mut a[0], &mut b[0]);
        }
        if let [last] = pairs.into_remainder() {
            rng.uniforms(last);
        }
        for &(i, j) in network {
            let (low, high) = cuts.split_at_mut(j);
            compare_exchange(&mut low[i], &mut high[0]);
        }
        let mut below = &ZERO;
        for (w, cut) in weights.iter_mut().zip(cuts.iter()) {
            for b in 0..BATCH {
                w[b] = cut[b] - below[b];
            }
            below = cut;
        }
        for b in 0..BATCH {
            weights[m - 1][b] = 1.0 - below[b];
        }
    }

    pub fn criteria(&self) -> usize {
        self.m
    }
}

/// Puts the smaller of each pair in `a` and the larger in `b`, draw by draw.
fn compare_exchange(a: &mut Lanes, b: &mut Lanes) {
    for (x, y) in a.iter_mut().zip(b.iter_mut()) {
        let (lo, hi) = if *x < *y { (*x, *y) } else { (*y, *x) };
        *x = lo;
        *y = hi;
    }
}

/// Weighted totals `totals[i][b] = Σ_j scores[i][j] × weights[j][b]` when every draw
/// shares one score matrix (`scores[i * m + j]`).
pub fn totals_shared(scores: &[f64], weights: &[Lanes], totals: &mut [Lanes]) {
    let m = weights.len();
    for (t, row) in totals.iter_mut().zip(scores.chunks_exact(m.max(1))) {
        *t = ZERO;
        for (s, w) in row.iter().zip(weights) {
            for b in 0..BATCH {
                t[b] += s * w[b];
            }
        }
    }
}

/// Weighted totals when each draw has its own scores (`scores[i * m + j][b]`).
pub fn totals_per_draw(scores: &[Lanes], weights: &[Lanes], totals: &mut [Lanes]) {
    let m = weights.len();
    for (t, row) in totals.iter_mut().zip(scores.chunks_exact(m.max(1))) {
        *t = ZERO;
        for (s, w) in row.iter().zip(weights) {
            for b in 0..BATCH {
                t[b] += s[b] * w[b];
            }
        }
    }
}

/// 0-based competition ranks, `ranks[i][b]`: how many options score more than option i by
/// more than `tolerance` (ties share a rank).
pub fn ranks(totals: &[Lanes], tolerance: f64, ranks: &mut [Lanes]) {
    for (r, t) in ranks.iter_mut().zip(totals) {
        let mut bar = *t;
        for x in &mut bar {
            *x += tolerance;
        }
        *r = ZERO;
        // An option never beats itself by more than the tolerance (which is above zero).
        for other in totals {
            for b in 0..BATCH {
                r[b] += if other[b] > bar[b] { 1.0 } else { 0.0 };
            }
        }
    }
}

/// Adds a batch's draws to per-lane tallies: `at_most[i * n + r]` counts the draws in
/// which option i has 0-based rank r or better, for r < n − 1 (the count for rank r is
/// then the difference of two; every draw has rank n − 1 or better), and
/// `central[i * m + j]` sums weight j over the draws in which option i is first. Only the
/// first `len` lanes count.
pub fn tally(
    ranks: &[Lanes],
    weights: &[Lanes],
    len: usize,
    at_most: &mut [Lanes],
    central: &mut [Lanes],
) {
    let n = ranks.len();
    let m = weights.len();
    for (i, r) in ranks.iter().enumerate() {
        // Unused lanes get a rank no option can have. Ranks are whole numbers, so "at most
        // r" is "below r + ½": one comparison the compiler vectorises.
        let mut r = *r;
        r[len..].fill(n as f64);
        let tallies = &mut at_most[i * n..(i + 1) * n - 1];
        let mut first = ZERO;
        for b in 0..BATCH {
            first[b] = if r[b] < 0.5 { 1.0 } else { 0.0 };
        }
        if let Some((t0, rest)) = tallies.split_first_mut() {
            for b in 0..BATCH {
                t0[b] += first[b];
            }
            for (rank, t) in rest.iter_mut().enumerate() {
                let limit = rank as f64 + 1.5;
                for b in 0..BATCH {
                    t[b] += if r[b] < limit { 1.0 } else { 0.0 };
                }
            }
        }
        for (c, w) in central[i * m..(i + 1) * m].iter_mut().zip(weights) {
            for b in 0..BATCH {
                c[b] += first[b] * w[b];
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_network_sorts_every_zero_one_input() {
        // The 0–1 principle: a network that sorts every 0/1 sequence sorts everything.
        for n in 0..=14usize {
            let network = sorting_network(n);
            for bits in 0u32..(1 << n) {
                let mut v: Vec<u32> = (0..n).map(|k| (bits >> k) & 1).collect();
                for &(i, j) in &network {
                    if v[i] > v[j] {
                        v.swap(i, j);
                    }
                }
                assert!(
                    v.windows(2).all(|w| w[0] <= w[1]),
                    "n = {n}, input {bits:b}"
                );
            }
        }
        // Batcher's network for 7 cuts (8 criteria) has 16 steps; insertion sort would take 21.
        assert_eq!(sorting_network(7).len(), 16);
    }

    #[test]
    fn weights_are_sorted_gaps_that_sum_to_one_with_mean_one_over_m() {
        let m = 4;
        let mut sampler = SimplexSampler::new(m, None);
        let mut rng = BatchDraws::for_block(11, 0);
        let mut w = vec![ZERO; m];
        let mut sums = [0.0; 4];
        let batches = 100_000 / BATCH;
        for _ in 0..batches {
            sampler.fill(&mut rng, &mut w, 1).expect("unbounded");
            for b in 0..BATCH {
                assert!((w.iter().map(|row| row[b]).sum::<f64>() - 1.0).abs() < 1e-12);
                assert!(w.iter().all(|row| row[b] >= 0.0));
                for (s, row) in sums.iter_mut().zip(&w) {
                    *s += row[b];
                }
            }
        }
        for s in sums {
            assert!((s / (batches * BATCH) as f64 - 0.25).abs() < 0.003, "{s}");
        }
    }

    #[test]
    fn ranked_weights_keep_the_order_and_share_a_tier_evenly() {
        // Tiers: criterion 2 first, then 0 and 1 equal, then 3.
        let tiers = [1, 1, 0, 2];
        let mut sampler = SimplexSampler::in_space(4, None, Some(&tiers));
        let mut rng = BatchDraws::for_block(5, 0);
        let mut w = vec![ZERO; 4];
        let (mut zero_above_one, mut draws) = (0usize, 0usize);
        let mut top = 0.0;
        for _ in 0..20_000 / BATCH {
            sampler.fill(&mut rng, &mut w, 1).expect("unbounded");
            for b in 0..BATCH {
                assert!((w.iter().map(|row| row[b]).sum::<f64>() - 1.0).abs() < 1e-12);
                assert!(w[2][b] >= w[0][b] && w[2][b] >= w[1][b]);
                assert!(w[0][b] >= w[3][b] && w[1][b] >= w[3][b]);
                zero_above_one += usize::from(w[0][b] > w[1][b]);
                top += w[2][b];
                draws += 1;
            }
        }
        // Equal swing weights: each of the pair is the larger half the time.
        let share = zero_above_one as f64 / draws as f64;
        assert!((share - 0.5).abs() < 0.02, "{share}");
        // The largest of four uniform-simplex weights has mean (1/4)(1 + 1/2 + 1/3 + 1/4)
        // = 25/48 (the expected largest spacing, Rényi's representation).
        let mean = top / draws as f64;
        assert!((mean - 25.0 / 48.0).abs() < 0.005, "{mean}");
    }

    #[test]
    fn bounded_weights_stay_inside_and_impossible_bounds_fail() {
        let bounds = vec![(0.5, 1.0), (0.0, 0.3), (0.0, 1.0)];
        let mut sampler = SimplexSampler::new(3, Some(bounds.clone()));
        let mut rng = BatchDraws::for_block(3, 0);
        let mut w = vec![ZERO; 3];
        for _ in 0..100 {
            sampler
                .fill(&mut rng, &mut w, 100_000)
                .expect("room inside");
            for (row, (lo, hi)) in w.iter().zip(&bounds) {
                assert!(row.iter().all(|x| (lo..=hi).contains(&x)));
            }
        }
        let mut impossible = SimplexSampler::new(2, Some(vec![(0.8, 1.0), (0.8, 1.0)]));
        assert!(impossible.fill(&mut rng, &mut w[..2], 1000).is_err());
    }

    #[test]
    fn totals_and_ranks_match_the_one_draw_rules() {
        // Two options, two criteria, one draw in lane 0: totals 0.3·80 + 0.7·20 = 38 and
        // 0.3·10 + 0.7·60 = 45, so option 1 is first.
        let mut w = vec![ZERO; 2];
        w[0][0] = 0.3;
        w[1][0] = 0.7;
        let scores = [80.0, 20.0, 10.0, 60.0];
        let mut t = vec![ZERO; 2];
        totals_shared(&scores, &w, &mut t);
        assert!((t[0][0] - 38.0).abs() < 1e-12 && (t[1][0] - 45.0).abs() < 1e-12);
        let per_draw: Vec<Lanes> = scores.iter().map(|&s| [s; BATCH]).collect();
        let mut t2 = vec![ZERO; 2];
        totals_per_draw(&per_draw, &w, &mut t2);
        assert_eq!(t[0][0], t2[0][0]);
        let mut r = vec![ZERO; 2];
        ranks(&t, 1e-9, &mut r);
        assert_eq!((r[0][0], r[1][0]), (1.0, 0.0));
        // Lane 1 has zero weights: both totals 0, a tie, both first.
        assert_eq!((r[0][1], r[1][1]), (0.0, 0.0));
    }
}
