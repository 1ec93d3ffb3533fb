def fact(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r
for n in [0, 1, 5, 20, 21, 25, 30, 50]:
    print(n, fact(n))
f = fact(100)
print(sum(int(c) for c in str(f)))
print(f % 1000000007)
print(f // fact(98))
