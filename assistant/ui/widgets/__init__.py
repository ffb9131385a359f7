"""Reusable widgets of the conversation app."""
