## Issue 15's edge cases in R, on tests/data/burden_edges.csv (written by tests/data/make_edges.py):
## delayed entry (patients without a baseline IgG), IVIG doses on measurement days and on days
## without one, overlapping doses, infection episodes on day 0 and on the cut days 28, 90 and 180,
## infections on measurement and dose days, a death (infection_death), a death without infection,
## a patient without IgG and one without follow-up time. The reference for
## tests/test_burden_edges.py: the per-patient table, the burden windows (survSplit, poisson.test),
## the negative binomial rate ratio (glm.nb), the counting-process rows of IgG, IVIG and both
## (tmerge) with the patients they leave out, the time-varying Cox models, the landmark at the cut
## days 28 and 90 (survdiff, coxph) and the immortal-time facts. Writes tests/golden/r_burden_edges.py;
## run from the repository root:
##   Rscript tests/golden/burden_edges.R
## Everything is derived here from the raw rows, following README's Definitions and issue 15, not
## from ivig_blina; the statements are those of burden_example.R (per_patient(), dose_changes(),
## exposed() and the emit helpers are shared through burden_common.R).
source("tests/golden/burden_common.R")  # the packages, the emit helpers and the DEF_* statements

## ---------------------------------------------------------------- per patient, from the raw rows
def(DEF_INFECTIONS)
def(DEF_FIRST_GIVEN)
def(DEF_PER_PATIENT)
def('raw <- read.csv("tests/data/burden_edges.csv", stringsAsFactors = FALSE, na.strings = c("", "NA"))')
def('pt <- per_patient(raw, character(0), competing = FALSE)')
def('pt$cohort <- factor(pt$cohort, levels = c("control", "ivig"))  # ivig against control: term cohortivig')
def('PATIENT_COLS <- c("patient_id", "cohort", "follow_up_days", "infection_time", "infection_status", "infection_episodes", "baseline_igg", "nadir_igg", "first_dose_day")')

## ---------------------------------------------------------------- the edge cases the file has
def('igg_days <- aggregate(igg_mg_dl ~ patient_id + day, data = raw, FUN = min)  # the lowest value of a day')
def('dose_days <- unique(raw[raw$event %in% "ivig" & raw$day >= 0, c("patient_id", "day")])')
def('infection_days <- unique(raw[raw$event %in% INFECTIONS & raw$day >= 0, c("patient_id", "day")])')
def('same_day <- function(a, b) sort(unique(merge(a, b[c("patient_id", "day")])$patient_id))  # patients with a day in both')
def('other_day <- function(a, b) sort(unique(a$patient_id[is.na(match(paste(a$patient_id, a$day), paste(b$patient_id, b$day)))]))')
def('overlapping <- function(doses, days) { near <- tapply(doses$day, doses$patient_id, function(d) any(diff(sort(d)) < days)); sort(names(near)[near]) }  # two doses less than days apart')

