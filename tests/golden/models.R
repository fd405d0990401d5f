## Generator for tests/golden/r_models.py: reference values for the regression models (issue 15):
## survival::coxph on counting-process data, glm(family = binomial), MASS::glm.nb, cmprsk::crr.
## Run from the repository root:  Rscript tests/golden/models.R
## Every number is produced by eval(parse(text=EXPR)) and EXPR is written verbatim as the
## comment beside that number, so the comment IS the call that produced it (as table1.R).
suppressMessages({library(survival); library(MASS); library(cmprsk)})

source("tests/golden/emit.R")

## ---------------------------------------------------------------- data sets (synthetic)
def('r_warnings <- function(expr) { w <- character(0); withCallingHandlers(expr, warning = function(x) { w <<- c(w, conditionMessage(x)); invokeRestart("muffleWarning") }); unique(w) }')
def('set.seed(20250115)')
## 1. Cox: delayed entry (rows 31-40 enter after day 0), split at days 20, 50 and 90 as survSplit
##    does (events fall on the cuts 20 and 50), tied event days, two strata; igg_now (per 100
##    mg/dL) is continuous and changes at every cut, ivig_now is 0 before day 20 and then 1 for
##    two patients in three.
def('tv_base <- data.frame(id = 1:40, centre = rep(c("east", "west"), each = 20), tstart = c(rep(0, 30), 2, 4, 7, 9, 14, 2, 4, 7, 9, 14), tstop = 5 * sample(3:26, 40, replace = TRUE), infection = rbinom(40, 1, 0.65))')
def('cox_tv <- survSplit(Surv(tstart, tstop, infection) ~ ., data = tv_base, cut = c(20, 50, 90))')
def('cox_tv$igg_now <- round(rnorm(nrow(cox_tv), 5 + (cox_tv$centre == "west") - 0.01 * cox_tv$tstart, 1.5), 2)')
def('cox_tv$ivig_now <- as.integer(cox_tv$tstart >= 20 & cox_tv$id %% 3 != 0)')
def('cox_tv$igg_twice <- 2 * cox_tv$igg_now')
## monotone likelihood: every patient with hgg_now = 1 has the event before anyone with 0 does
def('cox_mono <- data.frame(tstart = 0, tstop = c(2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13), event = c(1, 1, 1, 0, 1, 1, 0, 1, 0, 1, 0, 0), hgg_now = c(1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0), age = c(61, 70, 55, 66, 59, 72, 64, 58, 69, 63, 57, 68))')
## 2. logistic: a 3-level categorical covariate; quasi-complete separation (dose - g < 2 only
##    with y = 0, > 2 only with y = 1, = 2 with both); complete separation (y = 1 iff x > 4)
def('logit_ecog <- local({ age <- round(rnorm(60, 62, 9)); ecog <- sample(c("0", "1", "2"), 60, replace = TRUE); y <- rbinom(60, 1, plogis(-5 + 0.08 * age - 0.6 * (ecog == "2"))); data.frame(y, age, ecog) })')
def('logit_quasi <- data.frame(y = c(0, 0, 0, 0, 0, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1), dose = c(1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4, 5, 5, 5, 6, 6, 6), g = c(0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 0, 1, 1, 1, 1, 1, 1))')
def('logit_complete <- data.frame(y = c(0, 0, 0, 0, 1, 1, 1, 1, 1, 1), x = 1:10)')
## 3. negative binomial: overdispersed counts with patient-days; underdispersed counts (theta
##    runs to infinity)
def('nb_over <- local({ days <- sample(30:365, 80, replace = TRUE); cohort <- rep(0:1, 40); age <- round(rnorm(80, 60, 10)); episodes <- rnbinom(80, mu = days / 100 * exp(0.5 * cohort + 0.02 * (age - 60)), size = 1.2); data.frame(episodes, days, cohort, age) })')
def('nb_under <- local({ days <- sample(30:365, 60, replace = TRUE); cohort <- rep(0:1, 30); episodes <- round(days / 40 * c(1, 1.3)[cohort + 1]); data.frame(episodes, days, cohort) })')
## 4. Fine-Gray: whole days (ties among events, and between events and censorings), 1 = the
##    cause, 2 = competing, 0 = censored
def('fg <- local({ cohort <- rep(0:1, 35); age <- round(rnorm(70, 60, 10)); ftime <- sample(1:40, 70, replace = TRUE); fstatus <- sample(0:2, 70, replace = TRUE, prob = c(0.3, 0.4, 0.3)); data.frame(ftime, fstatus, cohort, age) })')
## the fits (warnings muffled here; each fit's warnings are taken again by r_warnings below)
def('fit_cox_efron <- coxph(Surv(tstart, tstop, infection) ~ igg_now + ivig_now + strata(centre), data = cox_tv, ties = "efron")')
def('fit_cox_breslow <- coxph(Surv(tstart, tstop, infection) ~ igg_now + ivig_now + strata(centre), data = cox_tv, ties = "breslow")')
def('fit_cox_unstratified <- coxph(Surv(tstart, tstop, infection) ~ igg_now + ivig_now, data = cox_tv, ties = "efron")')
def('fit_cox_aliased <- coxph(Surv(tstart, tstop, infection) ~ ivig_now + igg_now + igg_twice, data = cox_tv, ties = "efron")')
def('fit_cox_mono <- suppressWarnings(coxph(Surv(tstart, tstop, event) ~ hgg_now + age, data = cox_mono, ties = "efron"))')
def('fit_logit_ecog <- glm(y ~ age + ecog, family = binomial, data = logit_ecog)')
def('fit_logit_quasi <- suppressWarnings(glm(y ~ dose + g, family = binomial, data = logit_quasi))')
def('fit_logit_complete <- suppressWarnings(glm(y ~ x, family = binomial, data = logit_complete))')
def('fit_nb_over <- glm.nb(episodes ~ cohort + age + offset(log(days)), data = nb_over)')
def('fit_nb_maxit3 <- suppressWarnings(glm.nb(episodes ~ cohort + age + offset(log(days)), data = nb_over, control = glm.control(maxit = 3)))')
def('fit_nb_under <- suppressWarnings(glm.nb(episodes ~ cohort + offset(log(days)), data = nb_under))')
def('fit_fg_cause1 <- crr(fg$ftime, fg$fstatus, cbind(cohort = fg$cohort, age = fg$age), failcode = 1, cencode = 0)')
def('fit_fg_cause2 <- crr(fg$ftime, fg$fstatus, cbind(cohort = fg$cohort, age = fg$age), failcode = 2, cencode = 0)')

