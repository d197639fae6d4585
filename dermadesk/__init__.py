"""DermaDesk: an offline relationship manager for dermatology and aesthetic clinics."""

__version__ = "0.1.0"
