## Generator for tests/golden/r_strata.py: reference values for the stratified two-group
## statistics (issue 14, "Strata"): mantelhaen.test (corrected and exact), coin's stratified
## Wilcoxon-Mann-Whitney test, survdiff and coxph with strata().
## Run from the repository root:  Rscript tests/golden/strata.R
## Every number is produced by eval(parse(text=EXPR)) and EXPR is written verbatim as the
## comment beside that number, so the comment IS the call that produced it (as table1.R).
suppressMessages({
  library(survival)
  library(coin)
})
Sys.setenv(LANGUAGE = "en")           # R's messages below are stored: untranslated ...
options(useFancyQuotes = FALSE)       # ... and with plain quotes, whatever the locale

source("tests/golden/emit.R")
ALTS <- c("two.sided", "less", "greater")
alt_key <- function(a) sub(".", "-", a, fixed = TRUE)   # our spelling: two-sided, less, greater

## ---------------------------------------------------------------- data sets (synthetic)
## 2 x 2 x K tables: rows = group (A first), columns = outcome (event first), one slice per stratum.
## array() fills column by column: each stratum is c(A events, B events, A non-events, B non-events).
DN <- 'dimnames = list(group = c("A", "B"), outcome = c("event", "none"), stratum = NULL)'
def(sprintf('cmh_k2 <- array(c(7, 3, 5, 8,  9, 5, 6, 9), dim = c(2, 2, 2), %s)', DN))
def(sprintf('cmh_k3 <- array(c(4, 2, 6, 7,  6, 5, 2, 5,  3, 4, 9, 7), dim = c(2, 2, 3), %s)', DN))
def(sprintf('cmh_k4 <- array(c(12, 8, 18, 20,  15, 10, 10, 17,  5, 6, 15, 16,  9, 4, 9, 15), dim = c(2, 2, 4), %s)', DN))
def(sprintf('cmh_zero <- array(c(5, 3, 2, 6,  4, 0, 3, 5,  6, 2, 0, 5), dim = c(2, 2, 3), %s)', DN))
def(sprintf('cmh_one_group <- array(c(5, 3, 2, 6,  4, 2, 3, 5,  3, 0, 4, 0), dim = c(2, 2, 3), %s)', DN))
def(sprintf('cmh_separated <- array(c(5, 0, 2, 6,  4, 0, 3, 5), dim = c(2, 2, 2), %s)', DN))
def(sprintf('cmh_small_delta <- array(c(3, 3, 3, 4,  2, 2, 5, 4), dim = c(2, 2, 2), %s)', DN))
def(sprintf('cmh_tiny <- array(c(5, 3, 2, 6,  4, 2, 3, 5,  1, 0, 0, 0), dim = c(2, 2, 3), %s)', DN))
## one row per patient: y = outcome, g = group (A first), s = stratum
def('wmw_k2 <- data.frame(y = c(3, 5, 5, 7, 2, 5, 8, 9, 4,  6, 6, 9, 10, 12, 6, 11, 8, 6, 13, 9, 10), g = factor(c("A", "A", "B", "A", "B", "B", "A", "B", "A",  "A", "B", "A", "B", "A", "A", "B", "B", "A", "B", "A", "B"), levels = c("A", "B")), s = factor(rep(c("north", "south"), c(9, 12))))')
def('wmw_k3 <- data.frame(y = c(412, 530, 389, 610, 455, 530,  720, 655, 810, 590, 655, 688, 905, 642, 575,  498, 377, 520, 733, 615, 520, 560, 610, 705, 480, 530, 455), g = factor(c("A", "B", "A", "B", "A", "B",  "A", "A", "B", "B", "A", "B", "B", "A", "A",  "B", "A", "B", "B", "A", "A", "B", "A", "B", "A", "B", "A"), levels = c("A", "B")), s = factor(rep(c("c1", "c2", "c3"), c(6, 9, 12))))')
def('wmw_k4 <- data.frame(y = c(1, 2, 2, 3, 4,  2, 3, 3, 3, 5, 6, 6,  1, 1, 2, 4, 4, 4, 5,  3, 5, 6, 6, 7, 7, 8, 9, 9), g = factor(c("A", "B", "A", "B", "B",  "A", "A", "B", "A", "B", "B", "A",  "B", "A", "A", "B", "A", "B", "B",  "A", "A", "B", "A", "B", "B", "A", "B", "A"), levels = c("A", "B")), s = factor(rep(c("w", "x", "y", "z"), c(5, 7, 7, 9))))')
def('wmw_one_group <- data.frame(y = c(3, 5, 5, 7, 2, 5, 8, 9, 4,  6.5, 7.5, 5.5,  6, 6, 9, 10, 12, 6, 11, 8), g = factor(c("A", "A", "B", "A", "B", "B", "A", "B", "A",  "B", "B", "B",  "A", "B", "A", "B", "A", "A", "B", "B"), levels = c("A", "B")), s = factor(rep(c("x", "only_b", "y"), c(9, 3, 8)), levels = c("x", "only_b", "y")))')
def('wmw_tiny <- data.frame(y = c(3, 5, 5, 7, 2, 5, 8, 9, 4,  6,  7, 6, 9, 10, 12, 6, 11, 8), g = factor(c("A", "A", "B", "A", "B", "B", "A", "B", "A",  "A",  "A", "B", "A", "B", "A", "A", "B", "B"), levels = c("A", "B")), s = factor(rep(c("x", "single", "y"), c(9, 1, 8)), levels = c("x", "single", "y")))')
## time to event: status 1 = event, 0 = censored
def('surv_k2 <- data.frame(time = c(5, 8, 8, 12, 15, 20, 20, 3, 8, 9, 9, 14, 30,  4, 6, 6, 10, 11, 25, 7, 7, 13, 16, 22, 6), status = c(1, 1, 0, 1, 1, 0, 1, 1, 1, 1, 0, 1, 0,  1, 1, 1, 0, 1, 1, 1, 0, 1, 1, 0, 1), g = factor(c("A", "A", "A", "A", "A", "A", "A", "B", "B", "B", "B", "B", "B",  "A", "A", "A", "A", "B", "B", "B", "B", "B", "A", "B", "B"), levels = c("A", "B")), s = factor(rep(c("x", "y"), c(13, 12))))')
def('surv_k3 <- data.frame(time = c(12, 30, 30, 45, 60, 60, 90, 15, 30, 44, 60, 75,  20, 20, 35, 50, 50, 70, 10, 20, 20, 40, 55,  8, 25, 25, 40, 66, 18, 25, 33, 33, 80), status = c(1, 1, 0, 1, 1, 0, 0, 1, 1, 1, 1, 0,  1, 1, 1, 0, 1, 0, 1, 1, 1, 0, 1,  1, 1, 0, 1, 0, 1, 1, 1, 1, 0), g = factor(c("A", "A", "A", "A", "A", "A", "A", "B", "B", "B", "B", "B",  "A", "A", "A", "A", "A", "A", "B", "B", "B", "B", "B",  "A", "A", "A", "A", "A", "B", "B", "B", "B", "B"), levels = c("A", "B")), s = factor(rep(c("c1", "c2", "c3"), c(12, 11, 10))))')
def('surv_k4 <- data.frame(time = c(5, 8, 8, 12, 15, 20, 3, 8, 9, 9, 14, 30,  4, 6, 6, 10, 11, 25, 7, 7, 13, 16, 22,  2, 9, 18,  40,  3, 5, 5, 9, 4, 5, 7, 12), status = c(1, 1, 0, 1, 1, 0, 1, 1, 1, 0, 1, 0,  1, 1, 1, 0, 1, 1, 1, 0, 1, 1, 0,  1, 1, 0,  1,  1, 1, 0, 1, 1, 1, 1, 0), g = factor(c("A", "A", "A", "A", "A", "A", "B", "B", "B", "B", "B", "B",  "A", "A", "A", "A", "B", "B", "B", "B", "B", "A", "B",  "A", "A", "A",  "B",  "A", "A", "A", "A", "B", "B", "B", "B"), levels = c("A", "B")), s = factor(rep(c("x", "y", "only_a", "single", "z"), c(12, 11, 3, 1, 8)), levels = c("x", "y", "only_a", "single", "z")))')
for (d in c("surv_k2", "surv_k3", "surv_k4")) {
  def(sprintf('sd_%s <- survdiff(Surv(time, status) ~ g + strata(s), data = %s)', d, d))
  def(sprintf('cox_%s <- coxph(Surv(time, status) ~ I(g == "A") + strata(s), data = %s, ties = "efron")', d, d))
}

