"""The inputs: the preset strip, the settings form, the per-run settings dialog."""