## ---------------------------------------------------------------- 1. burden by window (survSplit)
def('cuts <- c(28, 90, 180)')
def('pt_split <- survSplit(Surv(follow_up_days, censored) ~ patient_id + cohort, data = transform(pt[pt$follow_up_days > 0, ], censored = 0), cut = cuts, episode = "window")  # Surv() refuses a time of 0: C07 has no days')
def('pt_split$days <- pt_split$follow_up_days - pt_split$tstart  # the overlap of the window with [0, follow_up_days]')
def('pt_episodes <- merge(raw[raw$event %in% INFECTIONS & raw$day >= 0, c("patient_id", "day")], pt[c("patient_id", "cohort", "follow_up_days")])')
def('pt_episodes <- pt_episodes[pt_episodes$day <= pt_episodes$follow_up_days, ]  # none after the death')
def('pt_episodes$window <- findInterval(pt_episodes$day, cuts, left.open = TRUE) + 1  # start < t <= end; day 0 in the first')
def('GROUPS <- c("ivig", "control")  # first, second')
def('episodes_by <- table(factor(pt_episodes$cohort, levels = GROUPS), factor(pt_episodes$window, levels = 1:4))')
def('days_by <- tapply(pt_split$days, list(factor(pt_split$cohort, levels = GROUPS), factor(pt_split$window, levels = 1:4)), sum, default = 0)')
for (i in 1:4) def(sprintf('pt$episodes_%d <- tabulate(match(pt_episodes$patient_id[pt_episodes$window == %d], pt$patient_id), nrow(pt)); pt$days_%d <- tapply(pt_split$days[pt_split$window == %d], factor(pt_split$patient_id[pt_split$window == %d], levels = pt$patient_id), sum, default = 0)', i, i, i, i, i))
def('WINDOW_COLS <- c("patient_id", paste0("episodes_", 1:4), paste0("days_", 1:4))')
def('stopifnot(all(rowSums(pt[paste0("episodes_", 1:4)]) == pt$infection_episodes), all(abs(rowSums(pt[paste0("days_", 1:4)]) - pt$follow_up_days) < 1e-9))')
for (i in 1:4) def(sprintf('rate_%d <- poisson.test(as.vector(episodes_by[, %d]), as.vector(days_by[, %d]))', i, i, i))

## ---------------------------------------------------------------- 2. negative binomial rate ratio
def(DEF_WARNINGS_OF)
def('nb_warnings <- warnings_of(nb <- glm.nb(infection_episodes ~ cohort + offset(log(follow_up_days)), data = pt[pt$follow_up_days > 0, ]))')

## ---------------------------------------------------------------- 3. time-varying exposures (tmerge)
def('pt_base <- pt[pt$infection_time > 0, c("patient_id", "cohort", "infection_time", "infection_status")]  # tmerge refuses an end at day 0')
def('tv <- tmerge(pt_base, pt_base, id = patient_id, infection = event(infection_time, as.integer(infection_status == 1)))')
def('tv_igg_all <- tmerge(tv, igg_days, id = patient_id, igg = tdc(day, igg_mg_dl))  # at time 0: the last value on or before day 0')
def('tv_igg <- tv_igg_all[!is.na(tv_igg_all$igg), ]  # delayed entry: from the first value known')
def('tv_igg$hgg_now <- as.integer(tv_igg$igg < 400)')
def(DEF_DOSE_CHANGES)
def('tv_ivig <- tmerge(tv, dose_changes(raw, 28), id = patient_id, in_effect = cumtdc(time, change, 0))')
def('tv_ivig$ivig_now <- as.integer(tv_ivig$in_effect > 0)')
def('tv_igg_ivig <- tmerge(tv_igg_all, dose_changes(raw, 28), id = patient_id, in_effect = cumtdc(time, change, 0))')
def('tv_igg_ivig <- transform(tv_igg_ivig[!is.na(tv_igg_ivig$igg), ], hgg_now = as.integer(igg < 400), ivig_now = as.integer(in_effect > 0))')
def(DEF_EXPOSED)
def('stopifnot(identical(tv_ivig$ivig_now, exposed(tv_ivig, raw, 28)), identical(tv_igg_ivig$ivig_now, exposed(tv_igg_ivig, raw, 28)))')
def('IGG_COLS <- c("patient_id", "tstart", "tstop", "infection", "igg", "hgg_now")')
def('IVIG_COLS <- c("patient_id", "tstart", "tstop", "infection", "ivig_now")')
def('BOTH_COLS <- c("patient_id", "tstart", "tstop", "infection", "igg", "hgg_now", "ivig_now")')
def('no_igg <- setdiff(pt$patient_id, igg_days$patient_id)  # no IgG value at all')
def('left_out <- function(tv) { out <- setdiff(pt$patient_id, tv$patient_id); list(no_igg = intersect(out, no_igg), no_time = setdiff(out, no_igg)) }')
def('cox_hgg_warnings <- warnings_of(cox_hgg <- coxph(Surv(tstart, tstop, infection) ~ hgg_now + cohort, data = tv_igg, ties = "efron"))')
def('cox_igg_warnings <- warnings_of(cox_igg <- coxph(Surv(tstart, tstop, infection) ~ I(-igg / 100) + cohort, data = tv_igg, ties = "efron"))')
def('cox_ivig_warnings <- warnings_of(cox_ivig <- coxph(Surv(tstart, tstop, infection) ~ ivig_now, data = tv_ivig, ties = "efron"))')
def('cox_ivig_hgg_warnings <- warnings_of(cox_ivig_hgg <- coxph(Surv(tstart, tstop, infection) ~ ivig_now + hgg_now, data = tv_igg_ivig, ties = "efron"))')

