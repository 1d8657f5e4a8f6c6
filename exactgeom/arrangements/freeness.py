"""Freeness of central arrangements, decided where the answer is known, with the reason.

A central arrangement A in Q^d is *free* when its module of logarithmic derivations D(A) is a
free module over the polynomial ring; the degrees of a homogeneous basis are its *exponents*,
and Terao's factorization theorem gives χ_A(t) = Π (t − e_i).  This module decides freeness
for rank ≤ 2 (always free) and for the braid, coordinate and Shi-cone families of
:mod:`exactgeom.library`; anything else raises ``NotImplementedError``.

References
----------
P. Orlik and H. Terao, *Arrangements of hyperplanes*, Springer 1992, Ch. 4.
C. A. Athanasiadis, *On free deformations of the braid arrangement*, European J. Combin. 19 (1998).
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import _exact

__all__ = ["Freeness", "freeness"]


@dataclass(frozen=True)
class Freeness:
    """Whether a central arrangement is free, its exponents, and why.

    ``exponents`` are the degrees of a homogeneous basis of the module of logarithmic
    derivations D(A), in increasing order, one per coordinate (so ``d − rank`` zeros for
    the directions along which the arrangement is constant).  Terao's factorization
    theorem then gives χ_A(t) = Π (t − e_i).

    Examples
    --------
    >>> from exactgeom.library import braid
    >>> braid(4).freeness()
    Freeness(free=True, exponents=(0, 1, 2, 3), reason='braid arrangement A_3 in Q^4: free ...')
    """

    free: bool
    exponents: tuple[int, ...]
    reason: str

    def __repr__(self) -> str:
        reason = self.reason if len(self.reason) <= 40 else self.reason[:37].rstrip() + " ..."
        return f"Freeness(free={self.free}, exponents={self.exponents}, reason={reason!r})"


def _keys(arrangement) -> frozenset:
    return frozenset(_exact.primitive_integer_vector((*a, c)) for a, c in arrangement.hyperplanes())


def _known_family(arrangement):
    from . import library

    d = arrangement.dimension
    keys = _keys(arrangement)
    if len(arrangement) == d * (d - 1) // 2 and d >= 2 and keys == _keys(library.braid(d)):
        return (tuple(range(d)),
                f"braid arrangement A_{d - 1} in Q^{d}: free with exponents 0, 1, ..., {d - 1} "
                "(supersolvable, hence free by Jambu–Terao; Stanley, Lecture 4)")
    if len(arrangement) == d and keys == _keys(library.coordinate(d)):
        return ((1,) * d, f"coordinate arrangement in Q^{d}: D(A) has the basis x_i ∂/∂x_i, exponents all 1")
    n = d - 1
    if n >= 2 and len(arrangement) == n * (n - 1) + 1 and keys == _keys(library.shi(n).cone()):
        return ((0, 1) + (n,) * (n - 1),
                f"cone of the Shi arrangement of Q^{n}: free with exponents 0, 1 and {n} (n−1 times) "
                "(Athanasiadis 1998; Yoshinaga 2004)")
    return None


def freeness(arrangement) -> Freeness:
    """Decide freeness where the answer is known: rank ≤ 2, and the braid, coordinate and Shi-cone families.

    Parameters
    ----------
    arrangement : Arrangement
        A central arrangement (freeness is a property of central arrangements; for an
        affine A ask about ``A.cone()``).

    Returns
    -------
    Freeness

    Raises
    ------
    ValueError
        For a non-central arrangement.
    NotImplementedError
        Rank ≥ 3 outside the recognised families (matched hyperplane by hyperplane, in the
        library's coordinates); no derivation-basis computation is attempted.

    Examples
    --------
    >>> from exactgeom import Arrangement
    >>> from exactgeom.library import shi
    >>> freeness(Arrangement([[1, 0, 0], [0, 1, 0], [1, 1, 0]])).exponents
    (0, 1, 2)
    >>> freeness(shi(3).cone()).exponents
    (0, 1, 3, 3)
    >>> freeness(Arrangement([[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 1, 1]]))
    Traceback (most recent call last):
        ...
    NotImplementedError: freeness is decided only for rank <= 2 and the braid, coordinate and Shi-cone ...
    """
    if not arrangement.is_central():
        raise ValueError("freeness is defined for central arrangements; ask about A.cone() for an affine A")
    d, r, n = arrangement.dimension, arrangement.rank, len(arrangement)
    if r <= 2:
        exponents = (0,) * (d - r) + {0: (), 1: (1,), 2: (1, n - 1)}[r]
        return Freeness(True, tuple(sorted(exponents)),
                        f"rank {r} <= 2: every central arrangement of rank at most 2 is free "
                        f"(the Euler derivation and one of degree n - 1 = {n - 1}; Orlik–Terao, Ch. 4)")
    known = _known_family(arrangement)
    if known is not None:
        return Freeness(True, tuple(sorted(known[0])), known[1])
    raise NotImplementedError(
        "freeness is decided only for rank <= 2 and the braid, coordinate and Shi-cone arrangements "
        f"of exactgeom.library (this one has rank {r}); a derivation-basis computation (Saito's "
        "criterion) is not implemented"
    )
