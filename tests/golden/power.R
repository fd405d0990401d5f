## Generator for tests/golden/r_power.py: reference values for `ivigblina power` and `verify` (issue 17).
## Run from the repository root:  Rscript tests/golden/power.R   (about two minutes of CPU)
## Every number is produced by eval(parse(text=EXPR)) and EXPR is written verbatim as the comment
## beside it, so the comment IS the call that produced it (as table1.R). The functions the calls use
## are defined below by def(), and listed verbatim in the generated file's header.
suppressMessages({
  library(pwr)
  library(statmod)
})

DEFS <- character(0)
def <- function(code) {               # evaluate a setup statement and remember it verbatim
  eval(parse(text = code), envir = globalenv())
  DEFS <<- c(DEFS, code)
}
ev <- function(expr) eval(parse(text = expr), envir = globalenv())
pystr <- function(x) sprintf('"%s"', gsub('"', '\\"', gsub("\\", "\\\\", x, fixed = TRUE), fixed = TRUE))
fmt <- function(x) {
  if (is.na(x)) return("None")      # NA of any type, and NaN -> None
  if (is.logical(x)) return(if (x) "True" else "False")
  if (is.character(x)) return(pystr(x))
  x <- as.numeric(x)
  if (is.infinite(x)) return(if (x > 0) 'float("inf")' else 'float("-inf")')
  sprintf("%.15g", x)
}
L <- character(0)
out <- function(...) L <<- c(L, paste0(...))
sp <- function(n) strrep(" ", n)
kv <- function(ind, key, expr) {
  x <- ev(expr)
  if (length(x) != 1) stop("not scalar: ", expr)
  out(sp(ind), '"', key, '": ', fmt(x), ",  # R: ", expr)
}
open <- function(ind, key) out(sp(ind), '"', key, '": {')
close <- function(ind) out(sp(ind), "},")
## one case: inputs (R expressions that are their own values) and results (R calls), under a name
case <- function(name, inputs, results, ind = 4) {
  open(ind, name)
  for (k in names(inputs)) kv(ind + 4, k, inputs[[k]])
  for (k in names(results)) kv(ind + 4, k, results[[k]])
  close(ind)
}

