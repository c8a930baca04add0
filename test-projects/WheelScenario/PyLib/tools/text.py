def shout(text: str, times: int = 1) -> str:
    return " ".join([text.upper()] * times)
