# Three cohorts and strata on the bundled example examples/three_cohorts.csv, in R: the reference
# for tests/test_compare_k.py. Writes tests/golden/r_kcohort_example.py; run from the repository root:
#   Rscript tests/golden/kcohort_example.R
# The per-patient values are derived here from the raw rows, independently of ivigblina, following
# README's Definitions (window day >= 0, nadir ties to the earliest day, baseline the last value on
# or before day 0, events not after the first death, follow-up ended by the death). Running it again
# rewrites the file byte for byte. Needs survival, cmprsk, coin and MASS.
suppressMessages({
  library(survival)
  library(cmprsk)
  library(coin)
  library(MASS)
})
source("tests/golden/emit.R")

# ---- the per-patient table, derived from the raw rows ----
def('raw <- read.csv("examples/three_cohorts.csv", stringsAsFactors = FALSE, na.strings = c("", "NA"))')
def('INF <- c("infection", "infection_icu", "infection_death")')
def(paste(
  'derive <- function(d) {  # one patient\'s rows -> one row of the per-patient table (README, Definitions)',
  '  given <- function(x) { x <- unique(x[!is.na(x)]); stopifnot(length(x) <= 1); if (length(x)) x else NA }',
  '  m <- d[!is.na(d$igg_mg_dl), ]',
  '  w <- m[m$day >= 0, ]  # the follow-up window',
  '  w <- w[order(w$igg_mg_dl, w$day), ]  # the lowest value; of equal values the earliest day',
  '  pre <- m[m$day <= 0, ]',
  '  baseline <- if (nrow(pre)) min(pre$igg_mg_dl[pre$day == max(pre$day)]) else NA',
  '  nadir <- if (nrow(w)) w$igg_mg_dl[1] else NA',
  '  e <- d[!is.na(d$event) & d$day >= 0, ]  # event rows in the window',
  '  deaths <- e$day[e$event %in% c("death", "infection_death")]',
  '  death_day <- if (length(deaths)) min(deaths) else NA',
  '  if (!is.na(death_day)) e <- e[e$day <= death_day, ]  # nothing counts after the death',
  '  infections <- e$day[e$event %in% INF]',
  '  first <- if (length(infections)) min(infections) else NA',
  '  follow_up <- max(c(d$day, 0), na.rm = TRUE)  # the latest day of any row, at least 0 ...',
  '  if (!is.na(death_day)) follow_up <- min(follow_up, death_day)  # ... and not after the death',
  '  status <- if (!is.na(first)) 1L else if (!is.na(death_day)) 2L else 0L  # 2: death without infection',
  '  data.frame(patient_id = d$patient_id[1], cohort = given(d$cohort), centre = given(d$centre),',
  '             baseline_igg = baseline, nadir_igg = nadir, nadir_day = if (nrow(w)) w$day[1] else NA,',
  '             hgg = nadir < 400, pct_drop = (baseline - nadir) / baseline,',
  '             infection = length(infections) > 0, infection_icu = any(e$event == "infection_icu"),',
  '             infection_death = any(e$event == "infection_death"), death = !is.na(death_day),',
  '             first_infection_day = first, follow_up_days = follow_up,',
  '             infection_time = if (status == 1L) first else if (status == 2L) death_day else follow_up,',
  '             infection_status = status, infection_episodes = length(infections), stringsAsFactors = FALSE)',
  '}', sep = "\n"))
