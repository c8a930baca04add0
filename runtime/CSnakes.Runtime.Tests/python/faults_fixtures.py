"""Python that misbehaves, for the fault tests."""
import sys


def recurse_forever(depth=0):
    return recurse_forever(depth + 1)


def allocate_too_much():
    return bytearray(2 ** 62)


def exit_process(code):
    sys.exit(code)


def raise_keyboard_interrupt():
    raise KeyboardInterrupt("simulated Ctrl-C")


def raise_generator_exit():
    raise GeneratorExit()


def ok():
    return "still alive"


def recursion_limit():
    return sys.getrecursionlimit()


def sigint_handler_is_pythons():
    import signal

    return signal.getsignal(signal.SIGINT) is signal.default_int_handler
