## Issue 15 on the bundled examples in R: infection burden by window, the negative binomial rate
## ratio, counting-process data of time-varying IgG, HGG and IVIG (tmerge) with their Cox models,
## landmark analyses, adjusted models and competing risks (crr, cause-specific Cox), and the
## immortal-time facts. The reference for tests/test_burden_example.py. Writes
## tests/golden/r_burden_example.py; run from the repository root:
##   Rscript tests/golden/burden_example.R
## Everything is derived here from the raw rows of examples/wo2022_cohort.csv and
## examples/three_cohorts.csv, following README's Definitions and issue 15, not from ivig_blina.
## Every number is produced by eval(parse(text=EXPR)) and EXPR is written verbatim as the
## comment beside it (as strata.R); the statements that built the objects are in the header.
source("tests/golden/burden_common.R")  # the packages, the emit helpers and the DEF_* statements

## ---------------------------------------------------------------- per patient, from the raw rows
def(DEF_INFECTIONS)
def(DEF_FIRST_GIVEN)
def(DEF_PER_PATIENT)
def('wo_raw <- read.csv("examples/wo2022_cohort.csv", stringsAsFactors = FALSE, na.strings = c("", "NA"))')
def('wo <- per_patient(wo_raw, c("age", "sex", "ecog"), competing = FALSE)')
def('wo$cohort <- factor(wo$cohort, levels = c("control", "ivig"))  # ivig against control: term cohortivig')
def('wo$hgg <- as.integer(wo$nadir_igg < 400)')
def('three_raw <- read.csv("examples/three_cohorts.csv", stringsAsFactors = FALSE, na.strings = c("", "NA"))')
def('three <- per_patient(three_raw, character(0), competing = TRUE)')
def('three$cohort <- factor(three$cohort, levels = c("ivig_day0", "ivig_on_demand", "none"))  # against the first listed')
def('PATIENT_COLS <- c("patient_id", "cohort", "follow_up_days", "infection_time", "infection_status", "infection_episodes", "baseline_igg", "nadir_igg", "first_dose_day")')

## ---------------------------------------------------------------- 1. burden by window (survSplit)
def('cuts <- c(28, 90, 180)')
def('wo_split <- survSplit(Surv(follow_up_days, censored) ~ patient_id + cohort, data = transform(wo, censored = 0), cut = cuts, episode = "window")')
def('wo_split$days <- wo_split$follow_up_days - wo_split$tstart  # the overlap of the window with [0, follow_up_days]')
def('wo_episodes <- merge(wo_raw[wo_raw$event %in% INFECTIONS & wo_raw$day >= 0, c("patient_id", "day")], wo[c("patient_id", "cohort", "follow_up_days")])')
def('wo_episodes <- wo_episodes[wo_episodes$day <= wo_episodes$follow_up_days, ]  # none after the death')
def('wo_episodes$window <- findInterval(wo_episodes$day, cuts, left.open = TRUE) + 1  # start < t <= end; day 0 in the first')
def('GROUPS <- c("ivig", "control")  # first, second')
def('episodes_by <- table(factor(wo_episodes$cohort, levels = GROUPS), factor(wo_episodes$window, levels = 1:4))')
def('days_by <- tapply(wo_split$days, list(factor(wo_split$cohort, levels = GROUPS), factor(wo_split$window, levels = 1:4)), sum, default = 0)')
for (i in 1:4) def(sprintf('wo$episodes_%d <- tabulate(match(wo_episodes$patient_id[wo_episodes$window == %d], wo$patient_id), nrow(wo)); wo$days_%d <- tapply(wo_split$days[wo_split$window == %d], factor(wo_split$patient_id[wo_split$window == %d], levels = wo$patient_id), sum, default = 0)', i, i, i, i, i))
def('WINDOW_COLS <- c("patient_id", paste0("episodes_", 1:4), paste0("days_", 1:4))')
def('stopifnot(all(rowSums(wo[paste0("episodes_", 1:4)]) == wo$infection_episodes), all(abs(rowSums(wo[paste0("days_", 1:4)]) - wo$follow_up_days) < 1e-9))')
for (i in 1:4) def(sprintf('rate_%d <- poisson.test(as.vector(episodes_by[, %d]), as.vector(days_by[, %d]))', i, i, i))