## ---------------------------------------------------------------- the reference implementations
## Fisher's exact power by enumeration: every table's P from fisher.test itself, then the sum of
## both binomial probabilities over the tables it rejects (P <= alpha).
def('fisher_p_matrix <- function(n1, n2) outer(0:n1, 0:n2, Vectorize(function(x1, x2) fisher.test(matrix(c(x1, n1 - x1, x2, n2 - x2), 2, byrow = TRUE))$p.value))')
def('P_CACHE <- new.env()')
def('fisher_p <- function(n1, n2) { key <- paste(n1, n2); if (is.null(P_CACHE[[key]])) assign(key, fisher_p_matrix(n1, n2), envir = P_CACHE); P_CACHE[[key]] }')
def('fisher_power <- function(n1, n2, p1, p2, alpha = 0.05) sum(outer(dbinom(0:n1, n1, p1), dbinom(0:n2, n2, p2))[fisher_p(n1, n2) <= alpha])')
def('fisher_p_at <- function(n1, n2, x1, x2) fisher.test(matrix(c(x1, n1 - x1, x2, n2 - x2), 2, byrow = TRUE))$p.value')
## the minimum detectable first-group proportion: p1 = p2 + side * k / 1000, k = 1, 2, ..., within [0, 1], the first reaching the power
def('scan_mde <- function(pw, p2, power, side) { for (k in 1:1000) { p1 <- p2 + side * k / 1000; if (p1 < 0 || p1 > 1) return(NA); if (pw(p1) >= power) return(p1) }; NA }')
def('fisher_mde <- function(n1, n2, p2, side, alpha = 0.05, power = 0.8) scan_mde(function(p1) fisher_power(n1, n2, p1, p2, alpha), p2, power, side)')
def('arcsine_mde <- function(n1, n2, p2, side, alpha = 0.05, power = 0.8) scan_mde(function(p1) pwr.2p2n.test(h = ES.h(p1, p2), n1 = n1, n2 = n2, sig.level = alpha)$power, p2, power, side)')
## Fisher's sample size at the allocation a:b: the smaller group takes m = 2, 3, ..., the larger ceiling(m * large / small); the first size whose exact power reaches the target
def('fisher_n <- function(a, b, p1, p2, alpha = 0.05, power = 0.8) { small <- min(a, b); large <- max(a, b); for (m in 2:1000) { other <- (m * large + small - 1) %/% small; s <- if (a > b) c(other, m) else c(m, other); pw <- fisher_power(s[1], s[2], p1, p2, alpha); if (pw >= power) return(c(s, pw)) }; NA }')
## sample sizes at the allocation r = a / b by pwr's power functions and its own uniroot interval for n
def('t_n <- function(r, d, alpha = 0.05, power = 0.8) uniroot(function(m) pwr.t2n.test(n1 = r * m, n2 = m, d = d, sig.level = alpha)$power - power, c(2 + 1e-10, 1e9))$root')
def('arcsine_n <- function(r, p1, p2, alpha = 0.05, power = 0.8) uniroot(function(m) pwr.2p2n.test(h = ES.h(p1, p2), n1 = r * m, n2 = m, sig.level = alpha)$power - power, c(2 + 1e-10, 1e9))$root')
## Noether (1987): N = (z_{1-alpha/2} + z_power)^2 / (12 c (1 - c) (p - 1/2)^2), p = P(X < Y) = pnorm(delta / sqrt(2)), c = n1 / N
def('noether_mde <- function(n1, n2, alpha = 0.05, power = 0.8) sqrt(2) * qnorm(0.5 + (qnorm(1 - alpha / 2) + qnorm(power)) / sqrt(12 * n1 * n2 / (n1 + n2)))')
def('noether_total <- function(c, delta, alpha = 0.05, power = 0.8) (qnorm(1 - alpha / 2) + qnorm(power))^2 / (12 * c * (1 - c) * (pnorm(delta / sqrt(2)) - 0.5)^2)')
## Schoenfeld (1981): D = (z_{1-alpha/2} + z_power)^2 / (c (1 - c) log(HR)^2)
def('schoenfeld_hr <- function(events, c, alpha = 0.05, power = 0.8) exp((qnorm(1 - alpha / 2) + qnorm(power)) / sqrt(events * c * (1 - c)))')
def('schoenfeld_events <- function(hr, c, alpha = 0.05, power = 0.8) (qnorm(1 - alpha / 2) + qnorm(power))^2 / (c * (1 - c) * log(hr)^2)')
## verify: Fisher's two-sided mid-P (tables less likely than the observed one, plus half of those as likely, with fisher.test's relative tolerance)
def('mid_p <- function(x1, n1, x2, n2) { m <- x1 + x2; d <- dhyper(max(0, m - n2):min(n1, m), n1, n2, m); d0 <- dhyper(x1, n1, n2, m); r <- 1 + 1e-7; sum(d[d < d0 / r]) + sum(d[d >= d0 / r & d <= d0 * r]) / 2 }')
def('grim <- function(percent, n) paste((0:n)[sprintf(paste0("%.", max(0, nchar(sub("^[^.]*[.]?", "", percent))), "f"), 100 * (0:n) / n) == percent], collapse = " ")')
def('source("tests/golden/functions.R")')

## ---------------------------------------------------------------- independent checks (not emitted)
## fisher_p_matrix is fisher.test: the P of the Wo et al. infection table
stopifnot(isTRUE(all.equal(fisher_p(17, 6)[15, 5], fisher.test(rbind(c(14, 3), c(4, 2)))$p.value)))
## the enumerated power at p1 = p2 is at most alpha (Fisher's test is conservative)
stopifnot(fisher_power(17, 6, 4/6, 4/6) <= 0.05)

