## Generator for tests/golden/r_kgroups.py: reference values for the omnibus tests of k cohorts
## (issue 14, "k cohorts"): survdiff, cuminc's Tests, anova(glm(poisson), test = "LRT"),
## fisher.test and chisq.test on k x 2 tables.
## Run from the repository root:  Rscript tests/golden/kgroups.R
## Every number is produced by eval(parse(text=EXPR)) and EXPR is written verbatim as the
## comment beside that number, so the comment IS the call that produced it (emit.R's helpers).
suppressMessages({library(survival); library(cmprsk)})

source("tests/golden/emit.R")

## ---------------------------------------------------------------- data sets (synthetic)
## 1. time to event: status 1 = event, 0 = censored; ties within and across groups
def('surv3 <- data.frame(time = c(5, 8, 8, 12, 15, 21, 30, 30, 44, 60, 3, 4, 8, 9, 10, 18, 25, 40, 2, 8, 8, 14, 20, 20, 33, 50, 55), status = c(1, 1, 0, 1, 0, 1, 1, 0, 0, 1, 1, 1, 1, 0, 1, 1, 0, 1, 0, 1, 1, 1, 0, 1, 1, 0, 1), group = factor(rep(c("A", "B", "C"), c(10, 8, 9))))')
def('surv4 <- data.frame(time = c(surv3$time, 6, 8, 12, 12, 25, 30, 41, 48), status = c(surv3$status, 1, 0, 1, 1, 0, 1, 0, 1), group = factor(rep(c("A", "B", "C", "D"), c(10, 8, 9, 8))))')
def('surv3_no_events <- data.frame(time = c(5, 8, 8, 12, 15, 21, 30, 30, 44, 60, 3, 4, 8, 9, 10, 18, 25, 40, 7, 15, 22, 35, 40), status = c(1, 1, 0, 1, 0, 1, 1, 0, 0, 1, 1, 1, 1, 0, 1, 1, 0, 1, 0, 0, 0, 0, 0), group = factor(rep(c("A", "B", "C"), c(10, 8, 5))))  # C: at risk, no events')
def('surv4_left_early <- data.frame(time = c(surv3$time, 1, 1, 2), status = c(surv3$status, 0, 0, 0), group = factor(rep(c("A", "B", "C", "D"), c(10, 8, 9, 3))))  # D: all censored before the first event (at 3)')
def('surv4_empty_level <- data.frame(time = surv3$time, status = surv3$status, group = factor(rep(c("A", "B", "D"), c(10, 8, 9)), levels = c("A", "B", "C", "D")))  # C: a level without patients')
## 2. competing risks: status 0 = censored, 1 = the event, 2 = competing
def('cr3 <- data.frame(time = c(4, 7, 9, 12, 15, 18, 22, 30, 35, 41, 3, 6, 6, 10, 13, 20, 25, 28, 33, 39, 45, 5, 6, 9, 12, 12, 20, 24, 30, 38), status = c(1, 2, 0, 1, 1, 0, 2, 1, 0, 0, 1, 1, 2, 0, 1, 2, 1, 0, 1, 0, 2, 2, 1, 1, 0, 1, 1, 2, 0, 1), group = factor(rep(c("A", "B", "C"), c(10, 11, 9))))')
def('cr4 <- data.frame(time = c(cr3$time, 3, 6, 9, 15, 15, 22, 28, 40), status = c(cr3$status, 2, 1, 0, 1, 2, 1, 0, 1), group = factor(rep(c("A", "B", "C", "D"), c(10, 11, 9, 8))))')
def('cr3_no_cause1 <- data.frame(time = c(cr3$time[1:21], 5, 8, 12, 12, 19, 30), status = c(cr3$status[1:21], 2, 0, 2, 0, 2, 0), group = factor(rep(c("A", "B", "C"), c(10, 11, 6))))  # C: competing events only')
def('cr3_left_early <- data.frame(time = c(cr3$time[1:21], 1, 2), status = c(cr3$status[1:21], 0, 0), group = factor(rep(c("A", "B", "C"), c(10, 11, 2))))  # C: all censored before any event: V is singular')
def('cr4_empty_level <- data.frame(time = cr3$time, status = cr3$status, group = factor(rep(c("A", "C", "D"), c(10, 11, 9)), levels = c("A", "B", "C", "D")))  # B: a level without patients')
## 3. rates: episodes x over patient-days; a factor with the second group as reference where there are two
def('rate2 <- data.frame(x = c(12, 5), days = c(1530, 980), group = factor(c("a", "b"), levels = c("b", "a")))')
def('rate2_zero <- data.frame(x = c(3, 0), days = c(400, 350), group = factor(c("a", "b"), levels = c("b", "a")))')
def('rate3 <- data.frame(x = c(12, 5, 7), days = c(1530, 980, 1210), group = factor(c("a", "b", "c")))')
def('rate3_zero <- data.frame(x = c(12, 0, 7), days = c(1530, 980, 1210), group = factor(c("a", "b", "c")))')
def('rate4 <- data.frame(x = c(4, 9, 15, 2), days = c(610, 720, 1340, 400), group = factor(c("a", "b", "c", "d")))')
def('rate3_all_zero <- data.frame(x = c(0, 0, 0), days = c(400, 350, 500), group = factor(c("a", "b", "c")))')
def('rate_patients <- data.frame(x = c(2, 0, 1, 3, 0, 0, 1, 4, 2), days = c(100, 120, 90, 200, 50, 80, 70, 150, 160), group = factor(rep(c("a", "b", "d"), c(4, 3, 2)), levels = c("a", "b", "c", "d")))  # one row per patient; c: a level without patients')
## 4. k x 2 tables: one row per group, columns events and non-events
def('bin3 <- cbind(events = c(8, 5, 2), non_events = c(2, 5, 7))')
def('bin4 <- cbind(events = c(3, 7, 12, 5), non_events = c(17, 11, 13, 10))')
def('bin3_zero_events <- cbind(events = c(0, 4, 6), non_events = c(12, 6, 3))')
def('bin4_empty_group <- cbind(events = c(3, 0, 5, 2), non_events = c(7, 0, 7, 6))  # group 2 has no patients')
def('bin5 <- cbind(events = c(6, 9, 3, 7, 2), non_events = c(9, 6, 12, 8, 8))')

