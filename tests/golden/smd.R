## tests/golden/smd.R -- standardized mean differences (SMD) as R's tableone computes them.
## tableone is not packaged for Debian: these functions are written from the formulas below,
## and sourced by tests/golden/table1.R. Every function returns the SMD of each pair of groups
## (i < j in the order of levels(group)), named "A,B"; for more than two groups tableone's
## summary is the mean of these pairwise values (smd_mean).
##
## Continuous: d = |mean1 - mean2| / sqrt((var1 + var2) / 2), var with denominator n - 1,
##   missing values dropped within each group. tableone's edge rule: a mean difference of 0 with
##   both variances 0 (one constant in both groups) is 0, not 0/0; a group with one value has var
##   NA, so its SMD is NA.
## Categorical: the multivariate SMD of Yang D, Dalton JE (2012), "A unified approach to measuring
##   the effect size between two groups using SAS", SAS Global Forum, paper 335-2012. With pk the
##   proportions of the levels among group k's non-missing values, without the first level:
##   T = p1 - p2, Sk[i, i] = pk_i (1 - pk_i), Sk[i, j] = -pk_i pk_j, S = (S1 + S2) / 2,
##   SMD = sqrt(t(T) %*% MASS::ginv(S) %*% T). The Moore-Penrose inverse (ginv) makes a level
##   absent from both groups of a pair add nothing. tableone's edge rules: a variable with one
##   level keeps that level (not dropped), and when S is the zero matrix the SMD is 0 if T is 0
##   (both groups on the same single level) and NaN otherwise (each group on its own level).
##   A binary variable reduces to |p1 - p2| / sqrt((p1 (1 - p1) + p2 (1 - p2)) / 2) (smd_binary).
## Missing values never count as a level (tableone's default, includeNA = FALSE).

smd_pair_names <- function(group_levels) {
  pairs <- utils::combn(length(group_levels), 2)
  paste(group_levels[pairs[1, ]], group_levels[pairs[2, ]], sep = ",")
}

smd_continuous <- function(x, group) {
  group <- as.factor(group)
  lv <- levels(group)
  pairs <- utils::combn(length(lv), 2)
  out <- apply(pairs, 2, function(ij) {
    a <- x[group == lv[ij[1]] & !is.na(x)]
    b <- x[group == lv[ij[2]] & !is.na(x)]
    diff <- mean(a) - mean(b)
    pooled <- (var(a) + var(b)) / 2
    if (!is.na(diff) && !is.na(pooled) && diff == 0 && pooled == 0) return(0)
    abs(diff) / sqrt(pooled)
  })
  stats::setNames(out, smd_pair_names(lv))
}

## proportions of each level (radix order, so independent of the locale) per group
smd_level_proportions <- function(x, group) {
  group <- as.factor(group)
  lv <- levels(group)
  levs <- sort(unique(as.character(x[!is.na(x)])), method = "radix")
  lapply(stats::setNames(lv, lv), function(g) {
    v <- as.character(x[group == g & !is.na(x)])
    stats::setNames(vapply(levs, function(l) mean(v == l), numeric(1)), levs)
  })
}

## drop_level: which level is left out (1 = the first, as tableone; any other gives the same
## value when S is invertible, which table1.R checks)
smd_categorical <- function(x, group, drop_level = 1) {
  group <- as.factor(group)
  lv <- levels(group)
  props <- smd_level_proportions(x, group)
  if (length(props[[1]]) > 1) props <- lapply(props, function(p) p[-drop_level])
  covs <- lapply(props, function(p) { S <- -outer(p, p); diag(S) <- p * (1 - p); S })
  pairs <- utils::combn(length(lv), 2)
  out <- apply(pairs, 2, function(ij) {
    T <- matrix(props[[ij[1]]] - props[[ij[2]]], ncol = 1)
    S <- (covs[[ij[1]]] + covs[[ij[2]]]) / 2
    if (all(S == 0)) return(if (all(T == 0)) 0 else NaN)
    sqrt(drop(t(T) %*% MASS::ginv(S) %*% T))
  })
  stats::setNames(out, smd_pair_names(lv))
}

## the binary closed form, for two groups: `level` is the level whose proportions are compared
smd_binary <- function(x, group, level) {
  group <- as.factor(group)
  lv <- levels(group)
  stopifnot(length(lv) == 2)
  p <- vapply(lv, function(g) mean(x[group == g & !is.na(x)] == level), numeric(1))
  stats::setNames(abs(p[1] - p[2]) / sqrt((p[1] * (1 - p[1]) + p[2] * (1 - p[2])) / 2), smd_pair_names(lv))
}

smd_mean <- function(pairwise) mean(pairwise)
