"""Golden reference values (batch 3) for the two-sample / 2x2 tests.

Produced by R 4.2.2 (Debian; packages stats, Epi 2.47 for a cross-check only) and, for the
SCIPY_* blocks, SciPy 1.17.1 on Python 3.11.7.  Numbers are printed with sprintf("%.15g").
Every number carries, in its comment, the exact call that produced it.  Calls that use
bm_test / perm_median / newcombe_hybrid / barnard_pooled / boschloo / boschloo_fisher2 /
snap_diff need  source("tests/golden/functions.R")  first (this is included in the comment).
SCIPY_* comments are Python calls (need: import numpy as np; from scipy import stats).
Scripts: tests/golden/{functions.R, emit.R, cont.R, binary.R, scipy_check.py, build.sh}.

Conventions
-----------
* Continuous pairs: x = a, y = b in every R call.  'less' = a shifted/stochastically smaller.
* R Inf -> float("inf"); R NA / NaN -> None (comment says which).
* Conf-level dict keys are floats 0.95 / 0.9.  conf 0.90 only for two.sided.
* wilcox.test: exact branch for wo and unequal (n<50, no ties) -> exact p, exact CI
  (order statistics of the pairwise differences), estimate = median of differences.
  ties and large use the normal approximation with continuity correction; their estimate and
  CI come from uniroot(tol.root=1e-4) on a step function, so R's default values are only
  accurate to ~1e-4.  Extra keys give tol.root=1e-12 results, the CI limits snapped to the
  pairwise difference they converge to, and the true Hodges-Lehmann estimate
  median(outer(a, b, "-")).  For "large" R's asymptotic "estimate" (2.0182...) is an
  ARBITRARY point of the open interval where the uncorrected statistic is exactly 0,
  (estimate_zero_set_low, estimate_zero_set_high) = (1.33458..., 2.04836...); the HL
  estimate is 1.69147823091945.  Don't test an estimate against R's value there.
* t.test estimate = mean(a) - mean(b) (computed as diff(rev(estimate))).
* Brunner-Munzel: no R package was installable (lawstat / brunnermunzel are not packaged for
  Debian and there is no CRAN access); bm_test() implements Brunner & Munzel (2000) /
  Neubert & Brunner (2007) with lawstat's conventions: estimate = P(a<b) + 0.5 P(a=b),
  statistic = (estimate - 1/2)/se (> 0 when b tends larger), df Satterthwaite-type,
  'less' (a smaller) p = 1 - pt(stat, df), 'greater' p = pt(stat, df), and CI two-sided
  estimate -/+ qt(1-alpha/2, df) * se whatever the alternative (as lawstat).  Checked against
  lawstat's documented example (3.1375, df 17.683, p 0.005786, CI 0.5952169-0.9827052,
  est 0.788961), against a placement-based re-derivation (rel. diff < 6e-16) and
  against scipy.stats.brunnermunzel (statistic and p for all 12 cases, rel. diff < 8e-16;
  scipy uses the same sign and the same meaning of less/greater).
* Permutation test on median(a) - median(b) (functions.R):
      perm_median <- function(a, b) {
        z <- c(a, b); n1 <- length(a); N <- length(z)
        d_obs <- median(a) - median(b)
        idx <- combn(N, n1)                       # all splits, observed one included
        d <- apply(idx, 2, function(i) median(z[i]) - median(z[-i]))
        list(d_obs = d_obs, n_splits = ncol(idx),
             p_two_sided = mean(abs(d) >= abs(d_obs) - 1e-12),
             p_less      = mean(d <= d_obs + 1e-12),
             p_greater   = mean(d >= d_obs - 1e-12))
      }
  Re-computed independently in Python (itertools.combinations): identical.
* 2x2: tab <- matrix(c(e1, n1-e1, e2, n2-e2), 2, byrow=TRUE) (rows = groups).  Fisher's
  estimate = conditional MLE odds ratio of group 1 vs group 2; 'less' = OR < 1.
* Barnard (pooled z) / Boschloo: the R package Exact is not installable here.  Two sources:
  (1) *_R blocks: own R implementation (functions.R), nuisance parameter maximised on a
      20001-point grid + optimize(); ties of the ordering statistic (equal up to relative
      1e-10) are counted as "at least as extreme".
  (2) SCIPY_* blocks: scipy.stats.barnard_exact(pooled=True) / boschloo_exact with table
      [[e1, e2], [n1-e1, n2-e2]] (scipy puts the groups in COLUMNS); scipy 'less' means
      p1 < p2 (first group's proportion smaller), same as here.
  They agree to <= 2e-12 everywhere except Barnard for 9/10 vs 3/10 two-sided (R 0.00795555,
  scipy 0.00693072) and greater (R 0.00397778, scipy 0.00346536): tables (7,1) and (1,7)
  have EXACTLY the same |z| as the observed (9,3) (z^2 = 7.5 in rational arithmetic), but
  scipy's float comparison leaves them out.  The *_R value is the correct one by the
  definition "at least as extreme"; R's Exact package rounds statistics to 12 significant
  digits, so it would count them as ties too.
  Boschloo two-sided: BOSCHLOO_R / SCIPY_BOSCHLOO use scipy's definition 2*min(one-sided p);
  BOSCHLOO_FISHER2_R uses the two-sided Fisher p-value as ordering statistic (the definition
  in R package Exact), which is a different test.
* Newcombe (1998) method 10: own R code, no continuity correction, no truncation; equal to
  Epi::ci.pd(method="Nc") to <= 3e-16.  The Table II examples (a)-(h) match the published
  4-decimal values (as quoted by several independent secondary sources; the paper itself was
  not reachable offline).
* p.adjust with NA: R drops NAs and by default uses n = number of non-NA p-values (3 here);
  '_n4' keys pass n=4 explicitly.
"""

DATA_CONTINUOUS = {
    "wo": {
        "a": [167.0, 183.0, 192.0, 221.0, 275.0, 317.0, 323.0, 336.0, 340.0, 436.0, 501.0, 505.0, 524.0, 530.0, 552.0, 586.0],  # c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586)
        "b": [212.0, 268.0, 322.0, 352.0, 401.0, 455.0],  # c(212,268,322,352,401,455)
    },
    "ties": {
        "a": [1.0, 2.0, 2.0, 3.0, 5.0, 8.0, 8.0],  # c(1,2,2,3,5,8,8)
        "b": [2.0, 3.0, 3.0, 4.0, 9.0, 10.0],  # c(2,3,3,4,9,10)
    },
    "unequal": {
        "a": [3.1, 4.7, 5.2],  # c(3.1,4.7,5.2)
        "b": [1.2, 2.2, 2.9, 3.3, 3.8, 4.1, 4.4, 6.0, 6.5, 7.1, 7.7, 8.3],  # c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3)
    },
    "large": {
        "a": [1.0, 2.14354692507259, 3.34836952210171, 4.59479341998814, 5.8730947154401, 7.17738719310789, 8.50369830827347, 9.84915530675933, 11.2115784565397, 12.5892541179417, 13.9807977673116, 15.3850662478418, 16.8010988701508, 18.2280763604446, 19.6652913455963, 21.1121265723663, 22.5680384731048, 24.0325445257256, 25.50521336828, 26.9856569534713, 28.4735242405708, 29.9684960641824, 31.4702809165015, 32.9786114475993, 34.4932415365304, 36.0139438209523, 37.5405075985296, 39.0727370324192, 40.6104496074505, 42.1534747945094, 43.7016528890218, 45.2548339959391, 46.8128771387337, 48.3756494739437, 49.9430255960178, 51.5148869197892, 53.0911211299883, 54.6716216888968, 56.2562873946305, 57.845021983677, 59.4377337722561, 61.0343353318553, 62.6347431949447, 64.238877587428, 65.8466621848451, 67.4580238897373, 69.0728926279167, 70.6912011616651, 72.3128849181331, 73.9378818314157, 75.5661321969631, 77.1975785371392, 78.8321654768764, 80.4698396284921, 82.1105494848342],  # (1:55)^1.1
        "b": [1.3, 2.44354692507259, 3.64836952210171, 4.89479341998814, 6.1730947154401, 7.47738719310789, 8.80369830827347, 10.1491553067593, 11.5115784565397, 12.8892541179417, 14.2807977673116, 15.6850662478418, 17.1010988701508, 18.5280763604446, 19.9652913455963, 21.4121265723663, 22.8680384731048, 24.3325445257256, 25.80521336828, 27.2856569534713, 28.7735242405708, 30.2684960641824, 31.7702809165015, 33.2786114475993, 34.7932415365304, 36.3139438209523, 37.8405075985296, 39.3727370324192, 40.9104496074505, 42.4534747945094, 44.0016528890218, 45.5548339959391, 47.1128771387337, 48.6756494739437, 50.2430255960178, 51.8148869197892, 53.3911211299883, 54.9716216888968, 56.5562873946305, 58.145021983677, 59.7377337722561, 61.3343353318553, 62.9347431949447, 64.538877587428, 66.1466621848451, 67.7580238897373, 69.3728926279167, 70.9912011616651, 72.6128849181331, 74.2378818314157, 75.8661321969631, 77.4975785371392],  # (1:52)^1.1+0.3
    },
}