## ---------------------------------------------------------------- 2. negative binomial rate ratio
def(DEF_WARNINGS_OF)
def('nb_warnings <- warnings_of(nb <- glm.nb(infection_episodes ~ cohort + offset(log(follow_up_days)), data = wo[wo$follow_up_days > 0, ]))')

## ---------------------------------------------------------------- 3. time-varying exposures (tmerge)
def('wo_base <- wo[c("patient_id", "cohort", "infection_time", "infection_status")]')
def('tv <- tmerge(wo_base, wo_base, id = patient_id, infection = event(infection_time, as.integer(infection_status == 1)))')
def('igg_days <- aggregate(igg_mg_dl ~ patient_id + day, data = wo_raw, FUN = min)  # the lowest value of a day')
def('tv_igg_all <- tmerge(tv, igg_days, id = patient_id, igg = tdc(day, igg_mg_dl))  # at time 0: the last value on or before day 0')
def('tv_igg <- tv_igg_all[!is.na(tv_igg_all$igg), ]  # delayed entry: from the first value known')
def('tv_igg$hgg_now <- as.integer(tv_igg$igg < 400)')
def(DEF_DOSE_CHANGES)
def('tv_ivig <- tmerge(tv, dose_changes(wo_raw, 28), id = patient_id, in_effect = cumtdc(time, change, 0))')
def('tv_ivig$ivig_now <- as.integer(tv_ivig$in_effect > 0)')
def('tv_igg_ivig <- tmerge(tv_igg_all, dose_changes(wo_raw, 28), id = patient_id, in_effect = cumtdc(time, change, 0))')
def('tv_igg_ivig <- transform(tv_igg_ivig[!is.na(tv_igg_ivig$igg), ], hgg_now = as.integer(igg < 400), ivig_now = as.integer(in_effect > 0))')
def(DEF_EXPOSED)
def('stopifnot(identical(tv_ivig$ivig_now, exposed(tv_ivig, wo_raw, 28)), identical(tv_igg_ivig$ivig_now, exposed(tv_igg_ivig, wo_raw, 28)))')
def('IGG_COLS <- c("patient_id", "tstart", "tstop", "infection", "igg", "hgg_now")')
def('IVIG_COLS <- c("patient_id", "tstart", "tstop", "infection", "ivig_now")')
def('BOTH_COLS <- c("patient_id", "tstart", "tstop", "infection", "igg", "hgg_now", "ivig_now")')
def('cox_hgg_warnings <- warnings_of(cox_hgg <- coxph(Surv(tstart, tstop, infection) ~ hgg_now + cohort, data = tv_igg, ties = "efron"))')
def('cox_igg_warnings <- warnings_of(cox_igg <- coxph(Surv(tstart, tstop, infection) ~ I(-igg / 100) + cohort, data = tv_igg, ties = "efron"))')
def('cox_ivig_warnings <- warnings_of(cox_ivig <- coxph(Surv(tstart, tstop, infection) ~ ivig_now, data = tv_ivig, ties = "efron"))')
def('cox_ivig_hgg_warnings <- warnings_of(cox_ivig_hgg <- coxph(Surv(tstart, tstop, infection) ~ ivig_now + hgg_now, data = tv_igg_ivig, ties = "efron"))')
def('three_base <- three[c("patient_id", "cohort", "infection_time", "infection_status")]')
def('three_tv <- tmerge(three_base, three_base, id = patient_id, infection = event(infection_time, as.integer(infection_status == 1)))')
def('three_tv_ivig <- tmerge(three_tv, dose_changes(three_raw, 28), id = patient_id, in_effect = cumtdc(time, change, 0))')
def('three_tv_ivig$ivig_now <- as.integer(three_tv_ivig$in_effect > 0)')
def('stopifnot(identical(three_tv_ivig$ivig_now, exposed(three_tv_ivig, three_raw, 28)))')
def('three_cox_ivig_warnings <- warnings_of(three_cox_ivig <- coxph(Surv(tstart, tstop, infection) ~ ivig_now, data = three_tv_ivig, ties = "efron"))')

## ---------------------------------------------------------------- 4. landmarks
for (D in c(60, 100)) {
  def(sprintf('lm%d <- transform(wo[wo$infection_time > %d, ], time = infection_time - %d)', D, D, D))
  def(sprintf('sd_lm%d <- survdiff(Surv(time, infection_status == 1) ~ cohort, data = lm%d)', D, D))
  def(sprintf('cox_lm%d <- coxph(Surv(time, infection_status == 1) ~ cohort, data = lm%d, ties = "efron")', D, D))
}

