"""Words for the report: outcome names for readers, and what each statistic is, with its R
function and its reference, for the table notes and the Methods paragraph.

A statistic not listed here (a plug-in) is named by its own ``method`` text and registry name,
never described with words that could be wrong."""

from __future__ import annotations

import re
from dataclasses import dataclass

OUTCOMES = {
    "igg_nadir": "IgG nadir",
    "days_to_nadir": "Days to nadir",
    "hgg": "Hypogammaglobulinemia (HGG)",
    "infection": "Infection",
    "infection_icu": "Infection needing ICU",
    "infection_death": "Infection-related death",
    "pct_drop": "Relative drop from baseline to nadir",
    "days_below_threshold": "Days below the HGG threshold",
    "area_below_threshold": "Area below the HGG threshold",
    "time_to_infection": "Time to first infection",
    "infection_rate": "Infection episodes per 100 patient-days",
    "infection_rate_nb": "Infection episodes per 100 patient-days, negative binomial",
}
WINDOW = re.compile(r"^infection_rate_(\d+(?:\.\d+)?)_(\d+(?:\.\d+)?|end)$")


def outcome_label(outcome: str, landmark_day: float | None = None) -> str:
    """A reader's name of an outcome; an event label of the file is shown as written (the
    writers escape it)."""
    if outcome == "time_to_infection_landmark":
        return "Time to first infection from day " + (f"{landmark_day:g}" if landmark_day is not None else "D")
    window = WINDOW.match(outcome)
    if window:
        start, end = window.groups()
        span = f"after day {start}" if end == "end" else f"days {start} to {end}"
        return f"Infection episodes per 100 patient-days, {span}"
    return OUTCOMES.get(outcome, outcome)


def outcome_unit(outcome: str, igg_units: str) -> str:
    """The unit of a continuous outcome's values ("" for none)."""
    return {
        "igg_nadir": igg_units,
        "days_to_nadir": "days",
        "days_below_threshold": "days",
        "area_below_threshold": f"{igg_units} × days",
        "pct_drop": "fraction of baseline",
    }.get(outcome, "")


@dataclass(frozen=True)
class Known:
    """What the report says of a built-in statistic: the estimate's short name and how its
    interval is made (None: it has none), the R function it matches, and the literature."""

    effect: str | None
    interval: str | None
    r: str
    reference: str


KNOWN = {
    "mann-whitney": Known(
        "Hodges-Lehmann shift", "{exact} CI", "R wilcox.test", "Mann and Whitney 1947; Hodges and Lehmann 1963"
    ),
    "welch-t": Known("difference in means", "t CI", "R t.test", "Welch 1947"),
    "student-t": Known("difference in means", "t CI", "R t.test(var.equal = TRUE)", "Student 1908"),
    "brunner-munzel": Known("relative effect", "t CI", "R lawstat::brunner.munzel", "Brunner and Munzel 2000"),
    "permutation": Known("difference in medians", None, "no R function; every split or random splits", "Good 2005"),
    "fisher": Known("conditional MLE odds ratio", "exact CI", "R fisher.test", "Fisher 1935"),
    "chi-square": Known(None, None, "R chisq.test", "Pearson 1900; Yates 1934"),
    "barnard": Known(None, None, "Barnard's unconditional test as scipy.stats.barnard_exact", "Barnard 1945"),
    "boschloo": Known(None, None, "Boschloo's test as scipy.stats.boschloo_exact", "Boschloo 1970"),
    "log-rank": Known(
        "Cox hazard ratio (Efron ties)",
        "Wald CI",
        "R survival::survdiff and coxph",
        "Mantel 1966; Cox 1972; Efron 1977",
    ),
    "gray": Known(None, None, "R cmprsk::cuminc", "Gray 1988"),
    "poisson-exact": Known("rate ratio", "exact conditional CI", "R poisson.test", "Fay 2010"),
    "kruskal-wallis": Known(None, None, "R kruskal.test", "Kruskal and Wallis 1952"),
    "negative-binomial": Known(
        "negative binomial rate ratio",
        "Wald CI",
        "R MASS::glm.nb with a log patient-time offset",
        "Venables and Ripley 2002",
    ),
    "poisson-lrt": Known(
        None,
        None,
        'R anova(glm(family = poisson), test = "LRT") with a log patient-time offset',
        "McCullagh and Nelder 1989",
    ),
}
# the stratified forms: the same registry names, other R functions
STRATIFIED = {
    "fisher": ("Mantel-Haenszel common odds ratio", "R mantelhaen.test", "Mantel and Haenszel 1959"),
    "mann-whitney": (None, "R coin::wilcox_test(y ~ cohort | stratum)", "Hothorn et al. 2006"),
    "log-rank": (
        "stratified Cox hazard ratio (Efron ties)",
        "R survdiff and coxph with strata()",
        "Mantel 1966; Cox 1972",
    ),
}
_COUNTS = re.compile(r"\s*\((?:df = [^)]*|[\d,]+ (?:tables?|splits))\)")
_TOO_MANY = re.compile(r"; [\d,]+ tables were too many to enumerate|; theta \S+")  # numbers of one outcome
_STRATA = re.compile(r"\(stratified, [\d,]+ strat(?:um|a)\)")


