## The shared part of the issue-15 golden scripts (burden_example.R, burden_edges.R): the R
## packages, the helpers that evaluate an R expression given as text and write it as a line of
## Python with the expression beside the value, and the statements that derive the per-patient
## table and the IVIG exposure from raw rows. A script sources this file, then def()s each
## statement (DEF_*) where it needs it, so that the statement is written in its golden file's
## header, verbatim, in the order it was run.
suppressMessages({
  library(survival)
  library(cmprsk)
  library(MASS)
})
Sys.setenv(LANGUAGE = "en")           # R's warnings below are stored: untranslated ...
options(useFancyQuotes = FALSE)       # ... and with plain quotes, whatever the locale

source("tests/golden/emit.R")       # def, ev, pystr, fmt, L, out, sp, scalar, kv, open, close
strs <- function(ind, key, expr) {    # a character vector as a Python list of str
  x <- ev(expr)
  out(sp(ind), '"', key, '": [', paste(vapply(x, pystr, ""), collapse = ", "), "],  # R: ", expr)
}
row <- function(ind, expr) {          # one data frame row as a Python tuple
  x <- ev(expr)
  if (nrow(x) != 1) stop("not one row: ", expr)
  out(sp(ind), "(", paste(vapply(x, fmt, ""), collapse = ", "), "),  # R: ", expr)
}

## the versions, for a golden file's header and as Python constants
VERSIONS <- sprintf('Versions: %s; survival %s; cmprsk %s; MASS %s; stats.', R.version.string, packageVersion("survival"),
                    packageVersion("cmprsk"), packageVersion("MASS"))
VERSION_CONSTANTS <- version_consts(c("survival", "cmprsk", "MASS"))

## ---------------------------------------------------------------- statements for def()
DEF_INFECTIONS <- 'INFECTIONS <- c("infection", "infection_icu", "infection_death")'
DEF_FIRST_GIVEN <- 'first_given <- function(x) { x <- x[!is.na(x)]; if (length(x)) x[1] else NA }'
DEF_PER_PATIENT <- paste(sep = "\n",
  '# One row per patient (sorted by ID) as README\'s Definitions say: rows after the death (the first',
  '# death or infection_death on or after day 0) do not count; follow-up ends at the latest remaining',
  '# day (at least 0); episodes are infection rows on or after day 0; time to first infection is the',
  '# first of them, else follow-up (status 1; 2 for a death without infection when competing, else 0).',
  'per_patient <- function(raw, covariates, competing) {',
  '  do.call(rbind, lapply(sort(unique(raw$patient_id)), function(id) {',
  '    d <- raw[raw$patient_id == id, ]',
  '    event <- ifelse(is.na(d$event), "", d$event)',
  '    death <- min(Inf, d$day[event %in% c("death", "infection_death") & d$day >= 0])',
  '    kept <- d$day <= death',
  '    d <- d[kept, ]',
  '    event <- event[kept]',
  '    follow_up <- max(0, d$day)',
  '    infections <- d$day[event %in% INFECTIONS & d$day >= 0]',
  '    infected <- length(infections) > 0',
  '    igg <- d[!is.na(d$igg_mg_dl), ]',
  '    before <- igg[igg$day <= 0, ]',
  '    doses <- d$day[event == "ivig" & d$day >= 0]',
  '    row <- data.frame(patient_id = id, cohort = first_given(d$cohort),',
  '      follow_up_days = follow_up,',
  '      infection_time = if (infected) min(infections) else follow_up,',
  '      infection_status = if (infected) 1 else if (competing && death < Inf) 2 else 0,',
  '      infection_episodes = length(infections),',
  '      infection = as.integer(infected),',
  '      infection_icu = as.integer(any(event == "infection_icu" & d$day >= 0)),',
  '      infection_death = as.integer(any(event == "infection_death" & d$day >= 0)),',
  '      baseline_igg = if (nrow(before)) min(before$igg_mg_dl[before$day == max(before$day)]) else NA,',
  '      nadir_igg = if (any(igg$day >= 0)) min(igg$igg_mg_dl[igg$day >= 0]) else NA,',
  '      first_dose_day = if (length(doses)) min(doses) else NA, stringsAsFactors = FALSE)',
  '    for (column in covariates) row[[column]] <- first_given(d[[column]])',
  '    row',
  '  }))',
  '}')
