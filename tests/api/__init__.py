"""Tests of the HTTP service (hajiz/api)."""
