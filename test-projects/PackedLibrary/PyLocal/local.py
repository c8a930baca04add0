def local_hello(name: str) -> str:
    return f"hello {name} from the project reference"
