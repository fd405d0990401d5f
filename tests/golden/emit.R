## tests/golden/emit.R -- helpers that evaluate an R call given as a string and
## emit a Python line `"key": value,  # <the same call string>`.
## The comment is therefore exactly the code that produced the number.
OUT <- character(0)
L <- function(...) OUT <<- c(OUT, paste0(...))
fmt <- function(x) {
  x <- unname(x)
  if (length(x) != 1) stop("fmt: length != 1")
  if (is.na(x)) return("None")                   # NA or NaN -> None
  if (is.infinite(x)) return(if (x > 0) 'float("inf")' else 'float("-inf")')
  s <- sprintf("%.15g", x)
  if (!grepl("[.eE]", s)) s <- paste0(s, ".0")     # make it a Python float
  s
}
note_na <- function(x) {
  x <- unname(x)
  if (is.nan(x)) " [R returned NaN]" else if (is.na(x)) " [R returned NA]" else ""
}
SRC <- 'source("tests/golden/functions.R"); '
## evaluate call string, emit; pre = text prepended to the comment (e.g. SRC)
num <- function(ind, key, call, pre = "") {
  v <- eval(parse(text = call), envir = globalenv())
  L(strrep(" ", ind), '"', key, '": ', fmt(v), ",  # ", pre, call, note_na(v))
  invisible(v)
}
open_  <- function(ind, key) L(strrep(" ", ind), if (is.character(key)) paste0('"', key, '"') else key, ": {")
close_ <- function(ind) L(strrep(" ", ind), "},")
## deparse numeric vector compactly as c(...)
cvec <- function(x) paste0("c(", paste(format(x, digits = 15, trim = TRUE), collapse = ","), ")")