SURV <- c("surv3", "surv4", "surv3_no_events", "surv4_left_early", "surv4_empty_level")
CR <- c("cr3", "cr4", "cr3_no_cause1", "cr3_left_early", "cr4_empty_level")
RATES <- c("rate2", "rate2_zero", "rate3", "rate3_zero", "rate4", "rate3_all_zero", "rate_patients")
BIN <- c("bin3", "bin4", "bin3_zero_events", "bin4_empty_group", "bin5")
for (d in RATES) {
  def(sprintf('fit_%s <- glm(x ~ group + offset(log(days)), family = poisson, data = %s)', d, d))
  def(sprintf('lrt_%s <- anova(fit_%s, test = "LRT")', d, d))
}

## ---------------------------------------------------------------- emit: data
out("# Every data set, by the name of the R object the calls below use. Time to event and rates:")
out("# per group (factor level, in level order; a level without patients has empty lists) its")
out("# rows' columns; k x 2 tables: per group (row) its events and its n (events + non-events).")
out("DATA = {")
for (d in c(SURV, CR, RATES)) {
  open(4, d)
  cols <- intersect(c("time", "status", "x", "days"), names(ev(d)))
  for (g in levels(ev(d)$group)) {
    open(8, g)
    for (col in cols) {
      n <- sum(ev(d)$group == g)
      lst(12, col, sprintf('%s$%s[%s$group == "%s"][%d]', d, col, d, g, seq_len(n)))
    }
    close(8)
  }
  close(4)
}
for (d in BIN) {
  out(sp(4), '"', d, '": [')
  for (i in seq_len(nrow(ev(d)))) {
    out(sp(8), "(")
    it(12, sprintf('%s[%d, "events"]', d, i))
    it(12, sprintf('sum(%s[%d, ])', d, i))
    out(sp(8), "),")
  }
  out(sp(4), "],")
}
out("}")
out("")