## ---------------------------------------------------------------- emit
out("# Two-sided P of every table x1/n1 against x2/n2, from fisher.test itself (keys \"x1,x2\").")
out("FISHER_P = {")
for (nn in list(c(5, 3), c(4, 4))) {
  open(4, sprintf("%d,%d", nn[1], nn[2]))
  for (x1 in 0:nn[1]) for (x2 in 0:nn[2])
    kv(8, sprintf("%d,%d", x1, x2), sprintf("fisher_p_at(%d, %d, %d, %d)", nn[1], nn[2], x1, x2))
  close(4)
}
out("}")
out("")

out("# Exact power of Fisher's two-sided test at alpha 0.05 (fisher_power: enumeration over fisher.test's")
out("# rejection region). p2 is events_2 / n2 where events_2 is given (computed the same way in Python).")
out("FISHER_POWER = {")
POWER_CASES <- list(
  wo_infection_095 = list(n1 = "17", n2 = "6", p1 = "0.95", events_2 = "4"),
  wo_infection_low = list(n1 = "17", n2 = "6", p1 = "0.1", events_2 = "4"),
  wo_icu_090 = list(n1 = "17", n2 = "6", p1 = "0.9", events_2 = "1"),
  wo_hgg_005 = list(n1 = "16", n2 = "6", p1 = "0.05", events_2 = "4"),
  control_first = list(n1 = "6", n2 = "17", p1 = "0.1", events_2 = "14"),
  n60_45 = list(n1 = "60", n2 = "45", p1 = "0.55", p2 = "0.3"),
  n200_150 = list(n1 = "200", n2 = "150", p1 = "0.42", p2 = "0.3"),
  equal_12 = list(n1 = "12", n2 = "12", p1 = "0.8", p2 = "0.2"))
for (name in names(POWER_CASES)) {
  i <- POWER_CASES[[name]]
  p2 <- if (!is.null(i$events_2)) sprintf("%s/%s", i$events_2, i$n2) else i$p2
  case(name, i, list(power = sprintf("fisher_power(%s, %s, %s, %s)", i$n1, i$n2, i$p1, p2)))
}
out("}")
out("")

out("# The minimum detectable first-group proportion (80% power, alpha 0.05) below (low) and above (high)")
out("# p2 on the grid p2 -/+ k/1000 (None: no grid point reaches the power); fisher_mde for Fisher's exact")
out("# power, arcsine_mde (pwr.2p2n.test) above 1,000 patients in a group.")
out("MDE_BINARY = {")
MDE_CASES <- list(
  wo_hgg = list(n1 = "16", n2 = "6", events_2 = "4"),
  wo_infection = list(n1 = "17", n2 = "6", events_2 = "4"),
  wo_infection_icu = list(n1 = "17", n2 = "6", events_2 = "1"),
  wo_infection_death = list(n1 = "17", n2 = "6", events_2 = "1"),
  control_first_infection = list(n1 = "6", n2 = "17", events_2 = "14"),
  n60_45 = list(n1 = "60", n2 = "45", p2 = "0.3"),
  n200_150 = list(n1 = "200", n2 = "150", p2 = "0.3"),
  arcsine_1500_1200 = list(n1 = "1500", n2 = "1200", p2 = "0.3"))
for (name in names(MDE_CASES)) {
  i <- MDE_CASES[[name]]
  p2 <- if (!is.null(i$events_2)) sprintf("%s/%s", i$events_2, i$n2) else i$p2
  f <- if (grepl("^arcsine", name)) "arcsine_mde" else "fisher_mde"
  case(name, i, list(low = sprintf("%s(%s, %s, %s, -1)", f, i$n1, i$n2, p2),
                     high = sprintf("%s(%s, %s, %s, 1)", f, i$n1, i$n2, p2)))
}
out("}")
out("")

out("# The exact power at the sizes of a scan step (zigzag: Fisher's power is not monotone in n) and the")
out("# patients needed at the allocation a:b (fisher_n: the first size on the path reaching the power).")
out("FISHER_N = {")
N_CASES <- list(
  wo_infection_095 = list(a = "17", b = "6", p1 = "0.95", events_2 = "4", target = "0.8"),
  equal_05_01 = list(a = "1", b = "1", p1 = "0.5", p2 = "0.1", target = "0.8"),
  zigzag = list(a = "1", b = "1", p1 = "0.7", p2 = "0.3", target = "0.78"),
  two_to_one = list(a = "2", b = "1", p1 = "0.6", p2 = "0.2", target = "0.8"))
