x = 5
print(1 < x < 10)
print(1 < x > 10)
print(1 < 2 < 3 < 4 < 5)
print(1 < 2 > 1 < 3)
print(x == 5 == 5.0)
print(3 > 2 == 2)
print(1 <= 1 < 2 != 3)
def f(v):
    print("eval", v)
    return v
print(f(1) < f(2) < f(3))
print(f(3) < f(2) < f(1))
print("a" < "b" < "c", "abc" < "abd", "Z" < "a")
print([1, 2] < [1, 3], (1, 2) < (1, 2, 0), [] < [0])
print(1 == 1.0, 2 != 2.0, 0.1 + 0.2 == 0.3)
print(None == None, None == 0, [] == [], [] is [])