# WILCOX[pair][alternative][conf_level]; R: wilcox.test(a, b, conf.int=TRUE, ...), defaults
# exact=NULL (exact iff n<50 both and no ties), correct=TRUE, tol.root=1e-4.
# conf_level_attr = attr(conf.int,'conf.level') actually reported by R.
WILCOX = {
    "wo": {
        "two.sided": {
            0.95: {
                "statistic": 55.0,  # unname(suppressWarnings(wilcox.test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="two.sided", conf.int=TRUE, conf.level=0.95))$statistic)
                "p_value": 0.640665835712275,  # suppressWarnings(wilcox.test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="two.sided", conf.int=TRUE, conf.level=0.95))$p.value
                "estimate": 47.5,  # unname(suppressWarnings(wilcox.test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="two.sided", conf.int=TRUE, conf.level=0.95))$estimate)
                "conf_int_low": -101.0,  # suppressWarnings(wilcox.test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="two.sided", conf.int=TRUE, conf.level=0.95))$conf.int[1]
                "conf_int_high": 179.0,  # suppressWarnings(wilcox.test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="two.sided", conf.int=TRUE, conf.level=0.95))$conf.int[2]
                "conf_level_attr": 0.95,  # attr(suppressWarnings(wilcox.test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="two.sided", conf.int=TRUE, conf.level=0.95))$conf.int, "conf.level")
            },
            0.9: {
                "statistic": 55.0,  # unname(suppressWarnings(wilcox.test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="two.sided", conf.int=TRUE, conf.level=0.9))$statistic)
                "p_value": 0.640665835712275,  # suppressWarnings(wilcox.test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="two.sided", conf.int=TRUE, conf.level=0.9))$p.value
                "estimate": 47.5,  # unname(suppressWarnings(wilcox.test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="two.sided", conf.int=TRUE, conf.level=0.9))$estimate)
                "conf_int_low": -78.0,  # suppressWarnings(wilcox.test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="two.sided", conf.int=TRUE, conf.level=0.9))$conf.int[1]
                "conf_int_high": 153.0,  # suppressWarnings(wilcox.test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="two.sided", conf.int=TRUE, conf.level=0.9))$conf.int[2]
                "conf_level_attr": 0.9,  # attr(suppressWarnings(wilcox.test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="two.sided", conf.int=TRUE, conf.level=0.9))$conf.int, "conf.level")
            },
        },
        "less": {
            0.95: {
                "statistic": 55.0,  # unname(suppressWarnings(wilcox.test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="less", conf.int=TRUE, conf.level=0.95))$statistic)
                "p_value": 0.704984386098937,  # suppressWarnings(wilcox.test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="less", conf.int=TRUE, conf.level=0.95))$p.value
                "estimate": 47.5,  # unname(suppressWarnings(wilcox.test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="less", conf.int=TRUE, conf.level=0.95))$estimate)
                "conf_int_low": float("-inf"),  # suppressWarnings(wilcox.test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="less", conf.int=TRUE, conf.level=0.95))$conf.int[1]
                "conf_int_high": 153.0,  # suppressWarnings(wilcox.test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="less", conf.int=TRUE, conf.level=0.95))$conf.int[2]
                "conf_level_attr": 0.95,  # attr(suppressWarnings(wilcox.test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="less", conf.int=TRUE, conf.level=0.95))$conf.int, "conf.level")
            },
        },
        "greater": {
            0.95: {
                "statistic": 55.0,  # unname(suppressWarnings(wilcox.test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="greater", conf.int=TRUE, conf.level=0.95))$statistic)
                "p_value": 0.320332917856138,  # suppressWarnings(wilcox.test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="greater", conf.int=TRUE, conf.level=0.95))$p.value
                "estimate": 47.5,  # unname(suppressWarnings(wilcox.test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="greater", conf.int=TRUE, conf.level=0.95))$estimate)
                "conf_int_low": -78.0,  # suppressWarnings(wilcox.test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="greater", conf.int=TRUE, conf.level=0.95))$conf.int[1]
                "conf_int_high": float("inf"),  # suppressWarnings(wilcox.test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="greater", conf.int=TRUE, conf.level=0.95))$conf.int[2]
                "conf_level_attr": 0.95,  # attr(suppressWarnings(wilcox.test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="greater", conf.int=TRUE, conf.level=0.95))$conf.int, "conf.level")
            },
        },
    },
    "ties": {
        "two.sided": {
            0.95: {
                "statistic": 15.0,  # unname(suppressWarnings(wilcox.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="two.sided", conf.int=TRUE, conf.level=0.95))$statistic)
                "p_value": 0.426257760079169,  # suppressWarnings(wilcox.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="two.sided", conf.int=TRUE, conf.level=0.95))$p.value
                "estimate": -0.999985966996738,  # unname(suppressWarnings(wilcox.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="two.sided", conf.int=TRUE, conf.level=0.95))$estimate)
                "conf_int_low": -6.99996023825986,  # suppressWarnings(wilcox.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="two.sided", conf.int=TRUE, conf.level=0.95))$conf.int[1]
                "conf_int_high": 4.00003527483361,  # suppressWarnings(wilcox.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="two.sided", conf.int=TRUE, conf.level=0.95))$conf.int[2]
                "conf_level_attr": 0.95,  # attr(suppressWarnings(wilcox.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="two.sided", conf.int=TRUE, conf.level=0.95))$conf.int, "conf.level")
                "estimate_tol_root_1e-12": -1.00000000000032,  # unname(suppressWarnings(wilcox.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="two.sided", conf.int=TRUE, conf.level=0.95, tol.root=1e-12))$estimate)
                "conf_int_low_tol_root_1e-12": -6.99999999999978,  # suppressWarnings(wilcox.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="two.sided", conf.int=TRUE, conf.level=0.95, tol.root=1e-12))$conf.int[1]
                "conf_int_high_tol_root_1e-12": 4.00000000000067,  # suppressWarnings(wilcox.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="two.sided", conf.int=TRUE, conf.level=0.95, tol.root=1e-12))$conf.int[2]
                "conf_int_low_snapped_to_pairwise_difference": -7.0,  # source("tests/golden/functions.R"); snap_diff(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), suppressWarnings(wilcox.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="two.sided", conf.int=TRUE, conf.level=0.95, tol.root=1e-12))$conf.int[1])
                "conf_int_high_snapped_to_pairwise_difference": 4.0,  # source("tests/golden/functions.R"); snap_diff(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), suppressWarnings(wilcox.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="two.sided", conf.int=TRUE, conf.level=0.95, tol.root=1e-12))$conf.int[2])
                "hodges_lehmann_median_of_differences": -1.0,  # median(outer(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), `-`))
            },
            0.9: {
                "statistic": 15.0,  # unname(suppressWarnings(wilcox.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="two.sided", conf.int=TRUE, conf.level=0.9))$statistic)
                "p_value": 0.426257760079169,  # suppressWarnings(wilcox.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="two.sided", conf.int=TRUE, conf.level=0.9))$p.value
                "estimate": -0.999985966996738,  # unname(suppressWarnings(wilcox.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="two.sided", conf.int=TRUE, conf.level=0.9))$estimate)
                "conf_int_low": -4.00003801265605,  # suppressWarnings(wilcox.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="two.sided", conf.int=TRUE, conf.level=0.9))$conf.int[1]
                "conf_int_high": 2.00006947810368,  # suppressWarnings(wilcox.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="two.sided", conf.int=TRUE, conf.level=0.9))$conf.int[2]
                "conf_level_attr": 0.9,  # attr(suppressWarnings(wilcox.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="two.sided", conf.int=TRUE, conf.level=0.9))$conf.int, "conf.level")
                "estimate_tol_root_1e-12": -1.00000000000032,  # unname(suppressWarnings(wilcox.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="two.sided", conf.int=TRUE, conf.level=0.9, tol.root=1e-12))$estimate)
                "conf_int_low_tol_root_1e-12": -4.00000000000056,  # suppressWarnings(wilcox.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="two.sided", conf.int=TRUE, conf.level=0.9, tol.root=1e-12))$conf.int[1]
                "conf_int_high_tol_root_1e-12": 2.00000000000029,  # suppressWarnings(wilcox.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="two.sided", conf.int=TRUE, conf.level=0.9, tol.root=1e-12))$conf.int[2]
                "conf_int_low_snapped_to_pairwise_difference": -4.0,  # source("tests/golden/functions.R"); snap_diff(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), suppressWarnings(wilcox.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="two.sided", conf.int=TRUE, conf.level=0.9, tol.root=1e-12))$conf.int[1])
                "conf_int_high_snapped_to_pairwise_difference": 2.0,  # source("tests/golden/functions.R"); snap_diff(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), suppressWarnings(wilcox.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="two.sided", conf.int=TRUE, conf.level=0.9, tol.root=1e-12))$conf.int[2])
                "hodges_lehmann_median_of_differences": -1.0,  # median(outer(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), `-`))
            },
        },
        "less": {
            0.95: {
                "statistic": 15.0,  # unname(suppressWarnings(wilcox.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="less", conf.int=TRUE, conf.level=0.95))$statistic)
                "p_value": 0.213128880039584,  # suppressWarnings(wilcox.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="less", conf.int=TRUE, conf.level=0.95))$p.value
                "estimate": -0.999985966996738,  # unname(suppressWarnings(wilcox.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="less", conf.int=TRUE, conf.level=0.95))$estimate)
                "conf_int_low": float("-inf"),  # suppressWarnings(wilcox.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="less", conf.int=TRUE, conf.level=0.95))$conf.int[1]
                "conf_int_high": 2.00001837892365,  # suppressWarnings(wilcox.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="less", conf.int=TRUE, conf.level=0.95))$conf.int[2]
                "conf_level_attr": 0.95,  # attr(suppressWarnings(wilcox.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="less", conf.int=TRUE, conf.level=0.95))$conf.int, "conf.level")
                "estimate_tol_root_1e-12": -1.00000000000032,  # unname(suppressWarnings(wilcox.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="less", conf.int=TRUE, conf.level=0.95, tol.root=1e-12))$estimate)
                "conf_int_low_tol_root_1e-12": float("-inf"),  # suppressWarnings(wilcox.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="less", conf.int=TRUE, conf.level=0.95, tol.root=1e-12))$conf.int[1]
                "conf_int_high_tol_root_1e-12": 2.0000000000004,  # suppressWarnings(wilcox.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="less", conf.int=TRUE, conf.level=0.95, tol.root=1e-12))$conf.int[2]
                "conf_int_low_snapped_to_pairwise_difference": float("-inf"),  # source("tests/golden/functions.R"); snap_diff(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), suppressWarnings(wilcox.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="less", conf.int=TRUE, conf.level=0.95, tol.root=1e-12))$conf.int[1])
                "conf_int_high_snapped_to_pairwise_difference": 2.0,  # source("tests/golden/functions.R"); snap_diff(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), suppressWarnings(wilcox.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="less", conf.int=TRUE, conf.level=0.95, tol.root=1e-12))$conf.int[2])
                "hodges_lehmann_median_of_differences": -1.0,  # median(outer(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), `-`))
            },
        },
        "greater": {
            0.95: {
                "statistic": 15.0,  # unname(suppressWarnings(wilcox.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="greater", conf.int=TRUE, conf.level=0.95))$statistic)
                "p_value": 0.826460042927473,  # suppressWarnings(wilcox.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="greater", conf.int=TRUE, conf.level=0.95))$p.value
                "estimate": -0.999985966996738,  # unname(suppressWarnings(wilcox.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="greater", conf.int=TRUE, conf.level=0.95))$estimate)
                "conf_int_low": -4.00002259534099,  # suppressWarnings(wilcox.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="greater", conf.int=TRUE, conf.level=0.95))$conf.int[1]
                "conf_int_high": float("inf"),  # suppressWarnings(wilcox.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="greater", conf.int=TRUE, conf.level=0.95))$conf.int[2]
                "conf_level_attr": 0.95,  # attr(suppressWarnings(wilcox.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="greater", conf.int=TRUE, conf.level=0.95))$conf.int, "conf.level")
                "estimate_tol_root_1e-12": -1.00000000000032,  # unname(suppressWarnings(wilcox.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="greater", conf.int=TRUE, conf.level=0.95, tol.root=1e-12))$estimate)
                "conf_int_low_tol_root_1e-12": -4.00000000000025,  # suppressWarnings(wilcox.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="greater", conf.int=TRUE, conf.level=0.95, tol.root=1e-12))$conf.int[1]
                "conf_int_high_tol_root_1e-12": float("inf"),  # suppressWarnings(wilcox.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="greater", conf.int=TRUE, conf.level=0.95, tol.root=1e-12))$conf.int[2]
                "conf_int_low_snapped_to_pairwise_difference": -4.0,  # source("tests/golden/functions.R"); snap_diff(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), suppressWarnings(wilcox.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="greater", conf.int=TRUE, conf.level=0.95, tol.root=1e-12))$conf.int[1])
                "conf_int_high_snapped_to_pairwise_difference": float("inf"),  # source("tests/golden/functions.R"); snap_diff(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), suppressWarnings(wilcox.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="greater", conf.int=TRUE, conf.level=0.95, tol.root=1e-12))$conf.int[2])
                "hodges_lehmann_median_of_differences": -1.0,  # median(outer(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), `-`))
            },
        },
    },
    "unequal": {
        "two.sided": {
            0.95: {
                "statistic": 17.0,  # unname(suppressWarnings(wilcox.test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="two.sided", conf.int=TRUE, conf.level=0.95))$statistic)
                "p_value": 0.945054945054945,  # suppressWarnings(wilcox.test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="two.sided", conf.int=TRUE, conf.level=0.95))$p.value
                "estimate": -0.45,  # unname(suppressWarnings(wilcox.test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="two.sided", conf.int=TRUE, conf.level=0.95))$estimate)
                "conf_int_low": -3.4,  # suppressWarnings(wilcox.test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="two.sided", conf.int=TRUE, conf.level=0.95))$conf.int[1]
                "conf_int_high": 2.3,  # suppressWarnings(wilcox.test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="two.sided", conf.int=TRUE, conf.level=0.95))$conf.int[2]
                "conf_level_attr": 0.95,  # attr(suppressWarnings(wilcox.test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="two.sided", conf.int=TRUE, conf.level=0.95))$conf.int, "conf.level")
            },
            0.9: {
                "statistic": 17.0,  # unname(suppressWarnings(wilcox.test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="two.sided", conf.int=TRUE, conf.level=0.9))$statistic)
                "p_value": 0.945054945054945,  # suppressWarnings(wilcox.test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="two.sided", conf.int=TRUE, conf.level=0.9))$p.value
                "estimate": -0.45,  # unname(suppressWarnings(wilcox.test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="two.sided", conf.int=TRUE, conf.level=0.9))$estimate)
                "conf_int_low": -3.1,  # suppressWarnings(wilcox.test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="two.sided", conf.int=TRUE, conf.level=0.9))$conf.int[1]
                "conf_int_high": 1.9,  # suppressWarnings(wilcox.test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="two.sided", conf.int=TRUE, conf.level=0.9))$conf.int[2]
                "conf_level_attr": 0.9,  # attr(suppressWarnings(wilcox.test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="two.sided", conf.int=TRUE, conf.level=0.9))$conf.int, "conf.level")
            },
        },
        "less": {
            0.95: {
                "statistic": 17.0,  # unname(suppressWarnings(wilcox.test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="less", conf.int=TRUE, conf.level=0.95))$statistic)
                "p_value": 0.472527472527472,  # suppressWarnings(wilcox.test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="less", conf.int=TRUE, conf.level=0.95))$p.value
                "estimate": -0.45,  # unname(suppressWarnings(wilcox.test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="less", conf.int=TRUE, conf.level=0.95))$estimate)
                "conf_int_low": float("-inf"),  # suppressWarnings(wilcox.test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="less", conf.int=TRUE, conf.level=0.95))$conf.int[1]
                "conf_int_high": 1.9,  # suppressWarnings(wilcox.test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="less", conf.int=TRUE, conf.level=0.95))$conf.int[2]
                "conf_level_attr": 0.95,  # attr(suppressWarnings(wilcox.test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="less", conf.int=TRUE, conf.level=0.95))$conf.int, "conf.level")
            },
        },
        "greater": {
            0.95: {
                "statistic": 17.0,  # unname(suppressWarnings(wilcox.test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="greater", conf.int=TRUE, conf.level=0.95))$statistic)
                "p_value": 0.58021978021978,  # suppressWarnings(wilcox.test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="greater", conf.int=TRUE, conf.level=0.95))$p.value
                "estimate": -0.45,  # unname(suppressWarnings(wilcox.test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="greater", conf.int=TRUE, conf.level=0.95))$estimate)
                "conf_int_low": -3.1,  # suppressWarnings(wilcox.test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="greater", conf.int=TRUE, conf.level=0.95))$conf.int[1]
                "conf_int_high": float("inf"),  # suppressWarnings(wilcox.test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="greater", conf.int=TRUE, conf.level=0.95))$conf.int[2]
                "conf_level_attr": 0.95,  # attr(suppressWarnings(wilcox.test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="greater", conf.int=TRUE, conf.level=0.95))$conf.int, "conf.level")
            },
        },
    },
    "large": {
        "two.sided": {
            0.95: {
                "statistic": 1482.0,  # unname(suppressWarnings(wilcox.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="two.sided", conf.int=TRUE, conf.level=0.95))$statistic)
                "p_value": 0.74821155296587,  # suppressWarnings(wilcox.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="two.sided", conf.int=TRUE, conf.level=0.95))$p.value
                "estimate": 2.01820379868196,  # unname(suppressWarnings(wilcox.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="two.sided", conf.int=TRUE, conf.level=0.95))$estimate)
                "conf_int_low": -7.53150474439821,  # suppressWarnings(wilcox.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="two.sided", conf.int=TRUE, conf.level=0.95))$conf.int[1]
                "conf_int_high": 11.3006147695409,  # suppressWarnings(wilcox.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="two.sided", conf.int=TRUE, conf.level=0.95))$conf.int[2]
                "conf_level_attr": 0.95,  # attr(suppressWarnings(wilcox.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="two.sided", conf.int=TRUE, conf.level=0.95))$conf.int, "conf.level")
                "estimate_tol_root_1e-12": 2.01820379868196,  # unname(suppressWarnings(wilcox.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="two.sided", conf.int=TRUE, conf.level=0.95, tol.root=1e-12))$estimate)
                "conf_int_low_tol_root_1e-12": -7.53144565557561,  # suppressWarnings(wilcox.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="two.sided", conf.int=TRUE, conf.level=0.95, tol.root=1e-12))$conf.int[1]
                "conf_int_high_tol_root_1e-12": 11.30059070563,  # suppressWarnings(wilcox.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="two.sided", conf.int=TRUE, conf.level=0.95, tol.root=1e-12))$conf.int[2]
                "conf_int_low_snapped_to_pairwise_difference": -7.53144565557482,  # source("tests/golden/functions.R"); snap_diff((1:55)^1.1, (1:52)^1.1+0.3, suppressWarnings(wilcox.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="two.sided", conf.int=TRUE, conf.level=0.95, tol.root=1e-12))$conf.int[1])
                "conf_int_high_snapped_to_pairwise_difference": 11.3005907056295,  # source("tests/golden/functions.R"); snap_diff((1:55)^1.1, (1:52)^1.1+0.3, suppressWarnings(wilcox.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="two.sided", conf.int=TRUE, conf.level=0.95, tol.root=1e-12))$conf.int[2])
                "hodges_lehmann_median_of_differences": 1.69147823091945,  # median(outer((1:55)^1.1, (1:52)^1.1+0.3, `-`))
                "estimate_zero_set_low": 1.33458693973719,  # sort(outer((1:55)^1.1, (1:52)^1.1+0.3, `-`))[55*52/2]
                "estimate_zero_set_high": 2.04836952210171,  # sort(outer((1:55)^1.1, (1:52)^1.1+0.3, `-`))[55*52/2+1]
            },
            0.9: {
                "statistic": 1482.0,  # unname(suppressWarnings(wilcox.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="two.sided", conf.int=TRUE, conf.level=0.9))$statistic)
                "p_value": 0.74821155296587,  # suppressWarnings(wilcox.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="two.sided", conf.int=TRUE, conf.level=0.9))$p.value
                "estimate": 2.01820379868196,  # unname(suppressWarnings(wilcox.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="two.sided", conf.int=TRUE, conf.level=0.9))$estimate)
                "conf_int_low": -5.9844642455813,  # suppressWarnings(wilcox.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="two.sided", conf.int=TRUE, conf.level=0.9))$conf.int[1]
                "conf_int_high": 9.75169375711006,  # suppressWarnings(wilcox.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="two.sided", conf.int=TRUE, conf.level=0.9))$conf.int[2]
                "conf_level_attr": 0.9,  # attr(suppressWarnings(wilcox.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="two.sided", conf.int=TRUE, conf.level=0.9))$conf.int, "conf.level")
                "estimate_tol_root_1e-12": 2.01820379868196,  # unname(suppressWarnings(wilcox.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="two.sided", conf.int=TRUE, conf.level=0.9, tol.root=1e-12))$estimate)
                "conf_int_low_tol_root_1e-12": -5.98449357828377,  # suppressWarnings(wilcox.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="two.sided", conf.int=TRUE, conf.level=0.9, tol.root=1e-12))$conf.int[1]
                "conf_int_high_tol_root_1e-12": 9.75174675841382,  # suppressWarnings(wilcox.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="two.sided", conf.int=TRUE, conf.level=0.9, tol.root=1e-12))$conf.int[2]
                "conf_int_low_snapped_to_pairwise_difference": -5.9844935782847,  # source("tests/golden/functions.R"); snap_diff((1:55)^1.1, (1:52)^1.1+0.3, suppressWarnings(wilcox.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="two.sided", conf.int=TRUE, conf.level=0.9, tol.root=1e-12))$conf.int[1])
                "conf_int_high_snapped_to_pairwise_difference": 9.75174675841409,  # source("tests/golden/functions.R"); snap_diff((1:55)^1.1, (1:52)^1.1+0.3, suppressWarnings(wilcox.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="two.sided", conf.int=TRUE, conf.level=0.9, tol.root=1e-12))$conf.int[2])
                "hodges_lehmann_median_of_differences": 1.69147823091945,  # median(outer((1:55)^1.1, (1:52)^1.1+0.3, `-`))
                "estimate_zero_set_low": 1.33458693973719,  # sort(outer((1:55)^1.1, (1:52)^1.1+0.3, `-`))[55*52/2]
                "estimate_zero_set_high": 2.04836952210171,  # sort(outer((1:55)^1.1, (1:52)^1.1+0.3, `-`))[55*52/2+1]
            },
        },
        "less": {
            0.95: {
                "statistic": 1482.0,  # unname(suppressWarnings(wilcox.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="less", conf.int=TRUE, conf.level=0.95))$statistic)
                "p_value": 0.628253580941018,  # suppressWarnings(wilcox.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="less", conf.int=TRUE, conf.level=0.95))$p.value
                "estimate": 2.01820379868196,  # unname(suppressWarnings(wilcox.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="less", conf.int=TRUE, conf.level=0.95))$estimate)
                "conf_int_low": float("-inf"),  # suppressWarnings(wilcox.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="less", conf.int=TRUE, conf.level=0.95))$conf.int[1]
                "conf_int_high": 9.75174379691402,  # suppressWarnings(wilcox.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="less", conf.int=TRUE, conf.level=0.95))$conf.int[2]
                "conf_level_attr": 0.95,  # attr(suppressWarnings(wilcox.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="less", conf.int=TRUE, conf.level=0.95))$conf.int, "conf.level")
                "estimate_tol_root_1e-12": 2.01820379868196,  # unname(suppressWarnings(wilcox.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="less", conf.int=TRUE, conf.level=0.95, tol.root=1e-12))$estimate)
                "conf_int_low_tol_root_1e-12": float("-inf"),  # suppressWarnings(wilcox.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="less", conf.int=TRUE, conf.level=0.95, tol.root=1e-12))$conf.int[1]
                "conf_int_high_tol_root_1e-12": 9.75174675841382,  # suppressWarnings(wilcox.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="less", conf.int=TRUE, conf.level=0.95, tol.root=1e-12))$conf.int[2]
                "conf_int_low_snapped_to_pairwise_difference": float("-inf"),  # source("tests/golden/functions.R"); snap_diff((1:55)^1.1, (1:52)^1.1+0.3, suppressWarnings(wilcox.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="less", conf.int=TRUE, conf.level=0.95, tol.root=1e-12))$conf.int[1])
                "conf_int_high_snapped_to_pairwise_difference": 9.75174675841409,  # source("tests/golden/functions.R"); snap_diff((1:55)^1.1, (1:52)^1.1+0.3, suppressWarnings(wilcox.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="less", conf.int=TRUE, conf.level=0.95, tol.root=1e-12))$conf.int[2])
                "hodges_lehmann_median_of_differences": 1.69147823091945,  # median(outer((1:55)^1.1, (1:52)^1.1+0.3, `-`))
                "estimate_zero_set_low": 1.33458693973719,  # sort(outer((1:55)^1.1, (1:52)^1.1+0.3, `-`))[55*52/2]
                "estimate_zero_set_high": 2.04836952210171,  # sort(outer((1:55)^1.1, (1:52)^1.1+0.3, `-`))[55*52/2+1]
            },
        },
        "greater": {
            0.95: {
                "statistic": 1482.0,  # unname(suppressWarnings(wilcox.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="greater", conf.int=TRUE, conf.level=0.95))$statistic)
                "p_value": 0.374105776482935,  # suppressWarnings(wilcox.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="greater", conf.int=TRUE, conf.level=0.95))$p.value
                "estimate": 2.01820379868196,  # unname(suppressWarnings(wilcox.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="greater", conf.int=TRUE, conf.level=0.95))$estimate)
                "conf_int_low": -5.98448848266423,  # suppressWarnings(wilcox.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="greater", conf.int=TRUE, conf.level=0.95))$conf.int[1]
                "conf_int_high": float("inf"),  # suppressWarnings(wilcox.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="greater", conf.int=TRUE, conf.level=0.95))$conf.int[2]
                "conf_level_attr": 0.95,  # attr(suppressWarnings(wilcox.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="greater", conf.int=TRUE, conf.level=0.95))$conf.int, "conf.level")
                "estimate_tol_root_1e-12": 2.01820379868196,  # unname(suppressWarnings(wilcox.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="greater", conf.int=TRUE, conf.level=0.95, tol.root=1e-12))$estimate)
                "conf_int_low_tol_root_1e-12": -5.98449357828458,  # suppressWarnings(wilcox.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="greater", conf.int=TRUE, conf.level=0.95, tol.root=1e-12))$conf.int[1]
                "conf_int_high_tol_root_1e-12": float("inf"),  # suppressWarnings(wilcox.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="greater", conf.int=TRUE, conf.level=0.95, tol.root=1e-12))$conf.int[2]
                "conf_int_low_snapped_to_pairwise_difference": -5.9844935782847,  # source("tests/golden/functions.R"); snap_diff((1:55)^1.1, (1:52)^1.1+0.3, suppressWarnings(wilcox.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="greater", conf.int=TRUE, conf.level=0.95, tol.root=1e-12))$conf.int[1])
                "conf_int_high_snapped_to_pairwise_difference": float("inf"),  # source("tests/golden/functions.R"); snap_diff((1:55)^1.1, (1:52)^1.1+0.3, suppressWarnings(wilcox.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="greater", conf.int=TRUE, conf.level=0.95, tol.root=1e-12))$conf.int[2])
                "hodges_lehmann_median_of_differences": 1.69147823091945,  # median(outer((1:55)^1.1, (1:52)^1.1+0.3, `-`))
                "estimate_zero_set_low": 1.33458693973719,  # sort(outer((1:55)^1.1, (1:52)^1.1+0.3, `-`))[55*52/2]
                "estimate_zero_set_high": 2.04836952210171,  # sort(outer((1:55)^1.1, (1:52)^1.1+0.3, `-`))[55*52/2+1]
            },
        },
    },
}

