"""Charts of the QPV indicators (pyqtgraph)."""
from .charts import ChartsPanel, EvolutionChart, GapDynamicsChart, QpvComparisonChart

__all__ = ["ChartsPanel", "EvolutionChart", "GapDynamicsChart", "QpvComparisonChart"]
