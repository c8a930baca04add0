def describe(depth: int) -> str:
    """Says how many C# layers the call came through."""
    return f"python reached through {depth} class libraries"
