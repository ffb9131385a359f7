"""One screen per step of the flow."""
