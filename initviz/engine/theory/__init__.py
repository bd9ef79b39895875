"""Theory of deep signal propagation at initialization: mean field (``meanfield``), the
finite-width band around it (``finite_width``) and the input-output Jacobian's spectrum
(``jacobian``). NumPy only."""
