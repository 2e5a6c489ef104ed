"""The chart of the plan's result page: the running balance of each month against the target
reserve (a horizontal rule). Plain rows in, a Vega-Lite spec out (core.charts draws and caches
it)."""

import altair as alt
from django.utils.translation import gettext as _

from consortium.core.charts import BAR_COLOUR, FONT, WIDTH


def balance_chart(balances: tuple[tuple[str, float], ...], target: float) -> dict:
    """[(month label, balance)] as a line, the target reserve as a dashed red rule."""
    values = [{"label": label, "balance": balance} for label, balance in balances]
    order = [label for label, _balance in balances]
    y_title = _("Solde ($)")
    line = (
        alt.Chart(alt.Data(values=values))
        .mark_line(point=True, color=BAR_COLOUR)
        .encode(
            x=alt.X("label:N", sort=order, title=None, axis=alt.Axis(labelAngle=-45)),
            y=alt.Y("balance:Q", title=y_title, axis=alt.Axis(format="$,.0f", tickCount=5)),
            tooltip=[
                alt.Tooltip("label:N", title=_("Mois")),
                alt.Tooltip("balance:Q", title=_("Solde"), format="$,.0f"),
            ],
        )
    )
    rule = (
        alt.Chart(alt.Data(values=[{"target": target, "name": _("Réserve cible")}]))
        .mark_rule(color="#b3261e", strokeDash=[6, 4])
        .encode(y="target:Q", tooltip=[alt.Tooltip("name:N", title="")])
    )
    chart = (line + rule).properties(
        width=WIDTH, height=220, title=_("Solde à la fin de chaque mois et réserve cible")
    )
    return chart.configure(font=FONT).configure_view(stroke=None).to_dict(validate=False)
