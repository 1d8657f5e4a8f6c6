"""Real images of the shallow network x ↦ e(ax+by)^r + f(cx+dy)^r on binary forms (Kohn's lectures).

Widths (2, 2, 1), no bias, σ = x^r.  Over C both r = 2 and r = 3 give a dense
image (dimension = ambient dimension); over R the answers differ:

* r = 2: every real binary quadric Ax² + Bxy + Cy² has a real preimage, given
  by explicit rational formulas in three cases (completing the square).
* r = 3: a real image point is ℓ₁³ + ℓ₂³ with real linear forms (real cube
  roots absorb e and f), and ℓ₁³ + ℓ₂³ = (ℓ₁ + ℓ₂)((ℓ₁ − ℓ₂/2)² + ¾ℓ₂²) has
  at most one real root unless it vanishes identically; x³ − xy² =
  x(x − y)(x + y) has three, so it is missed, although it has a complex
  preimage.  The real image lies in {discriminant ≤ 0} and misses the open
  set of cubics with three distinct real roots (binary cubics of real rank 3).

Examples
--------
>>> proof = shallow_binary_real_image(3)
>>> proof.fills_complex, proof.fills_real, proof.witness
(True, False, x1**3 - x1*x2**2)
>>> all(proof.proof["identities"].values())
True
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

from .models import PolynomialMLP

__all__ = ["shallow_binary_real_image", "RealImageProof"]


@dataclass(frozen=True)
class RealImageProof:
    """Whether σ = x^r on widths (2, 2, 1) fills the binary forms of degree r, over C and over R.

    The shape of :mod:`exactgeom.results`: ``value`` is ``fills_real``, and ``lower_bound`` and
    ``upper_bound`` are None (the value is not a number).

    Attributes
    ----------
    activation_degree : int
    fills_complex : bool
    fills_real : bool
    witness : sympy expression or None
        A real form not in the real image (r = 3).
    statement : str
        Precisely what is proved.
    proof : dict
        The exact ingredients: proved dimension, identities (each checked by
        expansion: value True), explicit preimages, root data.
    proved : bool
        Every identity of the proof expands to zero and the complex dimension is proved.
    method : str
        How ``fills_real`` and ``fills_complex`` were obtained.
    seed : int
        Seed of the random points of the dimension computation.

    Examples
    --------
    >>> r = shallow_binary_real_image(3)
    >>> r.fills_complex, r.fills_real, r.witness
    (True, False, x1**3 - x1*x2**2)
    >>> r.value, r.proved
    (False, True)
    >>> shallow_binary_real_image(2).fills_real
    True
    """

    activation_degree: int
    fills_complex: bool
    fills_real: bool
    witness: object
    statement: str
    proof: dict
    proved: bool
    method: str
    seed: int

    lower_bound = None
    upper_bound = None

    @property
    def value(self) -> bool:
        """Whether the real image is dense in the real binary forms (``fills_real``)."""
        return self.fills_real

    def certificate(self) -> dict:
        """Not available: no certificate kind describes a real image.

        Raises
        ------
        NotImplementedError
            Always; the nearest kind is ``implicit-equations`` (:meth:`ImplicitEquations.certificate`:
            polynomial identities checked by expanding a substitution).
        """
        raise NotImplementedError("there is no certificate kind for the real image of a network; the nearest "
                                  "is 'implicit-equations' (ImplicitEquations.certificate(): polynomial "
                                  "identities checked by expanding a substitution)")


def _identity(lhs, rhs) -> bool:
    return sp.expand(lhs - rhs) == 0


def shallow_binary_real_image(activation_degree: int) -> RealImageProof:
    """The real-image statement for σ = x^r, r ∈ {2, 3}, on widths (2, 2, 1), with its proof.

    Parameters
    ----------
    activation_degree : int
        2 or 3.

    Returns
    -------
    RealImageProof

    Raises
    ------
    ValueError
        For other degrees (no proof is implemented).

    Examples
    --------
    >>> p = shallow_binary_real_image(2)
    >>> p.fills_real, len(p.proof["cases"])
    (True, 3)
    """
    if activation_degree not in (2, 3):
        raise ValueError(f"a proof is implemented for activation degrees 2 and 3, not {activation_degree!r}")
    model = PolynomialMLP((2, 2, 1), activation_degree)
    dim = model.dimension()
    x, y = model.inputs
    a, b, c, d, e, f = sp.symbols("a b c d e f")
    network = e * (a * x + b * y) ** activation_degree + f * (c * x + d * y) ** activation_degree
    if activation_degree == 2:
        A, B, C = sp.symbols("A B C")
        target = A * x**2 + B * x * y + C * y**2
        cases = [
            ("A != 0", {a: 1, b: B / (2 * A), e: A, c: 0, d: 1, f: C - B**2 / (4 * A)}),
            ("A == 0, B != 0", {a: B / 2, b: (C + 1) / 2, e: 1, c: B / 2, d: (C - 1) / 2, f: -1}),
            ("A == 0, B == 0", {a: 0, b: 1, e: C, c: 0, d: 0, f: 0}),
        ]
        checked = []
        for condition, params in cases:
            t = target
            if condition.startswith("A == 0"):
                t = t.subs(A, 0)
            if condition.endswith("B == 0"):
                t = t.subs(B, 0)
            checked.append(
                {"condition": condition, "parameters": params, "identity": _identity(network.subs(params), t)}
            )
        statement = (
            "proved: every real binary quadric Ax^2 + Bxy + Cy^2 equals e(ax+by)^2 + f(cx+dy)^2 for the "
            "real (rational in A, B, C) parameters listed in each case, checked by expansion; the "
            f"complex dimension is {dim.value} = ambient (certified)"
        )
        fills_real = all(cs["identity"] for cs in checked)
        method = (
            "fills over R: explicit real preimages, rational in (A, B, C), in three cases, each checked by "
            f"expansion; over C: the dimension ({dim.method})"
        )
        return RealImageProof(
            2,
            dim.value == 3,
            fills_real,
            None,
            statement,
            {"dimension": dim, "cases": checked},
            fills_real and dim.proved,
            method,
            dim.seed,
        )
    witness = x**3 - x * y**2
    l1, l2 = sp.symbols("l1 l2")
    s3 = sp.sqrt(3)
    complex_params = {e: sp.Rational(1, 2), f: sp.Rational(1, 2), a: 1, b: sp.I / s3, c: 1, d: -sp.I / s3}
    identities = {
        "sum of two cubes": _identity(
            l1**3 + l2**3, (l1 + l2) * ((l1 - l2 / 2) ** 2 + sp.Rational(3, 4) * l2**2)
        ),
        "witness factorisation": _identity(witness, x * (x - y) * (x + y)),
        "complex preimage": _identity(network.subs(complex_params), witness),
    }
    A, B, C, D = sp.Poly(witness, x, y).coeff_monomial(x**3), 0, -1, 0
    discriminant = B**2 * C**2 - 4 * A * C**3 - 4 * B**3 * D - 27 * A**2 * D**2 + 18 * A * B * C * D
    statement = (
        "proved: (i) the complex image is Zariski dense in the binary cubics (Jacobian rank 4 = ambient "
        "dimension at a rational point, certified); (ii) x^3 - x*y^2 has the complex preimage listed; "
        "(iii) it has no real preimage: over R, e*l^3 = (e^(1/3)*l)^3, so the real image is the set of "
        "l1^3 + l2^3 with real linear forms (binary cubics of real rank <= 2), and "
        "l1^3 + l2^3 = (l1 + l2)((l1 - l2/2)^2 + 3/4*l2^2), whose second factor vanishes at a real "
        "point only where l1 and l2 both do; so a non-zero real image point has at most one distinct "
        "real root, while x^3 - x*y^2 = x(x - y)(x + y) has three; (iv) hence the real image misses "
        "the open set of cubics with three distinct real roots (discriminant > 0; x^3 - x*y^2 has "
        "discriminant 4) and is not dense in R^4"
    )
    proof = {
        "dimension": dim,
        "identities": identities,
        "complex_preimage": complex_params,
        "real_roots_of_witness": [(0, 1), (1, 1), (-1, 1)],
        "discriminant_of_witness": discriminant,
    }
    method = (
        "misses over R: the witness x^3 - x*y^2 has three real roots while a non-zero sum of two real cubes "
        "has one, by the identities listed, each checked by expansion; over C: the dimension "
        f"({dim.method}) and an explicit complex preimage of the witness"
    )
    proved = all(identities.values()) and dim.proved
    return RealImageProof(3, dim.value == 4, False, witness, statement, proof, proved, method, dim.seed)
