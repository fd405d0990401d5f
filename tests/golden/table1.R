## Generator for tests/golden/r_table1.py: reference values for Table 1 (issue 14).
## Run from the repository root:  Rscript tests/golden/table1.R
## Every number is produced by eval(parse(text=EXPR)) and EXPR is written verbatim as the
## comment beside that number, so the comment IS the call that produced it (as golden4_gen.R).
## The TABLEONE_SMD block is copied from tests/golden/tableone_smd.tsv, which
## tests/golden/tableone_check.py writes with the Python tableone package (see that script).
suppressMessages(library(MASS))

source("tests/golden/emit.R")

## ---------------------------------------------------------------- data sets (synthetic)
def('source("tests/golden/smd.R")')
## 1. Kruskal-Wallis: named lists of groups
def('kw_noties <- list(a = c(2.1, 3.4, 1.9, 5.6, 4.2), b = c(6.3, 7.1, 5.9, 8.4, 6.8), c = c(3.9, 4.8, 7.7, 9.2, 5.2))')
def('kw_ties <- list(a = c(1, 2, 2, 3, 5), b = c(2, 3, 3, 4, 6), c = c(4, 5, 5, 6, 6))')
def('kw_unequal <- list(a = c(412, 530, 389), b = c(610, 455, 702, 580, 498), c = c(720, 655, 810, 590, 760, 688, 905, 642))')
def('kw_single <- list(a = c(5.2), b = c(3.1, 4.4, 6, 2.8), c = c(7.5, 8.1, 6.6))')
def('kw_two <- list(a = c(12.1, 15.3, 9.8, 14.2, 11.7, 16.4, 13.5), b = c(17.2, 10.9, 18.8, 19.5, 16.9, 20.3))')
def('kw_two_ties <- list(a = c(1, 2, 2, 3, 3, 4), b = c(2, 3, 4, 4, 5, 5, 6))')
## 2. descriptive statistics: vectors (NA = a missing value)
def('desc_odd <- c(12.5, 7.1, 9.8, 15.2, 11, 8.4, 13.9)')
def('desc_even_na <- c(540, NA, 610, 480, 725, NA, 390, 655)')
def('desc_ties <- c(2, 2, 3, 3, 3, 5, 8, 8, 13, 21)')
def('desc_n1 <- c(NA, 404)')
def('desc_n2 <- c(350, 512)')
def('desc_all_na <- c(NA_real_, NA_real_)')
## 3.-4. contingency tables, rows = cohorts, columns = levels
def('f2x3 <- rbind(c(3, 1, 4), c(1, 5, 9))')
def('f3x3 <- rbind(c(5, 2, 1), c(3, 4, 2), c(1, 3, 6))')
def('f3x2 <- rbind(c(8, 2), c(5, 5), c(2, 7))')
def('f2x4_zeros <- rbind(c(4, 0, 3, 2), c(1, 3, 0, 6))')
def('f2x4_zero_col <- rbind(c(4, 0, 3, 2), c(1, 0, 0, 6))')
def('f3x3_zero_row <- rbind(c(3, 1, 4), c(0, 0, 0), c(1, 5, 9))')
def('f3x2_zero_row <- rbind(c(8, 2), c(0, 0), c(2, 7))')
def('f2x3_constant <- rbind(c(3, 0, 0), c(4, 0, 0))')
def('f3x4_n120 <- rbind(c(12, 8, 10, 5), c(9, 14, 6, 11), c(7, 10, 15, 13))')
def('f3x5_heavy <- rbind(c(12, 8, 10, 5, 9), c(9, 14, 6, 11, 10), c(7, 10, 15, 13, 12))')
def('t2x2_a <- rbind(c(7, 3), c(2, 8))')
def('t2x2_b <- rbind(c(12, 5), c(9, 14))')
## 5. SMD: one row per patient
def('smd_two <- data.frame(group = rep(c("A", "B"), c(10, 12)), age = c(61, 58, 70, NA, 66, 73, 55, 68, 64, 59, 57, 52, 63, 49, 60, NA, 66, 54, 58, 61, 50, 62), igg = c(412, 530, 389, 610, 455, 702, 580, 498, 377, 520, 720, 655, 810, 590, 760, 688, 905, 642, 575, 698, 733, 615), sex = c("F", "M", "M", "F", "M", "M", NA, "M", "F", "M", "F", "F", "M", "F", "M", "F", "F", "M", "F", NA, "F", "M"), ecog = c("0", "1", "1", "2", "0", "1", "2", "0", "1", "1", "0", "0", "1", "0", "1", "0", "1", "1", "0", "0", "0", "1"), stage = c("I", "II", "III", NA, "II", "III", "III", "I", "II", NA, "I", "I", "II", NA, "I", "II", "I", "III", "I", "II", "I", NA), stringsAsFactors = FALSE)')
def('smd_three <- data.frame(group = rep(c("A", "B", "C"), c(6, 7, 8)), age = c(64, 71, 58, 69, 75, 62, 55, 60, 67, 52, 63, 58, 61, 70, 72, 66, 59, 74, 68, NA, 77), sex = c("F", "M", "M", "F", "M", "M", "F", "F", "M", "F", "F", "M", "F", "M", "M", "M", "F", "M", "M", "F", "M"), centre = c("X", "Y", "X", "X", "Y", "Y", "Y", "X", "Y", "Y", "X", "Y", "Y", "Z", "X", "Z", "Y", "Z", "X", "Y", "Z"), ecog = c("0", "1", NA, "2", "1", "0", "0", "0", "1", "1", "0", NA, "0", "2", "1", "2", "1", "2", "0", "1", "1"), stringsAsFactors = FALSE)')
def('smd_edge <- data.frame(group = rep(c("A", "B"), c(4, 5)), const_num = c(5, 5, 5, 5, 5, 5, 5, 5, 5), one_value = c(5, NA, NA, NA, 3, 4, 6, 7, 5), const_cat = c("yes", "yes", "yes", "yes", "yes", "yes", "yes", "yes", "yes"), separated = c("yes", "yes", "yes", "yes", "no", "no", "no", "no", "no"), disjoint = c("X", "X", "X", "X", "Y", "Z", "Y", "Z", "Y"), stringsAsFactors = FALSE)')
## 6. Holm and pairwise Wilcoxon
def('holm_p <- c(0.01, 0.04, 0.03, 0.2, 0.019)  # sorted 0.04 * 2 < 0.03 * 3: the cumulative maximum acts')
def('holm_p_cap <- c(0.6, 0.4, 0.5)  # 0.4 * 3 > 1: capped at 1')
def('pw_noties <- data.frame(x = c(3.2, 4.1, 2.7, 5.0, 3.8, 6.3, 5.9, 7.4, 6.8, 5.5, 8.1, 4.6, 9.0, 7.7, 8.6, 6.1), g = factor(rep(c("A", "B", "C"), c(5, 6, 5)), levels = c("A", "B", "C")))')
def('pw_ties <- data.frame(x = c(3, 4, 3, 5, 4, 6, 5, 7, 6, 5, 8, 4, 9, 7, 8, 6), g = factor(rep(c("A", "B", "C"), c(5, 6, 5)), levels = c("A", "B", "C")))')

