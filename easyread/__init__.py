"""Easy-read toolkit: checker, glossary and language analysis. Never imports `assistant`."""
