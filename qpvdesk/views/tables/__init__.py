"""Tables of the 22 QPV: the indicator table and its exports."""
from .indicator_table_view import IndicatorTableView

__all__ = ["IndicatorTableView"]