## ---------------------------------------------------------------- 1. survdiff
out("# survdiff(Surv(time, status) ~ group): chisq, its P (survival >= 3 stores pvalue), df = the")
out("# groups with expected events minus 1 (as print.survdiff); levels = the groups survdiff kept.")
out("LOGRANK = {")
for (d in SURV) {
  open(4, d)
  call <- sprintf('survdiff(Surv(time, status) ~ group, data = %s)', d)
  kv(8, "chisq", sprintf('%s$chisq', call))
  kv(8, "p_value", sprintf('%s$pvalue', call))
  kv(8, "df", sprintf('sum(%s$exp > 0) - 1', call))
  kv(8, "levels", sprintf('length(%s$n)', call))
  close(4)
}
out("}")
out("")

## ---------------------------------------------------------------- 2. cuminc
out("# cmprsk::cuminc(time, status, group)$Tests per cause: stat, pv (1 - pchisq(stat, df), which")
out("# loses digits for tiny P), df, and the upper tail pchisq(stat, df, lower.tail = FALSE).")
out("# stat = -1 (pv 1) is cuminc's answer for a singular covariance matrix: no test.")
out("GRAY = {")
for (d in CR) {
  open(4, d)
  call <- sprintf('cuminc(%s$time, %s$status, %s$group)$Tests', d, d, d)
  for (cause in rownames(ev(call))) {
    open(8, cause)
    kv(12, "stat", sprintf('%s["%s", "stat"]', call, cause))
    kv(12, "pv", sprintf('%s["%s", "pv"]', call, cause))
    kv(12, "df", sprintf('%s["%s", "df"]', call, cause))
    if (ev(sprintf('%s["%s", "stat"]', call, cause)) >= 0)
      kv(12, "p_upper", sprintf('pchisq(%s["%s", "stat"], %s["%s", "df"], lower.tail = FALSE)', call, cause, call, cause))
    close(8)
  }
  close(4)
}
out("}")
out("")

## ---------------------------------------------------------------- 3. Poisson likelihood-ratio test
out("# anova(glm(x ~ group + offset(log(days)), family = poisson), test = \"LRT\"): the deviance")
out("# difference, its df and P; closed_form: 2 sum x_g log(r_g / r) on the groups' totals, which glm")
out("# reaches to its IRLS tolerance. Two groups (second = reference): the rate ratio exp(coef) and")
out("# exp(confint.default) at 95% (two-sided) and 90% (whose ends are the one-sided 95% ends), and")
out("# the one-sided P values of the signed root of the deviance (the log-rank convention).")
out("POISSON_LRT = {")
for (d in RATES) {
  open(4, d)
  kv(8, "deviance", sprintf('lrt_%s$Deviance[2]', d))
  kv(8, "df", sprintf('lrt_%s$Df[2]', d))
  kv(8, "p_value", sprintf('lrt_%s[["Pr(>Chi)"]][2]', d))
  kv(8, "closed_form", sprintf('with(aggregate(cbind(x, days) ~ group, data = %s, FUN = sum), 2 * sum(ifelse(x > 0, x * log((x / days) / (sum(x) / sum(days))), 0)))', d))
  if (nlevels(ev(d)$group) == 2) {
    kv(8, "rate_ratio", sprintf('exp(coef(fit_%s))[["groupa"]]', d))
    kv(8, "ci_low", sprintf('exp(confint.default(fit_%s))["groupa", 1]', d))
    kv(8, "ci_high", sprintf('exp(confint.default(fit_%s))["groupa", 2]', d))
    kv(8, "ci90_low", sprintf('exp(confint.default(fit_%s, level = 0.9))["groupa", 1]', d))
    kv(8, "ci90_high", sprintf('exp(confint.default(fit_%s, level = 0.9))["groupa", 2]', d))
    kv(8, "p_less", sprintf('pnorm(sign(coef(fit_%s)[["groupa"]]) * sqrt(lrt_%s$Deviance[2]))', d, d))
    kv(8, "p_greater", sprintf('pnorm(sign(coef(fit_%s)[["groupa"]]) * sqrt(lrt_%s$Deviance[2]), lower.tail = FALSE)', d, d))
  }
  close(4)
}
out("}")
out("")