# T_TEST_WELCH[pair][alternative][conf_level]; R: t.test(a, b, var.equal=FALSE, ...)
T_TEST_WELCH = {
    "wo": {
        "two.sided": {
            0.95: {
                "statistic": 0.768914059196976,  # unname(t.test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="two.sided", var.equal=FALSE, conf.level=0.95)$statistic)
                "df": 15.0972587713233,  # unname(t.test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="two.sided", var.equal=FALSE, conf.level=0.95)$parameter)
                "p_value": 0.453806008956429,  # t.test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="two.sided", var.equal=FALSE, conf.level=0.95)$p.value
                "estimate": 39.25,  # unname(diff(rev(t.test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="two.sided", var.equal=FALSE, conf.level=0.95)$estimate)))
                "stderr": 51.0460168214263,  # t.test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="two.sided", var.equal=FALSE, conf.level=0.95)$stderr
                "conf_int_low": -69.4909932294902,  # t.test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="two.sided", var.equal=FALSE, conf.level=0.95)$conf.int[1]
                "conf_int_high": 147.99099322949,  # t.test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="two.sided", var.equal=FALSE, conf.level=0.95)$conf.int[2]
            },
            0.9: {
                "statistic": 0.768914059196976,  # unname(t.test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="two.sided", var.equal=FALSE, conf.level=0.9)$statistic)
                "df": 15.0972587713233,  # unname(t.test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="two.sided", var.equal=FALSE, conf.level=0.9)$parameter)
                "p_value": 0.453806008956429,  # t.test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="two.sided", var.equal=FALSE, conf.level=0.9)$p.value
                "estimate": 39.25,  # unname(diff(rev(t.test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="two.sided", var.equal=FALSE, conf.level=0.9)$estimate)))
                "stderr": 51.0460168214263,  # t.test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="two.sided", var.equal=FALSE, conf.level=0.9)$stderr
                "conf_int_low": -50.1983971562864,  # t.test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="two.sided", var.equal=FALSE, conf.level=0.9)$conf.int[1]
                "conf_int_high": 128.698397156286,  # t.test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="two.sided", var.equal=FALSE, conf.level=0.9)$conf.int[2]
            },
        },
        "less": {
            0.95: {
                "statistic": 0.768914059196976,  # unname(t.test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="less", var.equal=FALSE, conf.level=0.95)$statistic)
                "df": 15.0972587713233,  # unname(t.test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="less", var.equal=FALSE, conf.level=0.95)$parameter)
                "p_value": 0.773096995521786,  # t.test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="less", var.equal=FALSE, conf.level=0.95)$p.value
                "estimate": 39.25,  # unname(diff(rev(t.test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="less", var.equal=FALSE, conf.level=0.95)$estimate)))
                "stderr": 51.0460168214263,  # t.test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="less", var.equal=FALSE, conf.level=0.95)$stderr
                "conf_int_low": float("-inf"),  # t.test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="less", var.equal=FALSE, conf.level=0.95)$conf.int[1]
                "conf_int_high": 128.698397156286,  # t.test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="less", var.equal=FALSE, conf.level=0.95)$conf.int[2]
            },
        },
        "greater": {
            0.95: {
                "statistic": 0.768914059196976,  # unname(t.test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="greater", var.equal=FALSE, conf.level=0.95)$statistic)
                "df": 15.0972587713233,  # unname(t.test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="greater", var.equal=FALSE, conf.level=0.95)$parameter)
                "p_value": 0.226903004478214,  # t.test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="greater", var.equal=FALSE, conf.level=0.95)$p.value
                "estimate": 39.25,  # unname(diff(rev(t.test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="greater", var.equal=FALSE, conf.level=0.95)$estimate)))
                "stderr": 51.0460168214263,  # t.test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="greater", var.equal=FALSE, conf.level=0.95)$stderr
                "conf_int_low": -50.1983971562864,  # t.test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="greater", var.equal=FALSE, conf.level=0.95)$conf.int[1]
                "conf_int_high": float("inf"),  # t.test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="greater", var.equal=FALSE, conf.level=0.95)$conf.int[2]
            },
        },
    },
    "ties": {
        "two.sided": {
            0.95: {
                "statistic": -0.574847816826572,  # unname(t.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="two.sided", var.equal=FALSE, conf.level=0.95)$statistic)
                "df": 9.9268983971059,  # unname(t.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="two.sided", var.equal=FALSE, conf.level=0.95)$parameter)
                "p_value": 0.578188799134354,  # t.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="two.sided", var.equal=FALSE, conf.level=0.95)$p.value
                "estimate": -1.02380952380952,  # unname(diff(rev(t.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="two.sided", var.equal=FALSE, conf.level=0.95)$estimate)))
                "stderr": 1.7810096756763,  # t.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="two.sided", var.equal=FALSE, conf.level=0.95)$stderr
                "conf_int_low": -4.99611105346592,  # t.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="two.sided", var.equal=FALSE, conf.level=0.95)$conf.int[1]
                "conf_int_high": 2.94849200584687,  # t.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="two.sided", var.equal=FALSE, conf.level=0.95)$conf.int[2]
            },
            0.9: {
                "statistic": -0.574847816826572,  # unname(t.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="two.sided", var.equal=FALSE, conf.level=0.9)$statistic)
                "df": 9.9268983971059,  # unname(t.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="two.sided", var.equal=FALSE, conf.level=0.9)$parameter)
                "p_value": 0.578188799134354,  # t.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="two.sided", var.equal=FALSE, conf.level=0.9)$p.value
                "estimate": -1.02380952380952,  # unname(diff(rev(t.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="two.sided", var.equal=FALSE, conf.level=0.9)$estimate)))
                "stderr": 1.7810096756763,  # t.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="two.sided", var.equal=FALSE, conf.level=0.9)$stderr
                "conf_int_low": -4.25423410693111,  # t.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="two.sided", var.equal=FALSE, conf.level=0.9)$conf.int[1]
                "conf_int_high": 2.20661505931206,  # t.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="two.sided", var.equal=FALSE, conf.level=0.9)$conf.int[2]
            },
        },
        "less": {
            0.95: {
                "statistic": -0.574847816826572,  # unname(t.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="less", var.equal=FALSE, conf.level=0.95)$statistic)
                "df": 9.9268983971059,  # unname(t.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="less", var.equal=FALSE, conf.level=0.95)$parameter)
                "p_value": 0.289094399567177,  # t.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="less", var.equal=FALSE, conf.level=0.95)$p.value
                "estimate": -1.02380952380952,  # unname(diff(rev(t.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="less", var.equal=FALSE, conf.level=0.95)$estimate)))
                "stderr": 1.7810096756763,  # t.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="less", var.equal=FALSE, conf.level=0.95)$stderr
                "conf_int_low": float("-inf"),  # t.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="less", var.equal=FALSE, conf.level=0.95)$conf.int[1]
                "conf_int_high": 2.20661505931206,  # t.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="less", var.equal=FALSE, conf.level=0.95)$conf.int[2]
            },
        },
        "greater": {
            0.95: {
                "statistic": -0.574847816826572,  # unname(t.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="greater", var.equal=FALSE, conf.level=0.95)$statistic)
                "df": 9.9268983971059,  # unname(t.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="greater", var.equal=FALSE, conf.level=0.95)$parameter)
                "p_value": 0.710905600432823,  # t.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="greater", var.equal=FALSE, conf.level=0.95)$p.value
                "estimate": -1.02380952380952,  # unname(diff(rev(t.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="greater", var.equal=FALSE, conf.level=0.95)$estimate)))
                "stderr": 1.7810096756763,  # t.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="greater", var.equal=FALSE, conf.level=0.95)$stderr
                "conf_int_low": -4.25423410693111,  # t.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="greater", var.equal=FALSE, conf.level=0.95)$conf.int[1]
                "conf_int_high": float("inf"),  # t.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="greater", var.equal=FALSE, conf.level=0.95)$conf.int[2]
            },
        },
    },
    "unequal": {
        "two.sided": {
            0.95: {
                "statistic": -0.501041940607064,  # unname(t.test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="two.sided", var.equal=FALSE, conf.level=0.95)$statistic)
                "df": 7.1668996045637,  # unname(t.test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="two.sided", var.equal=FALSE, conf.level=0.95)$parameter)
                "p_value": 0.631361780422441,  # t.test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="two.sided", var.equal=FALSE, conf.level=0.95)$p.value
                "estimate": -0.458333333333333,  # unname(diff(rev(t.test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="two.sided", var.equal=FALSE, conf.level=0.95)$estimate)))
                "stderr": 0.914760414623204,  # t.test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="two.sided", var.equal=FALSE, conf.level=0.95)$stderr
                "conf_int_low": -2.61122835059884,  # t.test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="two.sided", var.equal=FALSE, conf.level=0.95)$conf.int[1]
                "conf_int_high": 1.69456168393218,  # t.test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="two.sided", var.equal=FALSE, conf.level=0.95)$conf.int[2]
            },
            0.9: {
                "statistic": -0.501041940607064,  # unname(t.test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="two.sided", var.equal=FALSE, conf.level=0.9)$statistic)
                "df": 7.1668996045637,  # unname(t.test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="two.sided", var.equal=FALSE, conf.level=0.9)$parameter)
                "p_value": 0.631361780422441,  # t.test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="two.sided", var.equal=FALSE, conf.level=0.9)$p.value
                "estimate": -0.458333333333333,  # unname(diff(rev(t.test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="two.sided", var.equal=FALSE, conf.level=0.9)$estimate)))
                "stderr": 0.914760414623204,  # t.test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="two.sided", var.equal=FALSE, conf.level=0.9)$stderr
                "conf_int_low": -2.18536603092043,  # t.test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="two.sided", var.equal=FALSE, conf.level=0.9)$conf.int[1]
                "conf_int_high": 1.26869936425377,  # t.test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="two.sided", var.equal=FALSE, conf.level=0.9)$conf.int[2]
            },
        },
        "less": {
            0.95: {
                "statistic": -0.501041940607064,  # unname(t.test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="less", var.equal=FALSE, conf.level=0.95)$statistic)
                "df": 7.1668996045637,  # unname(t.test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="less", var.equal=FALSE, conf.level=0.95)$parameter)
                "p_value": 0.31568089021122,  # t.test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="less", var.equal=FALSE, conf.level=0.95)$p.value
                "estimate": -0.458333333333333,  # unname(diff(rev(t.test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="less", var.equal=FALSE, conf.level=0.95)$estimate)))
                "stderr": 0.914760414623204,  # t.test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="less", var.equal=FALSE, conf.level=0.95)$stderr
                "conf_int_low": float("-inf"),  # t.test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="less", var.equal=FALSE, conf.level=0.95)$conf.int[1]
                "conf_int_high": 1.26869936425377,  # t.test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="less", var.equal=FALSE, conf.level=0.95)$conf.int[2]
            },
        },
        "greater": {
            0.95: {
                "statistic": -0.501041940607064,  # unname(t.test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="greater", var.equal=FALSE, conf.level=0.95)$statistic)
                "df": 7.1668996045637,  # unname(t.test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="greater", var.equal=FALSE, conf.level=0.95)$parameter)
                "p_value": 0.68431910978878,  # t.test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="greater", var.equal=FALSE, conf.level=0.95)$p.value
                "estimate": -0.458333333333333,  # unname(diff(rev(t.test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="greater", var.equal=FALSE, conf.level=0.95)$estimate)))
                "stderr": 0.914760414623204,  # t.test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="greater", var.equal=FALSE, conf.level=0.95)$stderr
                "conf_int_low": -2.18536603092043,  # t.test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="greater", var.equal=FALSE, conf.level=0.95)$conf.int[1]
                "conf_int_high": float("inf"),  # t.test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="greater", var.equal=FALSE, conf.level=0.95)$conf.int[2]
            },
        },
    },
    "large": {
        "two.sided": {
            0.95: {
                "statistic": 0.447850421109975,  # unname(t.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="two.sided", var.equal=FALSE, conf.level=0.95)$statistic)
                "df": 104.997950951134,  # unname(t.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="two.sided", var.equal=FALSE, conf.level=0.95)$parameter)
                "p_value": 0.655183827722634,  # t.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="two.sided", var.equal=FALSE, conf.level=0.95)$p.value
                "estimate": 2.04362758595435,  # unname(diff(rev(t.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="two.sided", var.equal=FALSE, conf.level=0.95)$estimate)))
                "stderr": 4.5631922839088,  # t.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="two.sided", var.equal=FALSE, conf.level=0.95)$stderr
                "conf_int_low": -7.00434182997586,  # t.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="two.sided", var.equal=FALSE, conf.level=0.95)$conf.int[1]
                "conf_int_high": 11.0915970018845,  # t.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="two.sided", var.equal=FALSE, conf.level=0.95)$conf.int[2]
            },
            0.9: {
                "statistic": 0.447850421109975,  # unname(t.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="two.sided", var.equal=FALSE, conf.level=0.9)$statistic)
                "df": 104.997950951134,  # unname(t.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="two.sided", var.equal=FALSE, conf.level=0.9)$parameter)
                "p_value": 0.655183827722634,  # t.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="two.sided", var.equal=FALSE, conf.level=0.9)$p.value
                "estimate": 2.04362758595435,  # unname(diff(rev(t.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="two.sided", var.equal=FALSE, conf.level=0.9)$estimate)))
                "stderr": 4.5631922839088,  # t.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="two.sided", var.equal=FALSE, conf.level=0.9)$stderr
                "conf_int_low": -5.52897025828095,  # t.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="two.sided", var.equal=FALSE, conf.level=0.9)$conf.int[1]
                "conf_int_high": 9.61622543018964,  # t.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="two.sided", var.equal=FALSE, conf.level=0.9)$conf.int[2]
            },
        },
        "less": {
            0.95: {
                "statistic": 0.447850421109975,  # unname(t.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="less", var.equal=FALSE, conf.level=0.95)$statistic)
                "df": 104.997950951134,  # unname(t.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="less", var.equal=FALSE, conf.level=0.95)$parameter)
                "p_value": 0.672408086138683,  # t.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="less", var.equal=FALSE, conf.level=0.95)$p.value
                "estimate": 2.04362758595435,  # unname(diff(rev(t.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="less", var.equal=FALSE, conf.level=0.95)$estimate)))
                "stderr": 4.5631922839088,  # t.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="less", var.equal=FALSE, conf.level=0.95)$stderr
                "conf_int_low": float("-inf"),  # t.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="less", var.equal=FALSE, conf.level=0.95)$conf.int[1]
                "conf_int_high": 9.61622543018964,  # t.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="less", var.equal=FALSE, conf.level=0.95)$conf.int[2]
            },
        },
        "greater": {
            0.95: {
                "statistic": 0.447850421109975,  # unname(t.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="greater", var.equal=FALSE, conf.level=0.95)$statistic)
                "df": 104.997950951134,  # unname(t.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="greater", var.equal=FALSE, conf.level=0.95)$parameter)
                "p_value": 0.327591913861317,  # t.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="greater", var.equal=FALSE, conf.level=0.95)$p.value
                "estimate": 2.04362758595435,  # unname(diff(rev(t.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="greater", var.equal=FALSE, conf.level=0.95)$estimate)))
                "stderr": 4.5631922839088,  # t.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="greater", var.equal=FALSE, conf.level=0.95)$stderr
                "conf_int_low": -5.52897025828095,  # t.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="greater", var.equal=FALSE, conf.level=0.95)$conf.int[1]
                "conf_int_high": float("inf"),  # t.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="greater", var.equal=FALSE, conf.level=0.95)$conf.int[2]
            },
        },
    },
}

# T_TEST_POOLED[pair][alternative][conf_level]; R: t.test(a, b, var.equal=TRUE, ...)
T_TEST_POOLED = {
    "wo": {
        "two.sided": {
            0.95: {
                "statistic": 0.616677088920741,  # unname(t.test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="two.sided", var.equal=TRUE, conf.level=0.95)$statistic)
                "df": 20.0,  # unname(t.test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="two.sided", var.equal=TRUE, conf.level=0.95)$parameter)
                "p_value": 0.544404308540577,  # t.test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="two.sided", var.equal=TRUE, conf.level=0.95)$p.value
                "estimate": 39.25,  # unname(diff(rev(t.test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="two.sided", var.equal=TRUE, conf.level=0.95)$estimate)))
                "stderr": 63.6475729440382,  # t.test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="two.sided", var.equal=TRUE, conf.level=0.95)$stderr
                "conf_int_low": -93.5165106684516,  # t.test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="two.sided", var.equal=TRUE, conf.level=0.95)$conf.int[1]
                "conf_int_high": 172.016510668452,  # t.test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="two.sided", var.equal=TRUE, conf.level=0.95)$conf.int[2]
            },
            0.9: {
                "statistic": 0.616677088920741,  # unname(t.test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="two.sided", var.equal=TRUE, conf.level=0.9)$statistic)
                "df": 20.0,  # unname(t.test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="two.sided", var.equal=TRUE, conf.level=0.9)$parameter)
                "p_value": 0.544404308540577,  # t.test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="two.sided", var.equal=TRUE, conf.level=0.9)$p.value
                "estimate": 39.25,  # unname(diff(rev(t.test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="two.sided", var.equal=TRUE, conf.level=0.9)$estimate)))
                "stderr": 63.6475729440382,  # t.test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="two.sided", var.equal=TRUE, conf.level=0.9)$stderr
                "conf_int_low": -70.5241301742142,  # t.test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="two.sided", var.equal=TRUE, conf.level=0.9)$conf.int[1]
                "conf_int_high": 149.024130174214,  # t.test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="two.sided", var.equal=TRUE, conf.level=0.9)$conf.int[2]
            },
        },
        "less": {
            0.95: {
                "statistic": 0.616677088920741,  # unname(t.test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="less", var.equal=TRUE, conf.level=0.95)$statistic)
                "df": 20.0,  # unname(t.test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="less", var.equal=TRUE, conf.level=0.95)$parameter)
                "p_value": 0.727797845729712,  # t.test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="less", var.equal=TRUE, conf.level=0.95)$p.value
                "estimate": 39.25,  # unname(diff(rev(t.test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="less", var.equal=TRUE, conf.level=0.95)$estimate)))
                "stderr": 63.6475729440382,  # t.test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="less", var.equal=TRUE, conf.level=0.95)$stderr
                "conf_int_low": float("-inf"),  # t.test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="less", var.equal=TRUE, conf.level=0.95)$conf.int[1]
                "conf_int_high": 149.024130174214,  # t.test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="less", var.equal=TRUE, conf.level=0.95)$conf.int[2]
            },
        },
        "greater": {
            0.95: {
                "statistic": 0.616677088920741,  # unname(t.test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="greater", var.equal=TRUE, conf.level=0.95)$statistic)
                "df": 20.0,  # unname(t.test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="greater", var.equal=TRUE, conf.level=0.95)$parameter)
                "p_value": 0.272202154270288,  # t.test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="greater", var.equal=TRUE, conf.level=0.95)$p.value
                "estimate": 39.25,  # unname(diff(rev(t.test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="greater", var.equal=TRUE, conf.level=0.95)$estimate)))
                "stderr": 63.6475729440382,  # t.test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="greater", var.equal=TRUE, conf.level=0.95)$stderr
                "conf_int_low": -70.5241301742142,  # t.test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="greater", var.equal=TRUE, conf.level=0.95)$conf.int[1]
                "conf_int_high": float("inf"),  # t.test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="greater", var.equal=TRUE, conf.level=0.95)$conf.int[2]
            },
        },
    },
    "ties": {
        "two.sided": {
            0.95: {
                "statistic": -0.582752326319503,  # unname(t.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="two.sided", var.equal=TRUE, conf.level=0.95)$statistic)
                "df": 11.0,  # unname(t.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="two.sided", var.equal=TRUE, conf.level=0.95)$parameter)
                "p_value": 0.571812543056941,  # t.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="two.sided", var.equal=TRUE, conf.level=0.95)$p.value
                "estimate": -1.02380952380952,  # unname(diff(rev(t.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="two.sided", var.equal=TRUE, conf.level=0.95)$estimate)))
                "stderr": 1.75685188641908,  # t.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="two.sided", var.equal=TRUE, conf.level=0.95)$stderr
                "conf_int_low": -4.89061445429691,  # t.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="two.sided", var.equal=TRUE, conf.level=0.95)$conf.int[1]
                "conf_int_high": 2.84299540667786,  # t.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="two.sided", var.equal=TRUE, conf.level=0.95)$conf.int[2]
            },
            0.9: {
                "statistic": -0.582752326319503,  # unname(t.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="two.sided", var.equal=TRUE, conf.level=0.9)$statistic)
                "df": 11.0,  # unname(t.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="two.sided", var.equal=TRUE, conf.level=0.9)$parameter)
                "p_value": 0.571812543056941,  # t.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="two.sided", var.equal=TRUE, conf.level=0.9)$p.value
                "estimate": -1.02380952380952,  # unname(diff(rev(t.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="two.sided", var.equal=TRUE, conf.level=0.9)$estimate)))
                "stderr": 1.75685188641908,  # t.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="two.sided", var.equal=TRUE, conf.level=0.9)$stderr
                "conf_int_low": -4.1789131553411,  # t.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="two.sided", var.equal=TRUE, conf.level=0.9)$conf.int[1]
                "conf_int_high": 2.13129410772206,  # t.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="two.sided", var.equal=TRUE, conf.level=0.9)$conf.int[2]
            },
        },
        "less": {
            0.95: {
                "statistic": -0.582752326319503,  # unname(t.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="less", var.equal=TRUE, conf.level=0.95)$statistic)
                "df": 11.0,  # unname(t.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="less", var.equal=TRUE, conf.level=0.95)$parameter)
                "p_value": 0.28590627152847,  # t.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="less", var.equal=TRUE, conf.level=0.95)$p.value
                "estimate": -1.02380952380952,  # unname(diff(rev(t.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="less", var.equal=TRUE, conf.level=0.95)$estimate)))
                "stderr": 1.75685188641908,  # t.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="less", var.equal=TRUE, conf.level=0.95)$stderr
                "conf_int_low": float("-inf"),  # t.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="less", var.equal=TRUE, conf.level=0.95)$conf.int[1]
                "conf_int_high": 2.13129410772206,  # t.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="less", var.equal=TRUE, conf.level=0.95)$conf.int[2]
            },
        },
        "greater": {
            0.95: {
                "statistic": -0.582752326319503,  # unname(t.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="greater", var.equal=TRUE, conf.level=0.95)$statistic)
                "df": 11.0,  # unname(t.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="greater", var.equal=TRUE, conf.level=0.95)$parameter)
                "p_value": 0.71409372847153,  # t.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="greater", var.equal=TRUE, conf.level=0.95)$p.value
                "estimate": -1.02380952380952,  # unname(diff(rev(t.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="greater", var.equal=TRUE, conf.level=0.95)$estimate)))
                "stderr": 1.75685188641908,  # t.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="greater", var.equal=TRUE, conf.level=0.95)$stderr
                "conf_int_low": -4.1789131553411,  # t.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="greater", var.equal=TRUE, conf.level=0.95)$conf.int[1]
                "conf_int_high": float("inf"),  # t.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="greater", var.equal=TRUE, conf.level=0.95)$conf.int[2]
            },
        },
    },
    "unequal": {
        "two.sided": {
            0.95: {
                "statistic": -0.330740926338877,  # unname(t.test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="two.sided", var.equal=TRUE, conf.level=0.95)$statistic)
                "df": 13.0,  # unname(t.test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="two.sided", var.equal=TRUE, conf.level=0.95)$parameter)
                "p_value": 0.746110294038068,  # t.test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="two.sided", var.equal=TRUE, conf.level=0.95)$p.value
                "estimate": -0.458333333333333,  # unname(diff(rev(t.test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="two.sided", var.equal=TRUE, conf.level=0.95)$estimate)))
                "stderr": 1.38577749783444,  # t.test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="two.sided", var.equal=TRUE, conf.level=0.95)$stderr
                "conf_int_low": -3.45212360448629,  # t.test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="two.sided", var.equal=TRUE, conf.level=0.95)$conf.int[1]
                "conf_int_high": 2.53545693781962,  # t.test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="two.sided", var.equal=TRUE, conf.level=0.95)$conf.int[2]
            },
            0.9: {
                "statistic": -0.330740926338877,  # unname(t.test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="two.sided", var.equal=TRUE, conf.level=0.9)$statistic)
                "df": 13.0,  # unname(t.test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="two.sided", var.equal=TRUE, conf.level=0.9)$parameter)
                "p_value": 0.746110294038068,  # t.test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="two.sided", var.equal=TRUE, conf.level=0.9)$p.value
                "estimate": -0.458333333333333,  # unname(diff(rev(t.test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="two.sided", var.equal=TRUE, conf.level=0.9)$estimate)))
                "stderr": 1.38577749783444,  # t.test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="two.sided", var.equal=TRUE, conf.level=0.9)$stderr
                "conf_int_low": -2.91245298365546,  # t.test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="two.sided", var.equal=TRUE, conf.level=0.9)$conf.int[1]
                "conf_int_high": 1.9957863169888,  # t.test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="two.sided", var.equal=TRUE, conf.level=0.9)$conf.int[2]
            },
        },
        "less": {
            0.95: {
                "statistic": -0.330740926338877,  # unname(t.test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="less", var.equal=TRUE, conf.level=0.95)$statistic)
                "df": 13.0,  # unname(t.test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="less", var.equal=TRUE, conf.level=0.95)$parameter)
                "p_value": 0.373055147019034,  # t.test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="less", var.equal=TRUE, conf.level=0.95)$p.value
                "estimate": -0.458333333333333,  # unname(diff(rev(t.test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="less", var.equal=TRUE, conf.level=0.95)$estimate)))
                "stderr": 1.38577749783444,  # t.test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="less", var.equal=TRUE, conf.level=0.95)$stderr
                "conf_int_low": float("-inf"),  # t.test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="less", var.equal=TRUE, conf.level=0.95)$conf.int[1]
                "conf_int_high": 1.9957863169888,  # t.test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="less", var.equal=TRUE, conf.level=0.95)$conf.int[2]
            },
        },
        "greater": {
            0.95: {
                "statistic": -0.330740926338877,  # unname(t.test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="greater", var.equal=TRUE, conf.level=0.95)$statistic)
                "df": 13.0,  # unname(t.test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="greater", var.equal=TRUE, conf.level=0.95)$parameter)
                "p_value": 0.626944852980966,  # t.test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="greater", var.equal=TRUE, conf.level=0.95)$p.value
                "estimate": -0.458333333333333,  # unname(diff(rev(t.test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="greater", var.equal=TRUE, conf.level=0.95)$estimate)))
                "stderr": 1.38577749783444,  # t.test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="greater", var.equal=TRUE, conf.level=0.95)$stderr
                "conf_int_low": -2.91245298365546,  # t.test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="greater", var.equal=TRUE, conf.level=0.95)$conf.int[1]
                "conf_int_high": float("inf"),  # t.test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="greater", var.equal=TRUE, conf.level=0.95)$conf.int[2]
            },
        },
    },
    "large": {
        "two.sided": {
            0.95: {
                "statistic": 0.447078257736633,  # unname(t.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="two.sided", var.equal=TRUE, conf.level=0.95)$statistic)
                "df": 105.0,  # unname(t.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="two.sided", var.equal=TRUE, conf.level=0.95)$parameter)
                "p_value": 0.655739413005819,  # t.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="two.sided", var.equal=TRUE, conf.level=0.95)$p.value
                "estimate": 2.04362758595435,  # unname(diff(rev(t.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="two.sided", var.equal=TRUE, conf.level=0.95)$estimate)))
                "stderr": 4.57107352144648,  # t.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="two.sided", var.equal=TRUE, conf.level=0.95)$stderr
                "conf_int_low": -7.01996681000985,  # t.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="two.sided", var.equal=TRUE, conf.level=0.95)$conf.int[1]
                "conf_int_high": 11.1072219819185,  # t.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="two.sided", var.equal=TRUE, conf.level=0.95)$conf.int[2]
            },
            0.9: {
                "statistic": 0.447078257736633,  # unname(t.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="two.sided", var.equal=TRUE, conf.level=0.9)$statistic)
                "df": 105.0,  # unname(t.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="two.sided", var.equal=TRUE, conf.level=0.9)$parameter)
                "p_value": 0.655739413005819,  # t.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="two.sided", var.equal=TRUE, conf.level=0.9)$p.value
                "estimate": 2.04362758595435,  # unname(diff(rev(t.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="two.sided", var.equal=TRUE, conf.level=0.9)$estimate)))
                "stderr": 4.57107352144648,  # t.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="two.sided", var.equal=TRUE, conf.level=0.9)$stderr
                "conf_int_low": -5.54204782009912,  # t.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="two.sided", var.equal=TRUE, conf.level=0.9)$conf.int[1]
                "conf_int_high": 9.62930299200781,  # t.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="two.sided", var.equal=TRUE, conf.level=0.9)$conf.int[2]
            },
        },
        "less": {
            0.95: {
                "statistic": 0.447078257736633,  # unname(t.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="less", var.equal=TRUE, conf.level=0.95)$statistic)
                "df": 105.0,  # unname(t.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="less", var.equal=TRUE, conf.level=0.95)$parameter)
                "p_value": 0.672130293497091,  # t.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="less", var.equal=TRUE, conf.level=0.95)$p.value
                "estimate": 2.04362758595435,  # unname(diff(rev(t.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="less", var.equal=TRUE, conf.level=0.95)$estimate)))
                "stderr": 4.57107352144648,  # t.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="less", var.equal=TRUE, conf.level=0.95)$stderr
                "conf_int_low": float("-inf"),  # t.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="less", var.equal=TRUE, conf.level=0.95)$conf.int[1]
                "conf_int_high": 9.62930299200781,  # t.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="less", var.equal=TRUE, conf.level=0.95)$conf.int[2]
            },
        },
        "greater": {
            0.95: {
                "statistic": 0.447078257736633,  # unname(t.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="greater", var.equal=TRUE, conf.level=0.95)$statistic)
                "df": 105.0,  # unname(t.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="greater", var.equal=TRUE, conf.level=0.95)$parameter)
                "p_value": 0.327869706502909,  # t.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="greater", var.equal=TRUE, conf.level=0.95)$p.value
                "estimate": 2.04362758595435,  # unname(diff(rev(t.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="greater", var.equal=TRUE, conf.level=0.95)$estimate)))
                "stderr": 4.57107352144648,  # t.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="greater", var.equal=TRUE, conf.level=0.95)$stderr
                "conf_int_low": -5.54204782009912,  # t.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="greater", var.equal=TRUE, conf.level=0.95)$conf.int[1]
                "conf_int_high": float("inf"),  # t.test((1:55)^1.1, (1:52)^1.1+0.3, alternative="greater", var.equal=TRUE, conf.level=0.95)$conf.int[2]
            },
        },
    },
}

