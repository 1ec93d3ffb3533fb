def risky():
    raise ValueError("original")
def wrapper():
    try:
        risky()
    except ValueError:
        print("logging and re-raising")
        raise
try:
    wrapper()
except ValueError as e:
    print("caught again:", e)
def wrap2():
    try:
        risky()
    except ValueError as e:
        raise RuntimeError("wrapped") from e
try:
    wrap2()
except RuntimeError as e:
    print(repr(e), repr(e.__cause__), e.__suppress_context__)
def wrap3():
    try:
        risky()
    except ValueError:
        raise KeyError("ctx")
try:
    wrap3()
except KeyError as e:
    print(repr(e), repr(e.__context__), e.__cause__)
try:
    raise TypeError("t") from None
except TypeError as e:
    print(e.__cause__, e.__suppress_context__)
