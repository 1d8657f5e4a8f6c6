"""Pictures of networks: loss landscapes, tropical decision boundaries, linear regions of ReLU networks.

Regions and boundary pieces are computed exactly (clipped to the window as
pplpy polyhedra); coordinates become floats only when handed to matplotlib.
"""

from __future__ import annotations

from ..polyhedra.hull import polygon_vertices
from ._canvas import exact_box, finish, new_axes

__all__ = ["loss_landscape", "tropical_boundary", "linear_regions"]


def loss_landscape(G, ax=None, *, seed: int = 0, labels: bool = False, cmap: str = "viridis"):
    """Draw a loss-landscape graph: one node per cone/chamber, coloured by its node attribute ``mistakes``.

    Parameters
    ----------
    G : networkx.Graph
        Nodes carry an int attribute ``mistakes``; edges join cells sharing a facet
        (as made by ``TropicalClassifier.loss_landscape`` or
        ``LinearClassifier.loss_landscape``).
    ax : matplotlib Axes, optional
    seed : int
        Seed of the spring layout (reported in the title).
    labels : bool
        Write each node's number of mistakes on it.
    cmap : str
        Matplotlib colour map.

    Returns
    -------
    matplotlib Axes; the title gives the number of nodes, the minimum number of
    mistakes and the number of local minima (nodes with no neighbour of smaller loss).

    Raises
    ------
    ValueError
        A node without a ``mistakes`` attribute.

    Examples
    --------
    >>> from exactgeom.networks import TropicalClassifier
    >>> G = TropicalClassifier([(0,), (1,), (2,)], (1, 1)).loss_landscape([1, -1, 1])
    >>> loss_landscape(G).get_title()
    '6 cells, minimum 1 mistakes, 3 local minima (layout seed 0)'
    """
    import networkx as nx

    ax = new_axes(ax, (6, 5))
    missing = [v for v, data in G.nodes(data=True) if "mistakes" not in data]
    if missing:
        raise ValueError(
            f"node {missing[0]!r} has no 'mistakes' attribute; build G with loss_landscape(labels)"
        )
    mistakes = {v: G.nodes[v]["mistakes"] for v in G}
    local_minima = sum(1 for v in G if all(mistakes[u] >= mistakes[v] for u in G[v]))
    position = nx.spring_layout(G, seed=seed) if len(G) else {}
    values = [mistakes[v] for v in G]
    drawn = nx.draw_networkx_nodes(G, position, ax=ax, node_color=values, cmap=cmap, node_size=60)
    nx.draw_networkx_edges(G, position, ax=ax, alpha=0.4)
    if labels:
        nx.draw_networkx_labels(G, position, labels=mistakes, ax=ax, font_size=7)
    if len(G):
        ax.figure.colorbar(drawn, ax=ax, label="mistakes")
    ax.set_axis_off()
    low = min(values) if values else 0
    ax.set_title(f"{len(G)} cells, minimum {low} mistakes, {local_minima} local minima (layout seed {seed})")
    return ax


def _draw_piece(ax, constraints, box, **style):
    vertices = polygon_vertices(constraints, box)
    if not vertices:
        return False
    xs = [float(v[0]) for v in vertices]
    ys = [float(v[1]) for v in vertices]
    if len(vertices) == 1:
        ax.plot(xs, ys, marker="o", linestyle="none", color=style.get("color", "black"))
    elif len(vertices) == 2:
        ax.plot(xs, ys, color=style.get("color", "black"), linewidth=style.get("linewidth", 2))
    else:
        from matplotlib.patches import Polygon

        ax.add_patch(
            Polygon(
                list(zip(xs, ys)),
                closed=True,
                facecolor=style.get("facecolor", "C0"),
                alpha=style.get("alpha", 0.3),
                edgecolor=style.get("edgecolor", "none"),
                linewidth=0.6,
            )
        )
    return True


