print("start")
def f(a, b):
    return a % b
print(f(7, 3))
print(f(7, 0))
