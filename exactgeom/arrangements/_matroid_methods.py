"""The methods of :class:`~exactgeom.arrangements.arrangement.Arrangement` that delegate to the matroid.

Matroid invariants (:mod:`.matroid`, :mod:`.orlik_solomon`, :mod:`.freeness`) and
the code that recreates the arrangement elsewhere (:mod:`.export`).  ``Arrangement``
inherits them from :class:`MatroidMethods`; each one calls the function of the
module that owns the concept.
"""

from __future__ import annotations

__all__ = ["MatroidMethods"]


class MatroidMethods:
    """Matroid invariants and exports of an arrangement (a base class of ``Arrangement``)."""

    __slots__ = ()

    def matroid(self):
        """The matroid of the normals (of the cone's normals when A is affine); see :func:`.matroid.matroid`.

        Examples
        --------
        >>> from exactgeom.library import braid
        >>> braid(3).matroid().circuits
        ((0, 1, 2),)
        """
        from .matroid import matroid

        return matroid(self)

    def tutte_polynomial(self, variables=("x", "y")):
        """T_A(x, y), a sympy expression; see :func:`exactgeom.arrangements.matroid.tutte_polynomial`.

        Parameters
        ----------
        variables : pair of str, optional
            The names of the polynomial's two variables.

        Examples
        --------
        >>> from exactgeom.library import braid
        >>> braid(3).tutte_polynomial()
        x**2 + x + y
        """
        from .matroid import tutte_polynomial

        return tutte_polynomial(self, variables=variables)

    def nbc_sets(self):
        """The no-broken-circuit sets; see :func:`exactgeom.arrangements.matroid.nbc_sets`.

        Examples
        --------
        >>> from exactgeom.library import braid
        >>> [len(S) for S in braid(3).nbc_sets()]
        [0, 1, 1, 1, 2, 2]
        """
        from .matroid import nbc_sets

        return nbc_sets(self)

    def orlik_solomon_algebra(self):
        """The Orlik–Solomon algebra with its NBC basis; see :mod:`exactgeom.arrangements.orlik_solomon`.

        Examples
        --------
        >>> from exactgeom.library import braid
        >>> braid(3).orlik_solomon_algebra().hilbert_series().as_expr()
        2*t**2 + 3*t + 1
        """
        from .orlik_solomon import orlik_solomon_algebra

        return orlik_solomon_algebra(self)

    def freeness(self, *, method: str = "auto"):
        """Freeness, exponents and the reason; see :func:`exactgeom.arrangements.freeness.freeness`.

        Parameters
        ----------
        method : {"auto", "saito"}, optional
            ``"auto"``: rank <= 2 and the families with known exponents from the literature, Saito's
            criterion otherwise; ``"saito"``: always Saito's criterion.

        Examples
        --------
        >>> from exactgeom.library import coordinate
        >>> coordinate(3).freeness().free
        True
        """
        from .freeness import freeness

        return freeness(self, method=method)

    def is_free(self) -> bool:
        """Whether the (central) arrangement is free, where decided; see :meth:`freeness`.

        Examples
        --------
        >>> from exactgeom.library import braid
        >>> braid(4).is_free()
        True
        """
        return self.freeness().free

    def exponents(self) -> tuple[int, ...]:
        """The exponents of a free arrangement, where decided; see :meth:`freeness`.

        Examples
        --------
        >>> from exactgeom.library import braid
        >>> braid(4).exponents()
        (0, 1, 2, 3)
        """
        return self.freeness().exponents

    def varchenko_matrix(self, weights=None, *, max_regions: int | None = 2000):
        """The Varchenko matrix of the regions; see :func:`exactgeom.arrangements.varchenko.varchenko_matrix`.

        Parameters
        ----------
        weights : sequence or mapping, optional
            The weight of each hyperplane (by index); default the symbols a1..an.
        max_regions : int or None, optional
            Refuse (``TooLarge``) above this many regions, counted before any is enumerated.

        Examples
        --------
        >>> from exactgeom.library import coordinate
        >>> coordinate(2).varchenko_matrix().matrix.det().factor()
        (a1 - 1)**2*(a1 + 1)**2*(a2 - 1)**2*(a2 + 1)**2
        """
        from .varchenko import varchenko_matrix

        return varchenko_matrix(self, weights, max_regions=max_regions)

    def to_sage(self) -> str:
        """Sage code recreating the arrangement; see :func:`exactgeom.arrangements.export.to_sage`.

        Examples
        --------
        >>> from exactgeom import Arrangement
        >>> print(Arrangement([[1, 0], [0, 1]], offsets=[0, 1]).to_sage())
        H = HyperplaneArrangements(QQ, ('x1', 'x2'))
        x1, x2 = H.gens()
        A = H(x1, x2 - 1)
        """
        from .export import to_sage

        return to_sage(self)

    def to_macaulay2(self) -> str:
        """Macaulay2 code recreating the arrangement; see :func:`.export.to_macaulay2`.

        Examples
        --------
        >>> from exactgeom import Arrangement
        >>> print(Arrangement([[1, 0], [0, 1]], offsets=[0, 1]).to_macaulay2())
        needsPackage "HyperplaneArrangements"
        R = QQ[x1, x2]
        A = arrangement({x1, x2 - 1}, R)
        """
        from .export import to_macaulay2

        return to_macaulay2(self)