for (name in names(N_CASES)) {
  i <- N_CASES[[name]]
  p2 <- if (!is.null(i$events_2)) sprintf("%s/%s", i$events_2, i$b) else i$p2
  call <- sprintf("fisher_n(%s, %s, %s, %s, power = %s)", i$a, i$b, i$p1, p2, i$target)
  res <- list(n1 = sprintf("%s[1]", call), n2 = sprintf("%s[2]", call), achieved = sprintf("%s[3]", call))
  if (name == "zigzag") {
    res$power_25 = "fisher_power(25, 25, 0.7, 0.3)"
    res$power_26 = "fisher_power(26, 26, 0.7, 0.3)"
    res$power_24 = "fisher_power(24, 24, 0.7, 0.3)"
  }
  case(name, i, res)
}
out("}")
out("")

out("# statmod::power.fisher.test (simulation) beside the enumeration, to within its Monte Carlo error;")
out("# statmod rejects when P < alpha, the enumeration when P <= alpha (no table here has P = alpha).")
out("STATMOD = {")
SIM <- list(
  wo_infection_095 = list(n1 = "17", n2 = "6", p1 = "0.95", events_2 = "4", nsim = "20000", seed = "1"),
  n60_45 = list(n1 = "60", n2 = "45", p1 = "0.55", p2 = "0.3", nsim = "20000", seed = "1"),
  equal_12 = list(n1 = "12", n2 = "12", p1 = "0.8", p2 = "0.2", nsim = "20000", seed = "1"))
for (name in names(SIM)) {
  i <- SIM[[name]]
  p2 <- if (!is.null(i$events_2)) sprintf("%s/%s", i$events_2, i$n2) else i$p2
  case(name, i, list(
    simulated = sprintf("{set.seed(%s); power.fisher.test(%s, %s, %s, %s, nsim = %s)}", i$seed, i$p1, p2, i$n1, i$n2, i$nsim),
    exact = sprintf("fisher_power(%s, %s, %s, %s)", i$n1, i$n2, i$p1, p2)))
}
out("}")
out("")

out("# The arcsine approximation (above 1,000 patients in a group): pwr.2p2n.test's power, and arcsine_n,")
out("# its n2 at the allocation r = n1 / n2 (uniroot over pwr's interval, not rounded).")
out("ARCSINE = {")
case("power_1500_1200", list(n1 = "1500", n2 = "1200", p1 = "0.35", p2 = "0.3"),
     list(power = "pwr.2p2n.test(h = ES.h(0.35, 0.3), n1 = 1500, n2 = 1200)$power"))
case("n_equal_037_03", list(a = "1", b = "1", p1 = "0.37", p2 = "0.3"),
     list(n2 = "arcsine_n(1/1, 0.37, 0.3)"))
case("n_equal_035_03", list(a = "1", b = "1", p1 = "0.35", p2 = "0.3"),
     list(n2 = "arcsine_n(1/1, 0.35, 0.3)"))
out("}")
out("")

