"""The one version number: of the library and of the data package it ships (they move together)."""

__version__ = "0.2.0"