# BRUNNER_MUNZEL[pair][alternative][conf_level]: own R implementation bm_test() in
# tests/golden/functions.R (lawstat/brunnermunzel not installable). Conventions = lawstat:
# estimate = P(a<b)+0.5*P(a=b); statistic=(estimate-0.5)/se (>0 when b tends larger);
# 'less' = a stochastically smaller than b (p = 1-pt(stat,df)), 'greater' = a larger (p = pt(stat,df)).
# conf_int_* = two-sided (1-alpha) CI as lawstat prints regardless of alternative;
# one_sided_conf_int_* = CI dual to the one-sided test ('less': [est - qt(conf,df)*se, inf),
# 'greater': (-inf, est + qt(conf,df)*se]; two.sided: same as conf_int).
BRUNNER_MUNZEL = {
    "wo": {
        "two.sided": {
            0.95: {
                "statistic": -0.580917864020631,  # source("tests/golden/functions.R"); bm_test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="two.sided", alpha=1-0.95)$statistic
                "df": 18.9093248634324,  # source("tests/golden/functions.R"); bm_test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="two.sided", alpha=1-0.95)$df
                "p_value": 0.568155800047734,  # source("tests/golden/functions.R"); bm_test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="two.sided", alpha=1-0.95)$p.value
                "estimate": 0.427083333333333,  # source("tests/golden/functions.R"); bm_test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="two.sided", alpha=1-0.95)$estimate
                "se": 0.125519752761601,  # source("tests/golden/functions.R"); bm_test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="two.sided", alpha=1-0.95)$se
                "conf_int_low": 0.164282179304617,  # source("tests/golden/functions.R"); bm_test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="two.sided", alpha=1-0.95)$conf.int[1]
                "conf_int_high": 0.68988448736205,  # source("tests/golden/functions.R"); bm_test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="two.sided", alpha=1-0.95)$conf.int[2]
                "one_sided_conf_int_low": 0.164282179304617,  # source("tests/golden/functions.R"); bm_test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="two.sided", alpha=1-0.95)$one.sided.conf.int[1]
                "one_sided_conf_int_high": 0.68988448736205,  # source("tests/golden/functions.R"); bm_test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="two.sided", alpha=1-0.95)$one.sided.conf.int[2]
            },
            0.9: {
                "statistic": -0.580917864020631,  # source("tests/golden/functions.R"); bm_test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="two.sided", alpha=1-0.9)$statistic
                "df": 18.9093248634324,  # source("tests/golden/functions.R"); bm_test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="two.sided", alpha=1-0.9)$df
                "p_value": 0.568155800047734,  # source("tests/golden/functions.R"); bm_test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="two.sided", alpha=1-0.9)$p.value
                "estimate": 0.427083333333333,  # source("tests/golden/functions.R"); bm_test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="two.sided", alpha=1-0.9)$estimate
                "se": 0.125519752761601,  # source("tests/golden/functions.R"); bm_test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="two.sided", alpha=1-0.9)$se
                "conf_int_low": 0.209989723387681,  # source("tests/golden/functions.R"); bm_test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="two.sided", alpha=1-0.9)$conf.int[1]
                "conf_int_high": 0.644176943278986,  # source("tests/golden/functions.R"); bm_test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="two.sided", alpha=1-0.9)$conf.int[2]
                "one_sided_conf_int_low": 0.209989723387681,  # source("tests/golden/functions.R"); bm_test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="two.sided", alpha=1-0.9)$one.sided.conf.int[1]
                "one_sided_conf_int_high": 0.644176943278986,  # source("tests/golden/functions.R"); bm_test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="two.sided", alpha=1-0.9)$one.sided.conf.int[2]
            },
        },
        "less": {
            0.95: {
                "statistic": -0.580917864020631,  # source("tests/golden/functions.R"); bm_test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="less", alpha=1-0.95)$statistic
                "df": 18.9093248634324,  # source("tests/golden/functions.R"); bm_test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="less", alpha=1-0.95)$df
                "p_value": 0.715922099976133,  # source("tests/golden/functions.R"); bm_test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="less", alpha=1-0.95)$p.value
                "estimate": 0.427083333333333,  # source("tests/golden/functions.R"); bm_test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="less", alpha=1-0.95)$estimate
                "se": 0.125519752761601,  # source("tests/golden/functions.R"); bm_test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="less", alpha=1-0.95)$se
                "conf_int_low": 0.164282179304617,  # source("tests/golden/functions.R"); bm_test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="less", alpha=1-0.95)$conf.int[1]
                "conf_int_high": 0.68988448736205,  # source("tests/golden/functions.R"); bm_test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="less", alpha=1-0.95)$conf.int[2]
                "one_sided_conf_int_low": 0.209989723387681,  # source("tests/golden/functions.R"); bm_test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="less", alpha=1-0.95)$one.sided.conf.int[1]
                "one_sided_conf_int_high": float("inf"),  # source("tests/golden/functions.R"); bm_test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="less", alpha=1-0.95)$one.sided.conf.int[2]
            },
        },
        "greater": {
            0.95: {
                "statistic": -0.580917864020631,  # source("tests/golden/functions.R"); bm_test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="greater", alpha=1-0.95)$statistic
                "df": 18.9093248634324,  # source("tests/golden/functions.R"); bm_test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="greater", alpha=1-0.95)$df
                "p_value": 0.284077900023867,  # source("tests/golden/functions.R"); bm_test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="greater", alpha=1-0.95)$p.value
                "estimate": 0.427083333333333,  # source("tests/golden/functions.R"); bm_test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="greater", alpha=1-0.95)$estimate
                "se": 0.125519752761601,  # source("tests/golden/functions.R"); bm_test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="greater", alpha=1-0.95)$se
                "conf_int_low": 0.164282179304617,  # source("tests/golden/functions.R"); bm_test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="greater", alpha=1-0.95)$conf.int[1]
                "conf_int_high": 0.68988448736205,  # source("tests/golden/functions.R"); bm_test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="greater", alpha=1-0.95)$conf.int[2]
                "one_sided_conf_int_low": float("-inf"),  # source("tests/golden/functions.R"); bm_test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="greater", alpha=1-0.95)$one.sided.conf.int[1]
                "one_sided_conf_int_high": 0.644176943278986,  # source("tests/golden/functions.R"); bm_test(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455), alternative="greater", alpha=1-0.95)$one.sided.conf.int[2]
            },
        },
    },
    "ties": {
        "two.sided": {
            0.95: {
                "statistic": 0.857580509893939,  # source("tests/golden/functions.R"); bm_test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="two.sided", alpha=1-0.95)$statistic
                "df": 10.841189327737,  # source("tests/golden/functions.R"); bm_test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="two.sided", alpha=1-0.95)$df
                "p_value": 0.409682291833466,  # source("tests/golden/functions.R"); bm_test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="two.sided", alpha=1-0.95)$p.value
                "estimate": 0.642857142857143,  # source("tests/golden/functions.R"); bm_test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="two.sided", alpha=1-0.95)$estimate
                "se": 0.166581610949636,  # source("tests/golden/functions.R"); bm_test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="two.sided", alpha=1-0.95)$se
                "conf_int_low": 0.275557140345429,  # source("tests/golden/functions.R"); bm_test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="two.sided", alpha=1-0.95)$conf.int[1]
                "conf_int_high": 1.01015714536886,  # source("tests/golden/functions.R"); bm_test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="two.sided", alpha=1-0.95)$conf.int[2]
                "one_sided_conf_int_low": 0.275557140345429,  # source("tests/golden/functions.R"); bm_test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="two.sided", alpha=1-0.95)$one.sided.conf.int[1]
                "one_sided_conf_int_high": 1.01015714536886,  # source("tests/golden/functions.R"); bm_test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="two.sided", alpha=1-0.95)$one.sided.conf.int[2]
            },
            0.9: {
                "statistic": 0.857580509893939,  # source("tests/golden/functions.R"); bm_test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="two.sided", alpha=1-0.9)$statistic
                "df": 10.841189327737,  # source("tests/golden/functions.R"); bm_test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="two.sided", alpha=1-0.9)$df
                "p_value": 0.409682291833466,  # source("tests/golden/functions.R"); bm_test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="two.sided", alpha=1-0.9)$p.value
                "estimate": 0.642857142857143,  # source("tests/golden/functions.R"); bm_test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="two.sided", alpha=1-0.9)$estimate
                "se": 0.166581610949636,  # source("tests/golden/functions.R"); bm_test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="two.sided", alpha=1-0.9)$se
                "conf_int_low": 0.343294224481574,  # source("tests/golden/functions.R"); bm_test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="two.sided", alpha=1-0.9)$conf.int[1]
                "conf_int_high": 0.942420061232712,  # source("tests/golden/functions.R"); bm_test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="two.sided", alpha=1-0.9)$conf.int[2]
                "one_sided_conf_int_low": 0.343294224481574,  # source("tests/golden/functions.R"); bm_test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="two.sided", alpha=1-0.9)$one.sided.conf.int[1]
                "one_sided_conf_int_high": 0.942420061232712,  # source("tests/golden/functions.R"); bm_test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="two.sided", alpha=1-0.9)$one.sided.conf.int[2]
            },
        },
        "less": {
            0.95: {
                "statistic": 0.857580509893939,  # source("tests/golden/functions.R"); bm_test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="less", alpha=1-0.95)$statistic
                "df": 10.841189327737,  # source("tests/golden/functions.R"); bm_test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="less", alpha=1-0.95)$df
                "p_value": 0.204841145916733,  # source("tests/golden/functions.R"); bm_test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="less", alpha=1-0.95)$p.value
                "estimate": 0.642857142857143,  # source("tests/golden/functions.R"); bm_test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="less", alpha=1-0.95)$estimate
                "se": 0.166581610949636,  # source("tests/golden/functions.R"); bm_test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="less", alpha=1-0.95)$se
                "conf_int_low": 0.275557140345429,  # source("tests/golden/functions.R"); bm_test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="less", alpha=1-0.95)$conf.int[1]
                "conf_int_high": 1.01015714536886,  # source("tests/golden/functions.R"); bm_test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="less", alpha=1-0.95)$conf.int[2]
                "one_sided_conf_int_low": 0.343294224481574,  # source("tests/golden/functions.R"); bm_test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="less", alpha=1-0.95)$one.sided.conf.int[1]
                "one_sided_conf_int_high": float("inf"),  # source("tests/golden/functions.R"); bm_test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="less", alpha=1-0.95)$one.sided.conf.int[2]
            },
        },
        "greater": {
            0.95: {
                "statistic": 0.857580509893939,  # source("tests/golden/functions.R"); bm_test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="greater", alpha=1-0.95)$statistic
                "df": 10.841189327737,  # source("tests/golden/functions.R"); bm_test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="greater", alpha=1-0.95)$df
                "p_value": 0.795158854083267,  # source("tests/golden/functions.R"); bm_test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="greater", alpha=1-0.95)$p.value
                "estimate": 0.642857142857143,  # source("tests/golden/functions.R"); bm_test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="greater", alpha=1-0.95)$estimate
                "se": 0.166581610949636,  # source("tests/golden/functions.R"); bm_test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="greater", alpha=1-0.95)$se
                "conf_int_low": 0.275557140345429,  # source("tests/golden/functions.R"); bm_test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="greater", alpha=1-0.95)$conf.int[1]
                "conf_int_high": 1.01015714536886,  # source("tests/golden/functions.R"); bm_test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="greater", alpha=1-0.95)$conf.int[2]
                "one_sided_conf_int_low": float("-inf"),  # source("tests/golden/functions.R"); bm_test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="greater", alpha=1-0.95)$one.sided.conf.int[1]
                "one_sided_conf_int_high": 0.942420061232712,  # source("tests/golden/functions.R"); bm_test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="greater", alpha=1-0.95)$one.sided.conf.int[2]
            },
        },
    },
    "unequal": {
        "two.sided": {
            0.95: {
                "statistic": 0.165212848652281,  # source("tests/golden/functions.R"); bm_test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="two.sided", alpha=1-0.95)$statistic
                "df": 8.05102817974105,  # source("tests/golden/functions.R"); bm_test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="two.sided", alpha=1-0.95)$df
                "p_value": 0.872849537561913,  # source("tests/golden/functions.R"); bm_test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="two.sided", alpha=1-0.95)$p.value
                "estimate": 0.527777777777778,  # source("tests/golden/functions.R"); bm_test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="two.sided", alpha=1-0.95)$estimate
                "se": 0.168133277795124,  # source("tests/golden/functions.R"); bm_test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="two.sided", alpha=1-0.95)$se
                "conf_int_low": 0.140489067850751,  # source("tests/golden/functions.R"); bm_test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="two.sided", alpha=1-0.95)$conf.int[1]
                "conf_int_high": 0.915066487704805,  # source("tests/golden/functions.R"); bm_test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="two.sided", alpha=1-0.95)$conf.int[2]
                "one_sided_conf_int_low": 0.140489067850751,  # source("tests/golden/functions.R"); bm_test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="two.sided", alpha=1-0.95)$one.sided.conf.int[1]
                "one_sided_conf_int_high": 0.915066487704805,  # source("tests/golden/functions.R"); bm_test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="two.sided", alpha=1-0.95)$one.sided.conf.int[2]
            },
            0.9: {
                "statistic": 0.165212848652281,  # source("tests/golden/functions.R"); bm_test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="two.sided", alpha=1-0.9)$statistic
                "df": 8.05102817974105,  # source("tests/golden/functions.R"); bm_test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="two.sided", alpha=1-0.9)$df
                "p_value": 0.872849537561913,  # source("tests/golden/functions.R"); bm_test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="two.sided", alpha=1-0.9)$p.value
                "estimate": 0.527777777777778,  # source("tests/golden/functions.R"); bm_test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="two.sided", alpha=1-0.9)$estimate
                "se": 0.168133277795124,  # source("tests/golden/functions.R"); bm_test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="two.sided", alpha=1-0.9)$se
                "conf_int_low": 0.215382572928499,  # source("tests/golden/functions.R"); bm_test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="two.sided", alpha=1-0.9)$conf.int[1]
                "conf_int_high": 0.840172982627057,  # source("tests/golden/functions.R"); bm_test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="two.sided", alpha=1-0.9)$conf.int[2]
                "one_sided_conf_int_low": 0.215382572928499,  # source("tests/golden/functions.R"); bm_test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="two.sided", alpha=1-0.9)$one.sided.conf.int[1]
                "one_sided_conf_int_high": 0.840172982627057,  # source("tests/golden/functions.R"); bm_test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="two.sided", alpha=1-0.9)$one.sided.conf.int[2]
            },
        },
        "less": {
            0.95: {
                "statistic": 0.165212848652281,  # source("tests/golden/functions.R"); bm_test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="less", alpha=1-0.95)$statistic
                "df": 8.05102817974105,  # source("tests/golden/functions.R"); bm_test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="less", alpha=1-0.95)$df
                "p_value": 0.436424768780956,  # source("tests/golden/functions.R"); bm_test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="less", alpha=1-0.95)$p.value
                "estimate": 0.527777777777778,  # source("tests/golden/functions.R"); bm_test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="less", alpha=1-0.95)$estimate
                "se": 0.168133277795124,  # source("tests/golden/functions.R"); bm_test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="less", alpha=1-0.95)$se
                "conf_int_low": 0.140489067850751,  # source("tests/golden/functions.R"); bm_test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="less", alpha=1-0.95)$conf.int[1]
                "conf_int_high": 0.915066487704805,  # source("tests/golden/functions.R"); bm_test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="less", alpha=1-0.95)$conf.int[2]
                "one_sided_conf_int_low": 0.215382572928499,  # source("tests/golden/functions.R"); bm_test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="less", alpha=1-0.95)$one.sided.conf.int[1]
                "one_sided_conf_int_high": float("inf"),  # source("tests/golden/functions.R"); bm_test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="less", alpha=1-0.95)$one.sided.conf.int[2]
            },
        },
        "greater": {
            0.95: {
                "statistic": 0.165212848652281,  # source("tests/golden/functions.R"); bm_test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="greater", alpha=1-0.95)$statistic
                "df": 8.05102817974105,  # source("tests/golden/functions.R"); bm_test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="greater", alpha=1-0.95)$df
                "p_value": 0.563575231219044,  # source("tests/golden/functions.R"); bm_test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="greater", alpha=1-0.95)$p.value
                "estimate": 0.527777777777778,  # source("tests/golden/functions.R"); bm_test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="greater", alpha=1-0.95)$estimate
                "se": 0.168133277795124,  # source("tests/golden/functions.R"); bm_test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="greater", alpha=1-0.95)$se
                "conf_int_low": 0.140489067850751,  # source("tests/golden/functions.R"); bm_test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="greater", alpha=1-0.95)$conf.int[1]
                "conf_int_high": 0.915066487704805,  # source("tests/golden/functions.R"); bm_test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="greater", alpha=1-0.95)$conf.int[2]
                "one_sided_conf_int_low": float("-inf"),  # source("tests/golden/functions.R"); bm_test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="greater", alpha=1-0.95)$one.sided.conf.int[1]
                "one_sided_conf_int_high": 0.840172982627057,  # source("tests/golden/functions.R"); bm_test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3), alternative="greater", alpha=1-0.95)$one.sided.conf.int[2]
            },
        },
    },
    "large": {
        "two.sided": {
            0.95: {
                "statistic": -0.323104192731285,  # source("tests/golden/functions.R"); bm_test((1:55)^1.1, (1:52)^1.1+0.3, alternative="two.sided", alpha=1-0.95)$statistic
                "df": 104.745610940765,  # source("tests/golden/functions.R"); bm_test((1:55)^1.1, (1:52)^1.1+0.3, alternative="two.sided", alpha=1-0.95)$df
                "p_value": 0.747260465831892,  # source("tests/golden/functions.R"); bm_test((1:55)^1.1, (1:52)^1.1+0.3, alternative="two.sided", alpha=1-0.95)$p.value
                "estimate": 0.481818181818182,  # source("tests/golden/functions.R"); bm_test((1:55)^1.1, (1:52)^1.1+0.3, alternative="two.sided", alpha=1-0.95)$estimate
                "se": 0.0562723065526401,  # source("tests/golden/functions.R"); bm_test((1:55)^1.1, (1:52)^1.1+0.3, alternative="two.sided", alpha=1-0.95)$se
                "conf_int_low": 0.370237434238916,  # source("tests/golden/functions.R"); bm_test((1:55)^1.1, (1:52)^1.1+0.3, alternative="two.sided", alpha=1-0.95)$conf.int[1]
                "conf_int_high": 0.593398929397448,  # source("tests/golden/functions.R"); bm_test((1:55)^1.1, (1:52)^1.1+0.3, alternative="two.sided", alpha=1-0.95)$conf.int[2]
                "one_sided_conf_int_low": 0.370237434238916,  # source("tests/golden/functions.R"); bm_test((1:55)^1.1, (1:52)^1.1+0.3, alternative="two.sided", alpha=1-0.95)$one.sided.conf.int[1]
                "one_sided_conf_int_high": 0.593398929397448,  # source("tests/golden/functions.R"); bm_test((1:55)^1.1, (1:52)^1.1+0.3, alternative="two.sided", alpha=1-0.95)$one.sided.conf.int[2]
            },
            0.9: {
                "statistic": -0.323104192731285,  # source("tests/golden/functions.R"); bm_test((1:55)^1.1, (1:52)^1.1+0.3, alternative="two.sided", alpha=1-0.9)$statistic
                "df": 104.745610940765,  # source("tests/golden/functions.R"); bm_test((1:55)^1.1, (1:52)^1.1+0.3, alternative="two.sided", alpha=1-0.9)$df
                "p_value": 0.747260465831892,  # source("tests/golden/functions.R"); bm_test((1:55)^1.1, (1:52)^1.1+0.3, alternative="two.sided", alpha=1-0.9)$p.value
                "estimate": 0.481818181818182,  # source("tests/golden/functions.R"); bm_test((1:55)^1.1, (1:52)^1.1+0.3, alternative="two.sided", alpha=1-0.9)$estimate
                "se": 0.0562723065526401,  # source("tests/golden/functions.R"); bm_test((1:55)^1.1, (1:52)^1.1+0.3, alternative="two.sided", alpha=1-0.9)$se
                "conf_int_low": 0.388432529982849,  # source("tests/golden/functions.R"); bm_test((1:55)^1.1, (1:52)^1.1+0.3, alternative="two.sided", alpha=1-0.9)$conf.int[1]
                "conf_int_high": 0.575203833653515,  # source("tests/golden/functions.R"); bm_test((1:55)^1.1, (1:52)^1.1+0.3, alternative="two.sided", alpha=1-0.9)$conf.int[2]
                "one_sided_conf_int_low": 0.388432529982849,  # source("tests/golden/functions.R"); bm_test((1:55)^1.1, (1:52)^1.1+0.3, alternative="two.sided", alpha=1-0.9)$one.sided.conf.int[1]
                "one_sided_conf_int_high": 0.575203833653515,  # source("tests/golden/functions.R"); bm_test((1:55)^1.1, (1:52)^1.1+0.3, alternative="two.sided", alpha=1-0.9)$one.sided.conf.int[2]
            },
        },
        "less": {
            0.95: {
                "statistic": -0.323104192731285,  # source("tests/golden/functions.R"); bm_test((1:55)^1.1, (1:52)^1.1+0.3, alternative="less", alpha=1-0.95)$statistic
                "df": 104.745610940765,  # source("tests/golden/functions.R"); bm_test((1:55)^1.1, (1:52)^1.1+0.3, alternative="less", alpha=1-0.95)$df
                "p_value": 0.626369767084054,  # source("tests/golden/functions.R"); bm_test((1:55)^1.1, (1:52)^1.1+0.3, alternative="less", alpha=1-0.95)$p.value
                "estimate": 0.481818181818182,  # source("tests/golden/functions.R"); bm_test((1:55)^1.1, (1:52)^1.1+0.3, alternative="less", alpha=1-0.95)$estimate
                "se": 0.0562723065526401,  # source("tests/golden/functions.R"); bm_test((1:55)^1.1, (1:52)^1.1+0.3, alternative="less", alpha=1-0.95)$se
                "conf_int_low": 0.370237434238916,  # source("tests/golden/functions.R"); bm_test((1:55)^1.1, (1:52)^1.1+0.3, alternative="less", alpha=1-0.95)$conf.int[1]
                "conf_int_high": 0.593398929397448,  # source("tests/golden/functions.R"); bm_test((1:55)^1.1, (1:52)^1.1+0.3, alternative="less", alpha=1-0.95)$conf.int[2]
                "one_sided_conf_int_low": 0.388432529982849,  # source("tests/golden/functions.R"); bm_test((1:55)^1.1, (1:52)^1.1+0.3, alternative="less", alpha=1-0.95)$one.sided.conf.int[1]
                "one_sided_conf_int_high": float("inf"),  # source("tests/golden/functions.R"); bm_test((1:55)^1.1, (1:52)^1.1+0.3, alternative="less", alpha=1-0.95)$one.sided.conf.int[2]
            },
        },
        "greater": {
            0.95: {
                "statistic": -0.323104192731285,  # source("tests/golden/functions.R"); bm_test((1:55)^1.1, (1:52)^1.1+0.3, alternative="greater", alpha=1-0.95)$statistic
                "df": 104.745610940765,  # source("tests/golden/functions.R"); bm_test((1:55)^1.1, (1:52)^1.1+0.3, alternative="greater", alpha=1-0.95)$df
                "p_value": 0.373630232915946,  # source("tests/golden/functions.R"); bm_test((1:55)^1.1, (1:52)^1.1+0.3, alternative="greater", alpha=1-0.95)$p.value
                "estimate": 0.481818181818182,  # source("tests/golden/functions.R"); bm_test((1:55)^1.1, (1:52)^1.1+0.3, alternative="greater", alpha=1-0.95)$estimate
                "se": 0.0562723065526401,  # source("tests/golden/functions.R"); bm_test((1:55)^1.1, (1:52)^1.1+0.3, alternative="greater", alpha=1-0.95)$se
                "conf_int_low": 0.370237434238916,  # source("tests/golden/functions.R"); bm_test((1:55)^1.1, (1:52)^1.1+0.3, alternative="greater", alpha=1-0.95)$conf.int[1]
                "conf_int_high": 0.593398929397448,  # source("tests/golden/functions.R"); bm_test((1:55)^1.1, (1:52)^1.1+0.3, alternative="greater", alpha=1-0.95)$conf.int[2]
                "one_sided_conf_int_low": float("-inf"),  # source("tests/golden/functions.R"); bm_test((1:55)^1.1, (1:52)^1.1+0.3, alternative="greater", alpha=1-0.95)$one.sided.conf.int[1]
                "one_sided_conf_int_high": 0.575203833653515,  # source("tests/golden/functions.R"); bm_test((1:55)^1.1, (1:52)^1.1+0.3, alternative="greater", alpha=1-0.95)$one.sided.conf.int[2]
            },
        },
    },
}

