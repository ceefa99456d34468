"""The web page's routes, one module per group of pages."""
