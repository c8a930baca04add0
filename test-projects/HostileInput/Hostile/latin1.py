# -*- coding: latin-1 -*-
"""A legal non-UTF-8 module: the coding line says Latin-1."""


def cafe() -> str:
    return "café"
