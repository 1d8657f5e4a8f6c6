"""Certificates for χ(t) and the Zaslavsky counts of an arrangement.

The certificate lists the arrangement, every flat of its intersection poset
(as a sorted list of hyperplane indices) and the Möbius value of each.  The
standard-library checker :mod:`exactgeom.certificates.check_counts` re-derives
from these numbers alone that the list is exactly the set of flats, that the
Möbius values satisfy their defining recursion, and that χ(t) and the counts
follow; see ``docs/certificates.md`` for the schema.

References
----------
T. Zaslavsky, *Facing up to arrangements: face-count formulas for partitions of space by
hyperplanes*, Mem. Amer. Math. Soc. 1 (1975), no. 154.
R. P. Stanley, *An introduction to hyperplane arrangements*, in Geometric Combinatorics,
IAS/Park City Math. Ser. 13, AMS 2007, Lectures 1–3.
"""

from __future__ import annotations

import time

from .._exact import fraction_str
from ..certificates import envelope
from .lattice import zaslavsky_counts

__all__ = ["characteristic_polynomial_certificate", "region_count_certificate", "poset_of_flats"]


def _index_set(flat) -> tuple[int, ...]:
    if isinstance(flat, int):
        return tuple(i for i in range(flat.bit_length()) if flat >> i & 1)
    return tuple(sorted(flat))


def poset_of_flats(arrangement, lattice=None) -> tuple[list[tuple[int, ...]], list[int], list[int]]:
    """The flats of the intersection poset L(A), their ranks and Möbius values μ(0̂, X).

    Flats are sorted tuples of hyperplane indices, listed rank by rank with the
    whole space ``()`` first.  For a non-central arrangement the lattice of the
    cone is computed and the flats not contained in the hyperplane at infinity
    are kept: they are exactly the non-empty intersections of A, with the same
    lower intervals and therefore the same Möbius values.

    Parameters
    ----------
    arrangement : Arrangement
    lattice : IntersectionLattice, optional
        A lattice already computed for ``arrangement``.

    Returns
    -------
    (flats, ranks, mobius) : three lists of equal length

    Examples
    --------
    >>> from exactgeom import Arrangement
    >>> poset_of_flats(Arrangement([[1], [1]], offsets=[0, 1]))
    ([(), (0,), (1,)], [0, 1, 1], [1, -1, -1])
    """
    n = len(arrangement)
    if n == 0:
        return [()], [0], [1]
    if lattice is None:
        from .lattice import intersection_lattice

        lattice = intersection_lattice(arrangement)
    flats, ranks, mobius = [], [], []
    for rank, level in enumerate(lattice.flats_by_rank):
        for flat in level:
            indices = _index_set(flat)
            flats.append(indices)
            ranks.append(rank)
            mobius.append(int(lattice.mobius(flat)))
    order = sorted(range(len(flats)), key=lambda j: (ranks[j], flats[j]))
    return [flats[j] for j in order], [ranks[j] for j in order], [mobius[j] for j in order]


def _arrangement_data(arrangement) -> dict:
    return {
        "dimension": arrangement.dimension,
        "normals": [[fraction_str(v) for v in a] for a in arrangement.normals],
        "offsets": [fraction_str(c) for c in arrangement.offsets],
    }


def characteristic_polynomial_certificate(arrangement, *, lattice=None, name: str | None = None) -> dict:
    """A checkable certificate of χ_A(t), the number of regions and the number of bounded regions.

    Parameters
    ----------
    arrangement : Arrangement
    lattice : IntersectionLattice, optional
        Reuse a lattice already computed.
    name : str, optional
        A label stored in ``meta`` (e.g. ``"threshold(3)"``).

    Returns
    -------
    dict
        Kind ``"characteristic-polynomial"``; claim: the arrangement
        (``dimension``, ``normals``, ``offsets``), ``characteristic_polynomial``
        (integer coefficients, highest degree first), ``regions``,
        ``bounded_regions``; data: ``flats`` (lists of hyperplane indices) and
        ``mobius``.

    Examples
    --------
    >>> from exactgeom.library import braid
    >>> from exactgeom.certificates import verify
    >>> cert = characteristic_polynomial_certificate(braid(3))
    >>> cert["claim"]["characteristic_polynomial"], cert["claim"]["regions"]
    ([1, -3, 2, 0], 6)
    >>> verify(cert).ok
    True
    """
    start = time.perf_counter()
    flats, ranks, mobius = poset_of_flats(arrangement, lattice)
    d = arrangement.dimension
    chi = [0] * (d + 1)
    for r, m in zip(ranks, mobius):
        chi[r] += m
    regions, bounded = zaslavsky_counts(chi)
    claim = {
        **_arrangement_data(arrangement),
        "characteristic_polynomial": chi,
        "regions": regions,
        "bounded_regions": bounded,
    }
    data = {"flats": [list(f) for f in flats], "mobius": mobius}
    meta = {"producer": "exactgeom.arrangements.certify", "seconds": round(time.perf_counter() - start, 3)}
    if name:
        meta["arrangement"] = name
    if getattr(arrangement, "variables", None):
        meta["variables"] = [str(v) for v in arrangement.variables]   # the coordinates' names, for readers
    return envelope("characteristic-polynomial", claim, data, meta)


def region_count_certificate(arrangement, *, lattice=None, name: str | None = None) -> dict:
    """A checkable certificate of the numbers of regions and bounded regions (Zaslavsky).

    The same evidence as :func:`characteristic_polynomial_certificate`, with a
    claim restricted to the two counts.

    Examples
    --------
    >>> from exactgeom.library import threshold
    >>> cert = region_count_certificate(threshold(2))
    >>> cert["kind"], cert["claim"]["regions"], cert["claim"]["bounded_regions"]
    ('region-count', 14, 0)
    """
    cert = characteristic_polynomial_certificate(arrangement, lattice=lattice, name=name)
    claim = {
        key: cert["claim"][key] for key in ("dimension", "normals", "offsets", "regions", "bounded_regions")
    }
    return envelope("region-count", claim, cert["data"], cert["meta"])
