"""The figure table: every number from the source papers that exactgeom recomputes.

Each :class:`Figure` names a value stated in a seed paper (or fixed in the
package's conventions), the source, the expected value, a function computing it
and, where the package can prove it, a function producing certificates.
:func:`run` recomputes a selection, verifies the certificates with the
independent checker and writes them to a folder; ``exactgeom reproduce`` is its
command-line face.

A figure whose module is not part of this installation (``ImportError`` or
``AttributeError`` while computing) is reported as *unavailable*, not as a
failure.

Examples
--------
>>> [f.id for f in select(only=["cover-counts"])]
['cover-counts']
>>> row = run(select(only=["cover-counts"]), out=None)[0]
>>> row.status, row.computed == row.expected
('ok', True)
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from math import comb
from pathlib import Path

__all__ = ["Figure", "FigureResult", "FIGURES", "TIERS", "select", "run", "run_figure"]

TIERS = ("quick", "default", "full")
"""``quick``: seconds in total; ``default``: a few minutes on 2 cores; ``full``: the heavy ones."""

TROPICAL_POINTS = [(0, 0), (3, 1), (1, 4), (-2, 2), (5, -1), (2, -3)]


@dataclass(frozen=True)
class Figure:
    """One reproducible figure: what it is, where it comes from, what it should be, how to get it."""

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
    ``certificates`` is ``"verified (k)"``, ``"FAILED: ..."``, ``"-"`` (none for
    this figure) or ``"unavailable"``.
    """

    id: str
    expected: object
    computed: object
    seconds: float
    status: str
    certificates: str
    files: tuple[str, ...] = ()
    message: str = ""

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
        }


# ---------------------------------------------------------------------------------------------
# arrangements


def _library():
    from . import library

    return library


def _regions(family: str, ns: Iterable[int]) -> list[int]:
    make = getattr(_library(), family)
    return [make(n).num_regions() for n in ns]


def _unsigned_chi(A) -> list[int]:
    return [abs(int(c)) for c in A.characteristic_polynomial().all_coeffs()]


def _count_certificates(family: str, ns: Iterable[int], kind: str = "region-count"):
    from .arrangements import certify

    make = getattr(_library(), family)
    producer = (
        certify.region_count_certificate
        if kind == "region-count"
        else certify.characteristic_polynomial_certificate
    )
    return [(f"{family}{n}", producer(make(n), name=f"{family}({n})")) for n in ns]


def _cover_counts() -> dict:
    lib = _library()
    central = [lib.generic(N, 3, seed=N, central=True).num_regions() for N in range(1, 9)]
    affine = [
        (A.num_regions(), A.num_bounded_regions()) for A in (lib.generic(N, 2, seed=N) for N in range(1, 7))
    ]
    return {
        "central d=3, N=1..8": central,
        "affine d=2, n=1..6 (regions, bounded)": [list(p) for p in affine],
    }


def _cover_certificates():
    from .arrangements.certify import characteristic_polynomial_certificate

    lib = _library()
    return [
        (f"central-N{N}", characteristic_polynomial_certificate(lib.generic(N, 3, seed=N, central=True)))
        for N in (4, 6, 8)
    ]


# ---------------------------------------------------------------------------------------------
# networks


def _boolean_inputs(n: int) -> list[tuple[int, ...]]:
    from itertools import product

    return list(product((0, 1), repeat=n))


def _hopfield_2x2(collect: list | None = None) -> dict:
    from itertools import product

    from .networks import ThresholdNetwork

    net = ThresholdNetwork(n_inputs=2, n_outputs=2)
    inputs = _boolean_inputs(2)
    realizable = not_realizable = 0
    for outputs in product(product((0, 1), repeat=2), repeat=4):
        f = dict(zip(inputs, outputs))
        result = net.realize(f)
        if result.verify() is False:
            raise AssertionError(f"the answer for {f} does not verify")
        if result:  # a Realization is truthy, a NonRealizable proof falsy
            realizable += 1
        else:
            not_realizable += 1
            if collect is not None:
                collect.append((f, result))
    return {"realizable": realizable, "not realizable": not_realizable}


def _hopfield_certificates():
    found: list = []
    _hopfield_2x2(collect=found)
    out = []
    for k, (_, result) in enumerate(found):
        certs = result.certificates
        for j, cert in enumerate(certs() if callable(certs) else certs):
            out.append((f"nonrealizable-{k:02d}-{j}", cert))
    return out


