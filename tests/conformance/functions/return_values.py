def nothing():
    return
def implicit():
    x = 1
def early(n):
    if n > 0:
        return "positive"
    print("not positive")
    return "other"
def multi():
    return 1, 2, 3
print(nothing(), implicit())
print(early(1))
print(early(-1))
print(multi())
def loop_return(items):
    for i, v in enumerate(items):
        if v == "x":
            return i
    return -1
print(loop_return(["a", "x", "x"]), loop_return([]))
def returns_func():
    def inner():
        return "inner result"
    return inner
print(returns_func()())