# PERM_MEDIAN[pair]: exact enumeration of all choose(N, n_a) splits, statistic median(a)-median(b);
# two-sided p = mean(|d| >= |d_obs| - 1e-12), less: mean(d <= d_obs + 1e-12), greater: mean(d >= d_obs - 1e-12)
PERM_MEDIAN = {
    "wo": {
        "d_obs": 1.0,  # source("tests/golden/functions.R"); perm_median(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455))$d_obs
        "n_splits": 74613.0,  # source("tests/golden/functions.R"); perm_median(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455))$n_splits
        "p_two_sided": 0.958425475453339,  # source("tests/golden/functions.R"); perm_median(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455))$p_two_sided
        "p_less": 0.566496455041347,  # source("tests/golden/functions.R"); perm_median(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455))$p_less
        "p_greater": 0.447013255062791,  # source("tests/golden/functions.R"); perm_median(c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586), c(212,268,322,352,401,455))$p_greater
    },
    "ties": {
        "d_obs": -0.5,  # source("tests/golden/functions.R"); perm_median(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10))$d_obs
        "n_splits": 1716.0,  # source("tests/golden/functions.R"); perm_median(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10))$n_splits
        "p_two_sided": 0.976689976689977,  # source("tests/golden/functions.R"); perm_median(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10))$p_two_sided
        "p_less": 0.593240093240093,  # source("tests/golden/functions.R"); perm_median(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10))$p_less
        "p_greater": 0.595571095571096,  # source("tests/golden/functions.R"); perm_median(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10))$p_greater
    },
    "unequal": {
        "d_obs": 0.45,  # source("tests/golden/functions.R"); perm_median(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3))$d_obs
        "n_splits": 455.0,  # source("tests/golden/functions.R"); perm_median(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3))$n_splits
        "p_two_sided": 0.892307692307692,  # source("tests/golden/functions.R"); perm_median(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3))$p_two_sided
        "p_less": 0.632967032967033,  # source("tests/golden/functions.R"); perm_median(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3))$p_less
        "p_greater": 0.446153846153846,  # source("tests/golden/functions.R"); perm_median(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3))$p_greater
    },
}

# Binary pairs: key 'e1/n1 vs e2/n2' (first group first); tab <- matrix(c(e1, n1-e1, e2, n2-e2), 2, byrow=TRUE)
BINARY_PAIRS = [
    {"key": "14/17 vs 4/6", "e1": 14, "n1": 17, "e2": 4, "n2": 6},
    {"key": "0/10 vs 5/10", "e1": 0, "n1": 10, "e2": 5, "n2": 10},
    {"key": "3/3 vs 0/5", "e1": 3, "n1": 3, "e2": 0, "n2": 5},
    {"key": "7/20 vs 2/25", "e1": 7, "n1": 20, "e2": 2, "n2": 25},
    {"key": "45/100 vs 30/100", "e1": 45, "n1": 100, "e2": 30, "n2": 100},
    {"key": "56/70 vs 48/80", "e1": 56, "n1": 70, "e2": 48, "n2": 80},
    {"key": "9/10 vs 3/10", "e1": 9, "n1": 10, "e2": 3, "n2": 10},
]

# FISHER[key][alternative][conf_level]: fisher.test(tab, alternative=, conf.level=)
# estimate = conditional MLE odds ratio (group1 odds / group2 odds); 'less' = OR < 1.
FISHER = {
    "14/17 vs 4/6": {
        "two.sided": {
            0.95: {
                "p_value": 0.575618889120033,  # fisher.test(matrix(c(14,3,4,2), 2, byrow=TRUE), alternative="two.sided", conf.level=0.95)$p.value
                "estimate": 2.23878680630476,  # unname(fisher.test(matrix(c(14,3,4,2), 2, byrow=TRUE), alternative="two.sided", conf.level=0.95)$estimate)
                "conf_int_low": 0.140913414260167,  # fisher.test(matrix(c(14,3,4,2), 2, byrow=TRUE), alternative="two.sided", conf.level=0.95)$conf.int[1]
                "conf_int_high": 28.3190252917343,  # fisher.test(matrix(c(14,3,4,2), 2, byrow=TRUE), alternative="two.sided", conf.level=0.95)$conf.int[2]
            },
            0.9: {
                "p_value": 0.575618889120033,  # fisher.test(matrix(c(14,3,4,2), 2, byrow=TRUE), alternative="two.sided", conf.level=0.9)$p.value
                "estimate": 2.23878680630476,  # unname(fisher.test(matrix(c(14,3,4,2), 2, byrow=TRUE), alternative="two.sided", conf.level=0.9)$estimate)
                "conf_int_low": 0.212009564263447,  # fisher.test(matrix(c(14,3,4,2), 2, byrow=TRUE), alternative="two.sided", conf.level=0.9)$conf.int[1]
                "conf_int_high": 20.1556517546655,  # fisher.test(matrix(c(14,3,4,2), 2, byrow=TRUE), alternative="two.sided", conf.level=0.9)$conf.int[2]
            },
        },
        "less": {
            0.95: {
                "p_value": 0.911408957175547,  # fisher.test(matrix(c(14,3,4,2), 2, byrow=TRUE), alternative="less", conf.level=0.95)$p.value
                "estimate": 2.23878680630476,  # unname(fisher.test(matrix(c(14,3,4,2), 2, byrow=TRUE), alternative="less", conf.level=0.95)$estimate)
                "conf_int_low": 0.0,  # fisher.test(matrix(c(14,3,4,2), 2, byrow=TRUE), alternative="less", conf.level=0.95)$conf.int[1]
                "conf_int_high": 20.1556517546654,  # fisher.test(matrix(c(14,3,4,2), 2, byrow=TRUE), alternative="less", conf.level=0.95)$conf.int[2]
            },
        },
        "greater": {
            0.95: {
                "p_value": 0.391720407738714,  # fisher.test(matrix(c(14,3,4,2), 2, byrow=TRUE), alternative="greater", conf.level=0.95)$p.value
                "estimate": 2.23878680630476,  # unname(fisher.test(matrix(c(14,3,4,2), 2, byrow=TRUE), alternative="greater", conf.level=0.95)$estimate)
                "conf_int_low": 0.212009564263447,  # fisher.test(matrix(c(14,3,4,2), 2, byrow=TRUE), alternative="greater", conf.level=0.95)$conf.int[1]
                "conf_int_high": float("inf"),  # fisher.test(matrix(c(14,3,4,2), 2, byrow=TRUE), alternative="greater", conf.level=0.95)$conf.int[2]
            },
        },
    },
    "0/10 vs 5/10": {
        "two.sided": {
            0.95: {
                "p_value": 0.0325077399380805,  # fisher.test(matrix(c(0,10,5,5), 2, byrow=TRUE), alternative="two.sided", conf.level=0.95)$p.value
                "estimate": 0.0,  # unname(fisher.test(matrix(c(0,10,5,5), 2, byrow=TRUE), alternative="two.sided", conf.level=0.95)$estimate)
                "conf_int_low": 0.0,  # fisher.test(matrix(c(0,10,5,5), 2, byrow=TRUE), alternative="two.sided", conf.level=0.95)$conf.int[1]
                "conf_int_high": 0.836542842502002,  # fisher.test(matrix(c(0,10,5,5), 2, byrow=TRUE), alternative="two.sided", conf.level=0.95)$conf.int[2]
            },
            0.9: {
                "p_value": 0.0325077399380805,  # fisher.test(matrix(c(0,10,5,5), 2, byrow=TRUE), alternative="two.sided", conf.level=0.9)$p.value
                "estimate": 0.0,  # unname(fisher.test(matrix(c(0,10,5,5), 2, byrow=TRUE), alternative="two.sided", conf.level=0.9)$estimate)
                "conf_int_low": 0.0,  # fisher.test(matrix(c(0,10,5,5), 2, byrow=TRUE), alternative="two.sided", conf.level=0.9)$conf.int[1]
                "conf_int_high": 0.607606903989193,  # fisher.test(matrix(c(0,10,5,5), 2, byrow=TRUE), alternative="two.sided", conf.level=0.9)$conf.int[2]
            },
        },
        "less": {
            0.95: {
                "p_value": 0.0162538699690403,  # fisher.test(matrix(c(0,10,5,5), 2, byrow=TRUE), alternative="less", conf.level=0.95)$p.value
                "estimate": 0.0,  # unname(fisher.test(matrix(c(0,10,5,5), 2, byrow=TRUE), alternative="less", conf.level=0.95)$estimate)
                "conf_int_low": 0.0,  # fisher.test(matrix(c(0,10,5,5), 2, byrow=TRUE), alternative="less", conf.level=0.95)$conf.int[1]
                "conf_int_high": 0.607606903989193,  # fisher.test(matrix(c(0,10,5,5), 2, byrow=TRUE), alternative="less", conf.level=0.95)$conf.int[2]
            },
        },
        "greater": {
            0.95: {
                "p_value": 1.0,  # fisher.test(matrix(c(0,10,5,5), 2, byrow=TRUE), alternative="greater", conf.level=0.95)$p.value
                "estimate": 0.0,  # unname(fisher.test(matrix(c(0,10,5,5), 2, byrow=TRUE), alternative="greater", conf.level=0.95)$estimate)
                "conf_int_low": 0.0,  # fisher.test(matrix(c(0,10,5,5), 2, byrow=TRUE), alternative="greater", conf.level=0.95)$conf.int[1]
                "conf_int_high": float("inf"),  # fisher.test(matrix(c(0,10,5,5), 2, byrow=TRUE), alternative="greater", conf.level=0.95)$conf.int[2]
            },
        },
    },
    "3/3 vs 0/5": {
        "two.sided": {
            0.95: {
                "p_value": 0.0178571428571428,  # fisher.test(matrix(c(3,0,0,5), 2, byrow=TRUE), alternative="two.sided", conf.level=0.95)$p.value
                "estimate": float("inf"),  # unname(fisher.test(matrix(c(3,0,0,5), 2, byrow=TRUE), alternative="two.sided", conf.level=0.95)$estimate)
                "conf_int_low": 1.20201311568583,  # fisher.test(matrix(c(3,0,0,5), 2, byrow=TRUE), alternative="two.sided", conf.level=0.95)$conf.int[1]
                "conf_int_high": float("inf"),  # fisher.test(matrix(c(3,0,0,5), 2, byrow=TRUE), alternative="two.sided", conf.level=0.95)$conf.int[2]
            },
            0.9: {
                "p_value": 0.0178571428571428,  # fisher.test(matrix(c(3,0,0,5), 2, byrow=TRUE), alternative="two.sided", conf.level=0.9)$p.value
                "estimate": float("inf"),  # unname(fisher.test(matrix(c(3,0,0,5), 2, byrow=TRUE), alternative="two.sided", conf.level=0.9)$estimate)
                "conf_int_low": 1.81752239423011,  # fisher.test(matrix(c(3,0,0,5), 2, byrow=TRUE), alternative="two.sided", conf.level=0.9)$conf.int[1]
                "conf_int_high": float("inf"),  # fisher.test(matrix(c(3,0,0,5), 2, byrow=TRUE), alternative="two.sided", conf.level=0.9)$conf.int[2]
            },
        },
        "less": {
            0.95: {
                "p_value": 1.0,  # fisher.test(matrix(c(3,0,0,5), 2, byrow=TRUE), alternative="less", conf.level=0.95)$p.value
                "estimate": float("inf"),  # unname(fisher.test(matrix(c(3,0,0,5), 2, byrow=TRUE), alternative="less", conf.level=0.95)$estimate)
                "conf_int_low": 0.0,  # fisher.test(matrix(c(3,0,0,5), 2, byrow=TRUE), alternative="less", conf.level=0.95)$conf.int[1]
                "conf_int_high": float("inf"),  # fisher.test(matrix(c(3,0,0,5), 2, byrow=TRUE), alternative="less", conf.level=0.95)$conf.int[2]
            },
        },
        "greater": {
            0.95: {
                "p_value": 0.0178571428571429,  # fisher.test(matrix(c(3,0,0,5), 2, byrow=TRUE), alternative="greater", conf.level=0.95)$p.value
                "estimate": float("inf"),  # unname(fisher.test(matrix(c(3,0,0,5), 2, byrow=TRUE), alternative="greater", conf.level=0.95)$estimate)
                "conf_int_low": 1.81752239423011,  # fisher.test(matrix(c(3,0,0,5), 2, byrow=TRUE), alternative="greater", conf.level=0.95)$conf.int[1]
                "conf_int_high": float("inf"),  # fisher.test(matrix(c(3,0,0,5), 2, byrow=TRUE), alternative="greater", conf.level=0.95)$conf.int[2]
            },
        },
    },
    "7/20 vs 2/25": {
        "two.sided": {
            0.95: {
                "p_value": 0.0567025223860164,  # fisher.test(matrix(c(7,13,2,23), 2, byrow=TRUE), alternative="two.sided", conf.level=0.95)$p.value
                "estimate": 5.93745539490864,  # unname(fisher.test(matrix(c(7,13,2,23), 2, byrow=TRUE), alternative="two.sided", conf.level=0.95)$estimate)
                "conf_int_low": 0.944401446824943,  # fisher.test(matrix(c(7,13,2,23), 2, byrow=TRUE), alternative="two.sided", conf.level=0.95)$conf.int[1]
                "conf_int_high": 66.9162639188204,  # fisher.test(matrix(c(7,13,2,23), 2, byrow=TRUE), alternative="two.sided", conf.level=0.95)$conf.int[2]
            },
            0.9: {
                "p_value": 0.0567025223860164,  # fisher.test(matrix(c(7,13,2,23), 2, byrow=TRUE), alternative="two.sided", conf.level=0.9)$p.value
                "estimate": 5.93745539490864,  # unname(fisher.test(matrix(c(7,13,2,23), 2, byrow=TRUE), alternative="two.sided", conf.level=0.9)$estimate)
                "conf_int_low": 1.18675685810947,  # fisher.test(matrix(c(7,13,2,23), 2, byrow=TRUE), alternative="two.sided", conf.level=0.9)$conf.int[1]
                "conf_int_high": 45.0125920954992,  # fisher.test(matrix(c(7,13,2,23), 2, byrow=TRUE), alternative="two.sided", conf.level=0.9)$conf.int[2]
            },
        },
        "less": {
            0.95: {
                "p_value": 0.99625665989818,  # fisher.test(matrix(c(7,13,2,23), 2, byrow=TRUE), alternative="less", conf.level=0.95)$p.value
                "estimate": 5.93745539490864,  # unname(fisher.test(matrix(c(7,13,2,23), 2, byrow=TRUE), alternative="less", conf.level=0.95)$estimate)
                "conf_int_low": 0.0,  # fisher.test(matrix(c(7,13,2,23), 2, byrow=TRUE), alternative="less", conf.level=0.95)$conf.int[1]
                "conf_int_high": 45.0125920954992,  # fisher.test(matrix(c(7,13,2,23), 2, byrow=TRUE), alternative="less", conf.level=0.95)$conf.int[2]
            },
        },
        "greater": {
            0.95: {
                "p_value": 0.0299868150123397,  # fisher.test(matrix(c(7,13,2,23), 2, byrow=TRUE), alternative="greater", conf.level=0.95)$p.value
                "estimate": 5.93745539490864,  # unname(fisher.test(matrix(c(7,13,2,23), 2, byrow=TRUE), alternative="greater", conf.level=0.95)$estimate)
                "conf_int_low": 1.18675685810947,  # fisher.test(matrix(c(7,13,2,23), 2, byrow=TRUE), alternative="greater", conf.level=0.95)$conf.int[1]
                "conf_int_high": float("inf"),  # fisher.test(matrix(c(7,13,2,23), 2, byrow=TRUE), alternative="greater", conf.level=0.95)$conf.int[2]
            },
        },
    },
    "45/100 vs 30/100": {
        "two.sided": {
            0.95: {
                "p_value": 0.0405340065149827,  # fisher.test(matrix(c(45,55,30,70), 2, byrow=TRUE), alternative="two.sided", conf.level=0.95)$p.value
                "estimate": 1.90286545886744,  # unname(fisher.test(matrix(c(45,55,30,70), 2, byrow=TRUE), alternative="two.sided", conf.level=0.95)$estimate)
                "conf_int_low": 1.02602068926546,  # fisher.test(matrix(c(45,55,30,70), 2, byrow=TRUE), alternative="two.sided", conf.level=0.95)$conf.int[1]
                "conf_int_high": 3.56593584070671,  # fisher.test(matrix(c(45,55,30,70), 2, byrow=TRUE), alternative="two.sided", conf.level=0.95)$conf.int[2]
            },
            0.9: {
                "p_value": 0.0405340065149827,  # fisher.test(matrix(c(45,55,30,70), 2, byrow=TRUE), alternative="two.sided", conf.level=0.9)$p.value
                "estimate": 1.90286545886744,  # unname(fisher.test(matrix(c(45,55,30,70), 2, byrow=TRUE), alternative="two.sided", conf.level=0.9)$estimate)
                "conf_int_low": 1.12454758792768,  # fisher.test(matrix(c(45,55,30,70), 2, byrow=TRUE), alternative="two.sided", conf.level=0.9)$conf.int[1]
                "conf_int_high": 3.24209118732822,  # fisher.test(matrix(c(45,55,30,70), 2, byrow=TRUE), alternative="two.sided", conf.level=0.9)$conf.int[2]
            },
        },
        "less": {
            0.95: {
                "p_value": 0.990422279575705,  # fisher.test(matrix(c(45,55,30,70), 2, byrow=TRUE), alternative="less", conf.level=0.95)$p.value
                "estimate": 1.90286545886744,  # unname(fisher.test(matrix(c(45,55,30,70), 2, byrow=TRUE), alternative="less", conf.level=0.95)$estimate)
                "conf_int_low": 0.0,  # fisher.test(matrix(c(45,55,30,70), 2, byrow=TRUE), alternative="less", conf.level=0.95)$conf.int[1]
                "conf_int_high": 3.24209118732822,  # fisher.test(matrix(c(45,55,30,70), 2, byrow=TRUE), alternative="less", conf.level=0.95)$conf.int[2]
            },
        },
        "greater": {
            0.95: {
                "p_value": 0.0202670032574913,  # fisher.test(matrix(c(45,55,30,70), 2, byrow=TRUE), alternative="greater", conf.level=0.95)$p.value
                "estimate": 1.90286545886744,  # unname(fisher.test(matrix(c(45,55,30,70), 2, byrow=TRUE), alternative="greater", conf.level=0.95)$estimate)
                "conf_int_low": 1.12454758792768,  # fisher.test(matrix(c(45,55,30,70), 2, byrow=TRUE), alternative="greater", conf.level=0.95)$conf.int[1]
                "conf_int_high": float("inf"),  # fisher.test(matrix(c(45,55,30,70), 2, byrow=TRUE), alternative="greater", conf.level=0.95)$conf.int[2]
            },
        },
    },
    "56/70 vs 48/80": {
        "two.sided": {
            0.95: {
                "p_value": 0.0125211297492092,  # fisher.test(matrix(c(56,14,48,32), 2, byrow=TRUE), alternative="two.sided", conf.level=0.95)$p.value
                "estimate": 2.64919027064139,  # unname(fisher.test(matrix(c(56,14,48,32), 2, byrow=TRUE), alternative="two.sided", conf.level=0.95)$estimate)
                "conf_int_low": 1.20911815005875,  # fisher.test(matrix(c(56,14,48,32), 2, byrow=TRUE), alternative="two.sided", conf.level=0.95)$conf.int[1]
                "conf_int_high": 6.04056145383803,  # fisher.test(matrix(c(56,14,48,32), 2, byrow=TRUE), alternative="two.sided", conf.level=0.95)$conf.int[2]
            },
            0.9: {
                "p_value": 0.0125211297492092,  # fisher.test(matrix(c(56,14,48,32), 2, byrow=TRUE), alternative="two.sided", conf.level=0.9)$p.value
                "estimate": 2.64919027064139,  # unname(fisher.test(matrix(c(56,14,48,32), 2, byrow=TRUE), alternative="two.sided", conf.level=0.9)$estimate)
                "conf_int_low": 1.35329778202325,  # fisher.test(matrix(c(56,14,48,32), 2, byrow=TRUE), alternative="two.sided", conf.level=0.9)$conf.int[1]
                "conf_int_high": 5.32605353823586,  # fisher.test(matrix(c(56,14,48,32), 2, byrow=TRUE), alternative="two.sided", conf.level=0.9)$conf.int[2]
            },
        },
        "less": {
            0.95: {
                "p_value": 0.997875268450446,  # fisher.test(matrix(c(56,14,48,32), 2, byrow=TRUE), alternative="less", conf.level=0.95)$p.value
                "estimate": 2.64919027064139,  # unname(fisher.test(matrix(c(56,14,48,32), 2, byrow=TRUE), alternative="less", conf.level=0.95)$estimate)
                "conf_int_low": 0.0,  # fisher.test(matrix(c(56,14,48,32), 2, byrow=TRUE), alternative="less", conf.level=0.95)$conf.int[1]
                "conf_int_high": 5.32605353823586,  # fisher.test(matrix(c(56,14,48,32), 2, byrow=TRUE), alternative="less", conf.level=0.95)$conf.int[2]
            },
        },
        "greater": {
            0.95: {
                "p_value": 0.00632471112989836,  # fisher.test(matrix(c(56,14,48,32), 2, byrow=TRUE), alternative="greater", conf.level=0.95)$p.value
                "estimate": 2.64919027064139,  # unname(fisher.test(matrix(c(56,14,48,32), 2, byrow=TRUE), alternative="greater", conf.level=0.95)$estimate)
                "conf_int_low": 1.35329778202325,  # fisher.test(matrix(c(56,14,48,32), 2, byrow=TRUE), alternative="greater", conf.level=0.95)$conf.int[1]
                "conf_int_high": float("inf"),  # fisher.test(matrix(c(56,14,48,32), 2, byrow=TRUE), alternative="greater", conf.level=0.95)$conf.int[2]
            },
        },
    },
    "9/10 vs 3/10": {
        "two.sided": {
            0.95: {
                "p_value": 0.0197666110978804,  # fisher.test(matrix(c(9,1,3,7), 2, byrow=TRUE), alternative="two.sided", conf.level=0.95)$p.value
                "estimate": 17.2758680539422,  # unname(fisher.test(matrix(c(9,1,3,7), 2, byrow=TRUE), alternative="two.sided", conf.level=0.95)$estimate)
                "conf_int_low": 1.3871270224585,  # fisher.test(matrix(c(9,1,3,7), 2, byrow=TRUE), alternative="two.sided", conf.level=0.95)$conf.int[1]
                "conf_int_high": 1039.29096760222,  # fisher.test(matrix(c(9,1,3,7), 2, byrow=TRUE), alternative="two.sided", conf.level=0.95)$conf.int[2]
            },
            0.9: {
                "p_value": 0.0197666110978804,  # fisher.test(matrix(c(9,1,3,7), 2, byrow=TRUE), alternative="two.sided", conf.level=0.9)$p.value
                "estimate": 17.2758680539422,  # unname(fisher.test(matrix(c(9,1,3,7), 2, byrow=TRUE), alternative="two.sided", conf.level=0.9)$estimate)
                "conf_int_low": 1.83656337547729,  # fisher.test(matrix(c(9,1,3,7), 2, byrow=TRUE), alternative="two.sided", conf.level=0.9)$conf.int[1]
                "conf_int_high": 514.493661059092,  # fisher.test(matrix(c(9,1,3,7), 2, byrow=TRUE), alternative="two.sided", conf.level=0.9)$conf.int[2]
            },
        },
        "less": {
            0.95: {
                "p_value": 0.999642772088593,  # fisher.test(matrix(c(9,1,3,7), 2, byrow=TRUE), alternative="less", conf.level=0.95)$p.value
                "estimate": 17.2758680539422,  # unname(fisher.test(matrix(c(9,1,3,7), 2, byrow=TRUE), alternative="less", conf.level=0.95)$estimate)
                "conf_int_low": 0.0,  # fisher.test(matrix(c(9,1,3,7), 2, byrow=TRUE), alternative="less", conf.level=0.95)$conf.int[1]
                "conf_int_high": 514.493661059091,  # fisher.test(matrix(c(9,1,3,7), 2, byrow=TRUE), alternative="less", conf.level=0.95)$conf.int[2]
            },
        },
        "greater": {
            0.95: {
                "p_value": 0.00988330554894021,  # fisher.test(matrix(c(9,1,3,7), 2, byrow=TRUE), alternative="greater", conf.level=0.95)$p.value
                "estimate": 17.2758680539422,  # unname(fisher.test(matrix(c(9,1,3,7), 2, byrow=TRUE), alternative="greater", conf.level=0.95)$estimate)
                "conf_int_low": 1.83656337547729,  # fisher.test(matrix(c(9,1,3,7), 2, byrow=TRUE), alternative="greater", conf.level=0.95)$conf.int[1]
                "conf_int_high": float("inf"),  # fisher.test(matrix(c(9,1,3,7), 2, byrow=TRUE), alternative="greater", conf.level=0.95)$conf.int[2]
            },
        },
    },
}

