//! The simulation's random numbers: a small hand-written generator, one independent stream per
//! (seed, path, lane), no OS entropy (docs/METHODOLOGY.md §10, "Determinism").
//!
//! - Streams are keyed by SplitMix64's finaliser (Steele, Lea and Flood, "Fast splittable
//!   pseudorandom number generators", OOPSLA 2014; constants from Vigna's `splitmix64.c`), and
//!   each stream is xoshiro256** (Blackman and Vigna, "Scrambled linear pseudorandom number
//!   generators", ACM TOMS 2021; `xoshiro256starstar.c`) seeded from four SplitMix64 outputs, as
//!   its authors recommend. Path i's numbers depend only on (seed, i, lane), never on which
//!   chunk or worker ran it.
//! - Uniforms take the top 53 bits: k · 2⁻⁵³ in [0, 1).
//! - Normals by Marsaglia's polar method (Marsaglia and Bray, "A convenient method for
//!   generating normal variables", SIAM Review 6(3), 1964): two uniforms in the unit disc give
//!   two independent normals with one logarithm and one square root.
//! - Exponentials by inversion: −ln(1 − U).
//!
//! Logarithms come from `libm` (bit-identical natively and in wasm32); the square root is
//! IEEE 754's correctly rounded one, the same bits on every target.

/// SplitMix64's increment (2⁶⁴ / φ).
const GOLDEN_GAMMA: u64 = 0x9E37_79B9_7F4A_7C15;

/// 2⁻⁵³.
const UNIT_53: f64 = 1.0 / 9_007_199_254_740_992.0;

/// SplitMix64's output function (a bijective 64-bit mixer).
///
/// # Formula
/// z = (z ⊕ (z ≫ 30)) · 0xBF58476D1CE4E5B9; z = (z ⊕ (z ≫ 27)) · 0x94D049BB133111EB;
/// z ⊕ (z ≫ 31) (Vigna, `splitmix64.c`).
pub(crate) const fn mix64(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// The next output of a SplitMix64 generator whose state is `state`.
fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(GOLDEN_GAMMA);
    mix64(*state)
}

/// A xoshiro256** generator: 256 bits of state, period 2²⁵⁶ − 1.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Rng {
    s: [u64; 4],
    /// The second normal of the last polar draw, if not used yet.
    spare: Option<u64>,
}

impl Rng {
    /// The stream of `lane` of `path` under `seed`: its state is four SplitMix64 outputs from a
    /// key that mixes the three (each through SplitMix64's finaliser, so neighbouring paths and
    /// lanes get unrelated streams).
    pub(crate) fn stream(seed: u64, path: u32, lane: u32) -> Rng {
        let mut key = mix64(seed.wrapping_add(GOLDEN_GAMMA));
        key = mix64(key ^ u64::from(path));
        key = mix64(key ^ (u64::from(lane) << 32 | 0x5EED));
        let mut s = [0_u64; 4];
        for x in &mut s {
            *x = splitmix64(&mut key);
        }
        if s == [0; 4] {
            // The all-zero state is xoshiro's one fixed point; SplitMix64 never gives it in
            // practice, but the generator must not depend on that.
            s[0] = GOLDEN_GAMMA;
        }
        Rng { s, spare: None }
    }

    /// The next 64 random bits.
    ///
    /// # Formula
    /// xoshiro256**: result = rotl(s₁ · 5, 7) · 9; t = s₁ ≪ 17; s₂ ⊕= s₀; s₃ ⊕= s₁; s₁ ⊕= s₂;
    /// s₀ ⊕= s₃; s₂ ⊕= t; s₃ = rotl(s₃, 45) (Blackman and Vigna).
    pub(crate) fn next_u64(&mut self) -> u64 {
        let [s0, s1, s2, s3] = &mut self.s;
        let result = s1.wrapping_mul(5).rotate_left(7).wrapping_mul(9);
        let t = *s1 << 17;
        *s2 ^= *s0;
        *s3 ^= *s1;
        *s1 ^= *s2;
        *s0 ^= *s3;
        *s2 ^= t;
        *s3 = s3.rotate_left(45);
        result
    }

    /// A uniform number in [0, 1): the top 53 bits times 2⁻⁵³.
    pub(crate) fn uniform(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * UNIT_53
    }

