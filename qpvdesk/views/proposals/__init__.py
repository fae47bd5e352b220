"""The widgets of the proposals: the form a finished shape opens, the list of every proposal
and the undo history. None of them writes to the store: they emit what the user asked for and
the caller makes it one undo step."""
from .history_panel import HistoryPanel
from .proposal_list import ProposalListPanel

__all__ = ["HistoryPanel", "ProposalForm", "ProposalListPanel"]


def __getattr__(name: str):
    """The form's module loads when a form first opens, not before the first map."""
    if name == "ProposalForm":
        from .proposal_form import ProposalForm

        return ProposalForm
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