## ---------------------------------------------------------------- emit: data
CMH <- c("cmh_k2", "cmh_k3", "cmh_k4", "cmh_zero", "cmh_one_group", "cmh_separated", "cmh_small_delta", "cmh_tiny")
WMW <- c("wmw_k2", "wmw_k3", "wmw_k4", "wmw_one_group", "wmw_tiny")
SURV <- c("surv_k2", "surv_k3", "surv_k4")

out("# Every data set, by the name of the R object the calls below use. A 2 x 2 x K table is a list")
out("# of its strata, each [[A events, A patients], [B events, B patients]] (the binary statistics'")
out("# shape); a data frame is its columns by name (factors as their labels).")
out("DATA = {")
for (d in CMH) {
  out(sp(4), '"', d, '": [')
  for (k in seq_len(dim(ev(d))[3])) {
    out(sp(8), "[")
    for (g in c("A", "B")) {
      out(sp(12), "[")
      it(16, sprintf('%s["%s", "event", %d]', d, g, k))
      it(16, sprintf('sum(%s["%s", , %d])', d, g, k))
      out(sp(12), "],")
    }
    out(sp(8), "],")
  }
  out(sp(4), "],")
}
for (d in c(WMW, SURV)) {
  open(4, d)
  for (col in names(ev(d))) lst(8, col, sprintf('%s$%s[%d]', d, col, seq_len(nrow(ev(d)))))
  close(4)
}
out("}")
out("")

