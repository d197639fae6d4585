"""UI: charts."""