## ---------------------------------------------------------------- independent checks (not emitted)
## the categorical SMD does not depend on the level left out, where S is invertible
for (v in c("ecog", "stage")) for (d in 2:3)
  stopifnot(isTRUE(all.equal(smd_categorical(smd_two[[v]], smd_two$group), smd_categorical(smd_two[[v]], smd_two$group, drop_level = d))))
## a binary variable reduces to the closed form
stopifnot(isTRUE(all.equal(smd_categorical(smd_two$sex, smd_two$group), smd_binary(smd_two$sex, smd_two$group, "M"))))
## with an invertible S, ginv is solve
local({ p1 <- smd_level_proportions(smd_two$stage, smd_two$group)$A[-1]; p2 <- smd_level_proportions(smd_two$stage, smd_two$group)$B[-1]
  S <- function(p) { s <- -outer(p, p); diag(s) <- p * (1 - p); s }
  stopifnot(isTRUE(all.equal(sqrt(drop(t(p1 - p2) %*% solve((S(p1) + S(p2)) / 2) %*% (p1 - p2))), smd_categorical(smd_two$stage, smd_two$group)[["A,B"]]))) })

## ---------------------------------------------------------------- emit: data
KW <- c("kw_noties", "kw_ties", "kw_unequal", "kw_single", "kw_two", "kw_two_ties")
DESC <- c("desc_odd", "desc_even_na", "desc_ties", "desc_n1", "desc_n2", "desc_all_na")
TABLES <- c("f2x3", "f3x3", "f3x2", "f2x4_zeros", "f2x4_zero_col", "f3x3_zero_row", "f3x2_zero_row",
            "f2x3_constant", "f3x4_n120", "f3x5_heavy", "t2x2_a", "t2x2_b")
