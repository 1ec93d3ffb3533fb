for n in [-2, 0, 3]:
    s = "neg" if n < 0 else "zero" if n == 0 else "pos"
    print(n, s)
x = 10
print("big" if x > 5 else "small")
y = [] if x else [1]
print(y)
def f(msg, v):
    print("eval", msg)
    return v
r = f("a", 1) if f("cond", False) else f("b", 2)
print(r)
print([("even" if i % 2 == 0 else "odd") for i in range(4)])
print((lambda v: "T" if v else "F")(0))
