//! The simulation's random numbers: a small hand-written generator, one independent stream per
//! (seed, path, lane), no OS entropy (docs/METHODOLOGY.md §11, "Determinism").
//!
//! - Streams are keyed by SplitMix64's finaliser (Steele, Lea and Flood, "Fast splittable
//!   pseudorandom number generators", OOPSLA 2014; constants from Vigna's `splitmix64.c`). The
//!   price's stream (many draws) is xoshiro256** (Blackman and Vigna, "Scrambled linear
//!   pseudorandom number generators", ACM TOMS 2021; `xoshiro256starstar.c`) seeded from four
//!   SplitMix64 outputs, as its authors recommend; an event lane (one or two draws) is SplitMix64
//!   itself. Path i's numbers depend only on (seed, i, lane), never on which chunk or worker ran
//!   it.
//! - Uniforms take the top 53 bits: k · 2⁻⁵³ in [0, 1).
//! - Normals by the ziggurat method (Marsaglia and Tsang 2000, Doornik 2005): one 64-bit draw
//!   and a table lookup for about 98.8 % of them, a logarithm or exponential for the rest.
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

/// Layers of the ziggurat.
const ZIGGURAT_LAYERS: usize = 128;
/// The ziggurat's base R and the area V of each layer, for 128 layers (Marsaglia and Tsang).
const ZIGGURAT_R: f64 = 3.442_619_855_899;
const ZIGGURAT_V: f64 = 9.912_563_035_262_17e-3;

/// The ziggurat's tables: the layers' right edges x_0 > x_1 = R > … > x_128 = 0 (x_0 = V / f(R)
/// is the base's width with its tail) and the ratios x_{i+1} / x_i. Built once per simulation
/// with `libm`, so the same bits on every target.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Ziggurat {
    x: [f64; ZIGGURAT_LAYERS + 1],
    ratio: [f64; ZIGGURAT_LAYERS],
}

impl Ziggurat {
    /// The tables (Doornik's `zigNorInit`): f(x) = e^(−x²/2); x_1 = R; each next edge closes a
    /// layer of area V: x_{i+1} = √(−2 ln(V / x_i + f(x_i))).
    pub(crate) fn new() -> Ziggurat {
        let mut f = libm::exp(-0.5 * ZIGGURAT_R * ZIGGURAT_R);
        let mut x = [0.0; ZIGGURAT_LAYERS + 1];
        let [x0, x1, rest @ ..] = &mut x;
        *x0 = ZIGGURAT_V / f;
        *x1 = ZIGGURAT_R;
        let mut prev = ZIGGURAT_R;
        // x_2 … x_127; x_128 stays 0.
        for slot in rest.iter_mut().take(ZIGGURAT_LAYERS - 2) {
            let next = (-2.0 * libm::log(ZIGGURAT_V / prev + f)).sqrt();
            *slot = next;
            f = libm::exp(-0.5 * next * next);
            prev = next;
        }
        let mut ratio = [0.0; ZIGGURAT_LAYERS];
        for (r, pair) in ratio.iter_mut().zip(x.windows(2)) {
            if let [a, b] = pair {
                *r = b / a;
            }
        }
        Ziggurat { x, ratio }
    }
}

/// A xoshiro256** generator: 256 bits of state, period 2²⁵⁶ − 1.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Rng {
    s: [u64; 4],
}