DEF_WARNINGS_OF <- paste(sep = "\n",
  '# the warnings a call gives, its value assigned as the call says',
  'warnings_of <- function(code) {',
  '  w <- character(0)',
  '  withCallingHandlers(code, warning = function(m) { w <<- c(w, conditionMessage(m)); invokeRestart("muffleWarning") })',
  '  unique(w)',
  '}')
DEF_DOSE_CHANGES <- paste(sep = "\n",
  '# IVIG exposure on (d, d + 28] after each dose day d >= 0, overlapping doses extending it: a cumulative',
  '# count of doses in effect (+1 at d, -1 at d + 28), exposed while it is above 0',
  'dose_changes <- function(raw, days) {',
  '  d <- raw[raw$event %in% "ivig" & raw$day >= 0, c("patient_id", "day")]',
  '  rbind(data.frame(patient_id = d$patient_id, time = d$day, change = 1), data.frame(patient_id = d$patient_id, time = d$day + days, change = -1))',
  '}')
DEF_EXPOSED <- paste(sep = "\n",
  '# the definition itself: an interval (tstart, tstop] is exposed when a dose d has d <= tstart < d + 28',
  'exposed <- function(x, raw, days) {',
  '  d <- raw[raw$event %in% "ivig" & raw$day >= 0, c("patient_id", "day")]',
  '  vapply(seq_len(nrow(x)), function(i) as.integer(any(d$patient_id == x$patient_id[i] & d$day <= x$tstart[i] & x$tstart[i] < d$day + days)), 1L)',
  '}')

## a model's terms: ours by name, R's by its coefficient name
terms_of <- function(ind, fit, terms, kind = c("coxph", "glm", "crr")) {
  kind <- match.arg(kind)
  open(ind, "terms")
  for (ours in names(terms)) {
    r <- terms[[ours]]
    open(ind + 4, ours)
    if (kind == "coxph") {
      kv(ind + 8, "estimate", sprintf('exp(coef(%s))[["%s"]]', fit, r))
      kv(ind + 8, "ci_low", sprintf('exp(confint(%s))["%s", 1]', fit, r))
      kv(ind + 8, "ci_high", sprintf('exp(confint(%s))["%s", 2]', fit, r))
      kv(ind + 8, "p_value", sprintf('summary(%s)$coefficients["%s", "Pr(>|z|)"]', fit, r))
    } else if (kind == "glm") {
      kv(ind + 8, "estimate", sprintf('exp(coef(%s))[["%s"]]', fit, r))
      kv(ind + 8, "ci_low", sprintf('exp(confint.default(%s))["%s", 1]', fit, r))
      kv(ind + 8, "ci_high", sprintf('exp(confint.default(%s))["%s", 2]', fit, r))
      kv(ind + 8, "p_value", sprintf('summary(%s)$coefficients["%s", "Pr(>|z|)"]', fit, r))
    } else {
      kv(ind + 8, "estimate", sprintf('summary(%s)$conf.int["%s", "exp(coef)"]', fit, r))
      kv(ind + 8, "ci_low", sprintf('summary(%s)$conf.int["%s", "2.5%%"]', fit, r))
      kv(ind + 8, "ci_high", sprintf('summary(%s)$conf.int["%s", "97.5%%"]', fit, r))
      kv(ind + 8, "p_value", sprintf('2 * pnorm(-abs(summary(%s)$coef["%s", "z"]))', fit, r))
    }
    close(ind + 4)
  }
  close(ind)
}
