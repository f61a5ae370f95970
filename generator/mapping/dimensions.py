"""The outlook's dimensions, tagged the way TDnet earnings summaries tag forecasts.

A forecast is on the ``ForecastMember`` of the result/forecast axis; a range's
ends add ``LowerMember`` / ``UpperMember`` of the range axis, so a context
reads ``..._ForecastMember_UpperMember``.  Both axes go in the segment (as
EDGAR requires); results take the axes' defaults and carry no dimension.
"""

from __future__ import annotations

Members = tuple[tuple[str, str], ...]

RESULT_FORECAST_AXIS = "ResultForecastAxis"
RANGE_AXIS = "ForecastRangeAxis"

FORECAST: Members = ((RESULT_FORECAST_AXIS, "ForecastMember"),)
LOWER: Members = (*FORECAST, (RANGE_AXIS, "LowerMember"))
UPPER: Members = (*FORECAST, (RANGE_AXIS, "UpperMember"))