SMD_SETS <- list(smd_two = list(continuous = c("age", "igg"), categorical = c("sex", "ecog", "stage")),
                 smd_three = list(continuous = "age", categorical = c("sex", "centre", "ecog")),
                 smd_edge = list(continuous = c("const_num", "one_value"), categorical = c("const_cat", "separated", "disjoint")))
PW <- c("pw_noties", "pw_ties")

out("# Every data set, by the name of the R object the calls below use. Groups of a list or a")
out("# data frame's columns are keyed by name; a table is a list of its rows; None = NA (missing).")
out("DATA = {")
for (d in KW) {
  open(4, d)
  for (g in names(ev(d))) lst(8, g, sprintf('%s$%s[%d]', d, g, seq_along(ev(sprintf('%s$%s', d, g)))))
  close(4)
}
for (d in DESC) lst(4, d, sprintf('%s[%d]', d, seq_along(ev(d))))
for (d in TABLES) {
  out(sp(4), '"', d, '": [')
  for (i in seq_len(nrow(ev(d)))) {
    out(sp(8), "[")
    for (j in seq_len(ncol(ev(d)))) it(12, sprintf('%s[%d, %d]', d, i, j))
    out(sp(8), "],")
  }
  out(sp(4), "],")
}
for (d in c(names(SMD_SETS), PW)) {
  open(4, d)
  for (col in names(ev(d))) lst(8, col, sprintf('%s$%s[%d]', d, col, seq_len(nrow(ev(d)))))
  close(4)
}
for (d in c("holm_p", "holm_p_cap")) lst(4, d, sprintf('%s[%d]', d, seq_along(ev(d))))
out("}")
out("")
## ---------------------------------------------------------------- 1. Kruskal-Wallis
out("# kruskal.test(list) per data set; for two groups also wilcox.test's P (not equal: the exact")
out("# P, or the normal approximation WITH continuity correction) and the normal approximation without")
out("# continuity correction, which is the Kruskal-Wallis P (z^2 = chi-square, both tie-corrected).")
out("KRUSKAL = {")
for (d in KW) {
  open(4, d)
  kv(8, "statistic", sprintf('kruskal.test(%s)$statistic[[1]]', d))
  kv(8, "df", sprintf('kruskal.test(%s)$parameter[[1]]', d))
  kv(8, "p_value", sprintf('kruskal.test(%s)$p.value', d))
  kv(8, "n", sprintf('sum(lengths(%s))', d))
  if (length(ev(d)) == 2) {
    kv(8, "wilcox_p_value", sprintf('suppressWarnings(wilcox.test(%s$a, %s$b))$p.value', d, d))
    kv(8, "wilcox_method", sprintf('suppressWarnings(wilcox.test(%s$a, %s$b))$method', d, d))
    kv(8, "wilcox_warning", sprintf('tryCatch({wilcox.test(%s$a, %s$b); NA_character_}, warning = function(w) conditionMessage(w))', d, d))
    kv(8, "wilcox_normal_uncorrected_p_value", sprintf('wilcox.test(%s$a, %s$b, exact = FALSE, correct = FALSE)$p.value', d, d))
  }
  close(4)
}
out("}")
out("")

