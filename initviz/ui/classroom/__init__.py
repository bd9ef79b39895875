"""Teaching: the explanation beside the plots, presentation mode, keys and the lesson."""