## ---------------------------------------------------------------- the fits: label, data, terms
## terms: our name = R's coefficient name
FITS <- list(
  cox_efron = list(fit = "fit_cox_efron", kind = "coxph", data = "cox_tv",
                   terms = c(igg_now = "igg_now", ivig_now = "ivig_now")),
  cox_breslow = list(fit = "fit_cox_breslow", kind = "coxph", data = "cox_tv",
                     terms = c(igg_now = "igg_now", ivig_now = "ivig_now")),
  cox_unstratified = list(fit = "fit_cox_unstratified", kind = "coxph", data = "cox_tv",
                          terms = c(igg_now = "igg_now", ivig_now = "ivig_now")),
  cox_aliased = list(fit = "fit_cox_aliased", kind = "coxph", data = "cox_tv",
                     terms = c(ivig_now = "ivig_now", igg_now = "igg_now", igg_twice = "igg_twice")),
  cox_mono = list(fit = "fit_cox_mono", kind = "coxph", data = "cox_mono",
                  terms = c(hgg_now = "hgg_now", age = "age")),
  logit_ecog = list(fit = "fit_logit_ecog", kind = "glm", data = "logit_ecog",
                    terms = c("(Intercept)" = "(Intercept)", age = "age", "ecog=1" = "ecog1", "ecog=2" = "ecog2")),
  logit_quasi = list(fit = "fit_logit_quasi", kind = "glm", data = "logit_quasi",
                     terms = c("(Intercept)" = "(Intercept)", dose = "dose", g = "g")),
  logit_complete = list(fit = "fit_logit_complete", kind = "glm", data = "logit_complete",
                        terms = c("(Intercept)" = "(Intercept)", x = "x")),
  nb_over = list(fit = "fit_nb_over", kind = "negbin", data = "nb_over",
                 terms = c("(Intercept)" = "(Intercept)", cohort = "cohort", age = "age")),
  nb_maxit3 = list(fit = "fit_nb_maxit3", kind = "negbin", data = "nb_over",
                   terms = c("(Intercept)" = "(Intercept)", cohort = "cohort", age = "age")),
  nb_under = list(fit = "fit_nb_under", kind = "negbin", data = "nb_under",
                  terms = c("(Intercept)" = "(Intercept)", cohort = "cohort")),
  fg_cause1 = list(fit = "fit_fg_cause1", kind = "crr", data = "fg", terms = c(cohort = "cohort", age = "age")),
  fg_cause2 = list(fit = "fit_fg_cause2", kind = "crr", data = "fg", terms = c(cohort = "cohort", age = "age"))
)
call_of <- function(fit) sub("^suppressWarnings\\((.*)\\)$", "\\1", sub("^[a-z0-9_]+ <- ", "", grep(paste0("^", fit, " <- "), DEFS, value = TRUE)))