def('pt <- do.call(rbind, lapply(split(raw, raw$patient_id), derive))  # rownames: the patient IDs')
def('G <- c("ivig_day0", "ivig_on_demand", "none")')
def('pt$group <- factor(pt$cohort, levels = G)')
def('PAIRS <- list(c("ivig_day0", "ivig_on_demand"), c("ivig_day0", "none"), c("ivig_on_demand", "none"))')
def('y <- function(v, g) { x <- pt[[v]][pt$cohort == g]; x[!is.na(x)] }  # a group\'s values of v')
# ---- the two-group tests as ivigblina's defaults run them, on one pair ----
def('pw_wilcox <- function(v, a, b) suppressWarnings(wilcox.test(y(v, a), y(v, b), conf.int = TRUE))')
def('pw_fisher <- function(v, a, b) fisher.test(table(factor(pt$cohort, levels = c(a, b)), factor(pt[[v]], levels = c(TRUE, FALSE))))')
def('pw_logrank <- function(a, b) survdiff(Surv(infection_time, infection_status == 1) ~ cohort, data = pt[pt$cohort %in% c(a, b), ])')
def('pw_cox <- function(a, b) coxph(Surv(infection_time, infection_status == 1) ~ factor(cohort, levels = c(b, a)), data = pt[pt$cohort %in% c(a, b), ], ties = "efron")')
def('pw_gray <- function(a, b) with(pt[pt$cohort %in% c(a, b), ], cuminc(infection_time, infection_status, cohort)$Tests)')
def('pw_poisson <- function(a, b) poisson.test(c(sum(y("infection_episodes", a)), sum(y("infection_episodes", b))), c(sum(y("follow_up_days", a)), sum(y("follow_up_days", b))))')
def('holm <- function(p_of) p.adjust(sapply(PAIRS, function(p) p_of(p[1], p[2])), "holm")  # across the 3 pairs')
# ---- two cohorts stratified by centre ----
def('st <- pt[pt$cohort %in% c("ivig_day0", "none"), ]')
def('st$g <- factor(st$cohort, levels = c("ivig_day0", "none"))')
def('st$centre <- factor(st$centre)')
def('mh <- function(v, ...) mantelhaen.test(table(st$g, factor(st[[v]], levels = c(TRUE, FALSE)), st$centre), ...)')
def('cw <- function(v) wilcox_test(as.formula(paste(v, "~ g | centre")), data = st[!is.na(st[[v]]), ], distribution = "asymptotic")')
def('st_logrank <- survdiff(Surv(infection_time, infection_status == 1) ~ g + strata(centre), data = st)')
def('st_cox <- coxph(Surv(infection_time, infection_status == 1) ~ relevel(g, ref = "none") + strata(centre), data = st, ties = "efron")')

stopifnot(nrow(pt) == 54, !anyNA(pt$cohort), !anyNA(pt$centre), all(!is.na(pt$nadir_igg)))
CONT <- c(igg_nadir = "nadir_igg", days_to_nadir = "nadir_day", pct_drop = "pct_drop")
BIN <- c("hgg", "infection", "infection_icu", "infection_death", "death")
LANDMARKS <- c(30, 90, 180)

# ---- per patient ----
COLS <- c("cohort", "centre", "baseline_igg", "nadir_igg", "nadir_day", "hgg", "pct_drop", "infection", "infection_icu",
          "infection_death", "death", "first_infection_day", "follow_up_days", "infection_time", "infection_status",
          "infection_episodes")
out("PATIENTS = {  # infection_status as with --competing-risk (2: death without infection; 0 without it)")
for (id in rownames(pt)) {
  row <- pt[id, ]
  out("    ", pystr(id), ": {", paste0(pystr(COLS), ": ", vapply(COLS, function(k) fmt(row[[k]]), ""), collapse = ", "),
    "},  # R: pt[", pystr(id), ", ]")
}
out("}")
out("")

