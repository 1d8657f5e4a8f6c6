"""The parameter-spaces note's Propositions 3 and 4, decided by exhaustive comparison for small n.

Both propositions compare the maps of a Hopfield network variant (two
synchronous iterations; one sequential sweep) with the maps of one synchronous
step.  :func:`check_proposition` decides the reading by sets of realizable
maps; :func:`face_poset_reading` the reading by decompositions of the
parameter space (is every cell of the variant's decomposition a cell of the
one-step decomposition?).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from ._boolean import Table
from ._face_cells import Point, _cells
from ._semantics import _mask_step
from .hopfield import HopfieldNetwork, _threshold_masks

__all__ = ["FacePosetReading", "ParameterCell", "PropositionCheck", "check_proposition", "face_poset_reading"]


@dataclass(frozen=True)
class PropositionCheck:
    """Verdict on one of the parameter-spaces note's Propositions 3 and 4 for a given n, with the evidence.

    ``counterexample`` is None when the proposition holds, else a dict with the
    map f, a Realization of f by the network of the proposition (two
    iterations or a sequential sweep) and the NonRealizable proof for one
    synchronous step.  ``counts`` records the exhaustive comparison.

    Examples
    --------
    One unit has the 4 threshold functions 0, 1, x, ¬x; their squares are
    0, 1 and x, all one-step maps.

    >>> c = check_proposition(3, 1)
    >>> c.holds, c.counts["proposed"], c.counts["one_step_synchronous"], c.counterexample
    (True, 3, 4, None)
    """

    proposition: int
    n: int
    statement: str
    holds: bool
    counts: dict
    counterexample: dict | None

    def __bool__(self) -> bool:
        return self.holds


def check_proposition(number: int, n: int) -> PropositionCheck:
    """Decide the parameter-spaces note's Proposition 3 or 4 for n units by exhaustive comparison.

    Reading of the propositions.  Σ[Par^k] is the face poset of the
    decomposition of the parameter space into the cones Par^k_f; the
    decomposition into the Par^2_f = ∪_{h²=f} Par_h is always coarser than
    the one into the Par_h, so the only non-trivial content of
    "Σ[Par^2] ⊂ Σ[Par]" is about which maps occur.  We check:

    * Proposition 3: every map realized by **two synchronous iterations**
      HN_Θ∘HN_Θ is realized by **one synchronous step** HN_Θ'.
    * Proposition 4: every map realized by **one sequential sweep** (unit 1,
      then 2, ..., each seeing the updated values; the asynchronous update of
      the seed with the natural order) is realized by one synchronous step.

    Outcome (exhaustive, every map with an exact witness; the tests compare
    with a brute force over integer parameters):

    * Proposition 3 is **false** for n = 2: 74 maps are realized by two
      synchronous iterations, 70 of them in one step, and 4 only in two steps,
      e.g. f = (00->11, 01->10, 10->10, 11->11) whose second unit computes XNOR.
      For n = 3: 319,622 two-step maps, 192,234 of them not one-step maps.
    * Proposition 4 **holds** for n = 2: the 108 maps of one sequential sweep
      are all among the 196 synchronous ones (the second unit sees (u_1, x_2)
      with u_1 a threshold function of x; XOR/XNOR of x would need u_1 = x_1 or
      ¬x_1 and then a XOR/XNOR of (u_1, x_2)).  It is **false** for n = 3:
      98,720 sequential maps, 16,800 of them not synchronous maps.

    Parameters
    ----------
    number : 3 or 4
    n : int, 1 <= n <= 3

    Returns
    -------
    PropositionCheck

    Examples
    --------
    >>> c = check_proposition(3, 2)
    >>> c.holds, c.counts["only_in_proposed"]
    (False, 4)
    >>> c.counterexample["realization"].verify(), c.counterexample["one_step_proof"].verify()
    (True, True)
    >>> bool(check_proposition(4, 2))
    True
    """
    if number not in (3, 4):
        raise ValueError(f"the parameter-spaces note states Propositions 3 and 4 only; got {number!r}")
    if not isinstance(n, int) or not 1 <= n <= 3:
        raise ValueError(f"n must be 1, 2 or 3 (n = 4 has 1882^4 one-step maps), not {n!r}")
    masks = _threshold_masks(n)
    threshold_set = set(masks)
    N = 2**n
    if number == 3:
        proposed = HopfieldNetwork(n, iterations=2)
        statement = "every map realized by two synchronous iterations is realized by one synchronous step"
    else:
        proposed = HopfieldNetwork(n, update="sequential")
        statement = "every map realized by one sequential sweep is realized by one synchronous step"
    sequential = number == 4
    realized = set()
    first = None
    for combo in itertools.product(masks, repeat=n):
        image = [_mask_step(combo, x, sequential) for x in range(N)]
        if number == 3:
            image = [image[y] for y in image]
        result = tuple(sum(((image[k] >> (n - 1 - i)) & 1) << k for k in range(N)) for i in range(n))
        if result in realized:
            continue
        realized.add(result)
        if first is None and not all(r in threshold_set for r in result):
            first = result
    synchronous = len(threshold_set) ** n
    only = sum(1 for r in realized if not all(m in threshold_set for m in r))
    counts = {"one_step_synchronous": synchronous, "proposed": len(realized),
              "in_both": len(realized) - only, "only_in_proposed": only}
    counterexample = None
    if first is not None:
        table = tuple(tuple((first[i] >> k) & 1 for i in range(n)) for k in range(N))
        counterexample = {"function": table, "realization": proposed.realize(table),
                          "one_step_proof": HopfieldNetwork(n).realize(table)}
    return PropositionCheck(number, n, statement, first is None, counts, counterexample)


@dataclass(frozen=True)
class ParameterCell:
    """One cell {Θ : the network computes f} of a decomposition of the Hopfield parameter space.

    The cell is the union of the one-step cones Par_h over ``one_step_maps``
    (the h whose two-step map, or sequential sweep, is f), each h with a point
    of its chamber in ``witnesses`` (same order), so it merges
    ``len(one_step_maps)`` one-step chambers and consists of ``num_faces``
    faces of the one-step arrangement.  ``midpoint_witness`` is None when the
    cell is convex, else two parameters (W, θ) of the cell whose midpoint is
    not in it.

    Examples
    --------
    One unit: x and ¬x both square to the identity, and the union of their
    cones is not convex (the midpoint of the two witnesses is Θ = 0, whose
    map is the constant 0).

    >>> cell = face_poset_reading(3, 1).cells[1]
    >>> cell.function, cell.one_step_maps, cell.num_faces, cell.is_one_step_cell
    (((0,), (1,)), (((1,), (0,)), ((0,), (1,))), 4, False)
    >>> cell.midpoint_witness
    ((((-2,),), (1,)), (((2,),), (-1,)))
    """

    function: Table
    one_step_maps: tuple[Table, ...]
    num_faces: int
    witnesses: tuple[Point, ...]
    midpoint_witness: tuple[Point, Point] | None

    @property
    def is_one_step_cell(self) -> bool:
        """Whether the cell is a cell Par_h of the one-step decomposition (it merges no chambers)."""
        return len(self.one_step_maps) == 1

    @property
    def convex(self) -> bool:
        """Whether the cell is convex (decided exactly; otherwise ``midpoint_witness`` shows it is not)."""
        return self.midpoint_witness is None


@dataclass(frozen=True)
class FacePosetReading:
    """Proposition 3 or 4 read as an inclusion of decompositions of the parameter space, with every cell.

    ``holds`` is True when every cell of the variant's decomposition is a
    cell Par_h of the one-step decomposition.  The one-step decomposition has
    ``num_one_step_cells`` cells made of ``num_faces`` faces of the one-step
    arrangement; the variant's has ``num_cells`` cells, ``num_merged_cells``
    of them unions of several one-step cells and ``num_nonconvex_cells`` of
    them not convex.

    Examples
    --------
    >>> r = face_poset_reading(4, 1)
    >>> r.holds, r.num_cells, r.num_one_step_cells, r.num_faces
    (True, 4, 4, 9)
    """

    proposition: int
    n: int
    statement: str
    holds: bool
    num_faces: int
    num_one_step_cells: int
    num_cells: int
    num_merged_cells: int
    num_nonconvex_cells: int
    cells: tuple[ParameterCell, ...] = field(repr=False)

    def __bool__(self) -> bool:
        return self.holds


def face_poset_reading(number: int, n: int = 2) -> FacePosetReading:
    """Decide the face-poset reading of the parameter-spaces note's Proposition 3 or 4 for n <= 2 units.

    Reading.  Σ[Par] is the decomposition of Par = Q^{n(n+1)} into the
    one-step cells Par_h = {Θ : HN_Θ = h}, h realizable; each is a union of
    faces of the one-step arrangement T_n × ... × T_n (Proposition 2).
    Σ[Par²] (Proposition 3) is the decomposition into the cells
    Par²_f = {Θ : HN_Θ∘HN_Θ = f} and Σ[aPar] (Proposition 4) the one into
    the cells of one sequential sweep (unit 1 first, each unit seeing the
    values already updated).  Both are coarser than Σ[Par] (the one-step
    map determines either), and the proposition is read as: *every cell of
    Σ[Par²] (resp. Σ[aPar]) is a cell of Σ[Par]*.

    Outcome, n = 2: the one-step arrangement has 2601 = 51² faces and 196
    chambers.  Both readings are **false**.  Two synchronous steps: 74 cells,
    42 of them merging several chambers (up to 9), and all 42 are non-convex.
    One sequential sweep: 108 cells, 64 merging several chambers (up to 4),
    all convex (the sweep's Par_f is one half-open cone per unit: unit i's
    rows see z_i(x), fixed by f).  For n = 1 Proposition 4's reading holds
    (a sweep is a step) and Proposition 3's does not.

    Parameters
    ----------
    number : 3 or 4
    n : int, 1 or 2

    Returns
    -------
    FacePosetReading
        With one :class:`ParameterCell` per cell, in order of its map f.

    Raises
    ------
    ValueError
        For a number other than 3 or 4, or n outside 1..2 (for n = 3 the two-step
        decomposition has 319,622 cells over 104³ one-step cells).

    Examples
    --------
    >>> r = face_poset_reading(3)
    >>> r.holds, r.num_faces, r.num_cells, r.num_merged_cells, r.num_nonconvex_cells
    (False, 2601, 74, 42, 42)
    >>> cell = next(c for c in r.cells if not c.convex)
    >>> p, q = cell.midpoint_witness
    >>> net = HopfieldNetwork(2, iterations=2)
    >>> net.evaluate(*p) == net.evaluate(*q) == cell.function
    True
    >>> from fractions import Fraction
    >>> W = [[Fraction(a + b, 2) for a, b in zip(u, v)] for u, v in zip(p[0], q[0])]
    >>> net.evaluate(W, [Fraction(a + b, 2) for a, b in zip(p[1], q[1])]) == cell.function
    False
    >>> s = face_poset_reading(4)
    >>> s.holds, s.num_cells, s.num_merged_cells, s.num_nonconvex_cells
    (False, 108, 64, 0)

    Notes
    -----
    The one-step map h fixes the cell; the cells are found by running over
    the g(n)^n tuples of threshold functions.  Convexity: the cones Par_h are
    products of per-unit cones P_t, and a union of cones Par_h, h ∈ S, is
    convex iff for all h, h' ∈ S every one-step cell meeting Par_h + Par_h'
    belongs to S; which per-unit cones meet P_t + P_s is one exact LP per
    candidate (in 2(n+1) variables), and its solution gives the midpoint
    witness; well under a second for n = 2.
    """
    if number not in (3, 4):
        raise ValueError(f"the parameter-spaces note states Propositions 3 and 4 only; got {number!r}")
    if not isinstance(n, int) or isinstance(n, bool) or not 1 <= n <= 2:
        raise ValueError(f"n must be 1 or 2 (for n = 3 the two-step decomposition has 319,622 cells), "
                         f"not {n!r}")
    if number == 3:
        kind = "two-step"
        statement = "every cell {Θ : HN_Θ∘HN_Θ = f} is a cell {Θ : HN_Θ = h} of one synchronous step"
    else:
        kind = "sequential"
        statement = "every cell of one sequential sweep is a cell {Θ : HN_Θ = h} of one synchronous step"
    cells = tuple(ParameterCell(*data) for data in _cells(kind, n))
    return FacePosetReading(
        proposition=number, n=n, statement=statement,
        holds=all(c.is_one_step_cell for c in cells),
        num_faces=sum(c.num_faces for c in cells),
        num_one_step_cells=sum(len(c.one_step_maps) for c in cells),
        num_cells=len(cells),
        num_merged_cells=sum(1 for c in cells if not c.is_one_step_cell),
        num_nonconvex_cells=sum(1 for c in cells if not c.convex),
        cells=cells,
    )
