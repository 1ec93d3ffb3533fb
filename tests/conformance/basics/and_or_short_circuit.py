print(1 and 2)
print(0 and 2)
print(1 or 2)
print(0 or 2)
print("" or "default")
print([] or {} or 0)
print(None and 1)
print(3 and [] and 5)
print(not 1, not 0, not [], not [0])
def f(name, value):
    print("called", name)
    return value
r = f("a", 0) and f("b", 1)
print(r)
r = f("a", 1) or f("b", 2)
print(r)
r = f("a", 0) or f("b", 0) or f("c", "x")
print(r)
r = f("a", 1) and f("b", 2) and f("c", 3)
print(r)
x = None
name = x or "anonymous"
print(name)
print(1 and 2 or 3, 0 and 2 or 3, 1 or 2 and 3)
