x = "global"
def outer():
    x = "outer"
    def middle():
        def inner():
            return x
        return inner()
    return middle()
print(outer())
def a():
    v = 1
    def b():
        nonlocal v
        v += 1
        def c():
            nonlocal v
            v *= 10
        c()
        return v
    r = b()
    return r, v
print(a())
def shared():
    state = {"n": 0}
    def inc():
        state["n"] += 1
    def get():
        return state["n"]
    return inc, get
inc, get = shared()
inc(); inc(); inc()
print(get())