# ---- per-group summaries ----
out("SUMMARIES = {")
for (o in names(CONT)) {
  open(4, o)
  for (g in G) {
    open(8, g)
    kv(12, "n", sprintf('length(y("%s", "%s"))', CONT[[o]], g))
    kv(12, "q1", sprintf('quantile(y("%s", "%s"), 0.25, type = 7)', CONT[[o]], g))
    kv(12, "median", sprintf('quantile(y("%s", "%s"), 0.5, type = 7)', CONT[[o]], g))
    kv(12, "q3", sprintf('quantile(y("%s", "%s"), 0.75, type = 7)', CONT[[o]], g))
    close(8)
  }
  close(4)
}
for (o in BIN) {
  open(4, o)
  for (g in G) {
    open(8, g)
    kv(12, "n", sprintf('length(y("%s", "%s"))', o, g))
    kv(12, "events", sprintf('sum(y("%s", "%s"))', o, g))
    kv(12, "proportion", sprintf('mean(y("%s", "%s"))', o, g))
    close(8)
  }
  close(4)
}
open(4, "time_to_infection")
for (g in G) {
  open(8, g)
  km <- sprintf('survfit(Surv(infection_time, infection_status == 1) ~ 1, data = pt[pt$cohort == "%s", ], conf.type = "log")', g)
  kv(12, "n", sprintf('sum(pt$cohort == "%s")', g))
  kv(12, "events", sprintf('sum(pt$infection_status[pt$cohort == "%s"] == 1)', g))
  kv(12, "median", sprintf('summary(%s)$table[["median"]]', km))
  kv(12, "median_ci_low", sprintf('summary(%s)$table[["0.95LCL"]]', km))
  kv(12, "median_ci_high", sprintf('summary(%s)$table[["0.95UCL"]]', km))
  stopifnot(max(pt$infection_time[pt$cohort == g]) >= max(LANDMARKS))  # no landmark beyond follow-up
  for (i in seq_along(LANDMARKS)) {
    d <- LANDMARKS[i]
    kv(12, sprintf("infection_free_d%g", d), sprintf('summary(%s, times = %g)$surv', km, d))
    kv(12, sprintf("infection_free_d%g_ci_low", d), sprintf('summary(%s, times = %g)$lower', km, d))
    kv(12, sprintf("infection_free_d%g_ci_high", d), sprintf('summary(%s, times = %g)$upper', km, d))
  }
  close(8)
}
close(4)
open(4, "time_to_infection_competing")
for (g in G) {
  open(8, g)
  ci <- 'with(pt, cuminc(infection_time, infection_status, cohort))'
  kv(12, "n", sprintf('sum(pt$cohort == "%s")', g))
  kv(12, "events", sprintf('sum(pt$infection_status[pt$cohort == "%s"] == 1)', g))
  kv(12, "competing_events", sprintf('sum(pt$infection_status[pt$cohort == "%s"] == 2)', g))
  for (d in LANDMARKS) {
    kv(12, sprintf("cuminc_d%g", d), sprintf('timepoints(%s, %g)$est["%s 1", 1]', ci, d, g))
    kv(12, sprintf("cuminc_d%g_se", d), sprintf('sqrt(timepoints(%s, %g)$var["%s 1", 1])', ci, d, g))
  }
  close(8)
}
close(4)
open(4, "infection_rate")
for (g in G) {
  open(8, g)
  kv(12, "n", sprintf('sum(pt$cohort == "%s")', g))
  kv(12, "episodes", sprintf('sum(y("infection_episodes", "%s"))', g))
  kv(12, "patient_days", sprintf('sum(y("follow_up_days", "%s"))', g))
  kv(12, "rate_per_100_patient_days", sprintf('100 * sum(y("infection_episodes", "%s")) / sum(y("follow_up_days", "%s"))', g, g))
  close(8)
}
close(4)
out("}")
out("")

# ---- three cohorts: omnibus test per outcome ----
out("OMNIBUS = {")
for (o in names(CONT)) {
  open(4, o)
  call <- sprintf("kruskal.test(%s ~ group, data = pt)", CONT[[o]])
  kv(8, "statistic", paste0(call, "$statistic"))
  kv(8, "df", paste0(call, "$parameter"))
  kv(8, "p_value", paste0(call, "$p.value"))
  close(4)
}
for (o in BIN) {
  open(4, o)
  kv(8, "p_value", sprintf("fisher.test(table(pt$group, factor(pt$%s, levels = c(TRUE, FALSE))))$p.value", o))
  close(4)
}
open(4, "time_to_infection")
call <- "survdiff(Surv(infection_time, infection_status == 1) ~ group, data = pt)"
kv(8, "statistic", paste0(call, "$chisq"))
kv(8, "p_value", paste0(call, "$pvalue"))
close(4)
open(4, "time_to_infection_competing")
call <- "with(pt, cuminc(infection_time, infection_status, group))$Tests"
kv(8, "statistic", paste0(call, '["1", "stat"]'))
kv(8, "df", paste0(call, '["1", "df"]'))
kv(8, "p_value", paste0(call, '["1", "pv"]'))
close(4)
open(4, "infection_rate")
call <- 'anova(glm(infection_episodes ~ group + offset(log(follow_up_days)), family = poisson, data = pt), test = "LRT")'
kv(8, "statistic", paste0(call, '[2, "Deviance"]'))
kv(8, "df", paste0(call, '[2, "Df"]'))
kv(8, "p_value", paste0(call, '[2, "Pr(>Chi)"]'))
close(4)
out("}")
out("")