## ---------------------------------------------------------------- emit: data
DATASETS <- c("cox_tv", "cox_mono", "logit_ecog", "logit_quasi", "logit_complete", "nb_over", "nb_under", "fg")
out("# Every data set, by the name of the R object the calls below use: a dict of its columns.")
out("DATA = {")
for (d in DATASETS) {
  open(4, d)
  for (col in names(ev(d))) lst(8, col, sprintf('%s$%s[%d]', d, col, seq_len(nrow(ev(d)))))
  close(4)
}
out("}")
out("")

## ---------------------------------------------------------------- emit: dummy coding
out("# R's treatment coding of the categorical covariate: levels in order (the first is the")
out("# reference) and each dummy column as a string of 0/1, one character per row.")
out("DESIGN = {")
open(4, "logit_ecog")
kv(8, "levels", 'paste(levels(factor(logit_ecog$ecog)), collapse = ",")')
kv(8, "ecog1", 'paste(model.matrix(~ ecog, data = logit_ecog)[, "ecog1"], collapse = "")')
kv(8, "ecog2", 'paste(model.matrix(~ ecog, data = logit_ecog)[, "ecog2"], collapse = "")')
close(4)
out("}")
out("")

## ---------------------------------------------------------------- emit: theta.ml alone
out("# MASS::theta.ml at given means (here every mean is the sample mean): theta and its SE.")
out("THETA_ML = {")
open(4, "nb_over_mean")
kv(8, "theta", 'as.numeric(theta.ml(nb_over$episodes, rep(mean(nb_over$episodes), 80), limit = 25))')
kv(8, "se", 'attr(theta.ml(nb_over$episodes, rep(mean(nb_over$episodes), 80), limit = 25), "SE")')
close(4)
out("}")
out("")

