"""Small statistics helpers, in pure Python."""
