"""Drawing line arrangements in the plane and Hasse diagrams of small posets.

Geometry is computed exactly (regions clipped to the box as pplpy polyhedra);
coordinates become floats only when handed to matplotlib.
"""

from __future__ import annotations

import itertools
import math
from fractions import Fraction

import networkx as nx
import ppl

from .. import _exact
from ._canvas import exact_box, finish, new_axes

__all__ = ["arrangement", "hasse"]

def _default_box(A) -> tuple[Fraction, Fraction, Fraction, Fraction]:
    """A box around every vertex (or, without vertices, around the lines near the origin), with margin."""
    points = []
    for (a, c), (b, e) in itertools.combinations(zip(A.normals, A.offsets), 2):
        x = _exact.solve([a, b], [c, e])
        if x is not None and _exact.rank([a, b]) == 2:
            points.append(x)
    if not points:
        points = [(Fraction(0), Fraction(0))]
        for a, c in zip(A.normals, A.offsets):
            norm = a[0] * a[0] + a[1] * a[1]
            points.append((c * a[0] / norm, c * a[1] / norm))
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    margin = max(Fraction(1), (max(xs) - min(xs)) * Fraction(3, 10), (max(ys) - min(ys)) * Fraction(3, 10))
    return min(xs) - margin, max(xs) + margin, min(ys) - margin, max(ys) + margin


def _box_constraints(box):
    xmin, xmax, ymin, ymax = box
    rows = [([1, 0], xmax), ([-1, 0], -xmin), ([0, 1], ymax), ([0, -1], -ymin)]
    out = []
    for a, c in rows:
        scale = c.denominator
        out.append(ppl.Linear_Expression([-a[0] * scale, -a[1] * scale], int(c * scale)) >= 0)
    return out


def _vertices(P) -> list[tuple[float, float]]:
    out = []
    for g in P.minimized_generators():
        if g.is_point():
            coefficients = [int(v) for v in g.coefficients()] + [0, 0]
            divisor = int(g.divisor())
            out.append((coefficients[0] / divisor, coefficients[1] / divisor))
    return out


def _polygon(vertices):
    cx = sum(v[0] for v in vertices) / len(vertices)
    cy = sum(v[1] for v in vertices) / len(vertices)
    return sorted(vertices, key=lambda v: math.atan2(v[1] - cy, v[0] - cx)), (cx, cy)


def _sign_text(signs) -> str:
    return "".join("+" if s > 0 else "-" if s < 0 else "0" for s in signs)


def arrangement(A, ax=None, labels: bool = False, bbox=None):
    """Draw a line arrangement in Q^2: lines, shaded regions, bounded regions marked.

    Parameters
    ----------
    A : Arrangement
        Of dimension 2.
    ax : matplotlib Axes, optional
        Where to draw; a new figure (Agg canvas) when omitted.
    labels : bool, optional
        Write each region's sign vector (``+``/``-`` per line) inside it.
    bbox : (xmin, xmax, ymin, ymax) of exact scalars, optional
        The window; by default a box around all vertices with a margin.

    Returns
    -------
    matplotlib Axes
        Bounded regions are filled in a stronger colour with a hatch and
        marked by a star; the title gives the numbers of regions and of bounded regions,
        the axis labels the coordinate names (``A.variables``, else ``x1``, ``x2``).

    Raises
    ------
    ValueError
        If ``A`` is not 2-dimensional or ``bbox`` is empty.
    exactgeom.errors.MissingOptional
        (an ``ImportError``) If matplotlib is not installed (with the pip command).

    Examples
    --------
    >>> from exactgeom.library import generic
    >>> ax = arrangement(generic(4, 2, seed=1), labels=True)
    >>> ax.get_title()
    '11 regions, 3 bounded'
    >>> ax.get_xlabel(), ax.get_ylabel()
    ('x1', 'x2')
    """
    if A.dimension != 2:
        raise ValueError(f"plot.arrangement draws arrangements in Q^2; this one lives in Q^{A.dimension} "
                         "(try A.essentialization() or a restriction)")
    if bbox is None:
        box = _default_box(A)
    else:
        box = exact_box(bbox)
    ax = new_axes(ax, (6, 6))
    from matplotlib.patches import Polygon

    from ..arrangements.export import coordinate_names

    names = coordinate_names(A)

    window = _box_constraints(box)
    colours = [f"C{i}" for i in range(10)]
    count = bounded = 0
    for index, region in enumerate(A.regions()):
        count += 1
        bounded += region.is_bounded()
        P = region.closure()
        for constraint in window:
            P.add_constraint(constraint)
        if P.affine_dimension() < 2:
            continue
        polygon, (cx, cy) = _polygon(_vertices(P))
        if region.is_bounded():
            patch = Polygon(polygon, closed=True, facecolor=colours[index % 10], alpha=0.55, hatch="//",
                            edgecolor="none")
        else:
            patch = Polygon(polygon, closed=True, facecolor=colours[index % 10], alpha=0.2, edgecolor="none")
        ax.add_patch(patch)
        if region.is_bounded():
            ax.plot([cx], [cy], marker="*", color="black", markersize=7)
        if labels:
            ax.text(cx, cy, _sign_text(region.sign_vector), ha="center", va="center", fontsize=8)
    for i, (a, c) in enumerate(zip(A.normals, A.offsets)):
        P = ppl.C_Polyhedron(2, "universe")
        for constraint in window:
            P.add_constraint(constraint)
        scale = math.lcm(a[0].denominator, a[1].denominator, c.denominator)
        P.add_constraint(ppl.Linear_Expression([int(a[0] * scale), int(a[1] * scale)], -int(c * scale)) == 0)
        ends = _vertices(P) if not P.is_empty() else []
        if len(ends) == 2:
            ax.plot([ends[0][0], ends[1][0]], [ends[0][1], ends[1][1]], color="black", linewidth=1.2)
            if labels:
                ax.annotate(f"H{i}", ends[1], fontsize=8, color="black")
    ax.set_xlabel(names[0])
    ax.set_ylabel(names[1])
    return finish(ax, box, f"{count} regions, {bounded} bounded")


