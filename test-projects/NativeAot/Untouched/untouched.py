"""Registered by services.AddPython() although the app names nothing of this library."""


def ping() -> str:
    return "pong"