## ---------------------------------------------------------------- 1. Cochran-Mantel-Haenszel
out("# mantelhaen.test(x) with its defaults (continuity correction, Mantel-Haenszel estimate with the")
out("# Robins-Breslow-Greenland interval) and mantelhaen.test(x, exact = TRUE), by alternative (our")
out("# spelling). x is the data set, except for cmh_tiny: R stops on its one-patient stratum (error),")
out("# and the values are R's for the table without it (cmh_tiny[, , -3]). ci_90: conf.level = 0.9.")
out("CMH = {")
for (d in CMH) {
  x <- if (d == "cmh_tiny") "cmh_tiny[, , -3]" else d
  open(4, d)
  if (d == "cmh_tiny") {
    kv(8, "error", 'tryCatch(mantelhaen.test(cmh_tiny)$p.value, error = function(e) conditionMessage(e))')
    kv(8, "error_exact", 'tryCatch(mantelhaen.test(cmh_tiny, exact = TRUE)$p.value, error = function(e) conditionMessage(e))')
  }
  for (exact in c(FALSE, TRUE)) {
    ex <- if (exact) ", exact = TRUE" else ""
    open(8, if (exact) "exact" else "corrected")
    kv(12, "method", sprintf('mantelhaen.test(%s%s)$method', x, ex))
    kv(12, "statistic", sprintf('mantelhaen.test(%s%s)$statistic[[1]]', x, ex))
    kv(12, "estimate", sprintf('mantelhaen.test(%s%s)$estimate[[1]]', x, ex))
    for (a in ALTS) {
      open(12, alt_key(a))
      kv(16, "p_value", sprintf('mantelhaen.test(%s%s, alternative = "%s")$p.value', x, ex, a))
      kv(16, "ci_low", sprintf('mantelhaen.test(%s%s, alternative = "%s")$conf.int[1]', x, ex, a))
      kv(16, "ci_high", sprintf('mantelhaen.test(%s%s, alternative = "%s")$conf.int[2]', x, ex, a))
      close(12)
    }
    kv(12, "ci_90_low", sprintf('mantelhaen.test(%s%s, conf.level = 0.9)$conf.int[1]', x, ex))
    kv(12, "ci_90_high", sprintf('mantelhaen.test(%s%s, conf.level = 0.9)$conf.int[2]', x, ex))
    close(8)
  }
  close(4)
}
out("}")
out("")

