"""Haave: an accessible, easy-read assistant for preparing a support plan."""

__version__ = "0.1.0"
