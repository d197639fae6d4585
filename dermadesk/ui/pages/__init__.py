"""UI: pages."""
