"""The figure table: every number from the source papers that exactgeom recomputes.

Each :class:`Figure` names a value stated in a seed paper (or fixed in the
package's conventions), the source, the expected value, a function computing it
and, where the package can prove it, a function producing certificates.
:func:`run` recomputes a selection, verifies the certificates with the
independent checker and writes them to a folder; ``exactgeom reproduce`` is its
command-line face.

A figure that needs an optional engine or extra which is not installed (the
package raises :class:`~exactgeom.errors.MissingOptional`) is reported as
*unavailable*, not as a failure.  Any other exception — an ``ImportError`` of a
module that should be there, an ``AttributeError`` from a typo — is an *ERROR*
and fails the run.

Each certificate gets the verifier's verdict: the certificates column counts
them by status, ``proved (k)`` and ``consistent (j)`` (the evidence checks but
the claimed value is not re-derived, see :mod:`exactgeom.certificates`); a
consistent certificate is never reported as proved.  A rejected certificate
fails the figure.

Examples
--------
>>> [f.id for f in select(only=["cover-counts"])]
['cover-counts']
>>> row = run(select(only=["cover-counts"]), out=None)[0]
>>> row.status, row.computed == row.expected
('ok', True)

References
----------
T. Zaslavsky, *Facing up to arrangements: face-count formulas for partitions of space by
hyperplanes*, Mem. Amer. Math. Soc. 1 (1975), no. 154.
R. P. Stanley, *An introduction to hyperplane arrangements*, in Geometric Combinatorics,
IAS/Park City Math. Ser. 13, AMS 2007.
T. Brysiewicz, H. Eble and L. Kühne, *Computing characteristic polynomials of hyperplane
arrangements with symmetries*, Discrete Comput. Geom. (2023).
T. M. Cover, *Geometrical and statistical properties of systems of linear inequalities with
applications in pattern recognition*, IEEE Trans. Electron. Comput. EC-14 (1965), 326–334.
J. J. Hopfield, *Neural networks and physical systems with emergent collective computational
abilities*, Proc. Natl. Acad. Sci. USA 79 (1982), 2554–2558.
M. Pilanci, *From complexity to clarity: analytical expressions of deep neural network weights
via Clifford algebra and convexity*, Trans. Mach. Learn. Res. (2024).
S. Marcotte, R. Gribonval and G. Peyré, *Abide by the law and follow the flow: conservation
laws for gradient flows*, NeurIPS 2023.
K. Kohn, T. Merkh, G. Montúfar and M. Trager, *Geometry of linear convolutional networks*,
SIAM J. Appl. Algebra Geom. 6 (2022); K. Kohn's lectures *Algebraic neural network theory*.
J. Draisma, E. Horobeț, G. Ottaviani, B. Sturmfels and R. R. Thomas, *The Euclidean distance
degree of an algebraic variety*, Found. Comput. Math. 16 (2016), 99–149.
"""

from __future__ import annotations

import time
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from math import comb
from pathlib import Path

from . import _figures as fig
from .errors import MissingOptional

__all__ = ["Figure", "FigureResult", "FIGURES", "TIERS", "select", "run", "run_figure"]

TIERS = ("quick", "default", "full")

_RENAMED = {"seed002-neurons": "pilanci-neurons"}
"""Former figure ids that :func:`select` still accepts, each with a ``FutureWarning`` naming the new id."""
"""``quick``: seconds in total; ``default``: a few minutes on 2 cores; ``full``: the heavy ones."""


@dataclass(frozen=True)
class Figure:
    """One reproducible figure: what it is, where it comes from, what it should be, how to get it.

    Attributes
    ----------
    id, description, source : str
        A short name, what the value is, and where it is stated.
    expected : object
        The value stated in the source.
    compute : callable
        No arguments; returns the value exactgeom computes.
    certify : callable or None
        No arguments; returns ``(label, certificate)`` pairs.
    tier : str
        One of :data:`TIERS`.

    Examples
    --------
    A figure of one's own: the number of regions of the braid arrangement
    A_2 (three lines through the origin of the plane x1 + x2 + x3 = 0) is 3! = 6.

    >>> from exactgeom.arrangements import library
    >>> braid = Figure("braid-3", "regions of A_2", "Stanley, Lecture 1", 6,
    ...                lambda: library.braid(3).num_regions())
    >>> braid.compute() == braid.expected
    True
    >>> run_figure(braid).status
    'ok'
    """

    id: str
    description: str
    source: str
    expected: object
    compute: Callable[[], object] = field(repr=False)
    certify: Callable[[], list[tuple[str, dict]]] | None = field(default=None, repr=False)
    tier: str = "quick"