## ---------------------------------------------------------------- 2. stratified Wilcoxon (coin)
WT <- 'wilcox_test(y ~ g | s, data = %s, distribution = "asymptotic"%s)'
wt <- function(d, extra = "") sprintf(WT, d, extra)
WITHIN <- 'independence_test(y ~ g | s, data = %s, ytrafo = function(data) trafo(data, numeric_trafo = rank_trafo, block = %s$s), teststat = "scalar", distribution = "asymptotic")'
out("# coin::wilcox_test(y ~ g | s, distribution = \"asymptotic\"): Z = (T - E) / sqrt(V) with T the sum of")
out("# group A's ranks (ranks of the POOLED sample, all strata together) and E, V its mean and variance")
out("# under permutation within strata. within_strata_z: the same test with ranks computed within each")
out("# stratum (trafo(..., block = s)), which is NOT what wilcox_test does. wmw_one_group: without_only_b")
out("# is the test on the data without the stratum holding group B only (coin keeps that stratum: its")
out("# values change the pooled ranks). wmw_tiny: coin stops on the one-patient stratum (error); the")
out("# values are coin's on the data without it (wmw_tiny[wmw_tiny$s != \"single\", ], levels dropped).")
out("WILCOXON = {")
for (d in WMW) {
  x <- if (d == "wmw_tiny") 'droplevels(wmw_tiny[wmw_tiny$s != "single", ])' else d
  open(4, d)
  if (d == "wmw_tiny")
    kv(8, "error", sprintf('tryCatch(statistic(%s), error = function(e) conditionMessage(e))', wt("wmw_tiny")))
  kv(8, "linear", sprintf('statistic(%s, type = "linear")[[1]]', wt(x)))
  kv(8, "expectation", sprintf('expectation(%s)[[1]]', wt(x)))
  kv(8, "variance", sprintf('variance(%s)[[1]]', wt(x)))
  kv(8, "z", sprintf('statistic(%s)[[1]]', wt(x)))
  for (a in ALTS) kv(8, paste0("p_", alt_key(a)), sprintf('pvalue(%s)[[1]]', wt(x, sprintf(', alternative = "%s"', a))))
  if (d != "wmw_tiny") kv(8, "within_strata_z", sprintf('statistic(%s)[[1]]', sprintf(WITHIN, d, d)))
  if (d == "wmw_one_group") {
    sub_ <- 'droplevels(wmw_one_group[wmw_one_group$s != "only_b", ])'
    kv(8, "without_only_b_z", sprintf('statistic(%s)[[1]]', wt(sub_)))
  }
  close(4)
}
out("}")
out("")

