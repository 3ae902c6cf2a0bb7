"""Tests of the press-release extractor."""