## ---------------------------------------------------------------- emit: fits
term_values <- function(ind, f, ours, r, kind) {
  open(ind, ours)
  i <- ind + 4
  if (kind == "crr") {
    kv(i, "coef", sprintf('%s$coef[["%s"]]', f, r))
    kv(i, "se", sprintf('summary(%s)$coef["%s", "se(coef)"]', f, r))
    kv(i, "estimate", sprintf('summary(%s)$coef["%s", "exp(coef)"]', f, r))
    kv(i, "p_value", sprintf('2 * (1 - pnorm(abs(%s$coef[["%s"]]) / summary(%s)$coef["%s", "se(coef)"]))', f, r, f, r))
    kv(i, "p_value_summary", sprintf('summary(%s)$coef["%s", "p-value"]', f, r))
    for (level in c("0.95", "0.9")) {
      tag <- sub("^0\\.", "", level)
      kv(i, paste0("ci_low_", tag), sprintf('summary(%s, conf.int = %s)$conf.int["%s", 3]', f, level, r))
      kv(i, paste0("ci_high_", tag), sprintf('summary(%s, conf.int = %s)$conf.int["%s", 4]', f, level, r))
    }
  } else if (is.na(ev(sprintf('coef(%s)[["%s"]]', f, r)))) {
    kv(i, "coef", sprintf('coef(%s)[["%s"]]', f, r))   # aliased: NA
  } else {
    kv(i, "coef", sprintf('coef(%s)[["%s"]]', f, r))
    kv(i, "se", sprintf('sqrt(diag(vcov(%s)))[["%s"]]', f, r))
    kv(i, "estimate", sprintf('exp(coef(%s))[["%s"]]', f, r))
    kv(i, "p_value", sprintf('summary(%s)$coefficients["%s", "Pr(>|z|)"]', f, r))
    for (level in c("0.95", "0.9")) {
      tag <- sub("^0\\.", "", level)
      kv(i, paste0("ci_low_", tag), sprintf('exp(confint.default(%s, level = %s))["%s", 1]', f, level, r))
      kv(i, paste0("ci_high_", tag), sprintf('exp(confint.default(%s, level = %s))["%s", 2]', f, level, r))
    }
  }
  close(ind)
}

out("# FITS[name]: call (a label: the R call that made fit_<name>), data (a DATA key), kind, then")
out("# terms[our name][value] and the fit's values. ci_low_95/ci_high_95 and _9 (0.9) are")
out("# exp(confint.default(fit, level)) (crr: summary(fit, conf.int)$conf.int). warnings are")
out("# r_warnings(call): R's warning messages, each once, in the order R gave them.")
out("FITS = {")
for (name in names(FITS)) {
  spec <- FITS[[name]]
  f <- spec$fit
  call <- call_of(f)
  open(4, name)
  txt(8, "call", call)
  txt(8, "data", spec$data)
  txt(8, "kind", spec$kind)
  open(8, "terms")
  for (k in seq_along(spec$terms)) term_values(12, f, names(spec$terms)[k], spec$terms[[k]], spec$kind)
  close(8)
  if (spec$kind == "coxph") {
    kv(8, "loglik", sprintf('%s$loglik[2]', f))
    kv(8, "loglik_null", sprintf('%s$loglik[1]', f))
    kv(8, "n", sprintf('%s$n', f))
    if ("id" %in% names(ev(spec$data))) kv(8, "n_id", sprintf('length(unique(%s$id))', spec$data))
    kv(8, "events", sprintf('%s$nevent', f))
    kv(8, "iterations", sprintf('%s$iter', f))
  } else if (spec$kind == "glm") {
    kv(8, "loglik", sprintf('as.numeric(logLik(%s))', f))
    kv(8, "loglik_null", sprintf('-%s$null.deviance / 2', f))
    kv(8, "n", sprintf('nobs(%s)', f))
    kv(8, "events", sprintf('sum(%s$y)', f))
    kv(8, "converged", sprintf('%s$converged', f))
    kv(8, "iterations", sprintf('%s$iter', f))
    kv(8, "events_per_parameter", sprintf('min(table(%s$y)) / (length(coef(%s)) - 1)', f, f))
  } else if (spec$kind == "negbin") {
    kv(8, "loglik", sprintf('as.numeric(logLik(%s))', f))
    kv(8, "n", sprintf('nobs(%s)', f))
    kv(8, "events", sprintf('sum(%s$y)', f))
    kv(8, "theta", sprintf('%s$theta', f))
    kv(8, "theta_se", sprintf('%s$SE.theta', f))
    kv(8, "converged", sprintf('%s$converged && !identical(%s$th.warn, "alternation limit reached")', f, f))
  } else {
    kv(8, "loglik", sprintf('%s$loglik', f))
    kv(8, "loglik_null", sprintf('%s$loglik.null', f))
    kv(8, "n", sprintf('%s$n', f))
    kv(8, "events", sprintf('sum(%s$fstatus == %d)', spec$data, if (name == "fg_cause1") 1L else 2L))
    kv(8, "converged", sprintf('%s$converged', f))
  }
  w <- ev(sprintf('r_warnings(%s)', call))
  lst(8, "warnings", sprintf('r_warnings(%s)[%d]', call, seq_along(w)))
  close(4)
}
out("}")
out("")

