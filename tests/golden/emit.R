## tests/golden/emit.R -- the helpers every golden generator of tests/golden/ sources first
## (source("tests/golden/emit.R"); the scripts run from the repository root). A number is the value
## of an R expression given as a string, eval(parse(text = EXPR)), and is written as a Python line
## with EXPR beside it,
##     "key": VALUE,  # R: EXPR
## so the comment is exactly the call that produced the number. The statements that build the
## data go through def(), which keeps them verbatim for the module's header.

## ---------------------------------------------------------------- setup statements
DEFS <- character(0)
def <- function(code) {               # evaluate a setup statement and remember it verbatim
  eval(parse(text = code), envir = globalenv())
  DEFS <<- c(DEFS, code)
}
ev <- function(expr) eval(parse(text = expr), envir = globalenv())
## DEFS for the header (a Python docstring): one line each, indented 4, backslashes doubled
defs_lines <- function() paste0("    ", gsub("\\\\", "\\\\\\\\", unlist(strsplit(DEFS, "\n", fixed = TRUE))))

## ---------------------------------------------------------------- Python literals
pystr <- function(x) {                # R strings as Python string literals (vectorised)
  x <- gsub("\\", "\\\\", x, fixed = TRUE)
  x <- gsub('"', '\\"', x, fixed = TRUE)
  x <- gsub("\n", "\\n", x, fixed = TRUE)
  sprintf('"%s"', gsub("\t", "\\t", x, fixed = TRUE))
}
fmt <- function(x) {                  # one R value as a Python literal
  if (length(x) != 1) stop("fmt: not one value")
  if (is.factor(x)) x <- as.character(x)
  if (is.na(x)) return("None")      # NA of any type, and NaN -> None
  if (is.logical(x)) return(if (x) "True" else "False")
  if (is.character(x)) return(pystr(x))
  x <- as.numeric(x)
  if (is.infinite(x)) return(if (x > 0) 'float("inf")' else 'float("-inf")')
  sprintf("%.15g", x)                 # a whole number prints as a Python int
}

## ---------------------------------------------------------------- the module's lines
L <- character(0)
out <- function(...) L <<- c(L, paste0(...))
sp <- function(n) strrep(" ", n)
scalar <- function(expr) {            # the value of expr, which must be one value
  x <- ev(expr)
  if (length(x) != 1) stop("not scalar: ", expr)
  x
}
kv <- function(ind, key, expr) out(sp(ind), '"', key, '": ', fmt(scalar(expr)), ",  # R: ", expr)
it <- function(ind, expr) out(sp(ind), fmt(scalar(expr)), ",  # R: ", expr)   # an item of a list
lst <- function(ind, key, exprs) {
  out(sp(ind), '"', key, '": [')
  for (e in exprs) it(ind + 4, e)
  out(sp(ind), "],")
}
txt <- function(ind, key, value) out(sp(ind), '"', key, '": ', fmt(value), ",")   # a label, not an R result
open <- function(ind, key) out(sp(ind), if (is.character(key)) paste0('"', key, '"') else key, ": {")
close <- function(ind) out(sp(ind), "},")
## the R and package versions as the module's constants, each with the R call that gives it
version_consts <- function(packages) c(
  sprintf('R_VERSION = "%s"  # R: R.version.string', R.version.string),
  sprintf('%s_VERSION = "%s"  # R: as.character(packageVersion("%s"))', toupper(packages),
          vapply(packages, function(p) as.character(packageVersion(p)), ""), packages),
  '')

## ---------------------------------------------------------------- r_two_sample.py's form
## cont.R and binary.R: every number a Python float (1.0, not 1), the comment the call alone
## (verify.R evaluates it again), SRC before a call of a functions.R function, and
## "[R returned NA]" or "[R returned NaN]" after a None.
fmt_float <- function(x) {
  s <- fmt(x)
  if (grepl("^-?[0-9]+$", s)) paste0(s, ".0") else s
}
note_na <- function(x) {
  x <- unname(x)
  if (is.nan(x)) " [R returned NaN]" else if (is.na(x)) " [R returned NA]" else ""
}
SRC <- 'source("tests/golden/functions.R"); '
kv_float <- function(ind, key, expr, pre = "") {
  x <- ev(expr)
  out(sp(ind), '"', key, '": ', fmt_float(x), ",  # ", pre, expr, note_na(x))
  invisible(x)
}
