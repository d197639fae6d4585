"""PDF documents drawn with reportlab: domain values in, PDF out; never a query."""