# CHISQ_YATES[key]: chisq.test(tab) (correct=TRUE default for 2x2)
CHISQ_YATES = {
    "14/17 vs 4/6": {
        "statistic": 0.0507352941176471,  # unname(suppressWarnings(chisq.test(matrix(c(14,3,4,2), 2, byrow=TRUE)))$statistic)
        "df": 1.0,  # unname(suppressWarnings(chisq.test(matrix(c(14,3,4,2), 2, byrow=TRUE)))$parameter)
        "p_value": 0.821788711300062,  # suppressWarnings(chisq.test(matrix(c(14,3,4,2), 2, byrow=TRUE)))$p.value
    },
    "0/10 vs 5/10": {
        "statistic": 4.26666666666667,  # unname(suppressWarnings(chisq.test(matrix(c(0,10,5,5), 2, byrow=TRUE)))$statistic)
        "df": 1.0,  # unname(suppressWarnings(chisq.test(matrix(c(0,10,5,5), 2, byrow=TRUE)))$parameter)
        "p_value": 0.0388671038124172,  # suppressWarnings(chisq.test(matrix(c(0,10,5,5), 2, byrow=TRUE)))$p.value
    },
    "3/3 vs 0/5": {
        "statistic": 4.30222222222222,  # unname(suppressWarnings(chisq.test(matrix(c(3,0,0,5), 2, byrow=TRUE)))$statistic)
        "df": 1.0,  # unname(suppressWarnings(chisq.test(matrix(c(3,0,0,5), 2, byrow=TRUE)))$parameter)
        "p_value": 0.0380626070324449,  # suppressWarnings(chisq.test(matrix(c(3,0,0,5), 2, byrow=TRUE)))$p.value
    },
    "7/20 vs 2/25": {
        "statistic": 3.515625,  # unname(suppressWarnings(chisq.test(matrix(c(7,13,2,23), 2, byrow=TRUE)))$statistic)
        "df": 1.0,  # unname(suppressWarnings(chisq.test(matrix(c(7,13,2,23), 2, byrow=TRUE)))$parameter)
        "p_value": 0.0607927235305226,  # suppressWarnings(chisq.test(matrix(c(7,13,2,23), 2, byrow=TRUE)))$p.value
    },
    "45/100 vs 30/100": {
        "statistic": 4.18133333333333,  # unname(suppressWarnings(chisq.test(matrix(c(45,55,30,70), 2, byrow=TRUE)))$statistic)
        "df": 1.0,  # unname(suppressWarnings(chisq.test(matrix(c(45,55,30,70), 2, byrow=TRUE)))$parameter)
        "p_value": 0.0408715340890062,  # suppressWarnings(chisq.test(matrix(c(45,55,30,70), 2, byrow=TRUE)))$p.value
    },
    "56/70 vs 48/80": {
        "statistic": 6.11427041029622,  # unname(suppressWarnings(chisq.test(matrix(c(56,14,48,32), 2, byrow=TRUE)))$statistic)
        "df": 1.0,  # unname(suppressWarnings(chisq.test(matrix(c(56,14,48,32), 2, byrow=TRUE)))$parameter)
        "p_value": 0.013409475178669,  # suppressWarnings(chisq.test(matrix(c(56,14,48,32), 2, byrow=TRUE)))$p.value
    },
    "9/10 vs 3/10": {
        "statistic": 5.20833333333333,  # unname(suppressWarnings(chisq.test(matrix(c(9,1,3,7), 2, byrow=TRUE)))$statistic)
        "df": 1.0,  # unname(suppressWarnings(chisq.test(matrix(c(9,1,3,7), 2, byrow=TRUE)))$parameter)
        "p_value": 0.0224788733661252,  # suppressWarnings(chisq.test(matrix(c(9,1,3,7), 2, byrow=TRUE)))$p.value
    },
}

# NEWCOMBE_HYBRID[key]: p1-p2 with Newcombe (1998) method 10 (Wilson, no CC), conf 0.95.
# Own R implementation newcombe_hybrid() (functions.R); cross-checked with Epi::ci.pd(..., method='Nc').
# NOT truncated to [-1, 1] (method 10 never leaves [-1,1] anyway).
NEWCOMBE_HYBRID = {
    "14/17 vs 4/6": {
        "estimate": 0.156862745098039,  # source("tests/golden/functions.R"); unname(newcombe_hybrid(14, 17, 4, 6, conf=0.95)["estimate"])
        "conf_int_low": -0.175755962783699,  # source("tests/golden/functions.R"); unname(newcombe_hybrid(14, 17, 4, 6, conf=0.95)["lower"])
        "conf_int_high": 0.541015299359742,  # source("tests/golden/functions.R"); unname(newcombe_hybrid(14, 17, 4, 6, conf=0.95)["upper"])
    },
    "0/10 vs 5/10": {
        "estimate": -0.5,  # source("tests/golden/functions.R"); unname(newcombe_hybrid(0, 10, 5, 10, conf=0.95)["estimate"])
        "conf_int_low": -0.763406909487436,  # source("tests/golden/functions.R"); unname(newcombe_hybrid(0, 10, 5, 10, conf=0.95)["lower"])
        "conf_int_high": -0.117367467450222,  # source("tests/golden/functions.R"); unname(newcombe_hybrid(0, 10, 5, 10, conf=0.95)["upper"])
    },
    "3/3 vs 0/5": {
        "estimate": 1.0,  # source("tests/golden/functions.R"); unname(newcombe_hybrid(3, 3, 0, 5, conf=0.95)["estimate"])
        "conf_int_low": 0.29003244519641,  # source("tests/golden/functions.R"); unname(newcombe_hybrid(3, 3, 0, 5, conf=0.95)["lower"])
        "conf_int_high": 1.0,  # source("tests/golden/functions.R"); unname(newcombe_hybrid(3, 3, 0, 5, conf=0.95)["upper"])
    },
    "7/20 vs 2/25": {
        "estimate": 0.27,  # source("tests/golden/functions.R"); unname(newcombe_hybrid(7, 20, 2, 25, conf=0.95)["estimate"])
        "conf_int_low": 0.0306653273301413,  # source("tests/golden/functions.R"); unname(newcombe_hybrid(7, 20, 2, 25, conf=0.95)["lower"])
        "conf_int_high": 0.494701462348548,  # source("tests/golden/functions.R"); unname(newcombe_hybrid(7, 20, 2, 25, conf=0.95)["upper"])
    },
    "45/100 vs 30/100": {
        "estimate": 0.15,  # source("tests/golden/functions.R"); unname(newcombe_hybrid(45, 100, 30, 100, conf=0.95)["estimate"])
        "conf_int_low": 0.0158521950681227,  # source("tests/golden/functions.R"); unname(newcombe_hybrid(45, 100, 30, 100, conf=0.95)["lower"])
        "conf_int_high": 0.276830853919625,  # source("tests/golden/functions.R"); unname(newcombe_hybrid(45, 100, 30, 100, conf=0.95)["upper"])
    },
    "56/70 vs 48/80": {
        "estimate": 0.2,  # source("tests/golden/functions.R"); unname(newcombe_hybrid(56, 70, 48, 80, conf=0.95)["estimate"])
        "conf_int_low": 0.052431472402365,  # source("tests/golden/functions.R"); unname(newcombe_hybrid(56, 70, 48, 80, conf=0.95)["lower"])
        "conf_int_high": 0.333872654036906,  # source("tests/golden/functions.R"); unname(newcombe_hybrid(56, 70, 48, 80, conf=0.95)["upper"])
    },
    "9/10 vs 3/10": {
        "estimate": 0.6,  # source("tests/golden/functions.R"); unname(newcombe_hybrid(9, 10, 3, 10, conf=0.95)["estimate"])
        "conf_int_low": 0.170522723934503,  # source("tests/golden/functions.R"); unname(newcombe_hybrid(9, 10, 3, 10, conf=0.95)["lower"])
        "conf_int_high": 0.809017973535488,  # source("tests/golden/functions.R"); unname(newcombe_hybrid(9, 10, 3, 10, conf=0.95)["upper"])
    },
}

# Newcombe (1998) Table II examples (a)-(h), method 10, 95%. 'published_*' = 4-dp values as
# reproduced by secondary sources (paper not accessible here); computed values agree when rounded.
NEWCOMBE_TABLE_II = {
    "56/70 vs 48/80": {
        "estimate": 0.2,  # source("tests/golden/functions.R"); unname(newcombe_hybrid(56, 70, 48, 80, conf=0.95)["estimate"])
        "conf_int_low": 0.052431472402365,  # source("tests/golden/functions.R"); unname(newcombe_hybrid(56, 70, 48, 80, conf=0.95)["lower"])
        "conf_int_high": 0.333872654036906,  # source("tests/golden/functions.R"); unname(newcombe_hybrid(56, 70, 48, 80, conf=0.95)["upper"])
    },
    "9/10 vs 3/10": {
        "estimate": 0.6,  # source("tests/golden/functions.R"); unname(newcombe_hybrid(9, 10, 3, 10, conf=0.95)["estimate"])
        "conf_int_low": 0.170522723934503,  # source("tests/golden/functions.R"); unname(newcombe_hybrid(9, 10, 3, 10, conf=0.95)["lower"])
        "conf_int_high": 0.809017973535488,  # source("tests/golden/functions.R"); unname(newcombe_hybrid(9, 10, 3, 10, conf=0.95)["upper"])
    },
    "6/7 vs 2/7": {
        "estimate": 0.571428571428571,  # source("tests/golden/functions.R"); unname(newcombe_hybrid(6, 7, 2, 7, conf=0.95)["estimate"])
        "conf_int_low": 0.0582279274823124,  # source("tests/golden/functions.R"); unname(newcombe_hybrid(6, 7, 2, 7, conf=0.95)["lower"])
        "conf_int_high": 0.806249637524228,  # source("tests/golden/functions.R"); unname(newcombe_hybrid(6, 7, 2, 7, conf=0.95)["upper"])
    },
    "5/56 vs 0/29": {
        "estimate": 0.0892857142857143,  # source("tests/golden/functions.R"); unname(newcombe_hybrid(5, 56, 0, 29, conf=0.95)["estimate"])
        "conf_int_low": -0.0381371479035369,  # source("tests/golden/functions.R"); unname(newcombe_hybrid(5, 56, 0, 29, conf=0.95)["lower"])
        "conf_int_high": 0.192560013855112,  # source("tests/golden/functions.R"); unname(newcombe_hybrid(5, 56, 0, 29, conf=0.95)["upper"])
    },
    "0/10 vs 0/20": {
        "estimate": 0.0,  # source("tests/golden/functions.R"); unname(newcombe_hybrid(0, 10, 0, 20, conf=0.95)["estimate"])
        "conf_int_low": -0.161125158052819,  # source("tests/golden/functions.R"); unname(newcombe_hybrid(0, 10, 0, 20, conf=0.95)["lower"])
        "conf_int_high": 0.277532799862889,  # source("tests/golden/functions.R"); unname(newcombe_hybrid(0, 10, 0, 20, conf=0.95)["upper"])
    },
    "0/10 vs 0/10": {
        "estimate": 0.0,  # source("tests/golden/functions.R"); unname(newcombe_hybrid(0, 10, 0, 10, conf=0.95)["estimate"])
        "conf_int_low": -0.277532799862889,  # source("tests/golden/functions.R"); unname(newcombe_hybrid(0, 10, 0, 10, conf=0.95)["lower"])
        "conf_int_high": 0.277532799862889,  # source("tests/golden/functions.R"); unname(newcombe_hybrid(0, 10, 0, 10, conf=0.95)["upper"])
    },
    "10/10 vs 0/20": {
        "estimate": 1.0,  # source("tests/golden/functions.R"); unname(newcombe_hybrid(10, 10, 0, 20, conf=0.95)["estimate"])
        "conf_int_low": 0.679086037141915,  # source("tests/golden/functions.R"); unname(newcombe_hybrid(10, 10, 0, 20, conf=0.95)["lower"])
        "conf_int_high": 1.0,  # source("tests/golden/functions.R"); unname(newcombe_hybrid(10, 10, 0, 20, conf=0.95)["upper"])
    },
    "10/10 vs 0/10": {
        "estimate": 1.0,  # source("tests/golden/functions.R"); unname(newcombe_hybrid(10, 10, 0, 10, conf=0.95)["estimate"])
        "conf_int_low": 0.607509350430524,  # source("tests/golden/functions.R"); unname(newcombe_hybrid(10, 10, 0, 10, conf=0.95)["lower"])
        "conf_int_high": 1.0,  # source("tests/golden/functions.R"); unname(newcombe_hybrid(10, 10, 0, 10, conf=0.95)["upper"])
    },
}

