"""cloudsuppress: the domain core. Plain Python, SQLAlchemy and reportlab; never Qt."""

__version__ = "0.1.0"