def _threshold_functions(n: int) -> int:
    from .networks import ThresholdNetwork

    return ThresholdNetwork(n_inputs=n, n_outputs=1).count_realizable()


def _dichotomies() -> list[int]:
    from .networks import LinearClassifier

    return [sum(1 for _ in LinearClassifier(TROPICAL_POINTS[:N]).dichotomies()) for N in range(1, 7)]


def _tropical_counts(terms: tuple[int, int], points, n_max: int) -> list[int]:
    from .networks import TropicalClassifier

    return [TropicalClassifier(points[:N], n_terms=terms).num_maximal_cones() for N in range(1, n_max + 1)]


# ---------------------------------------------------------------------------------------------
# neuromanifolds, ED degree, wedge products, conservation laws


def _ed_circle() -> dict:
    import sympy

    from .algebra import ed_degree

    x, y = sympy.symbols("x y")
    eq = [x**2 + y**2 - 1]
    identity = ed_degree(eq, [x, y], Q=[[1, 0], [0, 1]], seed=0)
    generic = ed_degree(eq, [x, y], Q=[[4, 0], [0, 1]], seed=0)
    return {"identity Q": int(_value(identity)), "Q = diag(4,1)": int(_value(generic))}


LIGHTNING_QUARTIC = (
    "y1**2*y6**2 + y4**2*y3**2 + y1*y3*y5**2 + y2**2*y4*y6 - 2*y1*y4*y3*y6 - y2*y1*y6*y5 - y2*y4*y3*y5"
)


def _ed_lightning() -> int:
    import sympy

    from .algebra import available_engines, ed_degree

    if set(available_engines()) <= {"sympy"}:
        raise NotImplementedError(
            "needs a fast polynomial-system engine (msolve, from the 'engines' extra); "
            "the pure sympy engine does not finish this system in minutes"
        )
    ys = sympy.symbols("y1:7")
    quartic = sympy.sympify(LIGHTNING_QUARTIC, locals={str(s): s for s in ys})
    return int(_value(ed_degree([quartic], list(ys), seed=0)))


def _filling() -> dict:
    from .neuro import PolynomialMLP

    square, cube = PolynomialMLP((2, 2, 1), 2), PolynomialMLP((2, 2, 1), 3)
    return {
        "x^2 fills R[x,y]_2": bool(square.is_filling()),
        "x^3: dimension": int(_value(cube.dimension())),
        "x^3: ambient": int(cube.ambient_dimension()),
    }


def _value(result):
    return getattr(result, "value", result)


def _lightning_equation() -> bool:
    import sympy

    from .neuro import LightningAttention

    model = LightningAttention(token_dim=2, tokens=2, attention_dim=2, out_dim=1)
    equations = model.implicit_equations(max_degree=4)
    if len(equations) != 1:
        return False
    found = sympy.Poly(equations[0])
    ys = sorted(found.free_symbols, key=str)
    target = sympy.Poly(sympy.sympify(LIGHTNING_QUARTIC, locals={str(s): s for s in ys}), *ys)
    return (
        sympy.Poly(found, *ys).monic() == target.monic()
        or sympy.Poly(found, *ys).monic() == (-target).monic()
    )


def _up_to_sign(w) -> list[int]:
    first = next((v for v in w if v), 1)
    return [int(v) if first > 0 else -int(v) for v in w]


def _seed002_neurons() -> list[list[int]]:
    from .wedge import cross

    samples = [(1, 1), (0, 2), (1, 0), (0, 1)]  # x_1, x_2 and the standard basis (seed 002 §3.4)
    neurons = []
    for x in samples:
        w = cross(x)
        if sum(a * b for a, b in zip(w, x)) != 0:
            raise AssertionError(f"cross({x}) = {w} is not orthogonal to {x}")
        neurons.append(_up_to_sign(w))  # the text mixes two sign conventions for the dual
    return neurons


def _conservation_counts() -> dict:
    from . import dynamics

    out = {}
    for n, r, m in [(1, 1, 1), (2, 2, 1), (2, 3, 2), (3, 2, 3)]:
        out[f"linear {n}-{r}-{m}"] = dynamics.conservation_laws(
            dynamics.linear_network(n, r, m), seed=0
        ).count
    for n, r, m in [(2, 2, 1), (2, 3, 1)]:
        out[f"relu {n}-{r}-{m}"] = dynamics.conservation_laws(dynamics.relu_network(n, r, m), seed=0).count
    return out


