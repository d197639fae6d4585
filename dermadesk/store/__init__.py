"""Persistence: SQLAlchemy over SQLCipher (or PostgreSQL); returns domain values only."""
