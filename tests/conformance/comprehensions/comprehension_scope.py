n = 10
print([n * i for i in range(3)])
def f():
    k = 5
    return [k + i for i in range(3)]
print(f())
i = "unchanged"
squares = [i * i for i in range(4)]
print(i, squares)
funcs = [lambda: i for i in range(3)]
print([fn() for fn in funcs])
class C:
    base = 100
    vals = [1, 2]
    doubled = [v * 2 for v in vals]
print(C.doubled)
