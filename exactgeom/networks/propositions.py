"""The parameter-spaces note's Propositions 3 and 4, decided by exhaustive comparison for small n.

Both propositions compare the maps of a Hopfield network variant (two
synchronous iterations; one sequential sweep) with the maps of one synchronous
step; see :func:`check_proposition`.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from ._semantics import _mask_step
from .hopfield import HopfieldNetwork, _threshold_masks

__all__ = ["PropositionCheck", "check_proposition"]


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
