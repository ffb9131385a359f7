"""Haave: an accessible, easy-read assistant for preparing a support plan."""

import os

__version__ = "0.1.0"

# Pydantic looks for plugins by scanning every installed package's entry points the first time
# a model is built: 50-70 ms of a fresh `haave export`, for plugins Haave does not use. A
# deployment that wants one sets PYDANTIC_DISABLE_PLUGINS itself (even to an empty value).
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