## ---------------------------------------------------------------- 5. adjusted models
def('ADJUST <- c("age", "sex", "ecog")')
def('wo_cc <- wo[complete.cases(wo[ADJUST]), ]  # complete cases')
def('wo_cc$ecog_level <- factor(wo_cc$ecog)  # levels in sorted order, the first the reference')
BINARY <- c("infection", "infection_icu", "infection_death", "hgg")
for (ecog in c("ecog_level", "ecog")) {
  s <- if (ecog == "ecog") "num" else "cat"
  def(sprintf('cox_adj_%s <- coxph(Surv(infection_time, infection_status == 1) ~ cohort + age + sex + %s, data = wo_cc, ties = "efron")', s, ecog))
  for (b in BINARY) {
    data <- if (b == "hgg") "wo_cc[!is.na(wo_cc$nadir_igg), ]" else "wo_cc"
    def(sprintf('glm_%s_%s_warnings <- warnings_of(glm_%s_%s <- glm(%s ~ cohort + age + sex + %s, family = binomial, data = %s))',
                b, s, b, s, b, ecog, data))
  }
  def(sprintf('nb_adj_%s_warnings <- warnings_of(nb_adj_%s <- glm.nb(infection_episodes ~ cohort + age + sex + %s + offset(log(follow_up_days)), data = wo_cc[wo_cc$follow_up_days > 0, ]))',
              s, s, ecog))
}

## ---------------------------------------------------------------- 6. competing risks (three cohorts)
def('two <- transform(three[three$cohort %in% c("ivig_day0", "none"), ], cohort = factor(cohort, levels = c("none", "ivig_day0")))')
def('fg_two <- crr(two$infection_time, two$infection_status, cov1 = cbind(cohort = as.integer(two$cohort == "ivig_day0")), failcode = 1, cencode = 0)')
def('cs_two <- coxph(Surv(infection_time, infection_status == 1) ~ cohort, data = two, ties = "efron")')
def('fg_three <- crr(three$infection_time, three$infection_status, cov1 = model.matrix(~ cohort, three)[, -1], failcode = 1, cencode = 0)')
def('cs_three <- coxph(Surv(infection_time, infection_status == 1) ~ cohort, data = three, ties = "efron")')

## ================================================================ emit
out("# One row per patient (wo or three as built in the header), sorted by ID.")
out("PATIENT_COLUMNS = (", paste0('"', ev("PATIENT_COLS"), '"', collapse = ", "), ")")
out("PATIENTS = {")
for (f in c("wo", "three")) {
  out(sp(4), '"', c(wo = "wo2022_cohort", three = "three_cohorts")[[f]], '": [')
  for (i in seq_len(nrow(ev(f)))) row(8, sprintf("%s[%d, PATIENT_COLS]", f, i))
  out(sp(4), "],")
}
out("}")
out("")
out("# Per patient of examples/wo2022_cohort.csv, episodes and patient-days in windows 1-4:")
out("# (0, 28], (28, 90], (90, 180], (180, end].")
out("WINDOW_NAMES = (\"0_28\", \"28_90\", \"90_180\", \"180_end\")")
out("WINDOW_COLUMNS = (", paste0('"', ev("WINDOW_COLS"), '"', collapse = ", "), ")")
out("WINDOWS_BY_PATIENT = [")
for (i in seq_len(nrow(wo))) row(4, sprintf("wo[%d, WINDOW_COLS]", i))
out("]")
out("")
out("# Per window: episodes and patient-days of each cohort, and poisson.test (ivig first).")
out("WINDOWS = {")
for (i in 1:4) {
  open(4, c("0_28", "28_90", "90_180", "180_end")[i])
  for (g in c("ivig", "control")) {
    open(8, g)
    kv(12, "episodes", sprintf('episodes_by["%s", %d]', g, i))
    kv(12, "patient_days", sprintf('days_by["%s", %d]', g, i))
    close(8)
  }
  kv(8, "statistic", sprintf("rate_%d$statistic[[1]]", i))
  kv(8, "p_value", sprintf("rate_%d$p.value", i))
  kv(8, "estimate", sprintf("rate_%d$estimate[[1]]", i))
  kv(8, "ci_low", sprintf("rate_%d$conf.int[1]", i))
  kv(8, "ci_high", sprintf("rate_%d$conf.int[2]", i))
  close(4)
}
out("}")
out("")