def _node_text(node) -> str:
    if isinstance(node, (frozenset, set)):
        return "{" + ",".join(str(i) for i in sorted(node)) + "}"
    if isinstance(node, tuple) and all(v in (-1, 0, 1) for v in node):
        return _sign_text(node)
    return str(node)


def _bitset_text(flat: int) -> str:
    return "{" + ",".join(str(i) for i in range(flat.bit_length()) if flat >> i & 1) + "}"


def _ranks(G: nx.DiGraph) -> dict:
    for key in ("rank", "dimension"):
        values = nx.get_node_attributes(G, key)
        if len(values) == G.number_of_nodes():
            return values
    rank = {}
    for node in nx.topological_sort(G):
        rank[node] = max((rank[p] + 1 for p in G.predecessors(node)), default=0)
    return rank


def hasse(poset, ax=None, labels: bool = True, max_nodes: int = 300):
    """Draw the Hasse diagram of a small poset, bottom to top.

    Parameters
    ----------
    poset : networkx.DiGraph or an object with ``hasse_diagram()``
        Edges go from an element to the elements covering it, e.g.
        ``A.face_poset()`` or ``A.intersection_lattice()``.  Levels are the node
        attribute ``rank`` or ``dimension`` when present, else the length of
        the longest chain from a minimal element.
    ax : matplotlib Axes, optional
    labels : bool, optional
        Label nodes (flats as sets of hyperplane indices, covectors as ``+0-`` strings).
    max_nodes : int, optional
        Larger posets are refused: the picture would be unreadable.

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> from exactgeom.library import braid
    >>> ax = hasse(braid(3).face_poset())
    >>> len(ax.texts)
    13
    """
    G = poset.hasse_diagram() if hasattr(poset, "hasse_diagram") else poset
    if not isinstance(G, nx.DiGraph):
        raise TypeError(f"hasse needs a networkx DiGraph or an object with hasse_diagram(), "
                        f"not {type(poset).__name__}")
    if G.number_of_nodes() > max_nodes:
        raise ValueError(f"the poset has {G.number_of_nodes()} elements, more than max_nodes={max_nodes}; "
                         "a Hasse diagram that large is unreadable (raise max_nodes to draw it anyway)")
    ax = new_axes(ax, (8, 6))
    # an intersection lattice stores flats as bitsets over hyperplane indices
    bitsets = G is not poset and all(isinstance(v, int) for v in G.nodes)
    text = _bitset_text if bitsets else _node_text
    rank = _ranks(G)
    levels: dict = {}
    for node in sorted(G.nodes, key=text):
        levels.setdefault(rank[node], []).append(node)
    position = {}
    for r, nodes in levels.items():
        for j, node in enumerate(nodes):
            position[node] = ((j + 1) / (len(nodes) + 1), float(r))
    for u, v in G.edges:
        (x0, y0), (x1, y1) = position[u], position[v]
        ax.plot([x0, x1], [y0, y1], color="grey", linewidth=0.6, zorder=1)
    xs = [position[node][0] for node in G.nodes]
    ys = [position[node][1] for node in G.nodes]
    ax.scatter(xs, ys, s=30, color="C0", zorder=2)
    if labels:
        for node in G.nodes:
            x, y = position[node]
            ax.text(x, y, " " + text(node), fontsize=7, va="bottom", ha="left")
    ax.set_xlim(0, 1)
    if levels:
        ax.set_ylim(min(levels) - 0.5, max(levels) + 0.5)
        ax.set_yticks(sorted(levels))
    ax.set_xticks([])
    ax.set_ylabel("rank")
    return ax
