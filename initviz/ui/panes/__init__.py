"""The panes: one tab each, listed in ``registry.PANES``; ``pane.Pane`` is their base."""
