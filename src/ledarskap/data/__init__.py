"""Data files shipped with ledarskap, read with importlib.resources on first use."""