out("# infection_rate_nb: glm.nb over the whole follow-up; Wald CI (confint.default) and P.")
out("NB = {")
kv(4, "n", "nobs(nb)")
kv(4, "episodes", "sum(nb$y)")
kv(4, "n_excluded_no_time", "sum(wo$follow_up_days <= 0)")
kv(4, "intercept", 'coef(nb)[["(Intercept)"]]')
kv(4, "coefficient", 'coef(nb)[["cohortivig"]]')
kv(4, "se", 'summary(nb)$coefficients["cohortivig", "Std. Error"]')
kv(4, "statistic", 'summary(nb)$coefficients["cohortivig", "z value"]')
kv(4, "estimate", 'exp(coef(nb))[["cohortivig"]]')
kv(4, "ci_low", 'exp(confint.default(nb))["cohortivig", 1]')
kv(4, "ci_high", 'exp(confint.default(nb))["cohortivig", 2]')
kv(4, "p_value", 'summary(nb)$coefficients["cohortivig", "Pr(>|z|)"]')
kv(4, "theta", "nb$theta")
kv(4, "theta_se", "nb$SE.theta")
strs(4, "warnings", "nb_warnings")
out("}")
out("")

out("# Counting-process rows as tmerge builds them, in tmerge's order (patient, then time).")
out("INTERVALS = {")
for (spec in list(c("wo2022_igg", "tv_igg", "IGG_COLS"), c("wo2022_ivig", "tv_ivig", "IVIG_COLS"),
                  c("wo2022_igg_ivig", "tv_igg_ivig", "BOTH_COLS"), c("three_cohorts_ivig", "three_tv_ivig", "IVIG_COLS"))) {
  out(sp(4), '"', spec[1], '": {')
  out(sp(8), '"columns": (', paste0('"', ev(spec[3]), '"', collapse = ", "), "),")
  out(sp(8), '"rows": [')
  for (i in seq_len(nrow(ev(spec[2])))) row(12, sprintf("%s[%d, %s]", spec[2], i, spec[3]))
  out(sp(8), "],")
  out(sp(4), "},")
}
out("}")
out("")

out("# Time-varying Cox models (Efron ties); n = patients in the fit, events = infections. A term R")
out("# cannot estimate (a column of X collinear with the others: coxph gives NA, without a warning) is None.")
out("TIME_VARYING = {")
for (f in list(list("wo2022_cohort",
                    list("hgg_time_varying", "cox_hgg", "tv_igg", c(hgg_now = "hgg_now", cohort = "cohortivig")),
                    list("igg_time_varying", "cox_igg", "tv_igg", c(igg_now = "I(-igg/100)", cohort = "cohortivig")),
                    list("ivig_time_varying", "cox_ivig", "tv_ivig", c(ivig_now = "ivig_now")),
                    list("ivig_time_varying_with_hgg", "cox_ivig_hgg", "tv_igg_ivig",
                         c(ivig_now = "ivig_now", hgg_now = "hgg_now"))),
               list("three_cohorts",
                    list("ivig_time_varying", "three_cox_ivig", "three_tv_ivig", c(ivig_now = "ivig_now"))))) {
  open(4, f[[1]])
  for (m in f[-1]) {
    open(8, m[[1]])
    kv(12, "n", sprintf("length(unique(%s$patient_id))", m[[3]]))
    kv(12, "events", sprintf("%s$nevent", m[[2]]))
    strs(12, "warnings", sprintf("%s_warnings", m[[2]]))
    terms_of(12, m[[2]], as.list(m[[4]]))
    close(8)
  }
  close(4)
}
out("}")
out("")

out("# Landmark at day D: patients with time to first infection > D, time - D (log-rank, Cox HR).")
out("LANDMARK = {")
for (D in c(60, 100)) {
  open(4, D)
  for (g in c("ivig", "control")) {
    open(8, g)
    kv(12, "n", sprintf('sum(lm%d$cohort == "%s")', D, g))
    kv(12, "events", sprintf('sum(lm%d$infection_status[lm%d$cohort == "%s"] == 1)', D, D, g))
    close(8)
  }
  kv(8, "statistic", sprintf("sd_lm%d$chisq", D))
  kv(8, "p_value", sprintf("pchisq(sd_lm%d$chisq, df = 1, lower.tail = FALSE)", D))
  kv(8, "estimate", sprintf('exp(coef(cox_lm%d))[["cohortivig"]]', D))
  kv(8, "ci_low", sprintf('exp(confint(cox_lm%d))["cohortivig", 1]', D))
  kv(8, "ci_high", sprintf('exp(confint(cox_lm%d))["cohortivig", 2]', D))
  close(4)
}
out("}")
out("")