# ---- three cohorts: the negative binomial rate (compare --burden), MASS's likelihood-ratio test ----
def("pos <- pt[pt$follow_up_days > 0, ]")
def("nb0 <- glm.nb(infection_episodes ~ 1 + offset(log(follow_up_days)), data = pos)")
def("nb1 <- glm.nb(infection_episodes ~ group + offset(log(follow_up_days)), data = pos)")
out("NEGATIVE_BINOMIAL = {  # anova.negbin: each model with its own theta; LR = difference of 2 x log-likelihoods")
kv(4, "n", "nobs(nb1)")
kv(4, "statistic", 'anova(nb0, nb1)[2, "LR stat."]')
kv(4, "df", 'anova(nb0, nb1)[2, "   df"]')
kv(4, "p_value", 'anova(nb0, nb1)[2, "Pr(Chi)"]')
kv(4, "theta_null", "nb0$theta")
kv(4, "theta", "nb1$theta")
out("}")
out("")
# the same test where theta converges: 36 patients of three groups, overdispersed counts
def(paste0('od <- data.frame(group = rep(c("a", "b", "c"), each = 12), ',
           'days = rep(c(30, 60, 90, 120, 150, 180), 6), ',
           'episodes = c(0, 3, 1, 0, 6, 2, 1, 0, 4, 9, 0, 2, 1, 0, 5, 2, 0, 8, 3, 0, 1, 12, 2, 0, ',
           '0, 0, 1, 0, 2, 0, 0, 3, 0, 1, 0, 4))'))
def("od0 <- glm.nb(episodes ~ 1 + offset(log(days)), data = od)")
def("od1 <- glm.nb(episodes ~ group + offset(log(days)), data = od)")
out("NEGATIVE_BINOMIAL_OVERDISPERSED = {")
kv(4, "statistic", 'anova(od0, od1)[2, "LR stat."]')
kv(4, "df", 'anova(od0, od1)[2, "   df"]')
kv(4, "p_value", 'anova(od0, od1)[2, "Pr(Chi)"]')
kv(4, "theta_null", "od0$theta")
kv(4, "theta", "od1$theta")
out("}")
out("")
# compare --burden --pairwise: each pair's own two-group glm.nb (the first group over the second),
# Wald CI and P as the two-group infection_rate_nb; P adjusted by Holm across the three pairs
def(paste0('pw_nb <- function(a, b, d = pos, f = infection_episodes ~ group + offset(log(follow_up_days))) ',
           'glm.nb(f, data = transform(d[d$group %in% c(a, b), ], group = factor(group, levels = c(b, a))))'))
