"""A stacked bar chart of labour and non-labour money by year, for notebooks."""

from __future__ import annotations

from typing import Any

from svduty._checked import checked
from svduty.funding._model import FundingModel
from svduty.funding._money import Money
from svduty.funding._records import CostCategory

__all__ = ["plot_allocations"]


@checked
def plot_allocations(model: FundingModel, ax: Any = None) -> Any:
    """Draw labour and non-labour money stacked by financial year; return the axes.

    matplotlib is imported only when this is called (install the ``plot`` extra). Bars are
    drawn in whole pence and the axis is labelled in pounds, so no amount is rounded.

    Args:
        model: The funding model.
        ax: A matplotlib axes to draw on (default: a new figure's).

    Raises:
        ImportError: if matplotlib is not installed, saying how to install it.

    Example:
        >>> import matplotlib
        >>> matplotlib.use("Agg")
        >>> import svduty
        >>> ax = plot_allocations(svduty.warwickshire().funding)
        >>> [t.get_text() for t in ax.get_xticklabels()]
        ['2022/23', '2023/24', '2024/25']
        >>> import matplotlib.pyplot as plt; plt.close("all")
    """
    try:
        import matplotlib.pyplot as plt
        from matplotlib.ticker import FuncFormatter
    except ImportError as exc:
        raise ImportError("plot_allocations() needs matplotlib: pip install matplotlib") from exc

    if ax is None:
        _, ax = plt.subplots()
    allocs = sorted(model.allocations, key=lambda a: a.year)
    labels = [a.year.label for a in allocs]
    labour = [a.amount(CostCategory.LABOUR).pence for a in allocs]
    non_labour = [a.amount(CostCategory.NON_LABOUR).pence for a in allocs]
    ax.bar(labels, labour, label="labour")
    ax.bar(labels, non_labour, bottom=labour, label="non-labour")
    ax.yaxis.set_major_formatter(
        FuncFormatter(lambda value, _pos: Money.from_pence(round(value)).format())
    )
    ax.set_ylabel("Home Office grant")
    ax.set_title(model.name)
    ax.legend()
    return ax
