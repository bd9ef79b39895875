"""initviz: see what weight initialization does to every layer of a neural network."""
__version__ = "0.1.0"
