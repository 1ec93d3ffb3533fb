import sys
g = sys.getsizeof
big = 2 ** 100
print(g(big), g(big + 1), g(big - big), g(big // big), g(big * big), g(big >> 90))
for i in range(3):
    print(g(2 ** 40 + i), g(int(str(2 ** 40 + i))))
print(g(10 ** 20 // 10 ** 10), g(-(10 ** 20)), g(True + 0), g(7 * 7))
n = 1
for i in range(8):
    n *= 1000000
    print(len(str(n)), g(n))