@dataclass(frozen=True)
class FigureResult:
    """The outcome of recomputing one figure.

    ``status`` is ``"ok"``, ``"MISMATCH"``, ``"ERROR"`` or ``"unavailable"``;
    ``certificates`` is ``"proved (k)"``, ``"consistent (j)"`` or both (``"proved
    (k), consistent (j)"``), ``"FAILED: ..."`` (a certificate was rejected or could
    not be produced), ``"-"`` (none for this figure) or ``"unavailable"``;
    ``verdicts`` counts the certificates by verifier status.

    Examples
    --------
    >>> result = run_figure(Figure("two", "1 + 1", "arithmetic", 2, lambda: 1 + 1))
    >>> result.status, result.certificates, result.failed, result.verdicts
    ('ok', '-', False, {})
    >>> wrong = run_figure(Figure("three", "1 + 1", "a typo", 3, lambda: 1 + 1))
    >>> wrong.status, wrong.failed, wrong.as_dict()["computed"]
    ('MISMATCH', True, 2)
    """

    id: str
    expected: object
    computed: object
    seconds: float
    status: str
    certificates: str
    files: tuple[str, ...] = ()
    message: str = ""
    verdicts: dict = field(default_factory=dict)

    @property
    def failed(self) -> bool:
        return self.status in {"MISMATCH", "ERROR"} or self.certificates.startswith("FAILED")

    def as_dict(self) -> dict:
        return {
            "id": self.id,
            "expected": self.expected,
            "computed": self.computed,
            "seconds": round(self.seconds, 3),
            "status": self.status,
            "certificates": self.certificates,
            "files": list(self.files),
            "message": self.message,
            "verdicts": dict(self.verdicts),
        }


# ---------------------------------------------------------------------------------------------
# the table


