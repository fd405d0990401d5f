## tests/golden/functions.R
## Helper functions for golden values where no R package implementation was
## installable (lawstat, brunnermunzel, Exact, DescTools are NOT packaged for
## Debian here; see report).  Written from the papers' formulas.

## ---------------------------------------------------------------------------
## Brunner & Munzel (2000), Biom. J. 42:17-25 (corrected per Neubert & Brunner
## 2007), t-approximation with Satterthwaite-type df.
## Direction convention identical to lawstat::brunner.munzel.test(x, y):
##   estimate  = P(X<Y) + 0.5 P(X=Y)     (X = x = a, Y = y = b)
##   statistic = (estimate - 1/2) / se    (positive when y tends to be larger)
##   "greater": p = pt(statistic, df)     (H1: x stochastically GREATER than y,
##                                          i.e. estimate < 1/2)
##   "less":    p = 1 - pt(statistic, df) (H1: x stochastically LESS than y)
##   two-sided: 2 * min(pt(|W|), 1-pt(|W|))
##   conf.int  = estimate -/+ qt(1-alpha/2, df) * se  (always two-sided, as lawstat)
## Extra (not in lawstat): one-sided bounds dual to the one-sided tests:
##   "less"    -> [estimate - qt(1-alpha, df)*se, Inf)
##   "greater" -> (-Inf, estimate + qt(1-alpha, df)*se]
bm_test <- function(x, y, alternative = c("two.sided", "greater", "less"), alpha = 0.05) {
  alternative <- match.arg(alternative)
  n1 <- length(x); n2 <- length(y); N <- n1 + n2
  R  <- rank(c(x, y))              # overall (mid)ranks
  R1 <- R[seq_len(n1)]; R2 <- R[n1 + seq_len(n2)]
  W1 <- rank(x); W2 <- rank(y)     # internal (within-sample) midranks
  m1 <- mean(R1); m2 <- mean(R2)
  est <- (m2 - (n2 + 1) / 2) / n1
  S1sq <- sum((R1 - W1 - m1 + (n1 + 1) / 2)^2) / (n1 - 1)
  S2sq <- sum((R2 - W2 - m2 + (n2 + 1) / 2)^2) / (n2 - 1)
  # paper: sigma_i^2 = S_i^2 / (N - n_i)^2 ; W = (m2 - m1) / (N * sqrt(sigma1^2/n1 + sigma2^2/n2))
  s1 <- S1sq / (N - n1)^2; s2 <- S2sq / (N - n2)^2
  stat <- (m2 - m1) / (N * sqrt(s1 / n1 + s2 / n2))
  df <- (n1 * S1sq + n2 * S2sq)^2 /
        ((n1 * S1sq)^2 / (n1 - 1) + (n2 * S2sq)^2 / (n2 - 1))
  se <- sqrt(S1sq / (n1 * n2^2) + S2sq / (n2 * n1^2))
  p <- switch(alternative,
              greater   = pt(stat, df),
              less      = pt(stat, df, lower.tail = FALSE),
              two.sided = 2 * min(pt(abs(stat), df), pt(abs(stat), df, lower.tail = FALSE)))
  q2 <- qt(1 - alpha / 2, df); q1 <- qt(1 - alpha, df)
  list(statistic = stat, df = df, p.value = p, estimate = est, se = se,
       conf.int = c(est - q2 * se, est + q2 * se),
       one.sided.conf.int = switch(alternative,
                                   two.sided = c(est - q2 * se, est + q2 * se),
                                   less      = c(est - q1 * se, Inf),
                                   greater   = c(-Inf, est + q1 * se)))
}

## Independent cross-check of bm_test via placements (no ranks): used only to
## verify bm_test, not emitted.
bm_placements <- function(x, y) {
  n1 <- length(x); n2 <- length(y)
  H <- function(u) (sign(u) + 1) / 2               # count function, 1/2 at ties
  P1 <- sapply(x, function(xi) mean(H(xi - y)))    # F2-hat at x_i (normalized)
  P2 <- sapply(y, function(yj) mean(H(yj - x)))    # F1-hat at y_j
  est <- mean(P2)                                  # P(X<Y)+.5P(X=Y)
  v1 <- var(P1); v2 <- var(P2)                     # = S_i^2/(N-n_i)^2
  se <- sqrt(v1 / n1 + v2 / n2)
  stat <- (est - 0.5) / se
  df <- (v1 / n1 + v2 / n2)^2 / ((v1 / n1)^2 / (n1 - 1) + (v2 / n2)^2 / (n2 - 1))
  list(statistic = stat, df = df, estimate = est, se = se)
}

## ---------------------------------------------------------------------------
## Exact permutation test for the difference in medians, median(a) - median(b),
## enumerating ALL choose(N, n1) splits of the pooled sample (observed split
## included).
perm_median <- function(a, b) {
  z <- c(a, b); n1 <- length(a); N <- length(z)
  d_obs <- median(a) - median(b)
  idx <- combn(N, n1)
  d <- apply(idx, 2, function(i) median(z[i]) - median(z[-i]))
  list(d_obs = d_obs,
       n_splits = ncol(idx),
       p_two_sided = mean(abs(d) >= abs(d_obs) - 1e-12),
       p_less      = mean(d <= d_obs + 1e-12),
       p_greater   = mean(d >= d_obs - 1e-12))
}

