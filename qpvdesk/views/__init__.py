"""Qt views: what the user sees and touches."""
