"""Computations behind the figure table of :mod:`exactgeom.reproduce`.

Each function recomputes one published figure (or produces its certificates)
with the public API of the module concerned, imported on first use.  Only an
optional engine or extra that is not installed (the package raises
:class:`~exactgeom.errors.MissingOptional`) makes a figure *unavailable*; any
other exception, an ``ImportError`` or ``AttributeError`` included, is an error
of the figure.

Examples
--------
>>> linear_laws(2, 3, 2)   # k = min(r, n + m) = 3: k·r − k(k−1)/2
6
"""

from __future__ import annotations

from collections.abc import Iterable

TROPICAL_POINTS = [(0, 0), (3, 1), (1, 4), (-2, 2), (5, -1), (2, -3)]
"""The six points in the plane of the tropical and linear classifier figures (package conventions §4)."""

# ---------------------------------------------------------------------------------------------
# arrangements


def families():
    """The module of named arrangements, :mod:`exactgeom.library`."""
    from . import library

    return library


def regions(family: str, ns: Iterable[int]) -> list[int]:
    make = getattr(families(), family)
    return [make(n).num_regions() for n in ns]


def unsigned_chi(A) -> list[int]:
    return [abs(int(c)) for c in A.characteristic_polynomial().all_coeffs()]


def count_certificates(family: str, ns: Iterable[int], kind: str = "region-count"):
    from .arrangements import certify

    make = getattr(families(), family)
    producer = (
        certify.region_count_certificate
        if kind == "region-count"
        else certify.characteristic_polynomial_certificate
    )
    return [(f"{family}{n}", producer(make(n), name=f"{family}({n})")) for n in ns]


def cover_counts() -> dict:
    lib = families()
    central = [lib.generic(N, 3, seed=N, central=True).num_regions() for N in range(1, 9)]
    affine = [
        (A.num_regions(), A.num_bounded_regions()) for A in (lib.generic(N, 2, seed=N) for N in range(1, 7))
    ]
    return {
        "central d=3, N=1..8": central,
        "affine d=2, n=1..6 (regions, bounded)": [list(p) for p in affine],
    }


def cover_certificates():
    from .arrangements.certify import characteristic_polynomial_certificate

    lib = families()
    return [
        (f"central-N{N}", characteristic_polynomial_certificate(lib.generic(N, 3, seed=N, central=True)))
        for N in (4, 6, 8)
    ]


# ---------------------------------------------------------------------------------------------
# networks


def hopfield_2x2(collect: list | None = None) -> dict:
    from itertools import product

    from .networks import ThresholdNetwork

    net = ThresholdNetwork(n_inputs=2, n_outputs=2)
    inputs = list(product((0, 1), repeat=2))
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


def hopfield_certificates():
    found: list = []
    hopfield_2x2(collect=found)
    out = []
    for k, (_, result) in enumerate(found):
        for j, cert in enumerate(result.certificates):
            out.append((f"nonrealizable-{k:02d}-{j}", cert))
    return out


def threshold_functions(n: int) -> int:
    from .networks.threshold import threshold_functions as listing

    return sum(1 for _ in listing(n))


def dichotomies() -> list[int]:
    from .networks import LinearClassifier

    return [sum(1 for _ in LinearClassifier(TROPICAL_POINTS[:N]).dichotomies()) for N in range(1, 7)]


def dichotomy_certificates():
    from .arrangements.certify import region_count_certificate
    from .networks import LinearClassifier

    A = LinearClassifier(TROPICAL_POINTS).parameter_arrangement()
    return [("N6", region_count_certificate(A, name="linear classifier on 6 points"))]


def tropical_certificates(terms: tuple[int, int], points):
    from .networks import TropicalClassifier

    return [
        (f"{terms[0]}-{terms[1]}-N{len(points)}", TropicalClassifier(points, n_terms=terms).certificate())
    ]


def tropical_counts(terms: tuple[int, int], points, n_max: int) -> list[int]:
    from .networks import TropicalClassifier

    return [TropicalClassifier(points[:N], n_terms=terms).num_maximal_cones() for N in range(1, n_max + 1)]


# ---------------------------------------------------------------------------------------------
# neuromanifolds, ED degree, wedge products, conservation laws


def _circle_results():
    import sympy

    from .algebra import ed_degree

    x, y = sympy.symbols("x y")
    eq = [x**2 + y**2 - 1]
    results = {
        name: ed_degree(eq, [x, y], Q=Q, seed=0)
        for name, Q in (("identity Q", [[1, 0], [0, 1]]), ("Q = diag(4,1)", [[4, 0], [0, 1]]))
    }
    return eq, [x, y], results


def ed_circle() -> dict:
    _, _, results = _circle_results()
    return {name: int(result.value) for name, result in results.items()}