def _linear_laws(n: int, r: int, m: int) -> int:
    k = min(r, n + m)
    return k * r - k * (k - 1) // 2


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
    lib = _library
    return [
        Figure(
            "threshold-counts",
            "regions of T_n = Boolean threshold functions g(n), n = 0..4",
            "seed 000 §3; OEIS A000609",
            [2, 4, 14, 104, 1882],
            lambda: _regions("threshold", range(5)),
            lambda: _count_certificates("threshold", range(1, 5)),
        ),
        Figure(
            "threshold-chi",
            "unsigned coefficients of χ(T_n), n = 2..4",
            "seed 000 app. D",
            {n: T[n] for n in (2, 3, 4)},
            lambda: {n: _unsigned_chi(lib().threshold(n)) for n in (2, 3, 4)},
            lambda: _count_certificates("threshold", (2, 3, 4), "characteristic-polynomial"),
        ),
        Figure(
            "threshold-chi-T5",
            "χ(T_5) (unsigned coefficients) and g(5) = 94572",
            "seed 000 app. D",
            {"chi": T[5], "regions": 94572},
            lambda: {"chi": _unsigned_chi(lib().threshold(5)), "regions": lib().threshold(5).num_regions()},
            lambda: _count_certificates("threshold", (5,), "characteristic-polynomial"),
            "default",
        ),
        Figure(
            "threshold-chi-T6",
            "χ(T_6) (unsigned coefficients)",
            "seed 000 app. D",
            T[6],
            lambda: _unsigned_chi(lib().threshold(6)),
            None,
            "default",
        ),
        Figure(
            "resonance-regions",
            "regions of the resonance arrangement R_n, n = 1..5",
            "OEIS A034997",
            [2, 6, 32, 370, 11292],
            lambda: _regions("resonance", range(1, 6)),
            lambda: _count_certificates("resonance", (2, 3, 4)),
        ),
        Figure(
            "resonance-R6",
            "regions of R_6",
            "OEIS A034997",
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
            lambda: {name: _regions(name, range(2, 6)) for name in ("shi", "catalan", "linial", "semiorder")},
            lambda: _count_certificates("shi", (3, 4)) + _count_certificates("catalan", (3,)),
        ),
        Figure(
            "cover-counts",
            "Cover: N generic central hyperplanes in Q^3 give 2Σ_{k<3} C(N-1,k) regions; "
            "n generic lines in Q^2 give Σ_{k≤2} C(n,k) regions, C(n-1,2) bounded",
            "seed 001 §2; Cover 1965",
            {
                "central d=3, N=1..8": [2 * sum(comb(N - 1, k) for k in range(3)) for N in range(1, 9)],
                "affine d=2, n=1..6 (regions, bounded)": [
                    [sum(comb(n, k) for k in range(3)), comb(n - 1, 2)] for n in range(1, 7)
                ],
            },
            _cover_counts,
            _cover_certificates,
        ),
        Figure(
            "hopfield-2x2",
            "maps {0,1}^2 → {0,1}^2 realized by one synchronous threshold step; the "
            "others carry verified non-realizability certificates",
            "seed 000 §3, Example 4",
            {"realizable": 196, "not realizable": 60},
            _hopfield_2x2,
            _hopfield_certificates,
        ),
        Figure(
            "threshold-functions-4",
            "realizable single-output threshold functions of 4 inputs, by enumeration with witnesses",
            "seed 000 §3; OEIS A000609",
            1882,
            lambda: _threshold_functions(4),
            None,
            "default",
        ),
        Figure(
            "threshold-functions-5",
            "realizable threshold functions of 5 inputs, by enumeration",
            "seed 000 §3; OEIS A000609",
            94572,
            lambda: _threshold_functions(5),
            None,
            "full",
        ),
        Figure(
            "linear-dichotomies",
            "dichotomies of the first N of six points in the plane by an affine "
            "classifier, N = 1..6 (Cover's count)",
            "seed 001 §2",
            [2, 4, 8, 14, 22, 32],
            _dichotomies,
        ),
        Figure(
            "tropical-cones-small",
            "maximal cones of the tropical classification fan, first N ≤ 4 points",
            "seed 001; package conventions §4",
            {"(1,1)": [2, 4, 8, 14], "(2,1)": [3, 9, 27, 75], "(2,2)": [4, 16, 64, 244]},
            lambda: {
                f"({a},{b})": _tropical_counts((a, b), TROPICAL_POINTS, 4)
                for a, b in ((1, 1), (2, 1), (2, 2))
            },
        ),
        Figure(
            "tropical-cones-6",
            "maximal cones for all six points, (n,m) = (2,1) and (2,2)",
            "seed 001; package conventions §4",
            {"(2,1)": 393, "(2,2)": 2584},
            lambda: {
                "(2,1)": _tropical_counts((2, 1), TROPICAL_POINTS, 6)[-1],
                "(2,2)": _tropical_counts((2, 2), TROPICAL_POINTS, 6)[-1],
            },
        ),
        Figure(
            "tropical-line",
            "maximal cones for the points 0..4 on a line, (n,m) = (2,2)",
            "package conventions §4",
            292,
            lambda: _tropical_counts((2, 2), [(k,) for k in range(5)], 5)[-1],
            None,
            "default",
        ),
        Figure(
            "ed-circle",
            "ED degree of the circle: identity form and diag(4,1)",
            "seed 003 (EDD of the circle)",
            {"identity Q": 2, "Q = diag(4,1)": 4},
            _ed_circle,
        ),
        Figure(
            "ed-lightning",
            "ED degree of the lightning self-attention quartic, generic Q",
            "seeds 003/004; package conventions §5",
            14,
            _ed_lightning,
            None,
            "default",
        ),
        Figure(
            "neuromanifold-filling",
            "σ = x² on widths (2,2,1) fills R[x,y]_2; σ = x³ has full dimension "
            "4 in R[x,y]_3 (dense over C, yet misses x³ − xy² over R)",
            "seeds 003/004",
            {"x^2 fills R[x,y]_2": True, "x^3: dimension": 4, "x^3: ambient": 4},
            _filling,
        ),
        Figure(
            "lightning-equation",
            "the lightning self-attention neuromanifold is the resultant quartic",
            "seed 004",
            True,
            _lightning_equation,
            None,
            "default",
        ),
        Figure(
            "seed002-neurons",
            "the optimal neurons of seed 002 §3.4 (orthogonal complements of the "
            "augmented samples; e1 − e2, 2e1, e2, −e1 in the text), up to sign",
            "seed 002 §3.4",
            [_up_to_sign(w) for w in [(1, -1), (2, 0), (0, 1), (-1, 0)]],
            _seed002_neurons,
        ),
        Figure(
            "conservation-laws",
            "independent conservation laws of two-layer networks "
            "(linear: k·r − k(k−1)/2, k = min(r, n+m); ReLU: r)",
            "seed 001 part II; Marcotte–Gribonval–Peyré 2023",
            {
                **{
                    f"linear {n}-{r}-{m}": _linear_laws(n, r, m)
                    for n, r, m in [(1, 1, 1), (2, 2, 1), (2, 3, 2), (3, 2, 3)]
                },
                "relu 2-2-1": 2,
                "relu 2-3-1": 3,
            },
            _conservation_counts,
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
    """
    if tier not in TIERS:
        raise ValueError(f"unknown tier {tier!r}; choose one of {', '.join(TIERS)}")
    if only:
        by_id = {f.id: f for f in FIGURES}
        for name in only:
            if name not in by_id:
                raise ValueError(f"unknown figure {name!r}; known figures: {', '.join(by_id)}")
        return [by_id[name] for name in only]
    level = TIERS.index(tier)
    return [f for f in FIGURES if TIERS.index(f.tier) <= level]


def _certify(figure: Figure, out: Path | None) -> tuple[str, tuple[str, ...]]:
    from .certificates import verify, write

    if figure.certify is None:
        return "-", ()
    try:
        produced = figure.certify()
    except (ImportError, AttributeError, NotImplementedError):
        return "unavailable", ()
    failures, files = [], []
    for label, cert in produced:
        outcome = verify(cert)
        if not outcome.ok:
            failures.append(f"{label}: {outcome.message}")
        if out is not None:
            files.append(str(write(cert, out / f"{figure.id}-{label}.json")))
    if failures:
        return f"FAILED: {failures[0]}" + (
            f" (+{len(failures) - 1} more)" if len(failures) > 1 else ""
        ), tuple(files)
    return f"verified ({len(produced)})", tuple(files)


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
    except (ImportError, AttributeError, NotImplementedError) as exc:
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
    cert_status, files = _certify(figure, out) if certificates else ("-", ())
    return FigureResult(
        figure.id, figure.expected, computed, time.perf_counter() - start, status, cert_status, files
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