## ---------------------------------------------------------------- 4. landmarks on cut days
LANDMARK_DAYS <- c(28, 90)
for (D in LANDMARK_DAYS) {
  def(sprintf('lm%d <- transform(pt[pt$infection_time > %d, ], time = infection_time - %d)', D, D, D))
  def(sprintf('sd_lm%d <- survdiff(Surv(time, infection_status == 1) ~ cohort, data = lm%d)', D, D))
  def(sprintf('cox_lm%d <- coxph(Surv(time, infection_status == 1) ~ cohort, data = lm%d, ties = "efron")', D, D))
}

## ================================================================ emit
out("# One row per patient (pt as built in the header), sorted by ID.")
out("PATIENT_COLUMNS = (", paste0('"', ev("PATIENT_COLS"), '"', collapse = ", "), ")")
out("PATIENTS = [")
for (i in seq_len(nrow(pt))) row(4, sprintf("pt[%d, PATIENT_COLS]", i))
out("]")
out("")
out("# The edge cases, found in the raw rows: the patients that have each.")
out("EDGE_CASES = {")
strs(4, "delayed_entry", 'sort(pt$patient_id[is.na(pt$baseline_igg) & pt$patient_id %in% igg_days$patient_id[igg_days$day > 0]])')
strs(4, "day_0_value", 'sort(igg_days$patient_id[igg_days$day == 0])')
strs(4, "no_igg", "sort(no_igg)")
strs(4, "dose_on_measurement_day", "same_day(dose_days, igg_days)")
strs(4, "dose_without_measurement", "other_day(dose_days, igg_days)")
strs(4, "dose_before_day_0", 'sort(unique(raw$patient_id[raw$event %in% "ivig" & raw$day < 0]))')
strs(4, "overlapping_doses", "overlapping(dose_days, 28)")
strs(4, "infection_on_measurement_day", "same_day(infection_days, igg_days)")
strs(4, "infection_on_dose_day", "same_day(infection_days, dose_days)")
for (d in c(0, 28, 90, 180)) strs(4, sprintf("episode_on_day_%d", d), sprintf("sort(unique(pt_episodes$patient_id[pt_episodes$day == %d]))", d))
strs(4, "follow_up_ends_on_a_cut_day", "sort(pt$patient_id[pt$follow_up_days %in% cuts])")
strs(4, "infection_death", 'sort(pt$patient_id[pt$infection_death == 1])')
strs(4, "death_without_infection", 'sort(unique(raw$patient_id[raw$event %in% "death"]))')
strs(4, "no_follow_up_time", "sort(pt$patient_id[pt$follow_up_days == 0])")
out("}")
out("")
out("# Per patient, episodes and patient-days in windows 1-4: (0, 28], (28, 90], (90, 180], (180, end].")
out("WINDOW_NAMES = (\"0_28\", \"28_90\", \"90_180\", \"180_end\")")
out("WINDOW_COLUMNS = (", paste0('"', ev("WINDOW_COLS"), '"', collapse = ", "), ")")
out("WINDOWS_BY_PATIENT = [")
for (i in seq_len(nrow(pt))) row(4, sprintf("pt[%d, WINDOW_COLS]", i))
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
kv(4, "n_excluded_no_time", "sum(pt$follow_up_days <= 0)")
kv(4, "estimate", 'exp(coef(nb))[["cohortivig"]]')
kv(4, "ci_low", 'exp(confint.default(nb))["cohortivig", 1]')
kv(4, "ci_high", 'exp(confint.default(nb))["cohortivig", 2]')
kv(4, "p_value", 'summary(nb)$coefficients["cohortivig", "Pr(>|z|)"]')
kv(4, "theta", "nb$theta")
strs(4, "warnings", "nb_warnings")
out("}")
out("")

