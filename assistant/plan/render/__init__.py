"""Renderers: each lays out a `DraftPlan` in one format and returns bytes or text."""