## ---------------------------------------------------------------------------
## Wilson score interval (no continuity correction) and Newcombe (1998) method 10
## hybrid score interval for p1 - p2.
wilson <- function(x, n, conf = 0.95) {
  z <- qnorm(1 - (1 - conf) / 2); p <- x / n
  centre <- (p + z^2 / (2 * n)) / (1 + z^2 / n)
  half   <- z * sqrt(p * (1 - p) / n + z^2 / (4 * n^2)) / (1 + z^2 / n)
  c(centre - half, centre + half)
}
newcombe_hybrid <- function(x1, n1, x2, n2, conf = 0.95) {
  p1 <- x1 / n1; p2 <- x2 / n2; d <- p1 - p2
  w1 <- wilson(x1, n1, conf); w2 <- wilson(x2, n2, conf)
  l1 <- w1[1]; u1 <- w1[2]; l2 <- w2[1]; u2 <- w2[2]
  c(estimate = d,
    lower = d - sqrt((p1 - l1)^2 + (u2 - p2)^2),
    upper = d + sqrt((u1 - p1)^2 + (p2 - l2)^2))
}

## ---------------------------------------------------------------------------
## Unconditional exact tests (Barnard pooled-z, Boschloo) for two independent
## binomials, group 1 = (x1 of n1), group 2 = (x2 of n2).
## alternative "less": H1 p1 < p2 ; "greater": H1 p1 > p2.
## p-value = max over nuisance pi in [0,1] of P_pi(T in rejection region),
## maximised by a 20001-point grid on [0,1] then optimize() around the best
## grid points (tol 1e-12).
.uncond_max <- function(n1, n2, reject) {
  x1 <- 0:n1; x2 <- 0:n2
  f <- function(p) sum(outer(dbinom(x1, n1, p), dbinom(x2, n2, p))[reject])
  grid <- seq(0, 1, length.out = 20001)
  v <- vapply(grid, f, 0)
  best <- max(v)
  cand <- order(v, decreasing = TRUE)[1:min(20, length(v))]
  h <- grid[2] - grid[1]
  for (k in cand) {
    lo <- max(0, grid[k] - h); hi <- min(1, grid[k] + h)
    o <- optimize(f, c(lo, hi), maximum = TRUE, tol = 1e-12)
    best <- max(best, o$objective)
  }
  min(1, best)
}
.tol <- 1e-10   # relative tolerance used to treat numerically-equal statistics as ties

barnard_pooled <- function(x1, n1, x2, n2, alternative = c("two.sided", "less", "greater")) {
  alternative <- match.arg(alternative)
  X1 <- matrix(0:n1, n1 + 1, n2 + 1); X2 <- matrix(0:n2, n1 + 1, n2 + 1, byrow = TRUE)
  P1 <- X1 / n1; P2 <- X2 / n2; P <- (X1 + X2) / (n1 + n2)
  Z <- (P1 - P2) / sqrt(P * (1 - P) * (1 / n1 + 1 / n2))
  Z[X1 * n2 == X2 * n1] <- 0                        # p1 == p2 (incl. 0/0) -> 0
  z0 <- Z[x1 + 1, x2 + 1]
  eps <- .tol * max(1, abs(z0))
  reject <- switch(alternative,
                   two.sided = abs(Z) >= abs(z0) - eps,
                   less      = Z <= z0 + eps,
                   greater   = Z >= z0 - eps)
  list(statistic = z0, p.value = .uncond_max(n1, n2, reject))
}

## Boschloo: ordering statistic = one-sided Fisher (conditional) p-value.
##  "less":    T = P(X1 <= x1 | x1+x2)   ; "greater": T = P(X1 >= x1 | x1+x2)
##  "two.sided" (scipy convention): 2 * min(p_less, p_greater), capped at 1.
boschloo <- function(x1, n1, x2, n2, alternative = c("two.sided", "less", "greater")) {
  alternative <- match.arg(alternative)
  if (alternative == "two.sided") {
    pl <- boschloo(x1, n1, x2, n2, "less"); pg <- boschloo(x1, n1, x2, n2, "greater")
    r <- if (pl$p.value < pg$p.value) pl else pg
    return(list(statistic = r$statistic, p.value = min(1, 2 * r$p.value)))
  }
  X1 <- matrix(0:n1, n1 + 1, n2 + 1); X2 <- matrix(0:n2, n1 + 1, n2 + 1, byrow = TRUE)
  S <- X1 + X2
  Tm <- if (alternative == "less") phyper(X1, n1, n2, S)
        else phyper(X1 - 1, n1, n2, S, lower.tail = FALSE)
  t0 <- Tm[x1 + 1, x2 + 1]
  reject <- Tm <= t0 * (1 + .tol)
  list(statistic = t0, p.value = .uncond_max(n1, n2, reject))
}

## Boschloo two-sided with the two-sided Fisher p-value (fisher.test's
## definition: sum of conditional probabilities <= observed*(1+1e-7)) as the
## ordering statistic -- the definition used by R package Exact (method
## "boschloo", two-sided).  Provided as an alternative convention only.
boschloo_fisher2 <- function(x1, n1, x2, n2) {
  fp2 <- function(a, s) {
    lo <- max(0, s - n2); hi <- min(n1, s)
    d <- dhyper(lo:hi, n1, n2, s); d0 <- dhyper(a, n1, n2, s)
    min(1, sum(d[d <= d0 * (1 + 1e-7)]))
  }
  Tm <- outer(0:n1, 0:n2, Vectorize(function(a, b) fp2(a, a + b)))
  t0 <- Tm[x1 + 1, x2 + 1]
  reject <- Tm <= t0 * (1 + .tol)
  list(statistic = t0, p.value = .uncond_max(n1, n2, reject))
}

## ---------------------------------------------------------------------------
## For wilcox.test's asymptotic (uniroot) CI: the limits are jump points of a
## step function, i.e. pairwise differences a_i - b_j.  Return the pairwise
## difference nearest to a root r found by uniroot (r = +/-Inf passed through).
snap_diff <- function(a, b, r) {
  if (!is.finite(r)) return(r)
  d <- outer(a, b, "-"); d[which.min(abs(d - r))]
}
