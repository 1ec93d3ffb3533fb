def f(a, *, key, flag=False):
    return (a, key, flag)
print(f(1, key=2))
print(f(1, key=2, flag=True))
try:
    f(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    f(1)
except TypeError as e:
    print("TypeError:", e)
def g(*, only):
    return only
print(g(only="x"))
try:
    g()
except TypeError as e:
    print("TypeError:", e)
try:
    g(only=1, other=2)
except TypeError as e:
    print("TypeError:", e)