def _figures() -> list[Figure]:
    T = {
        2: [1, 4, 6, 3],
        3: [1, 8, 28, 44, 23],
        4: [1, 16, 120, 460, 820, 465],
        5: [1, 32, 496, 4240, 19660, 43014, 27129],
        6: [1, 64, 2016, 36848, 400400, 2453248, 7111650, 5023907],
    }
    lib = fig.families
    return [
        Figure(
            "threshold-counts",
            "regions of T_n = Boolean threshold functions g(n), n = 0..4",
            "parameter-spaces note §3; OEIS A000609",
            [2, 4, 14, 104, 1882],
            lambda: fig.regions("threshold", range(5)),
            lambda: fig.count_certificates("threshold", range(1, 5)),
        ),
        Figure(
            "threshold-chi",
            "unsigned coefficients of χ(T_n), n = 2..4",
            "parameter-spaces note app. D",
            {n: T[n] for n in (2, 3, 4)},
            lambda: {n: fig.unsigned_chi(lib().threshold(n)) for n in (2, 3, 4)},
            lambda: fig.count_certificates("threshold", (2, 3, 4), "characteristic-polynomial"),
        ),
        Figure(
            "threshold-chi-T5",
            "χ(T_5) (unsigned coefficients) and g(5) = 94572",
            "parameter-spaces note app. D",
            {"chi": T[5], "regions": 94572},
            lambda: {
                "chi": fig.unsigned_chi(lib().threshold(5)),
                "regions": lib().threshold(5).num_regions(),
            },
            lambda: fig.count_certificates("threshold", (5,), "characteristic-polynomial"),
            "default",
        ),
        Figure(
            "threshold-chi-T6",
            "χ(T_6) (unsigned coefficients)",
            "parameter-spaces note app. D",
            T[6],
            lambda: fig.unsigned_chi(lib().threshold(6)),
            None,
            "default",
        ),
        Figure(
            "resonance-regions",
            "regions of the resonance arrangement R_n, n = 1..5",
            "package conventions §1; OEIS A034997",
            [2, 6, 32, 370, 11292],
            lambda: fig.regions("resonance", range(1, 6)),
            lambda: fig.count_certificates("resonance", (2, 3, 4)),
        ),
        Figure(
            "resonance-R6",
            "regions of R_6",
            "package conventions §1; OEIS A034997",
            1066044,
            lambda: lib().resonance(6).num_regions(),
            None,
            "default",
        ),
        Figure(
            "deformations-of-braid",
            "regions of Shi / Catalan / Linial / semiorder, n = 2..5",
            "Stanley, Lecture 5 (closed forms); package conventions §1",
            {
                "shi": [3, 16, 125, 1296],
                "catalan": [4, 30, 336, 5040],
                "linial": [2, 7, 36, 246],
                "semiorder": [3, 19, 183, 2371],
            },
            lambda: {
                name: fig.regions(name, range(2, 6)) for name in ("shi", "catalan", "linial", "semiorder")
            },
            lambda: fig.count_certificates("shi", (3, 4)) + fig.count_certificates("catalan", (3,)),
        ),
        Figure(
            "cover-counts",
            "Cover: N generic central hyperplanes in Q^3 give 2Σ_{k<3} C(N-1,k) regions; "
            "n generic lines in Q^2 give Σ_{k≤2} C(n,k) regions, C(n-1,2) bounded",
            "Brandenburg–Torres 2023 §2; Cover 1965",
            {
                "central d=3, N=1..8": [2 * sum(comb(N - 1, k) for k in range(3)) for N in range(1, 9)],
                "affine d=2, n=1..6 (regions, bounded)": [
                    [sum(comb(n, k) for k in range(3)), comb(n - 1, 2)] for n in range(1, 7)
                ],
            },
            fig.cover_counts,
            fig.cover_certificates,
        ),
        Figure(
            "hopfield-2x2",
            "maps {0,1}^2 → {0,1}^2 realized by one synchronous threshold step; the "
            "others carry verified non-realizability certificates",
            "parameter-spaces note §3, Example 4",
            {"realizable": 196, "not realizable": 60},
            fig.hopfield_2x2,
            fig.hopfield_certificates,
        ),
        Figure(
            "threshold-functions-4",
            "realizable single-output threshold functions of 4 inputs, by enumeration with witnesses",
            "parameter-spaces note §3; OEIS A000609",
            1882,
            lambda: fig.threshold_functions(4),
            None,
            "default",
        ),
        Figure(
            "threshold-functions-5",
            "realizable threshold functions of 5 inputs, by enumeration",
            "parameter-spaces note §3; OEIS A000609",
            94572,
            lambda: fig.threshold_functions(5),
            None,
            "full",
        ),
        Figure(
            "linear-dichotomies",
            "dichotomies of the first N of six points in the plane by an affine "
            "classifier, N = 1..6 (Cover's count)",
            "Brandenburg–Torres 2023 §2",
            [2, 4, 8, 14, 22, 32],
            fig.dichotomies,
            fig.dichotomy_certificates,
        ),
        Figure(
            "tropical-cones-small",
            "maximal cones of the tropical classification fan, first N ≤ 4 points",
            "Brandenburg–Torres 2023; package conventions §4",
            {"(1,1)": [2, 4, 8, 14], "(2,1)": [3, 9, 27, 75], "(2,2)": [4, 16, 64, 244]},
            lambda: {
                f"({a},{b})": fig.tropical_counts((a, b), fig.TROPICAL_POINTS, 4)
                for a, b in ((1, 1), (2, 1), (2, 2))
            },
        ),
        Figure(
            "tropical-cones-6",
            "maximal cones for all six points, (n,m) = (2,1) and (2,2)",
            "Brandenburg–Torres 2023; package conventions §4",
            {"(2,1)": 393, "(2,2)": 2584},
            lambda: {
                "(2,1)": fig.tropical_counts((2, 1), fig.TROPICAL_POINTS, 6)[-1],
                "(2,2)": fig.tropical_counts((2, 2), fig.TROPICAL_POINTS, 6)[-1],
            },
            lambda: (
                fig.tropical_certificates((2, 1), fig.TROPICAL_POINTS)
                + fig.tropical_certificates((2, 2), fig.TROPICAL_POINTS)
            ),
        ),
        Figure(
            "tropical-line",
            "maximal cones for the points 0..4 on a line, (n,m) = (2,2)",
            "package conventions §4",
            292,
            lambda: fig.tropical_counts((2, 2), [(k,) for k in range(5)], 5)[-1],
            lambda: fig.tropical_certificates((2, 2), [(k,) for k in range(5)]),
            "default",
        ),
        Figure(
            "ed-circle",
            "ED degree of the circle: identity form and diag(4,1)",
            "Kohn, Algebraic neural network theory (EDD of the circle)",
            {"identity Q": 2, "Q = diag(4,1)": 4},
            fig.ed_circle,
            fig.ed_circle_certificates,
        ),
        Figure(
            "ed-lightning",
            "ED degree of the lightning self-attention quartic, generic Q",
            "Kohn's lectures; package conventions §5",
            14,
            fig.ed_lightning,
            fig.ed_lightning_certificates,
            "default",
        ),
        Figure(
            "neuromanifold-filling",
            "σ = x² on widths (2,2,1) fills R[x,y]_2; σ = x³ has full dimension "
            "4 in R[x,y]_3 (dense over C, yet misses x³ − xy² over R)",
            "Kohn's lectures",
            {
                "x^2 fills R[x,y]_2": True,
                "x^2 fills over R": True,
                "x^3: dimension": 4,
                "x^3: ambient": 4,
                "x^3 fills over R": False,
                "x^3 - xy^2 reached over R": False,
            },
            fig.filling,
        ),
        Figure(
            "lightning-equation",
            "the lightning self-attention neuromanifold is one quartic, the resultant of two binary "
            "quadrics (compared up to the order of the coordinates)",
            "Kohn, Algebra & geometry of neural networks; package conventions §5",
            {"equations": 1, "proved": True, "matches the quartic": True},
            fig.lightning_equation,
            fig.lightning_certificates,
            "default",
        ),
        Figure(
            "pilanci-neurons",
            "the optimal neurons of Pilanci's paper §3.4 (orthogonal complements of the "
            "augmented samples; e1 − e2, 2e1, e2, −e1 in the text), up to sign",
            "Pilanci §3.4",
            [fig.up_to_sign(w) for w in [(1, -1), (2, 0), (0, 1), (-1, 0)]],
            fig.pilanci_neurons,
        ),
        Figure(
            "conservation-laws",
            "independent conservation laws of two-layer networks "
            "(linear: k·r − k(k−1)/2, k = min(r, n+m); ReLU: r)",
            "Brandenburg–Torres 2023 part II; Marcotte–Gribonval–Peyré 2023",
            {
                **{
                    f"linear {n}-{r}-{m}": fig.linear_laws(n, r, m)
                    for n, r, m in [(1, 1, 1), (2, 2, 1), (2, 3, 2), (3, 2, 3)]
                },
                "relu 2-2-1": 2,
                "relu 2-3-1": 3,
            },
            fig.conservation_counts,
        ),
    ]


