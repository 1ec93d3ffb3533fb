x = 10
def f():
    try:
        print(x)
    except UnboundLocalError as e:
        print(type(e).__name__, e)
    x = 5
    return x
print(f())
def g():
    def h():
        return y
    try:
        return h()
    except NameError as e:
        return str(e)
    y = 1
print(g())