out("# The t-test (pwr.t2n.test): d as pwr gives it (uniroot at its default tolerance, about 1.2e-4),")
out("# the same root to 1e-12 (d_precise), the power at given d, and t_n: n2 at the allocation r, not rounded.")
out("T_TEST = {")
for (nn in list(c(16, 6), c(17, 6), c(6, 16), c(40, 40), c(2, 2))) {
  name <- sprintf("n%d_%d", nn[1], nn[2])
  case(name, list(n1 = as.character(nn[1]), n2 = as.character(nn[2])), list(
    d = sprintf("tryCatch(pwr.t2n.test(n1 = %d, n2 = %d, power = 0.8)$d, error = function(e) NA)", nn[1], nn[2]),
    d_precise = sprintf("tryCatch(uniroot(function(d) pwr.t2n.test(n1 = %d, n2 = %d, d = d)$power - 0.8, c(1e-7, 10), tol = 1e-12)$root, error = function(e) NA)", nn[1], nn[2]),
    power_d1 = sprintf("pwr.t2n.test(n1 = %d, n2 = %d, d = 1)$power", nn[1], nn[2]),
    power_d03 = sprintf("pwr.t2n.test(n1 = %d, n2 = %d, d = 0.3)$power", nn[1], nn[2]),
    d_alpha01_power09 = sprintf("tryCatch(pwr.t2n.test(n1 = %d, n2 = %d, power = 0.9, sig.level = 0.01)$d, error = function(e) NA)", nn[1], nn[2])))
}
case("n_wo_d1", list(a = "17", b = "6", d = "1"), list(n2 = "t_n(17/6, 1)"))
case("n_equal_d05", list(a = "1", b = "1", d = "0.5"), list(n2 = "t_n(1/1, 0.5)", pwr_n2 = "pwr.t2n.test(n1 = 64, d = 0.5, power = 0.8)$n2"))
out("}")
out("")

out("# Noether's formula (Mann-Whitney): the detectable shift in SD units, and N at the allocation c = a / (a + b).")
out("NOETHER = {")
for (nn in list(c(16, 6), c(17, 6), c(40, 40))) {
  case(sprintf("n%d_%d", nn[1], nn[2]), list(n1 = as.character(nn[1]), n2 = as.character(nn[2])), list(
    shift = sprintf("noether_mde(%d, %d)", nn[1], nn[2]),
    shift_alpha01_power09 = sprintf("noether_mde(%d, %d, alpha = 0.01, power = 0.9)", nn[1], nn[2])))
}
case("total_wo_shift1", list(a = "17", b = "6", shift = "1"), list(total = "noether_total(17/23, 1)"))
out("}")
out("")

out("# Schoenfeld's formula (log-rank): the detectable hazard ratios from the events at the allocation")
out("# c = n1 / (n1 + n2), and the events a hazard ratio needs.")
out("SCHOENFELD = {")
for (x in list(c(17, 6, 18), c(6, 17, 18), c(50, 50, 30))) {
  case(sprintf("n%d_%d_events%d", x[1], x[2], x[3]), list(n1 = as.character(x[1]), n2 = as.character(x[2]), events = as.character(x[3])), list(
    low = sprintf("1 / schoenfeld_hr(%d, %d/%d)", x[3], x[1], x[1] + x[2]),
    high = sprintf("schoenfeld_hr(%d, %d/%d)", x[3], x[1], x[1] + x[2])))
}
case("events_wo_hr05", list(n1 = "17", n2 = "6", hr = "0.5"), list(events = "schoenfeld_events(0.5, 17/23)"))
case("events_equal_hr06", list(n1 = "1", n2 = "1", hr = "0.6"), list(events = "schoenfeld_events(0.6, 1/2)"))
out("}")
out("")

out("# verify: the Wo et al. 2022 abstract's three binary results (tables as its percentages allow), every")
out("# test's P: fisher.test, mid_p, chisq.test with and without Yates, and barnard_pooled / boschloo from")
out("# tests/golden/functions.R (the R implementations the barnard and boschloo statistics are checked against).")
out("VERIFY = {")
TABLES <- list(infection = c(14, 17, 4, 6), infection_icu = c(4, 17, 1, 6), infection_death = c(3, 17, 1, 6),
               zero_column = c(0, 10, 0, 8), lopsided = c(9, 10, 2, 11))