NEWCOMBE_TABLE_II_PUBLISHED = {
    "56/70 vs 48/80": [0.0524, 0.3339],  # published 4-dp (low, high); round(computed,4) agrees
    "9/10 vs 3/10": [0.1705, 0.809],  # published 4-dp (low, high); round(computed,4) agrees
    "6/7 vs 2/7": [0.0582, 0.8062],  # published 4-dp (low, high); round(computed,4) agrees
    "5/56 vs 0/29": [-0.0381, 0.1926],  # published 4-dp (low, high); round(computed,4) agrees
    "0/10 vs 0/20": [-0.1611, 0.2775],  # published 4-dp (low, high); round(computed,4) agrees
    "0/10 vs 0/10": [-0.2775, 0.2775],  # published 4-dp (low, high); round(computed,4) agrees
    "10/10 vs 0/20": [0.6791, 1.0],  # published 4-dp (low, high); round(computed,4) agrees
    "10/10 vs 0/10": [0.6075, 1.0],  # published 4-dp (low, high); round(computed,4) agrees
}

# Unconditional exact tests, own R implementation (functions.R; R package Exact not installable).
# 'less' = H1: p1 < p2 (first group's proportion smaller); 'greater' = H1: p1 > p2.
# Ties in the ordering statistic are treated as ties (relative tolerance 1e-10), i.e. tables
# with mathematically equal statistic are in the rejection region. Nuisance parameter
# maximised over [0,1] (20001-point grid + optimize, tol 1e-12).
# BARNARD_POOLED_R: statistic = pooled z (p1-p2)/sqrt(p(1-p)(1/n1+1/n2)); two-sided orders by |z|.
# BOSCHLOO_R: statistic = one-sided Fisher p; two-sided = min(1, 2*min(p_less, p_greater)) (scipy's definition).
# BOSCHLOO_FISHER2_R: two-sided only, ordering by fisher.test's two-sided p (R package Exact's definition).
BARNARD_POOLED_R = {
    "14/17 vs 4/6": {
        "two.sided": {
            "statistic": 0.800870985560085,  # source("tests/golden/functions.R"); barnard_pooled(14, 17, 4, 6, alternative="two.sided")$statistic
            "p_value": 0.577792927211996,  # source("tests/golden/functions.R"); barnard_pooled(14, 17, 4, 6, alternative="two.sided")$p.value
        },
        "less": {
            "statistic": 0.800870985560085,  # source("tests/golden/functions.R"); barnard_pooled(14, 17, 4, 6, alternative="less")$statistic
            "p_value": 1.0,  # source("tests/golden/functions.R"); barnard_pooled(14, 17, 4, 6, alternative="less")$p.value
        },
        "greater": {
            "statistic": 0.800870985560085,  # source("tests/golden/functions.R"); barnard_pooled(14, 17, 4, 6, alternative="greater")$statistic
            "p_value": 0.296646769556901,  # source("tests/golden/functions.R"); barnard_pooled(14, 17, 4, 6, alternative="greater")$p.value
        },
    },
    "0/10 vs 5/10": {
        "two.sided": {
            "statistic": -2.58198889747161,  # source("tests/golden/functions.R"); barnard_pooled(0, 10, 5, 10, alternative="two.sided")$statistic
            "p_value": 0.0127792358398438,  # source("tests/golden/functions.R"); barnard_pooled(0, 10, 5, 10, alternative="two.sided")$p.value
        },
        "less": {
            "statistic": -2.58198889747161,  # source("tests/golden/functions.R"); barnard_pooled(0, 10, 5, 10, alternative="less")$statistic
            "p_value": 0.00638961791992188,  # source("tests/golden/functions.R"); barnard_pooled(0, 10, 5, 10, alternative="less")$p.value
        },
        "greater": {
            "statistic": -2.58198889747161,  # source("tests/golden/functions.R"); barnard_pooled(0, 10, 5, 10, alternative="greater")$statistic
            "p_value": 1.0,  # source("tests/golden/functions.R"); barnard_pooled(0, 10, 5, 10, alternative="greater")$p.value
        },
    },
    "3/3 vs 0/5": {
        "two.sided": {
            "statistic": 2.82842712474619,  # source("tests/golden/functions.R"); barnard_pooled(3, 3, 0, 5, alternative="two.sided")$statistic
            "p_value": 0.0078125,  # source("tests/golden/functions.R"); barnard_pooled(3, 3, 0, 5, alternative="two.sided")$p.value
        },
        "less": {
            "statistic": 2.82842712474619,  # source("tests/golden/functions.R"); barnard_pooled(3, 3, 0, 5, alternative="less")$statistic
            "p_value": 1.0,  # source("tests/golden/functions.R"); barnard_pooled(3, 3, 0, 5, alternative="less")$p.value
        },
        "greater": {
            "statistic": 2.82842712474619,  # source("tests/golden/functions.R"); barnard_pooled(3, 3, 0, 5, alternative="greater")$statistic
            "p_value": 0.00502914190292359,  # source("tests/golden/functions.R"); barnard_pooled(3, 3, 0, 5, alternative="greater")$p.value
        },
    },
    "7/20 vs 2/25": {
        "two.sided": {
            "statistic": 2.25,  # source("tests/golden/functions.R"); barnard_pooled(7, 20, 2, 25, alternative="two.sided")$statistic
            "p_value": 0.0284526578718066,  # source("tests/golden/functions.R"); barnard_pooled(7, 20, 2, 25, alternative="two.sided")$p.value
        },
        "less": {
            "statistic": 2.25,  # source("tests/golden/functions.R"); barnard_pooled(7, 20, 2, 25, alternative="less")$statistic
            "p_value": 1.0,  # source("tests/golden/functions.R"); barnard_pooled(7, 20, 2, 25, alternative="less")$p.value
        },
        "greater": {
            "statistic": 2.25,  # source("tests/golden/functions.R"); barnard_pooled(7, 20, 2, 25, alternative="greater")$statistic
            "p_value": 0.0152627522974574,  # source("tests/golden/functions.R"); barnard_pooled(7, 20, 2, 25, alternative="greater")$p.value
        },
    },
    "45/100 vs 30/100": {
        "two.sided": {
            "statistic": 2.19089023002066,  # source("tests/golden/functions.R"); barnard_pooled(45, 100, 30, 100, alternative="two.sided")$statistic
            "p_value": 0.0295440565359895,  # source("tests/golden/functions.R"); barnard_pooled(45, 100, 30, 100, alternative="two.sided")$p.value
        },
        "less": {
            "statistic": 2.19089023002066,  # source("tests/golden/functions.R"); barnard_pooled(45, 100, 30, 100, alternative="less")$statistic
            "p_value": 1.0,  # source("tests/golden/functions.R"); barnard_pooled(45, 100, 30, 100, alternative="less")$p.value
        },
        "greater": {
            "statistic": 2.19089023002066,  # source("tests/golden/functions.R"); barnard_pooled(45, 100, 30, 100, alternative="greater")$statistic
            "p_value": 0.0147720282679948,  # source("tests/golden/functions.R"); barnard_pooled(45, 100, 30, 100, alternative="greater")$p.value
        },
    },
    "56/70 vs 48/80": {
        "two.sided": {
            "statistic": 2.65017195125853,  # source("tests/golden/functions.R"); barnard_pooled(56, 70, 48, 80, alternative="two.sided")$statistic
            "p_value": 0.0088651920169715,  # source("tests/golden/functions.R"); barnard_pooled(56, 70, 48, 80, alternative="two.sided")$p.value
        },
        "less": {
            "statistic": 2.65017195125853,  # source("tests/golden/functions.R"); barnard_pooled(56, 70, 48, 80, alternative="less")$statistic
            "p_value": 1.0,  # source("tests/golden/functions.R"); barnard_pooled(56, 70, 48, 80, alternative="less")$p.value
        },
        "greater": {
            "statistic": 2.65017195125853,  # source("tests/golden/functions.R"); barnard_pooled(56, 70, 48, 80, alternative="greater")$statistic
            "p_value": 0.00496341682956462,  # source("tests/golden/functions.R"); barnard_pooled(56, 70, 48, 80, alternative="greater")$p.value
        },
    },
    "9/10 vs 3/10": {
        "two.sided": {
            "statistic": 2.73861278752583,  # source("tests/golden/functions.R"); barnard_pooled(9, 10, 3, 10, alternative="two.sided")$statistic
            "p_value": 0.00795555114746094,  # source("tests/golden/functions.R"); barnard_pooled(9, 10, 3, 10, alternative="two.sided")$p.value
        },
        "less": {
            "statistic": 2.73861278752583,  # source("tests/golden/functions.R"); barnard_pooled(9, 10, 3, 10, alternative="less")$statistic
            "p_value": 1.0,  # source("tests/golden/functions.R"); barnard_pooled(9, 10, 3, 10, alternative="less")$p.value
        },
        "greater": {
            "statistic": 2.73861278752583,  # source("tests/golden/functions.R"); barnard_pooled(9, 10, 3, 10, alternative="greater")$statistic
            "p_value": 0.00397777557373047,  # source("tests/golden/functions.R"); barnard_pooled(9, 10, 3, 10, alternative="greater")$p.value
        },
    },
}

BOSCHLOO_R = {
    "14/17 vs 4/6": {
        "two.sided": {
            "statistic": 0.391720407738714,  # source("tests/golden/functions.R"); boschloo(14, 17, 4, 6, alternative="two.sided")$statistic
            "p_value": 0.496814740207409,  # source("tests/golden/functions.R"); boschloo(14, 17, 4, 6, alternative="two.sided")$p.value
        },
        "less": {
            "statistic": 0.911408957175548,  # source("tests/golden/functions.R"); boschloo(14, 17, 4, 6, alternative="less")$statistic
            "p_value": 0.800960279645164,  # source("tests/golden/functions.R"); boschloo(14, 17, 4, 6, alternative="less")$p.value
        },
        "greater": {
            "statistic": 0.391720407738714,  # source("tests/golden/functions.R"); boschloo(14, 17, 4, 6, alternative="greater")$statistic
            "p_value": 0.248407370103704,  # source("tests/golden/functions.R"); boschloo(14, 17, 4, 6, alternative="greater")$p.value
        },
    },
    "0/10 vs 5/10": {
        "two.sided": {
            "statistic": 0.0162538699690403,  # source("tests/golden/functions.R"); boschloo(0, 10, 5, 10, alternative="two.sided")$statistic
            "p_value": 0.0127792358398438,  # source("tests/golden/functions.R"); boschloo(0, 10, 5, 10, alternative="two.sided")$p.value
        },
        "less": {
            "statistic": 0.0162538699690403,  # source("tests/golden/functions.R"); boschloo(0, 10, 5, 10, alternative="less")$statistic
            "p_value": 0.00638961791992188,  # source("tests/golden/functions.R"); boschloo(0, 10, 5, 10, alternative="less")$p.value
        },
        "greater": {
            "statistic": 1.0,  # source("tests/golden/functions.R"); boschloo(0, 10, 5, 10, alternative="greater")$statistic
            "p_value": 1.0,  # source("tests/golden/functions.R"); boschloo(0, 10, 5, 10, alternative="greater")$p.value
        },
    },
    "3/3 vs 0/5": {
        "two.sided": {
            "statistic": 0.0178571428571429,  # source("tests/golden/functions.R"); boschloo(3, 3, 0, 5, alternative="two.sided")$statistic
            "p_value": 0.0100582838058472,  # source("tests/golden/functions.R"); boschloo(3, 3, 0, 5, alternative="two.sided")$p.value
        },
        "less": {
            "statistic": 1.0,  # source("tests/golden/functions.R"); boschloo(3, 3, 0, 5, alternative="less")$statistic
            "p_value": 1.0,  # source("tests/golden/functions.R"); boschloo(3, 3, 0, 5, alternative="less")$p.value
        },
        "greater": {
            "statistic": 0.0178571428571429,  # source("tests/golden/functions.R"); boschloo(3, 3, 0, 5, alternative="greater")$statistic
            "p_value": 0.00502914190292359,  # source("tests/golden/functions.R"); boschloo(3, 3, 0, 5, alternative="greater")$p.value
        },
    },
    "7/20 vs 2/25": {
        "two.sided": {
            "statistic": 0.0299868150123397,  # source("tests/golden/functions.R"); boschloo(7, 20, 2, 25, alternative="two.sided")$statistic
            "p_value": 0.0321447402210846,  # source("tests/golden/functions.R"); boschloo(7, 20, 2, 25, alternative="two.sided")$p.value
        },
        "less": {
            "statistic": 0.99625665989818,  # source("tests/golden/functions.R"); boschloo(7, 20, 2, 25, alternative="less")$statistic
            "p_value": 0.989553808032352,  # source("tests/golden/functions.R"); boschloo(7, 20, 2, 25, alternative="less")$p.value
        },
        "greater": {
            "statistic": 0.0299868150123397,  # source("tests/golden/functions.R"); boschloo(7, 20, 2, 25, alternative="greater")$statistic
            "p_value": 0.0160723701105423,  # source("tests/golden/functions.R"); boschloo(7, 20, 2, 25, alternative="greater")$p.value
        },
    },
    "45/100 vs 30/100": {
        "two.sided": {
            "statistic": 0.0202670032574913,  # source("tests/golden/functions.R"); boschloo(45, 100, 30, 100, alternative="two.sided")$statistic
            "p_value": 0.0295432124753568,  # source("tests/golden/functions.R"); boschloo(45, 100, 30, 100, alternative="two.sided")$p.value
        },
        "less": {
            "statistic": 0.990422279575705,  # source("tests/golden/functions.R"); boschloo(45, 100, 30, 100, alternative="less")$statistic
            "p_value": 0.986567267137958,  # source("tests/golden/functions.R"); boschloo(45, 100, 30, 100, alternative="less")$p.value
        },
        "greater": {
            "statistic": 0.0202670032574913,  # source("tests/golden/functions.R"); boschloo(45, 100, 30, 100, alternative="greater")$statistic
            "p_value": 0.0147716062376784,  # source("tests/golden/functions.R"); boschloo(45, 100, 30, 100, alternative="greater")$p.value
        },
    },
    "56/70 vs 48/80": {
        "two.sided": {
            "statistic": 0.00632471112989837,  # source("tests/golden/functions.R"); boschloo(56, 70, 48, 80, alternative="two.sided")$statistic
            "p_value": 0.00884446124089636,  # source("tests/golden/functions.R"); boschloo(56, 70, 48, 80, alternative="two.sided")$p.value
        },
        "less": {
            "statistic": 0.997875268450446,  # source("tests/golden/functions.R"); boschloo(56, 70, 48, 80, alternative="less")$statistic
            "p_value": 0.996716464292931,  # source("tests/golden/functions.R"); boschloo(56, 70, 48, 80, alternative="less")$p.value
        },
        "greater": {
            "statistic": 0.00632471112989837,  # source("tests/golden/functions.R"); boschloo(56, 70, 48, 80, alternative="greater")$statistic
            "p_value": 0.00442223062044818,  # source("tests/golden/functions.R"); boschloo(56, 70, 48, 80, alternative="greater")$p.value
        },
    },
    "9/10 vs 3/10": {
        "two.sided": {
            "statistic": 0.00988330554894022,  # source("tests/golden/functions.R"); boschloo(9, 10, 3, 10, alternative="two.sided")$statistic
            "p_value": 0.00795555114746094,  # source("tests/golden/functions.R"); boschloo(9, 10, 3, 10, alternative="two.sided")$p.value
        },
        "less": {
            "statistic": 0.999642772088593,  # source("tests/golden/functions.R"); boschloo(9, 10, 3, 10, alternative="less")$statistic
            "p_value": 0.99709415435791,  # source("tests/golden/functions.R"); boschloo(9, 10, 3, 10, alternative="less")$p.value
        },
        "greater": {
            "statistic": 0.00988330554894022,  # source("tests/golden/functions.R"); boschloo(9, 10, 3, 10, alternative="greater")$statistic
            "p_value": 0.00397777557373047,  # source("tests/golden/functions.R"); boschloo(9, 10, 3, 10, alternative="greater")$p.value
        },
    },
}

BOSCHLOO_FISHER2_R = {
    "14/17 vs 4/6": {
        "statistic": 0.575618889120033,  # source("tests/golden/functions.R"); boschloo_fisher2(14, 17, 4, 6)$statistic
        "p_value": 0.465169032223718,  # source("tests/golden/functions.R"); boschloo_fisher2(14, 17, 4, 6)$p.value
    },
    "0/10 vs 5/10": {
        "statistic": 0.0325077399380805,  # source("tests/golden/functions.R"); boschloo_fisher2(0, 10, 5, 10)$statistic
        "p_value": 0.0127792358398438,  # source("tests/golden/functions.R"); boschloo_fisher2(0, 10, 5, 10)$p.value
    },
    "3/3 vs 0/5": {
        "statistic": 0.0178571428571429,  # source("tests/golden/functions.R"); boschloo_fisher2(3, 3, 0, 5)$statistic
        "p_value": 0.0078125,  # source("tests/golden/functions.R"); boschloo_fisher2(3, 3, 0, 5)$p.value
    },
    "7/20 vs 2/25": {
        "statistic": 0.0567025223860164,  # source("tests/golden/functions.R"); boschloo_fisher2(7, 20, 2, 25)$statistic
        "p_value": 0.0417413909518649,  # source("tests/golden/functions.R"); boschloo_fisher2(7, 20, 2, 25)$p.value
    },
    "45/100 vs 30/100": {
        "statistic": 0.0405340065149827,  # source("tests/golden/functions.R"); boschloo_fisher2(45, 100, 30, 100)$statistic
        "p_value": 0.0295432124753568,  # source("tests/golden/functions.R"); boschloo_fisher2(45, 100, 30, 100)$p.value
    },
    "56/70 vs 48/80": {
        "statistic": 0.0125211297492092,  # source("tests/golden/functions.R"); boschloo_fisher2(56, 70, 48, 80)$statistic
        "p_value": 0.0099179809459716,  # source("tests/golden/functions.R"); boschloo_fisher2(56, 70, 48, 80)$p.value
    },
    "9/10 vs 3/10": {
        "statistic": 0.0197666110978804,  # source("tests/golden/functions.R"); boschloo_fisher2(9, 10, 3, 10)$statistic
        "p_value": 0.00795555114746094,  # source("tests/golden/functions.R"); boschloo_fisher2(9, 10, 3, 10)$p.value
    },
}

