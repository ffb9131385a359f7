"""End-to-end tests: the real `haave` command, under tmux or as a subprocess (issue 8)."""
