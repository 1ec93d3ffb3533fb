def f(kind):
    if kind == "v":
        raise ValueError("v!")
    if kind == "t":
        raise TypeError("t!")
    if kind == "k":
        raise KeyError("k!")
    return "ok"
for kind in ["v", "t", "k", "x"]:
    try:
        r = f(kind)
    except (ValueError, TypeError) as e:
        print("tuple handler:", type(e).__name__, e)
    except Exception as e:
        print("generic handler:", repr(e))
    else:
        print("no exception:", r)
try:
    f("k")
except Exception:
    print("first matching clause wins")
except KeyError:
    print("never")