impl Rng {
    /// The stream of lane `lane` of the path keyed `path_key` ([`path_key`]): its state is four
    /// SplitMix64 outputs from the lane's key.
    pub(crate) fn stream(path_key: u64, lane: u32) -> Rng {
        let mut key = lane_key(path_key, lane);
        let mut s = [0_u64; 4];
        for x in &mut s {
            *x = splitmix64(&mut key);
        }
        if s == [0; 4] {
            // The all-zero state is xoshiro's one fixed point; SplitMix64 never gives it in
            // practice, but the generator must not depend on that.
            s[0] = GOLDEN_GAMMA;
        }
        Rng { s }
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

    /// A standard normal number by the ziggurat method (Marsaglia and Tsang, "The ziggurat
    /// method for generating random variables", J. Stat. Software 5(8), 2000, in Doornik's
    /// form, "An improved ziggurat method to generate normal random samples", 2005).
    ///
    /// # Formula
    /// One 64-bit draw gives u = 2U − 1 (top 53 bits) and a layer i (low 7 bits) of the 128
    /// layers of equal area under e^(−x²/2). If |u| < x_{i+1}/x_i the point lies in the layer's
    /// rectangle: return u · x_i (about 98.8 % of draws, no transcendental). Otherwise, layer 0
    /// draws from the tail beyond R = 3.442619855899 (x = ln U₁ / R, y = ln U₂ until
    /// −2y ≥ x², return ±(R − x)), and the others accept u · x_i when a uniform point under the
    /// layer's wedge lies under the curve. Total: after 64 rejections it returns 0.
    pub(crate) fn normal(&mut self, zig: &Ziggurat) -> f64 {
        for _ in 0..64 {
            let bits = self.next_u64();
            let u = 2.0 * ((bits >> 11) as f64 * UNIT_53) - 1.0;
            let i = (bits & 0x7F) as usize;
            let (Some(&xi), Some(&xj), Some(&ri)) =
                (zig.x.get(i), zig.x.get(i + 1), zig.ratio.get(i))
            else {
                return 0.0;
            };
            if u.abs() < ri {
                return u * xi;
            }
            if i == 0 {
                return self.normal_tail(u < 0.0);
            }
            let x = u * xi;
            let f0 = libm::exp(-0.5 * (xi * xi - x * x));
            let f1 = libm::exp(-0.5 * (xj * xj - x * x));
            if f1 + self.uniform() * (f0 - f1) < 1.0 {
                return x;
            }
        }
        0.0
    }

    /// A normal number beyond the ziggurat's base R, by Marsaglia's tail method.
    fn normal_tail(&mut self, negative: bool) -> f64 {
        for _ in 0..64 {
            // ln of a uniform in (0, 1]: 1 − U is never 0.
            let x = libm::log(1.0 - self.uniform()) / ZIGGURAT_R;
            let y = libm::log(1.0 - self.uniform());
            if -2.0 * y >= x * x {
                return if negative {
                    x - ZIGGURAT_R
                } else {
                    ZIGGURAT_R - x
                };
            }
        }
        0.0
    }
}

/// A SplitMix64 generator: for the few draws of an event lane (a waiting time or two per path),
/// where seeding xoshiro's 256 bits would cost more than the draws. Full period 2⁶⁴; passes
/// BigCrush (Steele, Lea and Flood 2014).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Lane {
    state: u64,
}

impl Lane {
    /// The lane `lane` of a path whose key is `path_key` ([`path_key`]; the same key as
    /// [`Rng::stream`]).
    pub(crate) fn stream(path_key: u64, lane: u32) -> Lane {
        Lane {
            state: lane_key(path_key, lane),
        }
    }

    /// A uniform number in [0, 1).
    pub(crate) fn uniform(&mut self) -> f64 {
        (splitmix64(&mut self.state) >> 11) as f64 * UNIT_53
    }

    /// −ln(1 − u) for a uniform `u` of this lane: a standard exponential by inversion.
    pub(crate) fn exponential_of(u: f64) -> f64 {
        -libm::log1p(-u)
    }
}

/// The key of (seed, path): each folded in through SplitMix64's finaliser, so neighbouring
/// paths get unrelated streams.
pub(crate) fn path_key(seed: u64, path: u32) -> u64 {
    mix64(mix64(seed.wrapping_add(GOLDEN_GAMMA)) ^ u64::from(path))
}

