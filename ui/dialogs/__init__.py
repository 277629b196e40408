"""Dialogs: each gathers input and hands the change to the OpRunner."""
