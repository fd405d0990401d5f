## Generator for tests/golden/r_survival.py
## Every number is produced by eval(parse(text=EXPR)) and EXPR is written verbatim
## as the comment beside that number, so the comment IS the call that produced it.
suppressMessages({library(survival); library(cmprsk)})

source("tests/golden/emit.R")

## ---------------------------------------------------------------- datasets
def('small <- data.frame(time = c(5,8,8,12,15,21,30,30,44,60, 3,4,8,9,10,18,25,40), status = c(1,1,0,1,0,1,1,0,0,1, 1,1,1,0,1,1,0,1), group = factor(rep(c("A","B"), c(10,8)), levels = c("A","B")))')
def('ties_censor <- data.frame(time = c(10,10,10,20,20,35,50,50,70,90,90,120, 10,15,20,20,40,60,60,80,100), status = c(1,0,1,1,1,0,1,0,0,1,0,0, 1,1,0,1,0,1,1,0,0), group = factor(rep(c("A","B"), c(12,9)), levels = c("A","B")))')
def('cr <- data.frame(time = c(4,7,9,12,15,18,22,30,35,41, 3,6,6,10,13,20,25,28,33,39,45), cstatus = c(1,2,0,1,1,0,2,1,0,0, 1,1,2,0,1,2,1,0,1,0,2), group = factor(rep(c("A","B"), c(10,11)), levels = c("A","B")))')
def('cr$status <- as.integer(cr$cstatus == 1)  # cause-specific: infection = event, competing death & censoring = censored')
def('wo_raw <- read.csv("examples/wo2022_cohort.csv", stringsAsFactors = FALSE, na.strings = c("", "NA"))')
def('INF <- c("infection", "infection_icu", "infection_death")')
def('wo <- do.call(rbind, lapply(split(wo_raw, factor(wo_raw$patient_id, levels = unique(sort(wo_raw$patient_id)))), function(d) { stopifnot(length(unique(d$cohort)) == 1); inf <- d$day[d$event %in% INF & d$day >= 0]; if (length(inf) > 0) data.frame(patient_id = d$patient_id[1], cohort = d$cohort[1], time = min(inf), status = 1L, cstatus = 1L, fu = max(max(d$day), 0)) else data.frame(patient_id = d$patient_id[1], cohort = d$cohort[1], time = max(d$day), status = 0L, cstatus = if (any(d$event %in% "death")) 2L else 0L, fu = max(max(d$day), 0)) }))')
def('rownames(wo) <- wo$patient_id')
def('wo$group <- factor(wo$cohort, levels = c("ivig", "control"))')
def('wo_x <- sapply(c("ivig", "control"), function(g) sum(wo_raw$cohort == g & wo_raw$event %in% INF & wo_raw$day >= 0))')
def('wo_T <- sapply(c("ivig", "control"), function(g) sum(wo$fu[wo$cohort == g]))')

DS <- list(small = c("A", "B"), ties_censor = c("A", "B"), cr = c("A", "B"), wo = c("ivig", "control"))
TIMES <- c(30, 90, 180)
for (d in names(DS)) {
  g <- DS[[d]]
  def(sprintf('sd_%s <- survdiff(Surv(time, status) ~ group, data = %s)', d, d))
  def(sprintf('cox_%s <- coxph(Surv(time, status) ~ relevel(group, ref = "%s"), data = %s, ties = "efron")', d, g[2], d))
  def(sprintf('cs_%s <- summary(cox_%s)', d, d))
  def(sprintf('km_%s <- survfit(Surv(time, status) ~ group, data = %s, conf.type = "log")', d, d))
  def(sprintf('kmt_%s <- summary(km_%s, censored = TRUE)', d, d))
  def(sprintf('kme_%s <- summary(km_%s, times = c(30, 90, 180), extend = TRUE)', d, d))
  def(sprintf('kmn_%s <- summary(km_%s, times = c(30, 90, 180))', d, d))
}
def('ci_cr <- cmprsk::cuminc(cr$time, cr$cstatus, cr$group, cencode = 0)')
def('tp_cr <- cmprsk::timepoints(ci_cr, times = c(5, 10, 20, 30, 40))')
def('ci_wo <- cmprsk::cuminc(wo$time, wo$cstatus, wo$group, cencode = 0)')
def('tp_wo <- cmprsk::timepoints(ci_wo, times = c(30, 90, 180))')