out("# Adjusted models (complete cases of age, sex, ecog): ecog categorical (factor, levels 0 < 1 < 2)")
out("# or numeric (continuous). Terms: cohort (ivig against control), age, sex=M, ecog=1, ecog=2 or ecog.")
out("ADJUSTED = {")
for (s in c("cat", "num")) {
  open(4, c(cat = "ecog_categorical", num = "ecog_numeric")[[s]])
  ecog_terms <- if (s == "cat") c("ecog=1" = "ecog_level1", "ecog=2" = "ecog_level2") else c(ecog = "ecog")
  terms <- as.list(c(cohort = "cohortivig", age = "age", "sex=M" = "sexM", ecog_terms))
  open(8, "time_to_infection_adjusted")
  kv(12, "n", sprintf("cox_adj_%s$n", s))
  kv(12, "events", sprintf("cox_adj_%s$nevent", s))
  kv(12, "n_excluded_missing", "nrow(wo) - nrow(wo_cc)")
  terms_of(12, sprintf("cox_adj_%s", s), terms)
  close(8)
  for (b in BINARY) {
    open(8, paste0(b, "_adjusted"))
    kv(12, "n", sprintf("nobs(glm_%s_%s)", b, s))
    kv(12, "events", sprintf("sum(glm_%s_%s$y)", b, s))
    kv(12, "n_excluded_missing", if (b == "hgg") "sum(!is.na(wo$nadir_igg)) - sum(!is.na(wo_cc$nadir_igg))" else "nrow(wo) - nrow(wo_cc)")
    strs(12, "warnings", sprintf("glm_%s_%s_warnings", b, s))
    terms_of(12, sprintf("glm_%s_%s", b, s), terms, "glm")
    close(8)
  }
  open(8, "infection_rate_nb_adjusted")
  kv(12, "n", sprintf("nobs(nb_adj_%s)", s))
  kv(12, "events", sprintf("sum(nb_adj_%s$y)", s))
  kv(12, "n_excluded_missing", "nrow(wo) - nrow(wo_cc)")
  strs(12, "warnings", sprintf("nb_adj_%s_warnings", s))
  terms_of(12, sprintf("nb_adj_%s", s), terms, "glm")
  close(8)
  close(4)
}
out("}")
out("")

out("# examples/three_cohorts.csv, a death without infection competing: Fine-Gray (crr) and")
out("# cause-specific Cox, ivig_day0 against none (two) and each cohort against ivig_day0 (three).")
out("COMPETING = {")
for (k in c("two", "three")) {
  open(4, k)
  fg <- paste0("fg_", k)
  cs <- paste0("cs_", k)
  cs_terms <- if (k == "two") list(cohort = "cohortivig_day0") else
    list("cohort=ivig_on_demand" = "cohortivig_on_demand", "cohort=none" = "cohortnone")
  fg_terms <- if (k == "two") list(cohort = "cohort") else
    list("cohort=ivig_on_demand" = "cohortivig_on_demand", "cohort=none" = "cohortnone")
  open(8, "infection_fine_gray")
  kv(12, "n", sprintf("%s$n", fg))
  kv(12, "events", sprintf("sum(%s$infection_status == 1)", k))
  kv(12, "competing_events", sprintf("sum(%s$infection_status == 2)", k))
  kv(12, "converged", sprintf("%s$converged", fg))
  terms_of(12, fg, fg_terms, "crr")
  close(8)
  open(8, "infection_cause_specific")
  kv(12, "n", sprintf("%s$n", cs))
  kv(12, "events", sprintf("%s$nevent", cs))
  terms_of(12, cs, cs_terms)
  close(8)
  close(4)
}
out("}")
out("")