## ---------------------------------------------------------------- 2. descriptive
out("# quantile type 7, median, mean and sd with NA removed; n = values present, missing = NA count")
out("DESCRIPTIVE = {")
for (d in DESC) {
  open(4, d)
  kv(8, "n", sprintf('sum(!is.na(%s))', d))
  kv(8, "missing", sprintf('sum(is.na(%s))', d))
  for (q in list(c("q1", ".25", 1), c("q2", ".5", 2), c("q3", ".75", 3)))
    kv(8, q[1], sprintf('quantile(%s, c(.25, .5, .75), type = 7, na.rm = TRUE)[[%s]]', d, q[3]))
  kv(8, "median", sprintf('median(%s, na.rm = TRUE)', d))
  kv(8, "mean", sprintf('mean(%s, na.rm = TRUE)', d))
  kv(8, "sd", sprintf('sd(%s, na.rm = TRUE)', d))
  close(4)
}
out("}")
out("")

## ---------------------------------------------------------------- 3. Fisher
SIM <- c("f3x3", "f2x4_zeros", "f3x4_n120", "f3x5_heavy")
out("# fisher.test P (r x c: the network algorithm, C_Fexact; 2 x 2: the conditional hypergeometric).")
out("# Where default_workspace_error is given, fisher.test(M) stops and p_value is from workspace = 2e8.")
out("# simulated: Monte Carlo P, set.seed(1) right before the call; another generator cannot match it")
out("# bit for bit, only within Monte Carlo error.")
out("FISHER = {")
for (d in TABLES) {
  open(4, d)
  err <- tryCatch({fisher.test(ev(d)); NULL}, error = function(e) conditionMessage(e))
  if (is.null(err)) {
    kv(8, "p_value", sprintf('fisher.test(%s)$p.value', d))
  } else {
    kv(8, "default_workspace_error", sprintf('tryCatch(fisher.test(%s)$p.value, error = function(e) conditionMessage(e))', d))
    kv(8, "p_value", sprintf('fisher.test(%s, workspace = 2e8)$p.value', d))
  }
  if (d %in% c("f3x4_n120")) kv(8, "p_value_workspace_2e8", sprintf('fisher.test(%s, workspace = 2e8)$p.value', d))
  kv(8, "method", sprintf(if (is.null(err)) 'fisher.test(%s)$method' else 'fisher.test(%s, workspace = 2e8)$method', d))
  if (d == "f3x3_zero_row") {
    kv(8, "p_value_zero_row_removed", 'fisher.test(f3x3_zero_row[-2, ])$p.value')
    kv(8, "zero_row_removed_is_f2x3", 'identical(f3x3_zero_row[-2, ], f2x3)')
    kv(8, "same_p_as_zero_row_removed", 'fisher.test(f3x3_zero_row)$p.value == fisher.test(f3x3_zero_row[-2, ])$p.value')
  }
  if (d == "f3x2_zero_row") {
    kv(8, "p_value_zero_row_removed", 'fisher.test(f3x2_zero_row[-2, ])$p.value')
    kv(8, "same_p_as_zero_row_removed", 'fisher.test(f3x2_zero_row)$p.value == fisher.test(f3x2_zero_row[-2, ])$p.value')
    kv(8, "relative_difference", 'abs(fisher.test(f3x2_zero_row)$p.value / fisher.test(f3x2_zero_row[-2, ])$p.value - 1)')
  }
  if (d == "f2x4_zero_col") {
    kv(8, "p_value_zero_col_removed", 'fisher.test(f2x4_zero_col[, -2])$p.value')
    kv(8, "same_p_as_zero_col_removed", 'fisher.test(f2x4_zero_col)$p.value == fisher.test(f2x4_zero_col[, -2])$p.value')
  }
  if (d %in% SIM) {
    open(8, "simulated")
    kv(12, "B", '1e5')
    kv(12, "seed", '1')
    kv(12, "p_value", sprintf('{set.seed(1); fisher.test(%s, simulate.p.value = TRUE, B = 1e5)$p.value}', d))
    kv(12, "method", sprintf('{set.seed(1); fisher.test(%s, simulate.p.value = TRUE, B = 1e5)$method}', d))
    close(8)
  }
  close(4)
}
out("}")
out("")