## ---------------------------------------------------------------- 3. survdiff and coxph with strata
out("# survdiff(Surv(time, status) ~ g + strata(s)) and coxph(Surv(time, status) ~ I(g == \"A\") + strata(s),")
out("# ties = \"efron\"): the hazard ratio of A over B with its Wald interval. One-sided P: the normal tail of")
out("# o_minus_e / sqrt(var_11) (A's observed minus expected events over all strata), as our unstratified")
out("# log-rank; one-sided limits: exp(coef +/- qnorm(0.95) se). surv_k4 has a stratum with group A only")
out("# and a one-patient stratum: R keeps both (they add nothing).")
out("SURVIVAL = {")
for (d in SURV) {
  s <- sprintf('sd_%s', d); f <- sprintf('cox_%s', d)
  open(4, d)
  kv(8, "strata", sprintf('length(%s$strata)', s))
  kv(8, "chisq", sprintf('%s$chisq', s))
  kv(8, "p_two-sided", sprintf('pchisq(%s$chisq, 1, lower.tail = FALSE)', s))
  kv(8, "o_minus_e", sprintf('sum(%s$obs[1, ]) - sum(%s$exp[1, ])', s, s))
  kv(8, "var_11", sprintf('%s$var[1, 1]', s))
  kv(8, "p_less", sprintf('pnorm((sum(%s$obs[1, ]) - sum(%s$exp[1, ])) / sqrt(%s$var[1, 1]))', s, s, s))
  kv(8, "p_greater", sprintf('pnorm((sum(%s$obs[1, ]) - sum(%s$exp[1, ])) / sqrt(%s$var[1, 1]), lower.tail = FALSE)', s, s, s))
  kv(8, "coef", sprintf('coef(%s)[[1]]', f))
  kv(8, "se", sprintf('sqrt(vcov(%s)[1, 1])', f))
  kv(8, "hr", sprintf('exp(coef(%s))[[1]]', f))
  kv(8, "ci_95_low", sprintf('exp(confint(%s, level = 0.95))[1, 1]', f))
  kv(8, "ci_95_high", sprintf('exp(confint(%s, level = 0.95))[1, 2]', f))
  kv(8, "ci_90_low", sprintf('exp(confint(%s, level = 0.9))[1, 1]', f))
  kv(8, "ci_90_high", sprintf('exp(confint(%s, level = 0.9))[1, 2]', f))
  kv(8, "ci_greater_low", sprintf('exp(coef(%s)[[1]] - qnorm(0.95) * sqrt(vcov(%s)[1, 1]))', f, f))
  kv(8, "ci_less_high", sprintf('exp(coef(%s)[[1]] + qnorm(0.95) * sqrt(vcov(%s)[1, 1]))', f, f))
  close(4)
}
out("}")

## ---------------------------------------------------------------- header and file
hdr <- c(
  '"""Golden reference values for the stratified two-group statistics (issue 14, "Strata"),',
  'generated by tests/golden/strata.R.',
  '',
  sprintf('Versions: %s; survival %s; coin %s; stats.', R.version.string, packageVersion("survival"), packageVersion("coin")),
  '',
  'Re-check: run  Rscript tests/golden/strata.R  from the repository root; it rewrites this file',
  'byte for byte, and git diff shows any number that changed.',
  '',
  'Every number below was obtained as eval(parse(text=EXPR)) in R, and EXPR is written',
  'verbatim in the "# R: EXPR" comment beside it. Numbers are formatted with sprintf("%.15g", x).',
  'R NA and NaN -> None; R Inf -> float("inf"). Counts print as Python ints. All data are',
  'synthetic (no patients). The R objects named in the comments were created, in this order,',
  'by exactly these statements (library(survival) and library(coin) loaded first, messages in',
  'English with plain quotes):',
  '',
  defs_lines(),
  '',
  'Notes (what R does):',
  '* mantelhaen.test stops when a stratum has fewer than 2 patients ("sample size in each stratum',
  '  must be > 1"), in both forms; a stratum holding one group only is accepted and adds nothing',
  '  (cmh_one_group: every term of the statistic, the estimate and its variance is 0 there). The',
  '  continuity correction is applied only when |sum(O - E)| >= 0.5 (cmh_small_delta: "without").',
  '  With no discordant pairs (cmh_separated) the estimate is Inf and the corrected interval NaN',
  '  (None); the exact interval is (limit, Inf).',
  '* coin::wilcox_test(y ~ g | s) ranks the pooled sample once (its ytrafo calls trafo() without',
  '  block) and permutes within strata: a stratum holding one group only adds nothing to T - E or V',
  '  but its values move the pooled ranks of the others (wmw_one_group against without_only_b_z).',
  '  It is not van Elteren\'s test (ranks within strata, weights 1 / (n_s + 1)) and not the blocked',
  '  test on within-stratum ranks (within_strata_z). coin stops on a stratum with fewer than 2',
  '  observations. "less" is P(Z <= z): group A tends to be smaller.',
  '* survdiff and coxph accept a stratum with one group only or with one patient (surv_k4).',
  '"""', '')
consts <- version_consts(c("survival", "coin"))
writeLines(c(hdr, consts, L), "tests/golden/r_strata.py")
cat("wrote", length(L), "lines\n")