## ---------------------------------------------------------------- 4. k x 2 tables
out("# fisher.test(M)$p.value (exact, C_Fexact) and chisq.test(M) (no correction beyond 2 x 2) taken")
out("# under suppressWarnings(); warns: whether chisq.test warned (an expected count below 5).")
out("# An all-zero row: fisher.test's P is that of the table without it; chisq.test gives NaN.")
out("K_BY_2 = {")
for (d in BIN) {
  open(4, d)
  kv(8, "fisher_p_value", sprintf('fisher.test(%s)$p.value', d))
  kv(8, "chisq_statistic", sprintf('suppressWarnings(chisq.test(%s))$statistic[[1]]', d))
  kv(8, "chisq_df", sprintf('suppressWarnings(chisq.test(%s))$parameter[[1]]', d))
  kv(8, "chisq_p_value", sprintf('suppressWarnings(chisq.test(%s))$p.value', d))
  kv(8, "chisq_warns", sprintf('tryCatch({chisq.test(%s); FALSE}, warning = function(w) TRUE)', d))
  if (d == "bin4_empty_group")
    kv(8, "same_fisher_p_without_the_empty_row", sprintf('fisher.test(%s)$p.value == fisher.test(%s[-2, ])$p.value', d, d))
  close(4)
}
out("}")
out("")

## ---------------------------------------------------------------- header
hdr <- c('"""Golden reference values for the omnibus tests of k cohorts, generated by tests/golden/kgroups.R.',
  '(issue 14: survdiff, cuminc, glm + anova, fisher.test and chisq.test with three or more groups)',
  '',
  sprintf('Versions: %s; survival %s; cmprsk %s; stats.', R.version.string, packageVersion("survival"), packageVersion("cmprsk")),
  '',
  'Re-check: run  Rscript tests/golden/kgroups.R  from the repository root; it rewrites this file',
  'byte for byte, and git diff shows any number that changed.',
  '',
  'Every number below was obtained as eval(parse(text=EXPR)) in R, and EXPR is written',
  'verbatim in the "# R: EXPR" comment beside it. Numbers are formatted with sprintf("%.15g", x).',
  'R NA and NaN -> None; R Inf -> float("inf"). Counts print as Python ints. All data are',
  'synthetic (no patients). The R objects named in the comments were created, in this order,',
  'by exactly these statements (library(survival); library(cmprsk) loaded first):',
  '',
  defs_lines(),
  '',
  'Notes (what R does):',
  '* survdiff drops a factor level without patients and tests the groups with expected events',
  '  E > 0 (surv4_left_early: D, censored before the first event, has E = 0): chisq is',
  '  (O - E)\' V^-1 (O - E) over those groups but the first, df their number minus 1.',
  '* cuminc drops a level without patients (df = the other groups minus 1) and gives stat = -1,',
  '  pv = 1 where qr() finds the covariance matrix of the scores rank-deficient (cr3_left_early).',
  '* glm fits by IRLS, so the deviance it reports is the closed form to its convergence tolerance',
  '  (about 1e-10 absolute here; the saturated fit\'s residual deviance is not exactly 0 where a',
  '  group has no episodes). With no episodes in a group its coefficient diverges: glm stops at a',
  '  large finite value with a huge standard error, so exp(coef) is a huge or tiny number that',
  '  depends on the tolerance and exp(confint.default) is (0, Inf). A level without patients has',
  '  no rows: glm drops it (rate_patients: df 2 for four levels).',
  '"""', '')
consts <- version_consts(c("survival", "cmprsk"))
writeLines(c(hdr, consts, L), "tests/golden/r_kgroups.py")
cat("wrote", length(L), "lines\n")