## ---------------------------------------------------------------- 4. chi-square
out("# chisq.test: statistic, parameter (df), P; Yates only for 2 x 2 (R's default correct = TRUE).")
out("# Values are taken under suppressWarnings(); warning is the message R gave (None: no warning).")
out("CHISQ = {")
for (d in TABLES) {
  open(4, d)
  kv(8, "statistic", sprintf('suppressWarnings(chisq.test(%s))$statistic[[1]]', d))
  kv(8, "parameter", sprintf('suppressWarnings(chisq.test(%s))$parameter[[1]]', d))
  kv(8, "p_value", sprintf('suppressWarnings(chisq.test(%s))$p.value', d))
  kv(8, "method", sprintf('suppressWarnings(chisq.test(%s))$method', d))
  kv(8, "warning", sprintf('tryCatch({chisq.test(%s); NA_character_}, warning = function(w) conditionMessage(w))', d))
  if (all(dim(ev(d)) == 2)) {
    kv(8, "statistic_correct_false", sprintf('suppressWarnings(chisq.test(%s, correct = FALSE))$statistic[[1]]', d))
    kv(8, "p_value_correct_false", sprintf('suppressWarnings(chisq.test(%s, correct = FALSE))$p.value', d))
  }
  close(4)
}
out("}")
out("")

## ---------------------------------------------------------------- 5. SMD in R
out("# SMD_R[data set][variable][pair]: tests/golden/smd.R (tableone's formulas); \"mean\" = the mean of")
out("# the pairwise SMDs (tableone's summary for more than two groups). sex in smd_two also has the")
out("# binary closed form. Pairs are \"A,B\" for groups A and B (levels in sorted order). na_as_level:")
out("# the same with a missing value counted as a level \"None\" (Python tableone's include_null=True).")
out("SMD_R = {")
for (d in names(SMD_SETS)) {
  open(4, d)
  for (kind in c("continuous", "categorical")) for (v in SMD_SETS[[d]][[kind]]) {
    open(8, v)
    txt(12, "kind", kind)
    f <- if (kind == "continuous") "smd_continuous" else "smd_categorical"
    for (p in names(ev(sprintf('%s(%s$%s, %s$group)', f, d, v, d))))
      kv(12, p, sprintf('%s(%s$%s, %s$group)[["%s"]]', f, d, v, d, p))
    if (length(unique(ev(sprintf('%s$group', d)))) > 2) kv(12, "mean", sprintf('smd_mean(%s(%s$%s, %s$group))', f, d, v, d))
    if (d == "smd_two" && v == "sex") kv(12, "binary_formula", 'smd_binary(smd_two$sex, smd_two$group, "M")[["A,B"]]')
    if (kind == "categorical" && anyNA(ev(sprintf('%s$%s', d, v)))) {
      open(12, "na_as_level")   # what Python tableone's include_null=True computes
      na_level <- sprintf('ifelse(is.na(%s$%s), "None", %s$%s)', d, v, d, v)
      for (p in names(ev(sprintf('smd_categorical(%s, %s$group)', na_level, d))))
        kv(16, p, sprintf('smd_categorical(%s, %s$group)[["%s"]]', na_level, d, p))
      close(12)
    }
    close(8)
  }
  close(4)
}
out("}")
out("")

## ---------------------------------------------------------------- 6. Holm, pairwise Wilcoxon
out("HOLM = {")
for (d in c("holm_p", "holm_p_cap")) {
  open(4, d)
  lst(8, "adjusted", sprintf('p.adjust(%s, "holm")[%d]', d, seq_along(ev(d))))
  close(4)
}
out("}")
out("")
out("# pairwise.wilcox.test(x, g, ...)$p.value[b, a] for each pair \"a,b\"; wilcox_method: what")
out("# wilcox.test(x[g == a], x[g == b]) used with its defaults (exact = NULL: exact when n < 50 without ties).")
out("PAIRWISE_WILCOX = {")
for (d in PW) {
  open(4, d)
  calls <- list(default_holm = 'p.adjust.method = "holm"',
                normal_corrected_holm = 'p.adjust.method = "holm", exact = FALSE, correct = TRUE',
                default_unadjusted = 'p.adjust.method = "none"')
  for (k in names(calls)) {
    open(8, k)
    txt(12, "arguments", calls[[k]])
    for (pr in list(c("A", "B"), c("A", "C"), c("B", "C")))
      kv(12, paste(pr, collapse = ","), sprintf('suppressWarnings(pairwise.wilcox.test(%s$x, %s$g, %s))$p.value["%s", "%s"]', d, d, calls[[k]], pr[2], pr[1]))
    close(8)
  }
  open(8, "wilcox_method")
  for (pr in list(c("A", "B"), c("A", "C"), c("B", "C")))
    kv(12, paste(pr, collapse = ","), sprintf('suppressWarnings(wilcox.test(%s$x[%s$g == "%s"], %s$x[%s$g == "%s"]))$method', d, d, pr[1], d, d, pr[2]))
  close(8)
  kv(8, "default_warns", sprintf('tryCatch({pairwise.wilcox.test(%s$x, %s$g, p.adjust.method = "holm"); FALSE}, warning = function(w) TRUE)', d, d))
  close(4)
}
out("}")
out("")

