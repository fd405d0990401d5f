## tests/golden/cont.R -- continuous two-sample golden values
## Run: Rscript tests/golden/cont.R   -> writes tests/golden/out_cont.py
source("tests/golden/functions.R")
source("tests/golden/emit.R")

DS <- list(
  wo      = list(a = "c(167,183,192,221,275,317,323,336,340,436,501,505,524,530,552,586)",
                 b = "c(212,268,322,352,401,455)"),
  ties    = list(a = "c(1,2,2,3,5,8,8)", b = "c(2,3,3,4,9,10)"),
  unequal = list(a = "c(3.1,4.7,5.2)",
                 b = "c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3)"),
  large   = list(a = "(1:55)^1.1", b = "(1:52)^1.1+0.3"))
ALTS <- c("two.sided", "less", "greater")
CASES <- list(c("two.sided", "0.95"), c("less", "0.95"), c("greater", "0.95"), c("two.sided", "0.9"))

## ---------------------------------------------------------------- data
out("DATA_CONTINUOUS = {")
for (nm in names(DS)) {
  a <- eval(parse(text = DS[[nm]]$a)); b <- eval(parse(text = DS[[nm]]$b))
  out('    "', nm, '": {')
  out('        "a": [', paste(sapply(a, fmt_float), collapse = ", "), "],  # ", DS[[nm]]$a)
  out('        "b": [', paste(sapply(b, fmt_float), collapse = ", "), "],  # ", DS[[nm]]$b)
  out("    },")
}
out("}")
out("")

## ---------------------------------------------------------------- wilcox
out("# WILCOX[pair][alternative][conf_level]; R: wilcox.test(a, b, conf.int=TRUE, ...), defaults")
out("# exact=NULL (exact iff n<50 both and no ties), correct=TRUE, tol.root=1e-4.")
out("# conf_level_attr = attr(conf.int,'conf.level') actually reported by R.")
out("WILCOX = {")
for (nm in names(DS)) {
  open(4, nm)
  for (alt in ALTS) {
    open(8, alt)
    for (cs in CASES) if (cs[1] == alt) {
      cl <- cs[2]
      open(12, as.numeric(cl))
      base <- sprintf('suppressWarnings(wilcox.test(%s, %s, alternative="%s", conf.int=TRUE, conf.level=%s))',
                      DS[[nm]]$a, DS[[nm]]$b, alt, cl)
      kv_float(16, "statistic", paste0("unname(", base, "$statistic)"))
      kv_float(16, "p_value", paste0(base, "$p.value"))
      kv_float(16, "estimate", paste0("unname(", base, "$estimate)"))
      kv_float(16, "conf_int_low", paste0(base, "$conf.int[1]"))
      kv_float(16, "conf_int_high", paste0(base, "$conf.int[2]"))
      kv_float(16, "conf_level_attr", paste0('attr(', base, '$conf.int, "conf.level")'))
      a <- eval(parse(text = DS[[nm]]$a)); b <- eval(parse(text = DS[[nm]]$b))
      exact <- length(a) < 50 && length(b) < 50 && !anyDuplicated(c(a, b))
      if (!exact) {
        ## asymptotic branch: R's estimate / CI are uniroot() results (tol 1e-4).
        ## Same call with tol.root=1e-12, plus the exact HL estimator.
        base2 <- sub("conf.level=([0-9.]+)\\)\\)$", "conf.level=\\1, tol.root=1e-12))", base)
        kv_float(16, "estimate_tol_root_1e-12", paste0("unname(", base2, "$estimate)"))
        kv_float(16, "conf_int_low_tol_root_1e-12", paste0(base2, "$conf.int[1]"))
        kv_float(16, "conf_int_high_tol_root_1e-12", paste0(base2, "$conf.int[2]"))
        kv_float(16, "conf_int_low_snapped_to_pairwise_difference",
            sprintf("snap_diff(%s, %s, %s$conf.int[1])", DS[[nm]]$a, DS[[nm]]$b, base2), SRC)
        kv_float(16, "conf_int_high_snapped_to_pairwise_difference",
            sprintf("snap_diff(%s, %s, %s$conf.int[2])", DS[[nm]]$a, DS[[nm]]$b, base2), SRC)
        kv_float(16, "hodges_lehmann_median_of_differences",
            sprintf("median(outer(%s, %s, `-`))", DS[[nm]]$a, DS[[nm]]$b))
        if (nm == "large") {
          ## W(d) (no continuity correction) is exactly 0 on the open interval between the
          ## 1430th and 1431st ordered differences; uniroot returns an arbitrary point in it.
          kv_float(16, "estimate_zero_set_low", sprintf("sort(outer(%s, %s, `-`))[55*52/2]", DS[[nm]]$a, DS[[nm]]$b))
          kv_float(16, "estimate_zero_set_high", sprintf("sort(outer(%s, %s, `-`))[55*52/2+1]", DS[[nm]]$a, DS[[nm]]$b))
        }
      }
      close(12)
    }
    close(8)
  }
  close(4)
}
out("}")
out("")