out("# Counting-process rows as tmerge builds them, in tmerge's order (patient, then time), and the")
out("# patients they leave out: without any IgG value, or with follow-up ending at or before entry.")
out("INTERVALS = {")
for (spec in list(c("igg", "tv_igg", "IGG_COLS"), c("ivig", "tv_ivig", "IVIG_COLS"),
                  c("igg_ivig", "tv_igg_ivig", "BOTH_COLS"))) {
  out(sp(4), '"', spec[1], '": {')
  out(sp(8), '"columns": (', paste0('"', ev(spec[3]), '"', collapse = ", "), "),")
  out(sp(8), '"rows": [')
  for (i in seq_len(nrow(ev(spec[2])))) row(12, sprintf("%s[%d, %s]", spec[2], i, spec[3]))
  out(sp(8), "],")
  strs(8, "no_igg", sprintf("left_out(%s)$no_igg", spec[2]))
  strs(8, "no_time", sprintf("left_out(%s)$no_time", spec[2]))
  out(sp(4), "},")
}
out("}")
out("")

out("# Time-varying Cox models (Efron ties); n = patients in the fit, events = infections.")
out("TIME_VARYING = {")
for (m in list(list("hgg_time_varying", "cox_hgg", "tv_igg", c(hgg_now = "hgg_now", cohort = "cohortivig")),
               list("igg_time_varying", "cox_igg", "tv_igg", c(igg_now = "I(-igg/100)", cohort = "cohortivig")),
               list("ivig_time_varying", "cox_ivig", "tv_ivig", c(ivig_now = "ivig_now")),
               list("ivig_time_varying_with_hgg", "cox_ivig_hgg", "tv_igg_ivig", c(ivig_now = "ivig_now", hgg_now = "hgg_now")))) {
  open(4, m[[1]])
  kv(8, "n", sprintf("length(unique(%s$patient_id))", m[[3]]))
  kv(8, "events", sprintf("%s$nevent", m[[2]]))
  strs(8, "warnings", sprintf("%s_warnings", m[[2]]))
  terms_of(8, m[[2]], as.list(m[[4]]))
  close(4)
}
out("}")
out("")

out("# Landmark at cut day D: patients with time to first infection > D, time - D (log-rank, Cox HR).")
out("LANDMARK = {")
for (D in LANDMARK_DAYS) {
  open(4, D)
  for (g in c("ivig", "control")) {
    open(8, g)
    kv(12, "n", sprintf('sum(lm%d$cohort == "%s")', D, g))
    kv(12, "events", sprintf('sum(lm%d$infection_status[lm%d$cohort == "%s"] == 1)', D, D, g))
    close(8)
  }
  strs(8, "left_out_on_the_day", sprintf("sort(pt$patient_id[pt$infection_time == %d])", D))
  kv(8, "statistic", sprintf("sd_lm%d$chisq", D))
  kv(8, "p_value", sprintf("pchisq(sd_lm%d$chisq, df = 1, lower.tail = FALSE)", D))
  kv(8, "estimate", sprintf('exp(coef(cox_lm%d))[["cohortivig"]]', D))
  kv(8, "ci_low", sprintf('exp(confint(cox_lm%d))["cohortivig", 1]', D))
  kv(8, "ci_high", sprintf('exp(confint(cox_lm%d))["cohortivig", 2]', D))
  close(4)
}
out("}")
out("")