## ---------------------------------------------------------------- tableone (Python) SMDs, copied
TSV <- "tests/golden/tableone_smd.tsv"
TO_VERSION <- NA_character_
if (file.exists(TSV)) {
  tsv_lines <- readLines(TSV)
  meta <- sub("^# ", "", grep("^# ", tsv_lines, value = TRUE))
  meta <- setNames(sub("^[^:]+: ", "", meta), sub(":.*$", "", meta))
  TO_VERSION <- meta[["tableone"]]
  to <- read.delim(text = grep("^# ", tsv_lines, value = TRUE, invert = TRUE), colClasses = "character", na.strings = character(0))
  out(sprintf('# TABLEONE_SMD[data set][include_null][variable][pair]: Python tableone %s (%s), from', TO_VERSION, meta[["environment"]]))
  out("# TableOne(DATA[data set], groupby=\"group\", smd=True, include_null=...).smd_table, by")
  out("# tests/golden/tableone_check.py (in a throwaway venv) into tests/golden/tableone_smd.tsv, copied here;")
  out("# each comment names the tableone cell. tableone's sign is kept (mean of the 2nd group minus the 1st).")
  out(sprintf('TABLEONE_VERSION = "%s"  # tests/golden/tableone_smd.tsv: tableone.__version__', TO_VERSION))
  out(sprintf('TABLEONE_DATA_SHA256 = "%s"  # tests/golden/tableone_smd.tsv: sha256 of the data tableone was given', meta[["data_sha256"]]))
  out("TABLEONE_SMD = {")
  for (d in unique(to$dataset)) {
    open(4, d)
    for (inc in unique(to$include_null[to$dataset == d])) {
      open(8, paste0("include_null_", tolower(inc)))
      for (v in unique(to$variable[to$dataset == d & to$include_null == inc])) {
        open(12, v)
        rows <- to[to$dataset == d & to$include_null == inc & to$variable == v, ]
        for (i in seq_len(nrow(rows))) {
          x <- as.numeric(rows$smd[i])
          out(sp(16), '"', rows$pair[i], '": ', fmt(x), sprintf(',  # tableone %s: TableOne(%s, include_null=%s).smd_table.loc["%s", "SMD (%s)"]', TO_VERSION, d, inc, v, rows$pair[i]))
        }
        close(12)
      }
      close(8)
    }
    close(4)
  }
  out("}")
} else {
  out("TABLEONE_VERSION = None  # tests/golden/tableone_smd.tsv missing: run tests/golden/tableone_check.py")
  out("TABLEONE_DATA_SHA256 = None")
  out("TABLEONE_SMD = None")
}