/// The key of a lane of the path keyed `path_key`.
fn lane_key(path_key: u64, lane: u32) -> u64 {
    mix64(path_key ^ (u64::from(lane) << 32 | 0x5EED))
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
        let mut r = Rng { s: [1, 2, 3, 4] };
        let got: Vec<u64> = (0..4).map(|_| r.next_u64()).collect();
        assert_eq!(got, [11_520, 0, 1_509_978_240, 1_215_971_899_390_074_240]);
    }

    #[test]
    fn the_ziggurat_tables_close() {
        // Guards the table build: the last layer's edge reaches 0 with every layer of area V,
        // which only holds for Marsaglia and Tsang's R and V: x_127 is small (about 0.27) and
        // the ratios are all in (0, 1).
        let zig = Ziggurat::new();
        let x127 = zig.x.get(ZIGGURAT_LAYERS - 1).copied().unwrap_or(f64::NAN);
        assert!(x127 > 0.2 && x127 < 0.3, "{x127}");
        assert_eq!(zig.x.get(ZIGGURAT_LAYERS), Some(&0.0));
        assert!(zig.ratio.iter().all(|r| *r >= 0.0 && *r < 1.0));
        // x_0 · f(R) = V: the base rectangle plus the tail has the layers' area.
        let f_r = (-0.5 * ZIGGURAT_R * ZIGGURAT_R).exp();
        assert!((zig.x.first().copied().unwrap_or(0.0) * f_r - ZIGGURAT_V).abs() < 1e-15);
    }

    #[test]
    fn streams_are_independent_of_order_and_distinct() {
        // The stream of (seed, path, lane) is a pure function of the three: running path 7
        // alone or after path 6 gives the same numbers, and neighbours differ.
        let a: Vec<u64> = {
            let mut r = Rng::stream(path_key(42, 7), 0);
            (0..4).map(|_| r.next_u64()).collect()
        };
        let mut other = Rng::stream(path_key(42, 6), 0);
        let _ = other.next_u64();
        let b: Vec<u64> = {
            let mut r = Rng::stream(path_key(42, 7), 0);
            (0..4).map(|_| r.next_u64()).collect()
        };
        assert_eq!(a, b);
        let mut lanes = vec![
            Rng::stream(path_key(42, 7), 1).next_u64(),
            Rng::stream(path_key(42, 8), 0).next_u64(),
            Rng::stream(path_key(43, 7), 0).next_u64(),
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
        let mut r = Rng::stream(path_key(1, 0), 0);
        let mean_u = (0..n).map(|_| r.uniform()).sum::<f64>() / f64::from(n);
        assert!((mean_u - 0.5).abs() < 0.0026, "{mean_u}");
        let zig = Ziggurat::new();
        let z: Vec<f64> = (0..n).map(|_| r.normal(&zig)).collect();
        let mean = z.iter().sum::<f64>() / f64::from(n);
        let var = z.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / f64::from(n);
        assert!(mean.abs() < 0.009, "{mean}");
        assert!((var - 1.0).abs() < 0.013, "{var}");
        let mut lane = Lane::stream(path_key(1, 0), 1);
        let mean_e = (0..n)
            .map(|_| Lane::exponential_of(lane.uniform()))
            .sum::<f64>()
            / f64::from(n);
        assert!((mean_e - 1.0).abs() < 0.009, "{mean_e}");
        assert!(z.iter().all(|x| x.is_finite()));
        // Both tails: P(|Z| > 2) = 0.0455003; 4 standard errors √(0.0455 · 0.9545 / 200000)
        // = 4 · 0.000466. P(|Z| > R = 3.4426) = 0.000576 (the ziggurat's own tail):
        // 4 · √(0.000576 / 200000) = 0.000215.
        let beyond = |t: f64| z.iter().filter(|x| x.abs() > t).count() as f64 / f64::from(n);
        assert!(
            (beyond(2.0) - 0.045_500_3).abs() < 0.001_87,
            "{}",
            beyond(2.0)
        );
        assert!((beyond(ZIGGURAT_R) - 0.000_576).abs() < 0.000_215);
    }
}
