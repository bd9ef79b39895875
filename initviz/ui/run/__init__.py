"""Running: the controller (GUI thread), the engine worker (its QThread), run histories."""
