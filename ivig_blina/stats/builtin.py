"""The built-in statistics, registered through the same path as plug-ins."""

from ivig_blina.stats.binary import Barnard, Boschloo, ChiSquare, Fisher
from ivig_blina.stats.categorical import ChiSquareRxC, FisherRxC, KruskalWallis
from ivig_blina.stats.competing import Gray
from ivig_blina.stats.continuous import BrunnerMunzel, MannWhitney, Permutation, StudentT, WelchT
from ivig_blina.stats.rates import PoissonLRT, PoissonRateRatio
from ivig_blina.stats.survival import LogRank

BUILTINS = [
    MannWhitney,
    WelchT,
    StudentT,
    BrunnerMunzel,
    Permutation,
    Fisher,
    ChiSquare,
    Barnard,
    Boschloo,
    LogRank,
    Gray,
    PoissonRateRatio,
    PoissonLRT,
    KruskalWallis,
    FisherRxC,
    ChiSquareRxC,
]