def('pw_od <- function(a, b) pw_nb(a, b, od, episodes ~ group + offset(log(days)))')
def('holm_nb <- function(fit, pairs) p.adjust(sapply(pairs, function(p) coef(summary(fit(p[1], p[2])))[2, 4]), "holm")')
emit_nb_pairs <- function(name, fit, pairs, pairs_expr) {
  out(name, " = {")
  for (i in seq_along(pairs)) {
    a <- pairs[[i]][1]; b <- pairs[[i]][2]
    call <- sprintf('%s("%s", "%s")', fit, a, b)
    open(4, paste0(a, ",", b))
    kv(8, "estimate", sprintf("exp(coef(%s))[2]", call))
    kv(8, "ci_low", sprintf("exp(confint.default(%s))[2, 1]", call))
    kv(8, "ci_high", sprintf("exp(confint.default(%s))[2, 2]", call))
    kv(8, "p_value", sprintf("coef(summary(%s))[2, 4]", call))
    kv(8, "p_adjusted", sprintf("holm_nb(%s, %s)[%d]", fit, pairs_expr, i))
    kv(8, "theta", sprintf("%s$theta", call))
    close(4)
  }
  out("}")
  out("")
}
emit_nb_pairs("NEGATIVE_BINOMIAL_PAIRS", "pw_nb", PAIRS, "PAIRS")
def('OD_PAIRS <- list(c("a", "b"), c("a", "c"), c("b", "c"))')
emit_nb_pairs("NEGATIVE_BINOMIAL_OVERDISPERSED_PAIRS", "pw_od", OD_PAIRS, "OD_PAIRS")

# ---- three cohorts: each pair with the two-group test, Holm across the pairs ----
pair <- function(a, b) sprintf('"%s", "%s"', a, b)
out("PAIRWISE = {  # each outcome: the pairs in order 1-2, 1-3, 2-3; p_adjusted: Holm across the 3 pairs")
emit_pairs <- function(key, each, p_of) {  # each(a, b): emit the pair's numbers; p_of: the P of a pair as a function
  open(4, key)
  for (i in seq_along(PAIRS)) {
    a <- PAIRS[[i]][1]; b <- PAIRS[[i]][2]
    open(8, paste0(a, ",", b))
    each(a, b)
    kv(12, "p_adjusted", sprintf("holm(%s)[%d]", p_of, i))
    close(8)
  }
  close(4)
}
for (o in names(CONT)) {
  v <- CONT[[o]]
  emit_pairs(o, function(a, b) {
    call <- sprintf('pw_wilcox("%s", %s)', v, pair(a, b))
    kv(12, "statistic", paste0(call, "$statistic"))
    kv(12, "p_value", paste0(call, "$p.value"))
    kv(12, "estimate", paste0(call, "$estimate"))
    kv(12, "ci_low", paste0(call, "$conf.int[1]"))
    kv(12, "ci_high", paste0(call, "$conf.int[2]"))
  }, sprintf('function(a, b) pw_wilcox("%s", a, b)$p.value', v))
}
for (o in BIN) {
  emit_pairs(o, function(a, b) {
    call <- sprintf('pw_fisher("%s", %s)', o, pair(a, b))
    kv(12, "p_value", paste0(call, "$p.value"))
    kv(12, "estimate", paste0(call, "$estimate"))
    kv(12, "ci_low", paste0(call, "$conf.int[1]"))
    kv(12, "ci_high", paste0(call, "$conf.int[2]"))
  }, sprintf('function(a, b) pw_fisher("%s", a, b)$p.value', o))
}
emit_pairs("time_to_infection", function(a, b) {
  kv(12, "statistic", sprintf("pw_logrank(%s)$chisq", pair(a, b)))
  kv(12, "p_value", sprintf("pw_logrank(%s)$pvalue", pair(a, b)))
  kv(12, "estimate", sprintf("exp(coef(pw_cox(%s)))", pair(a, b)))
  kv(12, "ci_low", sprintf("exp(confint(pw_cox(%s)))[1]", pair(a, b)))
  kv(12, "ci_high", sprintf("exp(confint(pw_cox(%s)))[2]", pair(a, b)))
}, "function(a, b) pw_logrank(a, b)$pvalue")
emit_pairs("time_to_infection_competing", function(a, b) {
  kv(12, "statistic", sprintf('pw_gray(%s)["1", "stat"]', pair(a, b)))
  kv(12, "p_value", sprintf('pw_gray(%s)["1", "pv"]', pair(a, b)))
}, 'function(a, b) pw_gray(a, b)["1", "pv"]')
emit_pairs("infection_rate", function(a, b) {
  call <- sprintf("pw_poisson(%s)", pair(a, b))
  kv(12, "p_value", paste0(call, "$p.value"))
  kv(12, "estimate", paste0(call, "$estimate"))
  kv(12, "ci_low", paste0(call, "$conf.int[1]"))
  kv(12, "ci_high", paste0(call, "$conf.int[2]"))
}, "function(a, b) pw_poisson(a, b)$p.value")
out("}")
out("")