FIGURES: tuple[Figure, ...] = tuple(_figures())


def select(*, only: Iterable[str] | None = None, tier: str = "default") -> list[Figure]:
    """The figures to run: those named in ``only``, or every figure up to ``tier``.

    Raises
    ------
    ValueError
        An unknown figure id or tier.

    Examples
    --------
    >>> len(select(tier="quick")) < len(select(tier="full")) == len(FIGURES)
    True
    >>> select(only=["no-such-figure"])
    Traceback (most recent call last):
        ...
    ValueError: unknown figure 'no-such-figure'; known figures: threshold-counts, ...

    A former id still selects its figure, with a note:

    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     [f.id for f in select(only=["seed002-neurons"])]
    ['pilanci-neurons']
    >>> print(caught[0].message)
    figure 'seed002-neurons' is now 'pilanci-neurons'; the old id will be removed in a later release
    """
    if tier not in TIERS:
        raise ValueError(f"unknown tier {tier!r}; choose one of {', '.join(TIERS)}")
    if only:
        by_id = {f.id: f for f in FIGURES}
        only = list(only)
        for k, name in enumerate(only):
            if name in _RENAMED:
                warnings.warn(f"figure {name!r} is now {_RENAMED[name]!r}; the old id will be removed in a "
                              "later release", FutureWarning, stacklevel=2)
                only[k] = _RENAMED[name]
        for name in only:
            if name not in by_id:
                raise ValueError(f"unknown figure {name!r}; known figures: {', '.join(by_id)}")
        return [by_id[name] for name in only]
    level = TIERS.index(tier)
    return [f for f in FIGURES if TIERS.index(f.tier) <= level]