    /// A standard normal number (Marsaglia's polar method).
    ///
    /// # Formula
    /// Draw u, v uniform in (−1, 1) until s = u² + v² is in (0, 1); then u · f and v · f with
    /// f = √(−2 ln s / s) are two independent standard normals. The second is kept for the next
    /// call. Total: after 64 rejected pairs (probability 0.2146⁶⁴ ≈ 10⁻⁴³) it returns 0.
    pub(crate) fn normal(&mut self) -> f64 {
        if let Some(bits) = self.spare.take() {
            return f64::from_bits(bits);
        }
        for _ in 0..64 {
            let u = 2.0 * self.uniform() - 1.0;
            let v = 2.0 * self.uniform() - 1.0;
            let s = u * u + v * v;
            if s > 0.0 && s < 1.0 {
                let f = (-2.0 * libm::log(s) / s).sqrt();
                self.spare = Some((v * f).to_bits());
                return u * f;
            }
        }
        0.0
    }

    /// A standard exponential number (mean 1), by inversion: −ln(1 − U), finite and ≥ 0.
    pub(crate) fn exponential(&mut self) -> f64 {
        -libm::log1p(-self.uniform())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitmix_matches_the_reference() {
        // Vigna's splitmix64.c seeded with 1234567: the first outputs are
        // 6457827717110365317, 3203168211198807973, 9817491932198370423.
        let mut state = 1_234_567_u64;
        let got: Vec<u64> = (0..3).map(|_| splitmix64(&mut state)).collect();
        assert_eq!(
            got,
            [
                6_457_827_717_110_365_317,
                3_203_168_211_198_807_973,
                9_817_491_932_198_370_423
            ]
        );
    }

    #[test]
    fn xoshiro_matches_the_reference() {
        // xoshiro256starstar.c from the state {1, 2, 3, 4}: 11520, 0, 1509978240,
        // 1215971899390074240 (the reference implementation's first four outputs).
        let mut r = Rng {
            s: [1, 2, 3, 4],
            spare: None,
        };
        let got: Vec<u64> = (0..4).map(|_| r.next_u64()).collect();
        assert_eq!(got, [11_520, 0, 1_509_978_240, 1_215_971_899_390_074_240]);
    }

    #[test]
    fn streams_are_independent_of_order_and_distinct() {
        // The stream of (seed, path, lane) is a pure function of the three: running path 7
        // alone or after path 6 gives the same numbers, and neighbours differ.
        let a: Vec<u64> = {
            let mut r = Rng::stream(42, 7, 0);
            (0..4).map(|_| r.next_u64()).collect()
        };
        let mut other = Rng::stream(42, 6, 0);
        let _ = other.next_u64();
        let b: Vec<u64> = {
            let mut r = Rng::stream(42, 7, 0);
            (0..4).map(|_| r.next_u64()).collect()
        };
        assert_eq!(a, b);
        let mut lanes = vec![
            Rng::stream(42, 7, 1).next_u64(),
            Rng::stream(42, 8, 0).next_u64(),
            Rng::stream(43, 7, 0).next_u64(),
        ];
        lanes.push(a.first().copied().unwrap_or(0));
        lanes.sort_unstable();
        lanes.dedup();
        assert_eq!(lanes.len(), 4);
    }

    #[test]
    fn moments_of_the_draws() {
        // 200,000 draws, each bound 4 standard errors: the sample mean of a uniform is
        // 0.5 ± 0.0026 (4 · √(1/12/200000) = 4 · 0.000645); of a normal 0 ± 0.009
        // (4 · 1/√200000 = 0.0089), its variance 1 ± 0.013 (4 · √(2/200000)); of an
        // exponential 1 ± 0.009.
        let n = 200_000;
        let mut r = Rng::stream(1, 0, 0);
        let mean_u = (0..n).map(|_| r.uniform()).sum::<f64>() / f64::from(n);
        assert!((mean_u - 0.5).abs() < 0.0026, "{mean_u}");
        let z: Vec<f64> = (0..n).map(|_| r.normal()).collect();
        let mean = z.iter().sum::<f64>() / f64::from(n);
        let var = z.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / f64::from(n);
        assert!(mean.abs() < 0.009, "{mean}");
        assert!((var - 1.0).abs() < 0.013, "{var}");
        let mean_e = (0..n).map(|_| r.exponential()).sum::<f64>() / f64::from(n);
        assert!((mean_e - 1.0).abs() < 0.009, "{mean_e}");
        assert!(z.iter().all(|x| x.is_finite()));
    }
}