out("# Immortal time: per cohort, the patients whose first IVIG dose (day >= 0) came after day 0, and")
out("# the median day of that first dose among them (None when there are none).")
out("IMMORTAL_TIME = {")
for (f in c("wo", "three")) {
  open(4, c(wo = "wo2022_cohort", three = "three_cohorts")[[f]])
  for (g in sort(unique(as.character(ev(f)$cohort)))) {
    open(8, g)
    kv(12, "patients_first_dose_after_day0", sprintf('sum(%s$first_dose_day[%s$cohort == "%s"] > 0, na.rm = TRUE)', f, f, g))
    kv(12, "median_first_dose_day", sprintf('median(%s$first_dose_day[%s$cohort == "%s" & %s$first_dose_day > 0 & !is.na(%s$first_dose_day)])', f, f, g, f, f))
    close(8)
  }
  close(4)
}
out("}")

## ---------------------------------------------------------------- header and file
hdr <- c(
  '"""Issue 15 on the bundled examples (examples/wo2022_cohort.csv, examples/three_cohorts.csv)',
  'computed in R, generated by tests/golden/burden_example.R.',
  '',
  VERSIONS,
  '',
  'Re-check: run  Rscript tests/golden/burden_example.R  from the repository root; it rewrites this',
  'file byte for byte, and git diff shows any number that changed.',
  '',
  'Every number below was obtained as eval(parse(text=EXPR)) in R, and EXPR is written verbatim in',
  'the "# R: EXPR" comment beside it (a tuple: the data frame row EXPR, column by column; a list of',
  'str: the character vector EXPR). Numbers are formatted with sprintf("%.15g", x); R NA and NaN ->',
  'None. Nothing is taken from ivig_blina: the per-patient values are derived from the raw rows by',
  'per_patient() below, as README\'s Definitions say. The R objects named in the comments were',
  'created, in this order, by exactly these statements (library(survival), library(cmprsk) and',
  'library(MASS) loaded first, messages in English with plain quotes):',
  '',
  defs_lines(),
  '',
  'Notes (what R does, and the choices made here):',
  '* IVIG exposure: tmerge(..., ivig = tdc(d, 1)) then tmerge(..., ivig = tdc(d + 28, 0)) would let',
  '  the end of one dose undo a dose given that same day (doses 28 days apart: the later call wins),',
  '  so the exposure is cumtdc of +1 at d and -1 at d + 28, exposed while above 0; the script checks',
  '  it against the definition (exposed()). Like tdc, cumtdc splits at every change time strictly',
  '  inside (0, end), whether or not the exposure changes there, and ignores times at or after it.',
  '* tdc takes, at time 0, the last value on or before day 0; each later day starts an interval, so',
  '  an infection on a measurement or dose day keeps the value from before (C01 on day 70, W08 on',
  '  day 77, the ivig_on_demand patients dosed on their infection day). Neither example has a',
  '  patient without a baseline (delayed entry), nor an episode on a cut day 28, 90 or 180.',
  '* crr gives the subdistribution HR with summary()$conf.int (Wald, qnorm(0.975)); n counts every',
  '  patient, the competing deaths included.',
  '* ivig_time_varying has no cohort term (issue 15: its terms are ivig_now, and hgg_now with',
  '  --with-hgg): the cohort is what IVIG exposure describes; with it coxph gives NA for cohort on',
  '  both examples (every wo2022 ivig patient is exposed from day 21, before the first infection).',
  '* crr P values: 2 * pnorm(-abs(z)) from summary()$coef (its p-value column is rounded).',
  '* glm.nb: the counts are not overdispersed, theta runs to its limit and theta.ml stops with',
  '  "iteration limit reached" (theta 2e4, its SE larger still); the estimates are then those of the',
  '  fit at that theta, about 3e-5 (relative) from the Poisson fit, so matching them to 1e-6 means',
  '  following glm.nb\'s iterations (theta.ml limit 25, alternation until the deviance settles).',
  '* glm binomial: "fitted probabilities numerically 0 or 1" (separation) for infection_icu and',
  '  infection_death with ecog categorical, and for infection_death with ecog numeric.',
  '* hgg_adjusted: hgg = nadir (lowest IgG on or after day 0) below 400, among patients with a nadir.',
  '* Immortal time: the median is over the patients whose first dose (day >= 0) came after day 0;',
  '  ivig_day0 patients are all dosed on day 0, so it is NA (None) there.',
  '* The cohort term: a factor with the second group as the first level (wo$cohort: control, ivig),',
  '  so R names it cohortivig; the tests call it cohort.',
  '"""', '')
writeLines(c(hdr, VERSION_CONSTANTS, L), "tests/golden/r_burden_example.py")
cat("wrote", length(L), "lines\n")
