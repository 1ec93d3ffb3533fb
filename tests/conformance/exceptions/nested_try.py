def level(n):
    try:
        try:
            if n == 1:
                raise ValueError("v")
            if n == 2:
                raise KeyError("k")
            if n == 3:
                raise TypeError("t")
            print("inner ok")
        except ValueError as e:
            print("inner caught", repr(e))
        finally:
            print("inner finally")
        print("between")
    except KeyError as e:
        print("outer caught", repr(e))
    finally:
        print("outer finally")
for n in range(3):
    level(n)
try:
    level(3)
except TypeError as e:
    print("top caught", e)