## ---------------------------------------------------------------- header
ver <- sprintf("%s; survival %s; MASS %s; cmprsk %s", R.version.string, packageVersion("survival"),
               packageVersion("MASS"), packageVersion("cmprsk"))
hdr <- c('"""Golden reference values for the regression models (issue 15), generated by tests/golden/models.R.',
  '',
  paste0('Versions: ', ver, '.'),
  '',
  'Re-check: run  Rscript tests/golden/models.R  from the repository root; it rewrites this file',
  'byte for byte (the data come from set.seed(20250115) and R\'s default generators), and git diff',
  'shows any number that changed.',
  '',
  'Every number below was obtained as eval(parse(text=EXPR)) in R, and EXPR is written',
  'verbatim in the "# R: EXPR" comment beside it. Numbers are formatted with sprintf("%.15g", x).',
  'R NA and NaN -> None; R Inf -> float("inf"). Counts print as Python ints. All data are',
  'synthetic (no patients). The R objects named in the comments were created, in this order,',
  'by exactly these statements (library(survival), library(MASS) and library(cmprsk) loaded first):',
  '',
  defs_lines(),
  '',
  'Notes (what R does):',
  '* coxph: Newton-Raphson from 0 (agfit4), step halving, convergence when |1 - loglik_old /',
  '  loglik| <= 1e-9, at most 20 iterations; a row is at risk at t when tstart < t <= tstop.',
  '  cox_aliased: igg_twice = 2 igg_now is aliased, coxph leaves its coefficient NA without a',
  '  warning (singular.ok = TRUE). cox_mono: the likelihood rises without end in hgg_now; coxph',
  '  stops when the log likelihood settles and warns that beta may be infinite.',
  '* glm: IRLS, epsilon 1e-8, maxit 25; summary\'s P is 2 pnorm(-|z|). logit_quasi converges and',
  '  warns of fitted probabilities 0 or 1; logit_complete does not converge in 25 iterations.',
  '* glm.nb: a Poisson fit, then IRLS at theta alternating with theta.ml (limit = maxit = 25) until',
  '  |Lm0 - Lm| / d1 + |delta theta| <= 1e-8. nb_under: theta.ml reaches its iteration limit with',
  '  theta in the millions, where its score is below the rounding error of its terms: theta and',
  '  SE.theta are not determined beyond a few digits (the coefficients are: they are the',
  '  Poisson ones). nb_maxit3: glm.control(maxit = 3) limits the IRLS, theta.ml and the',
  '  alternation alike; its fit$converged is TRUE (the last IRLS converged) although the',
  '  alternation did not: converged below is fit$converged and no "alternation limit reached".',
  '* crr: summary(fit)$coef\'s p-value is rounded (signif, 2 digits); p_value is the unrounded',
  '  2 * (1 - pnorm(|z|)) that print.crr and summary.crr compute.',
  '"""', '')
consts <- version_consts(c("survival", "MASS", "cmprsk"))
writeLines(c(hdr, consts, L), "tests/golden/r_models.py")
cat("wrote", length(L), "lines\n")