# P_ADJUST[method] = list; R p.adjust. NA entries -> None. With NA, R's default n is the
# number of NON-NA p-values (here 3); the '_n4' variants pass n=4 explicitly.
P_ADJUST = {
    "holm": [
        1.0,  # p.adjust(c(0.641, 0.13, 0.58, 1, 1, 0.01, 0.04), method="holm")[1]
        0.65,  # p.adjust(c(0.641, 0.13, 0.58, 1, 1, 0.01, 0.04), method="holm")[2]
        1.0,  # p.adjust(c(0.641, 0.13, 0.58, 1, 1, 0.01, 0.04), method="holm")[3]
        1.0,  # p.adjust(c(0.641, 0.13, 0.58, 1, 1, 0.01, 0.04), method="holm")[4]
        1.0,  # p.adjust(c(0.641, 0.13, 0.58, 1, 1, 0.01, 0.04), method="holm")[5]
        0.07,  # p.adjust(c(0.641, 0.13, 0.58, 1, 1, 0.01, 0.04), method="holm")[6]
        0.24,  # p.adjust(c(0.641, 0.13, 0.58, 1, 1, 0.01, 0.04), method="holm")[7]
    ],
    "bonferroni": [
        1.0,  # p.adjust(c(0.641, 0.13, 0.58, 1, 1, 0.01, 0.04), method="bonferroni")[1]
        0.91,  # p.adjust(c(0.641, 0.13, 0.58, 1, 1, 0.01, 0.04), method="bonferroni")[2]
        1.0,  # p.adjust(c(0.641, 0.13, 0.58, 1, 1, 0.01, 0.04), method="bonferroni")[3]
        1.0,  # p.adjust(c(0.641, 0.13, 0.58, 1, 1, 0.01, 0.04), method="bonferroni")[4]
        1.0,  # p.adjust(c(0.641, 0.13, 0.58, 1, 1, 0.01, 0.04), method="bonferroni")[5]
        0.07,  # p.adjust(c(0.641, 0.13, 0.58, 1, 1, 0.01, 0.04), method="bonferroni")[6]
        0.28,  # p.adjust(c(0.641, 0.13, 0.58, 1, 1, 0.01, 0.04), method="bonferroni")[7]
    ],
    "BH": [
        0.8974,  # p.adjust(c(0.641, 0.13, 0.58, 1, 1, 0.01, 0.04), method="BH")[1]
        0.303333333333333,  # p.adjust(c(0.641, 0.13, 0.58, 1, 1, 0.01, 0.04), method="BH")[2]
        0.8974,  # p.adjust(c(0.641, 0.13, 0.58, 1, 1, 0.01, 0.04), method="BH")[3]
        1.0,  # p.adjust(c(0.641, 0.13, 0.58, 1, 1, 0.01, 0.04), method="BH")[4]
        1.0,  # p.adjust(c(0.641, 0.13, 0.58, 1, 1, 0.01, 0.04), method="BH")[5]
        0.07,  # p.adjust(c(0.641, 0.13, 0.58, 1, 1, 0.01, 0.04), method="BH")[6]
        0.14,  # p.adjust(c(0.641, 0.13, 0.58, 1, 1, 0.01, 0.04), method="BH")[7]
    ],
}
P_ADJUST_WITH_NA = {
    "holm": [
        0.06,  # p.adjust(c(0.02, NA, 0.04, 0.5), method="holm")[1]
        None,  # p.adjust(c(0.02, NA, 0.04, 0.5), method="holm")[2] [R returned NA]
        0.08,  # p.adjust(c(0.02, NA, 0.04, 0.5), method="holm")[3]
        0.5,  # p.adjust(c(0.02, NA, 0.04, 0.5), method="holm")[4]
    ],
    "holm_n4": [
        0.08,  # p.adjust(c(0.02, NA, 0.04, 0.5), method="holm", n=4)[1]
        None,  # p.adjust(c(0.02, NA, 0.04, 0.5), method="holm", n=4)[2] [R returned NA]
        0.12,  # p.adjust(c(0.02, NA, 0.04, 0.5), method="holm", n=4)[3]
        1.0,  # p.adjust(c(0.02, NA, 0.04, 0.5), method="holm", n=4)[4]
    ],
    "bonferroni": [
        0.06,  # p.adjust(c(0.02, NA, 0.04, 0.5), method="bonferroni")[1]
        None,  # p.adjust(c(0.02, NA, 0.04, 0.5), method="bonferroni")[2] [R returned NA]
        0.12,  # p.adjust(c(0.02, NA, 0.04, 0.5), method="bonferroni")[3]
        1.0,  # p.adjust(c(0.02, NA, 0.04, 0.5), method="bonferroni")[4]
    ],
    "bonferroni_n4": [
        0.08,  # p.adjust(c(0.02, NA, 0.04, 0.5), method="bonferroni", n=4)[1]
        None,  # p.adjust(c(0.02, NA, 0.04, 0.5), method="bonferroni", n=4)[2] [R returned NA]
        0.16,  # p.adjust(c(0.02, NA, 0.04, 0.5), method="bonferroni", n=4)[3]
        1.0,  # p.adjust(c(0.02, NA, 0.04, 0.5), method="bonferroni", n=4)[4]
    ],
    "BH": [
        0.06,  # p.adjust(c(0.02, NA, 0.04, 0.5), method="BH")[1]
        None,  # p.adjust(c(0.02, NA, 0.04, 0.5), method="BH")[2] [R returned NA]
        0.06,  # p.adjust(c(0.02, NA, 0.04, 0.5), method="BH")[3]
        0.5,  # p.adjust(c(0.02, NA, 0.04, 0.5), method="BH")[4]
    ],
    "BH_n4": [
        0.08,  # p.adjust(c(0.02, NA, 0.04, 0.5), method="BH", n=4)[1]
        None,  # p.adjust(c(0.02, NA, 0.04, 0.5), method="BH", n=4)[2] [R returned NA]
        0.08,  # p.adjust(c(0.02, NA, 0.04, 0.5), method="BH", n=4)[3]
        0.666666666666667,  # p.adjust(c(0.02, NA, 0.04, 0.5), method="BH", n=4)[4]
    ],
}

# SCIPY_BRUNNER_MUNZEL[pair][alternative] (scipy 1.17.1): stats.brunnermunzel(a, b, alternative=...)
# scipy's statistic has the same sign as R bm_test/lawstat (positive when b tends larger);
# scipy 'less' == lawstat 'less' (a stochastically smaller than b). scipy gives no estimate/CI/df.
SCIPY_BRUNNER_MUNZEL = {
    "wo": {
        "two.sided": {
            "statistic": -0.580917864020631,  # stats.brunnermunzel([167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586], [212,268,322,352,401,455], alternative="two-sided").statistic
            "p_value": 0.568155800047734,  # stats.brunnermunzel([167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586], [212,268,322,352,401,455], alternative="two-sided").pvalue
        },
        "less": {
            "statistic": -0.580917864020631,  # stats.brunnermunzel([167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586], [212,268,322,352,401,455], alternative="less").statistic
            "p_value": 0.715922099976133,  # stats.brunnermunzel([167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586], [212,268,322,352,401,455], alternative="less").pvalue
        },
        "greater": {
            "statistic": -0.580917864020631,  # stats.brunnermunzel([167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586], [212,268,322,352,401,455], alternative="greater").statistic
            "p_value": 0.284077900023867,  # stats.brunnermunzel([167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586], [212,268,322,352,401,455], alternative="greater").pvalue
        },
    },
    "ties": {
        "two.sided": {
            "statistic": 0.857580509893939,  # stats.brunnermunzel([1,2,2,3,5,8,8], [2,3,3,4,9,10], alternative="two-sided").statistic
            "p_value": 0.409682291833466,  # stats.brunnermunzel([1,2,2,3,5,8,8], [2,3,3,4,9,10], alternative="two-sided").pvalue
        },
        "less": {
            "statistic": 0.857580509893939,  # stats.brunnermunzel([1,2,2,3,5,8,8], [2,3,3,4,9,10], alternative="less").statistic
            "p_value": 0.204841145916733,  # stats.brunnermunzel([1,2,2,3,5,8,8], [2,3,3,4,9,10], alternative="less").pvalue
        },
        "greater": {
            "statistic": 0.857580509893939,  # stats.brunnermunzel([1,2,2,3,5,8,8], [2,3,3,4,9,10], alternative="greater").statistic
            "p_value": 0.795158854083267,  # stats.brunnermunzel([1,2,2,3,5,8,8], [2,3,3,4,9,10], alternative="greater").pvalue
        },
    },
    "unequal": {
        "two.sided": {
            "statistic": 0.165212848652281,  # stats.brunnermunzel([3.1,4.7,5.2], [1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3], alternative="two-sided").statistic
            "p_value": 0.872849537561913,  # stats.brunnermunzel([3.1,4.7,5.2], [1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3], alternative="two-sided").pvalue
        },
        "less": {
            "statistic": 0.165212848652281,  # stats.brunnermunzel([3.1,4.7,5.2], [1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3], alternative="less").statistic
            "p_value": 0.436424768780956,  # stats.brunnermunzel([3.1,4.7,5.2], [1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3], alternative="less").pvalue
        },
        "greater": {
            "statistic": 0.165212848652281,  # stats.brunnermunzel([3.1,4.7,5.2], [1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3], alternative="greater").statistic
            "p_value": 0.563575231219044,  # stats.brunnermunzel([3.1,4.7,5.2], [1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3], alternative="greater").pvalue
        },
    },
    "large": {
        "two.sided": {
            "statistic": -0.323104192731285,  # stats.brunnermunzel(np.arange(1,56)**1.1, np.arange(1,53)**1.1+0.3, alternative="two-sided").statistic
            "p_value": 0.747260465831891,  # stats.brunnermunzel(np.arange(1,56)**1.1, np.arange(1,53)**1.1+0.3, alternative="two-sided").pvalue
        },
        "less": {
            "statistic": -0.323104192731285,  # stats.brunnermunzel(np.arange(1,56)**1.1, np.arange(1,53)**1.1+0.3, alternative="less").statistic
            "p_value": 0.626369767084054,  # stats.brunnermunzel(np.arange(1,56)**1.1, np.arange(1,53)**1.1+0.3, alternative="less").pvalue
        },
        "greater": {
            "statistic": -0.323104192731285,  # stats.brunnermunzel(np.arange(1,56)**1.1, np.arange(1,53)**1.1+0.3, alternative="greater").statistic
            "p_value": 0.373630232915946,  # stats.brunnermunzel(np.arange(1,56)**1.1, np.arange(1,53)**1.1+0.3, alternative="greater").pvalue
        },
    },
}

# SCIPY_BARNARD_POOLED / SCIPY_BOSCHLOO[key][alternative] (scipy 1.17.1).
# scipy table = [[e1, e2], [n1-e1, n2-e2]] (COLUMNS are the groups); 'less' = H1 p1 < p2.
# scipy compares statistics with exact float comparison (Barnard) and a 1e-13 relative
# tolerance (Boschloo); see report for cases where float ties make scipy differ from R.
SCIPY_BARNARD_POOLED = {
    "14/17 vs 4/6": {
        "two.sided": {
            "statistic": 0.800870985560085,  # stats.barnard_exact([[14, 4], [3, 2]], alternative="two-sided", pooled=True).statistic
            "p_value": 0.577792927210984,  # stats.barnard_exact([[14, 4], [3, 2]], alternative="two-sided", pooled=True).pvalue
        },
        "less": {
            "statistic": 0.800870985560085,  # stats.barnard_exact([[14, 4], [3, 2]], alternative="less", pooled=True).statistic
            "p_value": 1.0,  # stats.barnard_exact([[14, 4], [3, 2]], alternative="less", pooled=True).pvalue
        },
        "greater": {
            "statistic": 0.800870985560085,  # stats.barnard_exact([[14, 4], [3, 2]], alternative="greater", pooled=True).statistic
            "p_value": 0.296646769556901,  # stats.barnard_exact([[14, 4], [3, 2]], alternative="greater", pooled=True).pvalue
        },
    },
    "0/10 vs 5/10": {
        "two.sided": {
            "statistic": -2.58198889747161,  # stats.barnard_exact([[0, 5], [10, 5]], alternative="two-sided", pooled=True).statistic
            "p_value": 0.0127792358398438,  # stats.barnard_exact([[0, 5], [10, 5]], alternative="two-sided", pooled=True).pvalue
        },
        "less": {
            "statistic": -2.58198889747161,  # stats.barnard_exact([[0, 5], [10, 5]], alternative="less", pooled=True).statistic
            "p_value": 0.00638961791992188,  # stats.barnard_exact([[0, 5], [10, 5]], alternative="less", pooled=True).pvalue
        },
        "greater": {
            "statistic": -2.58198889747161,  # stats.barnard_exact([[0, 5], [10, 5]], alternative="greater", pooled=True).statistic
            "p_value": 1.0,  # stats.barnard_exact([[0, 5], [10, 5]], alternative="greater", pooled=True).pvalue
        },
    },
    "3/3 vs 0/5": {
        "two.sided": {
            "statistic": 2.82842712474619,  # stats.barnard_exact([[3, 0], [0, 5]], alternative="two-sided", pooled=True).statistic
            "p_value": 0.0078125,  # stats.barnard_exact([[3, 0], [0, 5]], alternative="two-sided", pooled=True).pvalue
        },
        "less": {
            "statistic": 2.82842712474619,  # stats.barnard_exact([[3, 0], [0, 5]], alternative="less", pooled=True).statistic
            "p_value": 1.0,  # stats.barnard_exact([[3, 0], [0, 5]], alternative="less", pooled=True).pvalue
        },
        "greater": {
            "statistic": 2.82842712474619,  # stats.barnard_exact([[3, 0], [0, 5]], alternative="greater", pooled=True).statistic
            "p_value": 0.00502914190292358,  # stats.barnard_exact([[3, 0], [0, 5]], alternative="greater", pooled=True).pvalue
        },
    },
    "7/20 vs 2/25": {
        "two.sided": {
            "statistic": 2.25,  # stats.barnard_exact([[7, 2], [13, 23]], alternative="two-sided", pooled=True).statistic
            "p_value": 0.0284526578718064,  # stats.barnard_exact([[7, 2], [13, 23]], alternative="two-sided", pooled=True).pvalue
        },
        "less": {
            "statistic": 2.25,  # stats.barnard_exact([[7, 2], [13, 23]], alternative="less", pooled=True).statistic
            "p_value": 1.0,  # stats.barnard_exact([[7, 2], [13, 23]], alternative="less", pooled=True).pvalue
        },
        "greater": {
            "statistic": 2.25,  # stats.barnard_exact([[7, 2], [13, 23]], alternative="greater", pooled=True).statistic
            "p_value": 0.0152627522974573,  # stats.barnard_exact([[7, 2], [13, 23]], alternative="greater", pooled=True).pvalue
        },
    },
    "45/100 vs 30/100": {
        "two.sided": {
            "statistic": 2.19089023002066,  # stats.barnard_exact([[45, 30], [55, 70]], alternative="two-sided", pooled=True).statistic
            "p_value": 0.0295440565359876,  # stats.barnard_exact([[45, 30], [55, 70]], alternative="two-sided", pooled=True).pvalue
        },
        "less": {
            "statistic": 2.19089023002066,  # stats.barnard_exact([[45, 30], [55, 70]], alternative="less", pooled=True).statistic
            "p_value": 1.0,  # stats.barnard_exact([[45, 30], [55, 70]], alternative="less", pooled=True).pvalue
        },
        "greater": {
            "statistic": 2.19089023002066,  # stats.barnard_exact([[45, 30], [55, 70]], alternative="greater", pooled=True).statistic
            "p_value": 0.0147720282679942,  # stats.barnard_exact([[45, 30], [55, 70]], alternative="greater", pooled=True).pvalue
        },
    },
    "56/70 vs 48/80": {
        "two.sided": {
            "statistic": 2.65017195125853,  # stats.barnard_exact([[56, 48], [14, 32]], alternative="two-sided", pooled=True).statistic
            "p_value": 0.0088651920169716,  # stats.barnard_exact([[56, 48], [14, 32]], alternative="two-sided", pooled=True).pvalue
        },
        "less": {
            "statistic": 2.65017195125853,  # stats.barnard_exact([[56, 48], [14, 32]], alternative="less", pooled=True).statistic
            "p_value": 1.0,  # stats.barnard_exact([[56, 48], [14, 32]], alternative="less", pooled=True).pvalue
        },
        "greater": {
            "statistic": 2.65017195125853,  # stats.barnard_exact([[56, 48], [14, 32]], alternative="greater", pooled=True).statistic
            "p_value": 0.00496341682956469,  # stats.barnard_exact([[56, 48], [14, 32]], alternative="greater", pooled=True).pvalue
        },
    },
    "9/10 vs 3/10": {
        "two.sided": {
            "statistic": 2.73861278752583,  # stats.barnard_exact([[9, 3], [1, 7]], alternative="two-sided", pooled=True).statistic
            "p_value": 0.00693072216934793,  # stats.barnard_exact([[9, 3], [1, 7]], alternative="two-sided", pooled=True).pvalue
        },
        "less": {
            "statistic": 2.73861278752583,  # stats.barnard_exact([[9, 3], [1, 7]], alternative="less", pooled=True).statistic
            "p_value": 1.0,  # stats.barnard_exact([[9, 3], [1, 7]], alternative="less", pooled=True).pvalue
        },
        "greater": {
            "statistic": 2.73861278752583,  # stats.barnard_exact([[9, 3], [1, 7]], alternative="greater", pooled=True).statistic
            "p_value": 0.00346536108467397,  # stats.barnard_exact([[9, 3], [1, 7]], alternative="greater", pooled=True).pvalue
        },
    },
}

SCIPY_BOSCHLOO = {
    "14/17 vs 4/6": {
        "two.sided": {
            "statistic": 0.391720407738714,  # stats.boschloo_exact([[14, 4], [3, 2]], alternative="two-sided").statistic
            "p_value": 0.496814740207256,  # stats.boschloo_exact([[14, 4], [3, 2]], alternative="two-sided").pvalue
        },
        "less": {
            "statistic": 0.911408957175548,  # stats.boschloo_exact([[14, 4], [3, 2]], alternative="less").statistic
            "p_value": 0.800960279645165,  # stats.boschloo_exact([[14, 4], [3, 2]], alternative="less").pvalue
        },
        "greater": {
            "statistic": 0.391720407738714,  # stats.boschloo_exact([[14, 4], [3, 2]], alternative="greater").statistic
            "p_value": 0.248407370103628,  # stats.boschloo_exact([[14, 4], [3, 2]], alternative="greater").pvalue
        },
    },
    "0/10 vs 5/10": {
        "two.sided": {
            "statistic": 0.0162538699690402,  # stats.boschloo_exact([[0, 5], [10, 5]], alternative="two-sided").statistic
            "p_value": 0.0127792358398438,  # stats.boschloo_exact([[0, 5], [10, 5]], alternative="two-sided").pvalue
        },
        "less": {
            "statistic": 0.0162538699690402,  # stats.boschloo_exact([[0, 5], [10, 5]], alternative="less").statistic
            "p_value": 0.00638961791992188,  # stats.boschloo_exact([[0, 5], [10, 5]], alternative="less").pvalue
        },
        "greater": {
            "statistic": 1.0,  # stats.boschloo_exact([[0, 5], [10, 5]], alternative="greater").statistic
            "p_value": 1.0,  # stats.boschloo_exact([[0, 5], [10, 5]], alternative="greater").pvalue
        },
    },
    "3/3 vs 0/5": {
        "two.sided": {
            "statistic": 0.0178571428571429,  # stats.boschloo_exact([[3, 0], [0, 5]], alternative="two-sided").statistic
            "p_value": 0.0100582838058472,  # stats.boschloo_exact([[3, 0], [0, 5]], alternative="two-sided").pvalue
        },
        "less": {
            "statistic": 1.0,  # stats.boschloo_exact([[3, 0], [0, 5]], alternative="less").statistic
            "p_value": 1.0,  # stats.boschloo_exact([[3, 0], [0, 5]], alternative="less").pvalue
        },
        "greater": {
            "statistic": 0.0178571428571429,  # stats.boschloo_exact([[3, 0], [0, 5]], alternative="greater").statistic
            "p_value": 0.00502914190292358,  # stats.boschloo_exact([[3, 0], [0, 5]], alternative="greater").pvalue
        },
    },
    "7/20 vs 2/25": {
        "two.sided": {
            "statistic": 0.0299868150123397,  # stats.boschloo_exact([[7, 2], [13, 23]], alternative="two-sided").statistic
            "p_value": 0.0321447402210779,  # stats.boschloo_exact([[7, 2], [13, 23]], alternative="two-sided").pvalue
        },
        "less": {
            "statistic": 0.99625665989818,  # stats.boschloo_exact([[7, 2], [13, 23]], alternative="less").statistic
            "p_value": 0.989553808032221,  # stats.boschloo_exact([[7, 2], [13, 23]], alternative="less").pvalue
        },
        "greater": {
            "statistic": 0.0299868150123397,  # stats.boschloo_exact([[7, 2], [13, 23]], alternative="greater").statistic
            "p_value": 0.016072370110539,  # stats.boschloo_exact([[7, 2], [13, 23]], alternative="greater").pvalue
        },
    },
    "45/100 vs 30/100": {
        "two.sided": {
            "statistic": 0.0202670032574913,  # stats.boschloo_exact([[45, 30], [55, 70]], alternative="two-sided").statistic
            "p_value": 0.0295432124753556,  # stats.boschloo_exact([[45, 30], [55, 70]], alternative="two-sided").pvalue
        },
        "less": {
            "statistic": 0.990422279575705,  # stats.boschloo_exact([[45, 30], [55, 70]], alternative="less").statistic
            "p_value": 0.986567267137802,  # stats.boschloo_exact([[45, 30], [55, 70]], alternative="less").pvalue
        },
        "greater": {
            "statistic": 0.0202670032574913,  # stats.boschloo_exact([[45, 30], [55, 70]], alternative="greater").statistic
            "p_value": 0.0147716062376778,  # stats.boschloo_exact([[45, 30], [55, 70]], alternative="greater").pvalue
        },
    },
    "56/70 vs 48/80": {
        "two.sided": {
            "statistic": 0.00632471112989837,  # stats.boschloo_exact([[56, 48], [14, 32]], alternative="two-sided").statistic
            "p_value": 0.00884446124089649,  # stats.boschloo_exact([[56, 48], [14, 32]], alternative="two-sided").pvalue
        },
        "less": {
            "statistic": 0.997875268450446,  # stats.boschloo_exact([[56, 48], [14, 32]], alternative="less").statistic
            "p_value": 0.996716464292943,  # stats.boschloo_exact([[56, 48], [14, 32]], alternative="less").pvalue
        },
        "greater": {
            "statistic": 0.00632471112989837,  # stats.boschloo_exact([[56, 48], [14, 32]], alternative="greater").statistic
            "p_value": 0.00442223062044824,  # stats.boschloo_exact([[56, 48], [14, 32]], alternative="greater").pvalue
        },
    },
    "9/10 vs 3/10": {
        "two.sided": {
            "statistic": 0.00988330554894022,  # stats.boschloo_exact([[9, 3], [1, 7]], alternative="two-sided").statistic
            "p_value": 0.00795555114746095,  # stats.boschloo_exact([[9, 3], [1, 7]], alternative="two-sided").pvalue
        },
        "less": {
            "statistic": 0.999642772088593,  # stats.boschloo_exact([[9, 3], [1, 7]], alternative="less").statistic
            "p_value": 0.997094154357911,  # stats.boschloo_exact([[9, 3], [1, 7]], alternative="less").pvalue
        },
        "greater": {
            "statistic": 0.00988330554894022,  # stats.boschloo_exact([[9, 3], [1, 7]], alternative="greater").statistic
            "p_value": 0.00397777557373048,  # stats.boschloo_exact([[9, 3], [1, 7]], alternative="greater").pvalue
        },
    },
}

