"""研读 Reader: an offline reader for annotated study of Chinese articles."""

__version__ = "0.1.0"