RATES <- list(r12v5 = c('c(12, 5)', 'c(1530, 980)'), r3v0 = c('c(3, 0)', 'c(400, 350)'), r20v20 = c('c(20, 20)', 'c(2000, 1000)'),
              wo = c('unname(wo_x)', 'unname(wo_T)'))
for (r in names(RATES)) {
  def(sprintf('rx_%s <- %s', r, RATES[[r]][1]))
  def(sprintf('rT_%s <- %s', r, RATES[[r]][2]))
  for (alt in c("two.sided", "less", "greater"))
    def(sprintf('pt_%s_%s <- poisson.test(rx_%s, rT_%s, alternative = "%s")', r, sub("two.sided", "two", alt), r, r, alt))
}

## ---------------------------------------------------------------- emit
out("SURVIVAL_GOLDEN = {")
for (d in names(DS)) {
  g <- DS[[d]]
  open(4, d)
  # input data
  open(8, "data")
  for (gg in g) {
    open(12, gg)
    n <- ev(sprintf('sum(%s$group == "%s")', d, gg))
    lst(16, "time", sprintf('%s$time[%s$group == "%s"][%d]', d, d, gg, seq_len(n)))
    lst(16, "status", sprintf('%s$status[%s$group == "%s"][%d]', d, d, gg, seq_len(n)))
    if (d == "cr") lst(16, "cstatus", sprintf('cr$cstatus[cr$group == "%s"][%d]', gg, seq_len(n)))
    kv(16, "last_followup", sprintf('max(%s$time[%s$group == "%s"])', d, d, gg))
    close(12)
  }
  close(8)
  # survdiff
  open(8, "survdiff")
  kv(12, "chisq", sprintf('sd_%s$chisq', d))
  kv(12, "df", sprintf('length(sd_%s$n) - 1', d))
  kv(12, "p_value", sprintf('pchisq(sd_%s$chisq, 1, lower.tail = FALSE)', d))
  kv(12, "p_value_survdiff_component", sprintf('sd_%s$pvalue', d))
  for (i in 1:2) {
    open(12, g[i])
    kv(16, "n", sprintf('sd_%s$n[[%d]]', d, i))
    kv(16, "observed", sprintf('sd_%s$obs[%d]', d, i))
    kv(16, "expected", sprintf('sd_%s$exp[%d]', d, i))
    close(12)
  }
  kv(12, "var_11", sprintf('sd_%s$var[1, 1]', d))
  close(8)
  # coxph
  open(8, "coxph")
  kv(12, "coef_name", sprintf('names(coef(cox_%s))[1]', d))
  kv(12, "hr_numerator_group", sprintf('"%s"', g[1]))
  kv(12, "hr_reference_group", sprintf('"%s"', g[2]))
  kv(12, "coef", sprintf('coef(cox_%s)[[1]]', d))
  kv(12, "se", sprintf('cs_%s$coefficients[1, "se(coef)"]', d))
  kv(12, "hr", sprintf('cs_%s$conf.int[1, "exp(coef)"]', d))
  kv(12, "hr_lower95", sprintf('cs_%s$conf.int[1, "lower .95"]', d))
  kv(12, "hr_upper95", sprintf('cs_%s$conf.int[1, "upper .95"]', d))
  kv(12, "z", sprintf('cs_%s$coefficients[1, "z"]', d))
  kv(12, "wald_p", sprintf('cs_%s$coefficients[1, "Pr(>|z|)"]', d))
  kv(12, "score_test", sprintf('cs_%s$sctest[["test"]]', d))
  kv(12, "score_p", sprintf('cs_%s$sctest[["pvalue"]]', d))
  kv(12, "lr_test", sprintf('cs_%s$logtest[["test"]]', d))
  kv(12, "lr_p", sprintf('cs_%s$logtest[["pvalue"]]', d))
  kv(12, "wald_test", sprintf('cox_%s$wald.test[[1]]', d))
  kv(12, "wald_test_p", sprintf('cs_%s$waldtest[["pvalue"]]', d))
  kv(12, "loglik_null", sprintf('cox_%s$loglik[1]', d))
  kv(12, "loglik_fit", sprintf('cox_%s$loglik[2]', d))
  kv(12, "n", sprintf('cox_%s$n', d))
  kv(12, "nevent", sprintf('cox_%s$nevent', d))
  close(8)
  # survfit
  open(8, "km")
  for (gg in g) {
    s <- sprintf('"group=%s"', gg)
    open(12, gg)
    kv(16, "records", sprintf('summary(km_%s)$table[%s, "records"]', d, s))
    kv(16, "events", sprintf('summary(km_%s)$table[%s, "events"]', d, s))
    kv(16, "median", sprintf('summary(km_%s)$table[%s, "median"]', d, s))
    kv(16, "median_lower95", sprintf('summary(km_%s)$table[%s, "0.95LCL"]', d, s))
    kv(16, "median_upper95", sprintf('summary(km_%s)$table[%s, "0.95UCL"]', d, s))
    # full table (all distinct times, including censoring-only times)
    n <- ev(sprintf('sum(kmt_%s$strata == %s)', d, s))
    open(16, "table")
    for (col in c("time", "n.risk", "n.event", "n.censor", "surv", "std.err", "lower", "upper"))
      lst(20, gsub(".", "_", col, fixed = TRUE), sprintf('kmt_%s$%s[kmt_%s$strata == %s][%d]', d, col, d, s, seq_len(n)))
    close(16)
    # at fixed times, extend=TRUE
    open(16, "at_times_extend_true")
    n <- ev(sprintf('sum(kme_%s$strata == %s)', d, s))
    for (col in c("time", "n.risk", "n.event", "surv", "std.err", "lower", "upper"))
      lst(20, gsub(".", "_", col, fixed = TRUE), sprintf('kme_%s$%s[kme_%s$strata == %s][%d]', d, col, d, s, seq_len(n)))
    lst(20, "beyond_last_followup", sprintf('kme_%s$time[kme_%s$strata == %s][%d] > max(%s$time[%s$group == "%s"])', d, d, s, seq_len(n), d, d, gg))
    close(16)
    # at fixed times, default extend=FALSE (rows beyond last follow-up are dropped by R)
    open(16, "at_times_extend_false")
    n <- ev(sprintf('sum(kmn_%s$strata == %s)', d, s))
    for (col in c("time", "n.risk", "n.event", "surv", "std.err", "lower", "upper"))
      lst(20, gsub(".", "_", col, fixed = TRUE), sprintf('kmn_%s$%s[kmn_%s$strata == %s][%d]', d, col, d, s, seq_len(n)))
    close(16)
    close(12)
  }
  close(8)
  close(4)
}
out("}")
out("")