out("# Immortal time: per cohort, the patients whose first IVIG dose (day >= 0) came after day 0, and")
out("# the median day of that first dose among them (None when there are none).")
out("IMMORTAL_TIME = {")
for (g in c("control", "ivig")) {
  open(4, g)
  kv(8, "patients_first_dose_after_day0", sprintf('sum(pt$first_dose_day[pt$cohort == "%s"] > 0, na.rm = TRUE)', g))
  kv(8, "median_first_dose_day", sprintf('median(pt$first_dose_day[pt$cohort == "%s" & pt$first_dose_day > 0 & !is.na(pt$first_dose_day)])', g))
  close(4)
}
out("}")

## ---------------------------------------------------------------- header and file
defs_text <- unlist(strsplit(DEFS, "\n", fixed = TRUE))
hdr <- c(
  '"""Issue 15\'s edge cases (tests/data/burden_edges.csv, written by tests/data/make_edges.py)',
  'computed in R, generated by tests/golden/burden_edges.R.',
  '',
  VERSIONS,
  '',
  'Re-check: run  Rscript tests/golden/burden_edges.R  from the repository root; it rewrites this',
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
  paste0('    ', gsub("\\\\", "\\\\\\\\", defs_text)),
  '',
  'Notes (what R does, and the choices made here):',
  '* tmerge refuses a patient whose follow-up ends at day 0 ("found an ending time of 0, the default',
  '  starting time of 0 is invalid"), and Surv(tstart, tstop) an interval (0, 0]: I01 and C07',
  '  (infected on day 0; C07 has no follow-up time) are left out before tmerge, as the models leave',
  '  them out. survSplit() refuses a time of 0 too ("\'zero\' parameter must be less than any',
  '  observed times"), so C07 is left out of it: its days are 0 in every window (tapply\'s default)',
  '  and its day-0 episode is in the first; glm.nb leaves it out with that episode.',
  '* Delayed entry: tdc gives NA before a patient\'s first value; those rows are dropped, so a patient',
  '  without a baseline enters at its first measurement day (I02 on day 14) and one whose first value',
  '  comes on or after its first infection (after: C04, I03; on that day: I06) has no row at all.',
  '  C03 has no IgG value.',
  '* The patients a set of intervals leaves out (left_out()) are split as compare\'s warnings split',
  '  them: without any IgG value (no_igg, C03), else follow-up ending at or before entry (no_time:',
  '  C04, I03 and I06, whose first value comes on or after their first infection, and I01 and C07).',
  '* A first infection on a measurement or dose day (C01 on day 28: a value and a dose; C02 on day',
  '  90: a dose; I04 on day 84: a value and a dose) is the event at the end of the interval before',
  '  that day: the value or dose of that day does not split it (tmerge ignores change times at or',
  '  after the end of follow-up), so the event has the value and the exposure from before.',
  '* A dose on a measurement day splits once, at that day; the interval starting there has the new',
  '  value and is exposed. Doses before day 0 (I04 on day -2) are not exposures (d >= 0).',
  '* IVIG exposure as in burden_example.R: a cumtdc of +1 at d and -1 at d + 28 (exposed while above',
  '  0), checked against the definition (exposed()); cumtdc splits at every change time strictly',
  '  inside (0, end), so doses 28 days apart (I04) split at d + 28 with the exposure unchanged.',
  '* glm.nb: the drawn patients have a gamma frailty, so the counts are overdispersed and theta',
  '  converges (no warning; on the bundled example it runs to its limit).',
  '* Landmarks at the cut days 28 and 90: a patient infected or censored on day D is not in it',
  '  (time > D).',
  '* The cohort term: a factor with control as the first level, so R names it cohortivig; the',
  '  tests call it cohort.',
  '"""', '')
writeLines(c(hdr, VERSION_CONSTANTS, L), "tests/golden/r_burden_edges.py")
cat("wrote", length(L), "lines\n")