for (name in names(TABLES)) {
  t <- TABLES[[name]]
  m <- sprintf("rbind(c(%d, %d), c(%d, %d))", t[1], t[2] - t[1], t[3], t[4] - t[3])
  res <- list(
    fisher = sprintf("fisher.test(%s)$p.value", m),
    fisher_mid_p = sprintf("mid_p(%d, %d, %d, %d)", t[1], t[2], t[3], t[4]),
    chi_square = sprintf("suppressWarnings(chisq.test(%s))$p.value", m),
    chi_square_uncorrected = sprintf("suppressWarnings(chisq.test(%s, correct = FALSE))$p.value", m),
    barnard = sprintf('barnard_pooled(%d, %d, %d, %d, alternative = "two.sided")$p.value', t[1], t[2], t[3], t[4]),
    boschloo = sprintf('boschloo(%d, %d, %d, %d, alternative = "two.sided")$p.value', t[1], t[2], t[3], t[4]))
  if (name == "zero_column") res <- res[c("fisher", "fisher_mid_p", "chi_square", "chi_square_uncorrected")]
  case(name, list(events_1 = as.character(t[1]), n_1 = as.character(t[2]), events_2 = as.character(t[3]), n_2 = as.character(t[4])), res)
}
out("}")
out("")

out("# GRIM: the event counts k in 0:n whose percentage, printed with the decimals given, is the one printed")
out("# (sprintf's rounding of 100 k / n), as a space-separated text.")
out("GRIM = {")
for (x in list(c("82.4", 17), c("66.7", 6), c("23.5", 17), c("16.7", 6), c("17.6", 17), c("82.5", 17), c("50", 7), c("33.3", 30), c("12.5", 8))) {
  kv(4, sprintf("%s of %s", x[1], x[2]), sprintf('grim("%s", %s)', x[1], x[2]))
}
out("}")
out("")

## ---------------------------------------------------------------- header
hdr <- c('"""Golden reference values for `ivigblina power` and `verify` (issue 17), generated by tests/golden/power.R.',
  '',
  sprintf('Versions: %s; pwr %s; statmod %s; stats.', R.version.string, packageVersion("pwr"), packageVersion("statmod")),
  '',
  'Re-check: run  Rscript tests/golden/power.R  from the repository root (about two minutes of CPU); it',
  'rewrites this file byte for byte (the simulations included: set.seed is inside each call), and',
  'git diff shows any number that changed.',
  '',
  'Every number below was obtained as eval(parse(text=EXPR)) in R, and EXPR is written verbatim in',
  'the "# R: EXPR" comment beside it (an input is its own expression). Numbers are formatted with',
  'sprintf("%.15g", x); R NA -> None. The functions the calls use were defined, in this order, by',
  'exactly these statements (pwr and statmod loaded first; functions.R holds barnard_pooled and',
  'boschloo, written from the papers for the golden values of tests/golden/binary.R):',
  '',
  paste0('    ', gsub("\\\\", "\\\\\\\\", DEFS)),
  '',
  'Notes:',
  '* fisher_power is the independent reference for exact power: fisher.test is called on every table',
  '  (cached per pair of sizes), and the binomial probabilities are summed over those with P <= alpha.',
  '* pwr.t2n.test solves d by uniroot at its default tolerance (.Machine$double.eps^0.25): d is what',
  '  pwr prints, d_precise the same root to 1e-12; they differ by up to about 1e-4. None: pwr stops',
  '  with an error (no d in (1e-7, 10) reaches the power), caught by tryCatch.',
  '* Sample sizes at an allocation: pwr has no argument for it; t_n and arcsine_n solve n2 with',
  '  n1 = r * n2 by pwr\'s own power function and its own uniroot interval for n; each group is then',
  '  rounded up. noether_total is the total N; c N and (1 - c) N are rounded up.',
  '* GRIM by sprintf: a percentage exactly on a half (12.5 of 8 printed with no decimal) is rounded by',
  '  the C library (to even); ivigblina accepts either rounding of a half, so it may list one more.',
  '"""', '')
consts <- c(sprintf('R_VERSION = "%s"  # R: R.version.string', R.version.string),
            sprintf('PWR_VERSION = "%s"  # R: as.character(packageVersion("pwr"))', packageVersion("pwr")),
            sprintf('STATMOD_VERSION = "%s"  # R: as.character(packageVersion("statmod"))', packageVersion("statmod")), '')
writeLines(c(hdr, consts, L), "tests/golden/r_power.py")
cat("wrote", length(L), "lines\n")