## competing risks
out("CUMINC_GOLDEN = {")
for (d in c("cr", "wo")) {
  open(4, d)
  ci <- paste0("ci_", d); tp <- paste0("tp_", d)
  tests <- rownames(ev(paste0(ci, "$Tests")))
  open(8, "gray_test")
  for (k in tests) {
    open(12, paste0("cause", k))
    kv(16, "stat", sprintf('%s$Tests["%s", "stat"]', ci, k))
    kv(16, "p_value", sprintf('%s$Tests["%s", "pv"]', ci, k))
    kv(16, "df", sprintf('%s$Tests["%s", "df"]', ci, k))
    close(12)
  }
  close(8)
  open(8, "timepoints")
  tt <- colnames(ev(paste0(tp, "$est")))
  lst(12, "times", sprintf('as.numeric(colnames(%s$est))[%d]', tp, seq_along(tt)))
  for (rn in rownames(ev(paste0(tp, "$est")))) {
    open(12, rn)
    lst(16, "est", sprintf('%s$est["%s", %d]', tp, rn, seq_along(tt)))
    lst(16, "var", sprintf('%s$var["%s", %d]', tp, rn, seq_along(tt)))
    close(12)
  }
  close(8)
  open(8, "curves")
  for (rn in setdiff(names(ev(ci)), "Tests")) {
    open(12, rn)
    n <- ev(sprintf('length(%s[["%s"]]$time)', ci, rn))
    for (col in c("time", "est", "var"))
      lst(16, col, sprintf('%s[["%s"]]$%s[%d]', ci, rn, col, seq_len(n)))
    close(12)
  }
  close(8)
  close(4)
}
out("}")
out("")

