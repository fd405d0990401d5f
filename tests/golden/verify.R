## tests/golden/verify.R -- re-evaluate every R call found in a comment of r_two_sample.py
## (in a fresh session each time for functions.R calls is unnecessary; we source once)
lines <- readLines("tests/golden/r_two_sample.py")
n_ok <- 0; n_bad <- 0
for (ln in lines) {
  m <- regmatches(ln, regexec('^\\s*(?:"[^"]+": )?([^,#]+),  # (.*)$', ln, perl = TRUE))[[1]]
  if (length(m) == 0) next
  val <- m[2]; call <- sub(" \\[R returned (NA|NaN)\\]$", "", m[3])
  if (grepl("^stats\\.|published|^\\(1:55|^c\\(", call)) next      # scipy calls / non-R / data rows
  v <- tryCatch(eval(parse(text = call), envir = globalenv()), error = function(e) { message("ERR ", call); NA_real_ })
  s <- if (is.na(v)) "None" else if (is.infinite(v)) (if (v > 0) 'float("inf")' else 'float("-inf")') else {
    x <- sprintf("%.15g", v); if (!grepl("[.eE]", x)) x <- paste0(x, ".0"); x }
  if (identical(s, trimws(val))) n_ok <- n_ok + 1 else { n_bad <- n_bad + 1; message("MISMATCH: ", ln, " -> ", s) }
}
cat("verified", n_ok, "numbers;", n_bad, "mismatches\n")
