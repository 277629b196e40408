"""Thin QAbstractTableModel adapters over the plain rows the core returns."""