def _certify(figure: Figure, out: Path | None) -> tuple[str, tuple[str, ...], dict, str]:
    """(certificates column, files written, verdict counts, message) for one figure."""
    from .certificates import verify, write

    if figure.certify is None:
        return "-", (), {}, ""
    try:
        produced = figure.certify()
    except MissingOptional as exc:
        return "unavailable", (), {}, f"certificates: {exc}"
    except KeyboardInterrupt:
        raise
    except Exception as exc:  # a producer that crashes fails the figure; the run goes on
        return f"FAILED: producing the certificate raised {type(exc).__name__}: {exc}", (), {}, ""
    out = None if out is None else Path(out)
    failures, files, verdicts, unproved = [], [], {}, []
    for label, cert in produced:
        outcome = verify(cert)
        verdicts[outcome.status] = verdicts.get(outcome.status, 0) + 1
        if outcome.status == "rejected":
            failures.append(f"{label}: {outcome.message}")
        elif outcome.status == "consistent":
            unproved.append(f"{label}: {outcome.message}")
        if out is not None:
            files.append(str(write(cert, out / f"{figure.id}-{label}.json")))
    if failures:
        return f"FAILED: {failures[0]}" + (
            f" (+{len(failures) - 1} more)" if len(failures) > 1 else ""
        ), tuple(files), verdicts, ""
    column = ", ".join(f"{s} ({verdicts[s]})" for s in ("proved", "consistent") if s in verdicts)
    return column or "none produced", tuple(files), verdicts, "; ".join(unproved)


def run_figure(figure: Figure, out: Path | None = None, *, certificates: bool = True) -> FigureResult:
    """Recompute one figure, compare with its expected value, and check its certificates.

    Examples
    --------
    >>> result = run_figure(select(only=["threshold-counts"])[0], certificates=False)
    >>> result.status, result.computed
    ('ok', [2, 4, 14, 104, 1882])
    """
    start = time.perf_counter()
    try:
        computed = figure.compute()
    except MissingOptional as exc:
        return FigureResult(
            figure.id,
            figure.expected,
            None,
            time.perf_counter() - start,
            "unavailable",
            "unavailable" if figure.certify else "-",
            message=f"{type(exc).__name__}: {exc}",
        )
    except KeyboardInterrupt:
        raise
    except Exception as exc:  # a figure that crashes is reported, and the run goes on
        return FigureResult(
            figure.id,
            figure.expected,
            None,
            time.perf_counter() - start,
            "ERROR",
            "-",
            message=f"{type(exc).__name__}: {exc}",
        )
    status = "ok" if computed == figure.expected else "MISMATCH"
    cert_status, files, verdicts, note = _certify(figure, out) if certificates else ("-", (), {}, "")
    return FigureResult(
        figure.id,
        figure.expected,
        computed,
        time.perf_counter() - start,
        status,
        cert_status,
        files,
        note,
        verdicts,
    )


def run(
    figures: Iterable[Figure],
    out: str | Path | None = "certificates-out",
    *,
    certificates: bool = True,
    report: Callable[[FigureResult], None] | None = None,
) -> list[FigureResult]:
    """Recompute ``figures`` in order; ``report`` is called with each result as soon as it is known.

    Certificates are written atomically into ``out`` (``None``: not written).
    On Ctrl-C the :class:`KeyboardInterrupt` propagates with the results so far
    in its ``results`` attribute.

    Parameters
    ----------
    figures : iterable of Figure
        Usually from :func:`select`.
    out : str, pathlib.Path or None
        Folder for the certificates.
    certificates : bool
        Whether to produce and verify certificates at all.
    report : callable, optional
        Called with each :class:`FigureResult` as soon as it is known.

    Returns
    -------
    list of FigureResult

    Examples
    --------
    Cover's counts of regions of generic arrangements, and the numbers
    2, 4, 14, 104, 1882 of Boolean threshold functions of n = 0..4 inputs,
    whose region-count certificates the independent verifier checks:

    >>> results = run(select(only=["cover-counts", "threshold-counts"]), out=None,
    ...               report=lambda r: print(r.id, r.status, r.certificates))
    cover-counts ok ...
    threshold-counts ok proved (4)
    >>> any(r.failed for r in results)
    False
    """
    folder = None if out is None else Path(out)
    results: list[FigureResult] = []
    try:
        for figure in figures:
            result = run_figure(figure, folder, certificates=certificates)
            results.append(result)
            if report is not None:
                report(result)
    except KeyboardInterrupt as exc:
        exc.results = results
        raise
    return results