def tropical_boundary(f, bbox=(-5, 5, -5, 5), ax=None, *, show_cells: bool = True):
    """Draw the decision boundary ``{f = 0}`` of a tropical rational function (or ReLU network) on Q^2.

    Parameters
    ----------
    f : TropicalRational in 2 variables, or a ReLUNetwork with 2 inputs and 1 output
    bbox : (xmin, xmax, ymin, ymax) of exact scalars
    ax : matplotlib Axes, optional
    show_cells : bool
        Shade the cells where ``f`` is affine (blue where ``f > 0`` at the cell's
        centre, red otherwise).

    Returns
    -------
    matplotlib Axes; the title gives the number of boundary pieces drawn.

    Examples
    --------
    >>> from exactgeom.tropical import TropicalPolynomial
    >>> x = TropicalPolynomial.monomial(0, (1, 0))
    >>> y = TropicalPolynomial.monomial(0, (0, 1))
    >>> tropical_boundary((x + y + 1) / (x * y + 0)).get_title()
    'decision boundary: 3 pieces'
    """
    from ..networks.relu import ReLUNetwork

    box = exact_box(bbox)
    ax = new_axes(ax, (6, 6))
    if isinstance(f, ReLUNetwork):
        if f.n_inputs != 2 or f.n_outputs != 1:
            raise ValueError(
                f"tropical_boundary draws functions Q^2 -> Q; this network has widths {f.widths}"
            )
        f = f.tropical()
    if getattr(f, "nvars", None) != 2:
        raise ValueError(
            "tropical_boundary needs a TropicalRational in 2 variables (or a 2-input ReLU network)"
        )
    if show_cells:
        for P, slope, constant in f.linear_regions():
            vertices = polygon_vertices(P.constraints, box)
            if len(vertices) < 3:
                continue
            cx = sum(v[0] for v in vertices) / len(vertices)
            cy = sum(v[1] for v in vertices) / len(vertices)
            positive = slope[0] * cx + slope[1] * cy + constant > 0
            _draw_piece(
                ax, P.constraints, box, facecolor="C0" if positive else "C3", alpha=0.18, edgecolor="grey"
            )
    drawn = 0
    for constraints in f.decision_boundary_constraints():
        drawn += _draw_piece(ax, constraints, box, color="black", linewidth=2.2, facecolor="black", alpha=0.5)
    return finish(ax, box, f"decision boundary: {drawn} pieces")


def linear_regions(
    relu_net, bbox=(-5, 5, -5, 5), ax=None, *, kind: str = "activation", witnesses: bool = False
):
    """Draw the linear regions of a ReLU network with 2 inputs inside a box.

    Parameters
    ----------
    relu_net : ReLUNetwork with ``n_inputs == 2``
    bbox : (xmin, xmax, ymin, ymax) of exact scalars
        Regions are enumerated inside this box (exactly), then drawn.
    ax : matplotlib Axes, optional
    kind : {"activation", "affine"}
        See :meth:`ReLUNetwork.linear_regions`; merged pieces share a colour.
    witnesses : bool
        Mark each region's witness point.

    Returns
    -------
    matplotlib Axes; the title gives the number of regions in the box.

    Examples
    --------
    >>> from exactgeom.networks import ReLUNetwork
    >>> net = ReLUNetwork([[[1, 0], [0, 1], [1, 1]], [[1, -1, 1]]], [[0, 0, -1], [0]])
    >>> linear_regions(net, (-3, 3, -3, 3)).get_title()
    '7 activation regions in the box'
    """
    from ..polyhedra import Polyhedron

    if relu_net.n_inputs != 2:
        raise ValueError(f"linear_regions draws networks with 2 inputs; this one has {relu_net.n_inputs}")
    box = exact_box(bbox)
    ax = new_axes(ax, (6, 6))
    window = Polyhedron([[1, 0], [-1, 0], [0, 1], [0, -1]], [box[1], -box[0], box[3], -box[2]], ["<="] * 4)
    count = 0
    for index, region in enumerate(relu_net.linear_regions(window, kind=kind)):
        count += 1
        for P in region.polyhedra:
            _draw_piece(ax, P.constraints, box, facecolor=f"C{index % 10}", alpha=0.45, edgecolor="black")
        if witnesses:
            ax.plot([float(region.witness[0])], [float(region.witness[1])], marker=".", color="black")
    return finish(ax, box, f"{count} {kind} regions in the box")
