try:
    raise ValueError
except ValueError as e:
    print(repr(e), str(e) == "", e.args)
try:
    raise ValueError("with message")
except ValueError as e:
    print(repr(e))
try:
    raise KeyError("key")
except KeyError as e:
    print(str(e), repr(e))
try:
    raise KeyError("a", "b")
except KeyError as e:
    print(str(e))
try:
    raise Exception("x", 1, None)
except Exception as e:
    print(str(e), repr(e))
try:
    raise StopIteration
except StopIteration as e:
    print("StopIteration", repr(e))
try:
    try:
        raise 5
    except TypeError as e:
        print("TypeError:", e)
except Exception:
    print("not reached")