## ---------------------------------------------------------------- header
ver <- sprintf("%s; MASS %s (ginv); stats", R.version.string, packageVersion("MASS"))
hdr <- c('"""Golden reference values for Table 1 (issue 14), generated by tests/golden/table1.R.',
  '',
  paste0('Versions: ', ver, '.'),
  paste0('TABLEONE_SMD: Python tableone ', TO_VERSION, ', through tests/golden/tableone_check.py.'),
  '',
  'Re-check: run  Rscript tests/golden/table1.R  from the repository root; it rewrites this file',
  'byte for byte (Monte Carlo P values included: set.seed(1) is inside each call), and git diff',
  'shows any number that changed. After a change to the SMD data sets: run table1.R, then',
  'tests/golden/tableone_check.py with tableone installed (it reads DATA from this file and writes',
  'tests/golden/tableone_smd.tsv), then table1.R again (it copies that file into TABLEONE_SMD).',
  '',
  'Every number below was obtained as eval(parse(text=EXPR)) in R, and EXPR is written',
  'verbatim in the "# R: EXPR" comment beside it. Numbers are formatted with sprintf("%.15g", x).',
  'R NA and NaN -> None; R Inf -> float("inf"). Counts print as Python ints. All data are',
  'synthetic (no patients). The R objects named in the comments were created, in this order,',
  'by exactly these statements (library(MASS) loaded first):',
  '',
  defs_lines(),
  '',
  'Notes (what R does):',
  '* kruskal.test: statistic tie-corrected, df = k - 1, P from chi-square. A group of one value is',
  '  accepted (kw_single). With two groups its P equals wilcox.test(exact = FALSE, correct = FALSE)',
  '  and not the default wilcox.test P (exact without ties and n < 50; else normal WITH correction).',
  '* quantile type 7: h = (n - 1) p + 1, linear between order statistics. n = 1: every quantile is',
  '  the value and sd is NA; no value at all: quantiles and median NA, mean NaN, sd NA (all None).',
  '* fisher.test r x c (C_Fexact, the network algorithm) counts tables whose probability is at most',
  '  the observed one times 1 + 1e-7; the 2 x 2 case uses dhyper with the same relative tolerance.',
  '  An all-zero row or column does not stop the exact test: P equals that of the table without it',
  '  (f3x3_zero_row, f2x4_zero_col exactly; f3x2_zero_row goes through C_Fexact, not the 2 x 2 code,',
  '  and differs from the 2 x 2 P in the last digits, see relative_difference). simulate.p.value drops',
  '  zero rows and columns first. A table with one non-zero column (f2x3_constant) gives P = 1.',
  '  f3x5_heavy (n = 151) stops with the default workspace (200000) with FEXACT error 7 and needs',
  '  workspace = 2e8; f3x4_n120 runs with either, and the two P values differ in the last digits',
  '  (about 1e-13 relative): compare exact P values with a relative tolerance, not bit for bit.',
  '* fisher.test(simulate.p.value = TRUE, B) P = (1 + #{simulated tables with probability <= observed',
  '  / (1 + 64 eps)}) / (B + 1), tables from r2dtable (Patefield).',
  '* chisq.test: Yates only for 2 x 2, correction min(0.5, |O - E|); an all-zero row or column gives',
  '  an expected count of 0 and statistic NaN (P None) with df still counting it; the warning',
  '  "Chi-squared approximation may be incorrect" is given when an expected count is below 5.',
  '* SMD_R: tests/golden/smd.R, from the formulas (tableone itself is not in Debian).',
  '* pairwise.wilcox.test: the default (exact = NULL) is wilcox.test\'s: exact for pw_noties (no ties,',
  '  n < 50), normal with continuity correction for pw_ties (ties; R warns it cannot compute the exact',
  '  P); Holm: p.adjust, cumulative maximum of (m - i + 1) p_(i), capped at 1.',
  '',
  'tableone (Python) against SMD_R: see the DISAGREEMENTS paragraph of tests/golden/tableone_check.py,',
  'repeated here:',
  '__DISAGREE__',
  '"""', '')
dis <- if (file.exists("tests/golden/tableone_check.py")) {
  s <- readLines("tests/golden/tableone_check.py")
  a <- grep("^DISAGREEMENTS", s); b <- grep("^END DISAGREEMENTS", s)
  if (length(a) == 1 && length(b) == 1 && b > a + 1) s[(a + 1):(b - 1)] else "(none recorded)"
} else "(tests/golden/tableone_check.py missing)"
hdr <- c(hdr[seq_len(which(hdr == '__DISAGREE__') - 1)], dis, hdr[-seq_len(which(hdr == '__DISAGREE__'))])
consts <- version_consts("MASS")
writeLines(c(hdr, consts, L), "tests/golden/r_table1.py")
cat("wrote", length(L), "lines\n")