def ed_circle_certificates():
    eq, variables, results = _circle_results()
    labels = {"identity Q": "identity", "Q = diag(4,1)": "diag-4-1"}
    return [(labels[name], result.certificate(eq, variables)) for name, result in results.items()]


LIGHTNING_QUARTIC = (
    "y1**2*y6**2 + y4**2*y3**2 + y1*y3*y5**2 + y2**2*y4*y6 - 2*y1*y4*y3*y6 - y2*y1*y6*y5 - y2*y4*y3*y5"
)


def _lightning_ed():
    import sympy

    from .algebra import ed_degree
    from .expressions import parse_expression

    ys = list(sympy.symbols("y1:7"))
    quartic = [parse_expression(LIGHTNING_QUARTIC, ys)]
    return quartic, ys, ed_degree(quartic, ys, seed=0)


def ed_lightning() -> int:
    return int(_lightning_ed()[2].value)


def ed_lightning_certificates():
    quartic, ys, result = _lightning_ed()
    return [("quartic", result.certificate(quartic, ys))]


def filling() -> dict:
    import sympy

    from .neuro import PolynomialMLP
    from .neuro.dimension import dimension
    from .neuro.real_image import shallow_binary_real_image

    square, cube = PolynomialMLP((2, 2, 1), 2), PolynomialMLP((2, 2, 1), 3)
    real2, real3 = shallow_binary_real_image(2), shallow_binary_real_image(3)
    x, y = sorted(real3.witness.free_symbols, key=str)
    missed = sympy.expand(real3.witness - (x**3 - x * y**2)) == 0 and all(real3.proof["identities"].values())
    return {
        "x^2 fills R[x,y]_2": dimension(square, seed=0).value == len(square.polys),
        "x^2 fills over R": bool(real2.fills_real),
        "x^3: dimension": dimension(cube, seed=0).value,
        "x^3: ambient": len(cube.polys),
        "x^3 fills over R": bool(real3.fills_real),
        "x^3 - xy^2 reached over R": not missed,
    }


def lightning_model():
    from .neuro import LightningAttention

    return LightningAttention(token_dim=2, tokens=2, attention_dim=2, out_dim=1)


def lightning_equation() -> dict:
    """Implicit equations of degree <= 4, compared with the resultant quartic up to coordinate order."""
    from itertools import permutations

    import sympy

    from .expressions import parse_expression
    from .neuro.implicit import implicit_equations

    found = implicit_equations(lightning_model(), 4, seed=0)
    summary = {"equations": len(found.equations), "proved": bool(found.proved), "matches the quartic": False}
    if len(found.equations) != 1:
        return summary
    coordinates = list(found.coordinates)
    equation = sympy.Poly(found.equations[0], *coordinates)
    ys = sympy.symbols("y1:7")
    quartic = parse_expression(LIGHTNING_QUARTIC, ys)
    for order in permutations(coordinates):
        candidate = sympy.Poly(quartic.subs(dict(zip(ys, order)), simultaneous=True), *coordinates)
        if candidate.monic() == equation.monic():
            summary["matches the quartic"] = True
            break
    return summary


def lightning_certificates():
    from .neuro.implicit import implicit_equations

    model = lightning_model()
    found = implicit_equations(model, 4, seed=0)
    return [("quartic", found.certificate(model))]


def up_to_sign(w) -> list[int]:
    first = next((v for v in w if v), 1)
    return [int(v) if first > 0 else -int(v) for v in w]


def pilanci_neurons() -> list[list[int]]:
    from .wedge import cross

    samples = [(1, 1), (0, 2), (1, 0), (0, 1)]  # x_1, x_2 and the standard basis (Pilanci §3.4)
    neurons = []
    for x in samples:
        w = cross(x)
        if sum(a * b for a, b in zip(w, x)) != 0:
            raise AssertionError(f"cross({x}) = {w} is not orthogonal to {x}")
        neurons.append(up_to_sign(w))  # the text mixes two sign conventions for the dual
    return neurons


def conservation_counts() -> dict:
    from . import dynamics

    out = {}
    for n, r, m in [(1, 1, 1), (2, 2, 1), (2, 3, 2), (3, 2, 3)]:
        out[f"linear {n}-{r}-{m}"] = dynamics.conservation_laws(
            dynamics.linear_network((m, r, n)), seed=0
        ).value
    for n, r, m in [(2, 2, 1), (2, 3, 1)]:
        out[f"relu {n}-{r}-{m}"] = dynamics.conservation_laws(dynamics.relu_network(n, r, m), seed=0).value
    return out


def linear_laws(n: int, r: int, m: int) -> int:
    k = min(r, n + m)
    return k * r - k * (k - 1) // 2
