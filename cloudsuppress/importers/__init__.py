"""Spreadsheet and CSV readers: rows in, validated records or located errors out."""