def method_name(method: str | None, test: str) -> str:
    """The statistic's own ``method`` text without the numbers that vary from outcome to
    outcome (degrees of freedom, tables counted, strata), capitalised: one name per test as it
    ran (``Wilcoxon rank-sum exact test``)."""
    text = method or test
    text = _STRATA.sub("(stratified)", _TOO_MANY.sub("", _COUNTS.sub("", text))).strip()
    return text[:1].upper() + text[1:]


@dataclass(frozen=True)
class Described:
    """A test as it ran: its name (the statistic's method text), its estimate and interval
    (None without them), the R function it matches and the literature (None for a plug-in)."""

    name: str
    effect: str | None
    interval: str | None
    r: str
    reference: str | None

    def note(self) -> str:
        """ "Wilcoxon rank-sum exact test; Hodges-Lehmann shift with exact 95% CI (R wilcox.test)"."""
        effect = f"; {self.effect}" + (f" with {self.interval}" if self.interval else "") if self.effect else ""
        return f"{self.name}{effect} ({self.r})"


def describe(test: str, method: str | None, estimand: str | None, level: float | None) -> Described:
    """What the report says of a test as it ran (see :class:`Described`)."""
    name = method_name(method, test)
    stratified = "(stratified)" in name
    known = KNOWN.get(test)
    if known is None:
        return Described(name, estimand, None, f"statistic '{test}', not built in", None)
    effect, r, reference, interval = known.effect, known.r, known.reference, known.interval
    if stratified and test in STRATIFIED:
        effect, r, reference = STRATIFIED[test]
        interval = "CI" if effect else None
    if not (effect and estimand):
        return Described(name, None, None, r, reference)
    if interval:
        exact = "exact" if "exact" in name.lower() else "asymptotic"
        interval = interval.format(exact=exact).replace("CI", (f"{100 * level:g}% " if level else "") + "CI")
    return Described(name, effect, interval, r, reference)


def footnote(test: str, method: str | None, estimand: str | None, level: float | None) -> str:
    """A table note on a test (:meth:`Described.note`)."""
    return describe(test, method, estimand, level).note()


def effect_label(estimand: str | None) -> str:
    """A short name of the estimate for a table cell (``OR``, ``HR``, ``HL shift``, ...)."""
    if not estimand:
        return ""
    text = estimand.lower()
    for key, short in (
        ("hodges-lehmann", "HL shift"),
        ("common odds ratio", "MH OR"),
        ("odds ratio", "OR"),
        ("hazard ratio", "HR"),
        ("rate ratio", "RR"),
        ("difference in means", "Mean difference"),
        ("difference in medians", "Median difference"),
        ("relative effect", "Relative effect"),
    ):
        if key in text:
            return short
    return estimand


def is_ratio(estimand: str | None) -> bool:
    return bool(estimand) and "ratio" in estimand.lower()  # type: ignore[union-attr]