# ---- ivig_day0 against none, stratified by centre ----
out('STRATIFIED = {  # st: the patients of ivig_day0 and none; every estimate is ivig_day0 against none')
for (o in names(CONT)) {
  open(4, o)
  kv(8, "statistic", sprintf('statistic(cw("%s"))', CONT[[o]]))
  kv(8, "p_value", sprintf('pvalue(cw("%s"))', CONT[[o]]))
  close(4)
}
for (o in BIN) {
  open(4, o)
  call <- sprintf('mh("%s")', o)
  kv(8, "statistic", paste0(call, "$statistic"))
  kv(8, "p_value", paste0(call, "$p.value"))
  kv(8, "estimate", paste0(call, "$estimate"))
  kv(8, "ci_low", paste0(call, "$conf.int[1]"))
  kv(8, "ci_high", paste0(call, "$conf.int[2]"))
  open(8, "exact")
  call <- sprintf('mh("%s", exact = TRUE)', o)
  kv(12, "statistic", paste0(call, "$statistic"))
  kv(12, "p_value", paste0(call, "$p.value"))
  kv(12, "estimate", paste0(call, "$estimate"))
  kv(12, "ci_low", paste0(call, "$conf.int[1]"))
  kv(12, "ci_high", paste0(call, "$conf.int[2]"))
  close(8)
  close(4)
}
open(4, "time_to_infection")
kv(8, "statistic", "st_logrank$chisq")
kv(8, "p_value", "st_logrank$pvalue")
kv(8, "estimate", "exp(coef(st_cox))")
kv(8, "ci_low", "exp(confint(st_cox))[1]")
kv(8, "ci_high", "exp(confint(st_cox))[2]")
close(4)
out("}")

versions <- sprintf("%s; survival %s; cmprsk %s; coin %s; MASS %s", R.version.string, packageVersion("survival"),
                    packageVersion("cmprsk"), packageVersion("coin"), packageVersion("MASS"))
header <- c(
  '"""Three cohorts and strata on examples/three_cohorts.csv computed in R (issue 14),',
  'generated by tests/golden/kcohort_example.R.',
  '',
  paste0("Versions: ", versions, "."),
  '',
  'Re-check: run  Rscript tests/golden/kcohort_example.R  from the repository root; it rewrites this',
  'file byte for byte, and git diff shows any number that changed.',
  '',
  'Every number below was obtained as eval(parse(text=EXPR)) in R, and EXPR is written verbatim in',
  'the "# R: EXPR" comment beside it (PATIENTS: one row of pt per line). Numbers are formatted with',
  'sprintf("%.15g", x); R NA -> None, TRUE/FALSE -> True/False, integers as Python ints. The',
  'per-patient table pt is derived from the raw rows by derive() below, independently of ivigblina,',
  'following README\'s Definitions. The R objects named in the comments were created, in this order,',
  'by exactly these statements (library(survival); library(cmprsk); library(coin); library(MASS)',
  'loaded first):',
  '',
  defs_lines(),
  '"""',
  '',
  sprintf('R_VERSION = "%s"', R.version.string),
  sprintf('VERSIONS = {"survival": "%s", "cmprsk": "%s", "coin": "%s", "MASS": "%s"}', packageVersion("survival"),
          packageVersion("cmprsk"), packageVersion("coin"), packageVersion("MASS")),
  sprintf('GROUPS = (%s)', paste(pystr(G), collapse = ", ")),
  sprintf('LANDMARKS = (%s)', paste(sprintf("%g.0", LANDMARKS), collapse = ", ")),
  ''
)
writeLines(c(header, L), "tests/golden/r_kcohort_example.py")
