for i in range(0, 130, 13):
    print(i, 2 ** i, -(3 ** i) // 7)
p = 5 ** 50
print(p, p % 10 ** 9)
print((10 ** 50 + 1) * (10 ** 50 - 1))
print(99 ** 9 % 1000)