## rates
out("POISSON_GOLDEN = {")
for (r in names(RATES)) {
  open(4, r)
  p0 <- paste0("pt_", r, "_two")
  kv(8, "x_first", sprintf('rx_%s[1]', r))
  kv(8, "x_second", sprintf('rx_%s[2]', r))
  kv(8, "T_first", sprintf('rT_%s[1]', r))
  kv(8, "T_second", sprintf('rT_%s[2]', r))
  for (alt in c("two", "less", "greater")) {
    p <- paste0("pt_", r, "_", alt)
    open(8, c(two = "two.sided", less = "less", greater = "greater")[[alt]])
    kv(12, "estimate", sprintf('%s$estimate[[1]]', p))
    kv(12, "conf_low", sprintf('%s$conf.int[1]', p))
    kv(12, "conf_high", sprintf('%s$conf.int[2]', p))
    kv(12, "p_value", sprintf('%s$p.value', p))
    kv(12, "expected_count1", sprintf('%s$parameter[[1]]', p))
    close(8)
  }
  close(4)
}
out("}")
out("")

## wo derived tables
out("WO_DERIVED = {")
open(4, "rate_inputs")
kv(8, "x_ivig", 'wo_x[["ivig"]]')
kv(8, "x_control", 'wo_x[["control"]]')
kv(8, "T_ivig", 'wo_T[["ivig"]]')
kv(8, "T_control", 'wo_T[["control"]]')
close(4)
out('    "patients": [')
for (pid in ev("wo$patient_id")) {
  out('        {')
  kv(12, "patient_id", sprintf('wo["%s", "patient_id"]', pid))
  kv(12, "cohort", sprintf('wo["%s", "cohort"]', pid))
  kv(12, "time", sprintf('wo["%s", "time"]', pid))
  kv(12, "status", sprintf('wo["%s", "status"]', pid))
  kv(12, "cstatus", sprintf('wo["%s", "cstatus"]', pid))
  kv(12, "followup_days", sprintf('wo["%s", "fu"]', pid))
  out('        },')
}
out('    ],')
out("}")

## header
ver <- sprintf("%s; survival %s; cmprsk %s", R.version.string, packageVersion("survival"), packageVersion("cmprsk"))
hdr <- c('"""Golden reference values computed in R (generated by tests/golden/golden4_gen.R).',
  '',
  paste0('Versions: ', ver, '.'),
  '',
  'Re-check: run  Rscript tests/golden/golden4_gen.R  from the repository root; it rewrites this file,',
  'and git diff shows any number that changed.',
  '',
  'Every number below was obtained as eval(parse(text=EXPR)) in R, and EXPR is written',
  'verbatim in the "# R: EXPR" comment beside it. Numbers are formatted with sprintf("%.15g", x).',
  'R NA and NaN -> None; R Inf -> float("inf"). Counts/times print as Python ints.',
  '',
  'R objects referenced in the comments were created, in this order, by exactly these statements',
  '(library(survival); library(cmprsk) loaded first):',
  '',
  defs_lines(),
  '',
  'Notes:',
  '* "cr" in SURVIVAL_GOLDEN is the cause-specific analysis of the competing-risks data',
  '  (status = cstatus == 1; competing deaths treated as censored).',
  '* km[...]["table"] = summary(km, censored=TRUE): all distinct times, incl. censor-only rows.',
  '* at_times_extend_true n_event is the number of events in (previous requested time, time].',
  '* at_times_extend_false: R drops requested times beyond a stratum\'s last follow-up.',
  '* cuminc curves are cmprsk\'s step representation (times duplicated, starting at 0).',
  '* WO_DERIVED.patients[*].cstatus: 2 only if no infection and an event == "death" row exists (none in file).',
  '* coxph "wald_test" is cox$wald.test (full precision); summary(cox)$waldtest["test"] is ROUNDED to 2 dp by survival.',
  '* coxph score test equals the survdiff chisq only without tied event times (cr, wo); with ties (small,',
  '  ties_censor) it differs for both ties="efron" and ties="breslow" (the breslow score tests are not stored).',
  '* KM medians: R returns the midpoint when S(t) == 0.5 exactly on a flat stretch (wo control: (141+175)/2 = 158).',
  '* KM log CIs: survfit clips the upper limit at 1; std_err is the SE of S(t) (summary.survfit scale); NaN when S=0.',
  '* extend=TRUE beyond last follow-up: S(t), std_err and CI are carried forward from the last time, n_risk = 0.',
  '* poisson.test two-sample p-values equal binom.test(x1, x1+x2, T1/(T1+T2)); "wo" two-sided p is exactly 1.',
  '* Time-0 convention: wo infections with day < 0 are ignored (W15 infection at day -10 -> W15 censored at 152).',
  '"""', '')
writeLines(c(hdr, version_consts(c("survival", "cmprsk")), L), "tests/golden/r_survival.py")
cat("wrote", length(L), "lines\n")