## ---------------------------------------------------------------- t tests
for (ve in c(FALSE, TRUE)) {
  tab <- if (ve) "T_TEST_POOLED" else "T_TEST_WELCH"
  out("# ", tab, "[pair][alternative][conf_level]; R: t.test(a, b, var.equal=", ve, ", ...)")
  out(tab, " = {")
  for (nm in names(DS)) {
    open(4, nm)
    for (alt in ALTS) {
      open(8, alt)
      for (cs in CASES) if (cs[1] == alt) {
        cl <- cs[2]
        open(12, as.numeric(cl))
        base <- sprintf('t.test(%s, %s, alternative="%s", var.equal=%s, conf.level=%s)',
                        DS[[nm]]$a, DS[[nm]]$b, alt, ve, cl)
        kv_float(16, "statistic", paste0("unname(", base, "$statistic)"))
        kv_float(16, "df", paste0("unname(", base, "$parameter)"))
        kv_float(16, "p_value", paste0(base, "$p.value"))
        kv_float(16, "estimate", paste0("unname(diff(rev(", base, "$estimate)))"))
        kv_float(16, "stderr", paste0(base, "$stderr"))
        kv_float(16, "conf_int_low", paste0(base, "$conf.int[1]"))
        kv_float(16, "conf_int_high", paste0(base, "$conf.int[2]"))
        close(12)
      }
      close(8)
    }
    close(4)
  }
  out("}")
  out("")
}

## ---------------------------------------------------------------- Brunner-Munzel
out("# BRUNNER_MUNZEL[pair][alternative][conf_level]: own R implementation bm_test() in")
out("# tests/golden/functions.R (lawstat/brunnermunzel not installable). Conventions = lawstat:")
out("# estimate = P(a<b)+0.5*P(a=b); statistic=(estimate-0.5)/se (>0 when b tends larger);")
out("# 'less' = a stochastically smaller than b (p = 1-pt(stat,df)), 'greater' = a larger (p = pt(stat,df)).")
out("# conf_int_* = two-sided (1-alpha) CI as lawstat prints regardless of alternative;")
out("# one_sided_conf_int_* = CI dual to the one-sided test ('less': [est - qt(conf,df)*se, inf),")
out("# 'greater': (-inf, est + qt(conf,df)*se]; two.sided: same as conf_int).")
out("BRUNNER_MUNZEL = {")
for (nm in names(DS)) {
  open(4, nm)
  for (alt in ALTS) {
    open(8, alt)
    for (cs in CASES) if (cs[1] == alt) {
      cl <- cs[2]
      open(12, as.numeric(cl))
      base <- sprintf('bm_test(%s, %s, alternative="%s", alpha=1-%s)', DS[[nm]]$a, DS[[nm]]$b, alt, cl)
      kv_float(16, "statistic", paste0(base, "$statistic"), SRC)
      kv_float(16, "df", paste0(base, "$df"), SRC)
      kv_float(16, "p_value", paste0(base, "$p.value"), SRC)
      kv_float(16, "estimate", paste0(base, "$estimate"), SRC)
      kv_float(16, "se", paste0(base, "$se"), SRC)
      kv_float(16, "conf_int_low", paste0(base, "$conf.int[1]"), SRC)
      kv_float(16, "conf_int_high", paste0(base, "$conf.int[2]"), SRC)
      kv_float(16, "one_sided_conf_int_low", paste0(base, "$one.sided.conf.int[1]"), SRC)
      kv_float(16, "one_sided_conf_int_high", paste0(base, "$one.sided.conf.int[2]"), SRC)
      close(12)
    }
    close(8)
  }
  close(4)
}
out("}")
out("")

## cross-check bm_test against placement formulation (printed to stderr log)
for (nm in names(DS)) {
  a <- eval(parse(text = DS[[nm]]$a)); b <- eval(parse(text = DS[[nm]]$b))
  r1 <- bm_test(a, b); r2 <- bm_placements(a, b)
  message(sprintf("BM crosscheck %s: max rel diff = %.3g", nm,
                  max(abs(unlist(r1[c("statistic", "df", "estimate", "se")]) -
                          unlist(r2[c("statistic", "df", "estimate", "se")])) /
                      abs(unlist(r2[c("statistic", "df", "estimate", "se")])))))
}

## ---------------------------------------------------------------- permutation medians
out("# PERM_MEDIAN[pair]: exact enumeration of all choose(N, n_a) splits, statistic median(a)-median(b);")
out("# two-sided p = mean(|d| >= |d_obs| - 1e-12), less: mean(d <= d_obs + 1e-12), greater: mean(d >= d_obs - 1e-12)")
out("PERM_MEDIAN = {")
for (nm in c("wo", "ties", "unequal")) {
  open(4, nm)
  assign("PM", perm_median(eval(parse(text = DS[[nm]]$a)), eval(parse(text = DS[[nm]]$b))), envir = globalenv())
  call <- sprintf("perm_median(%s, %s)", DS[[nm]]$a, DS[[nm]]$b)
  for (f in c("d_obs", "n_splits", "p_two_sided", "p_less", "p_greater")) {
    v <- PM[[f]]
    out("        \"", f, "\": ", fmt_float(v), ",  # ", SRC, call, "$", f)
  }
  close(4)
}
out("}")
out("")

writeLines(L, "tests/golden/out_cont.py")
