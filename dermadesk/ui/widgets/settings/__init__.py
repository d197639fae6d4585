"""The Settings page's sections, one module each: editors of plain values, with no service inside."""
