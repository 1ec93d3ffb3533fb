a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b), a.intersection(b), a.difference(b), a.symmetric_difference(b))
print(a.union([7, 8], (9,)))
print({1, 2}.issubset(a), {1, 9}.issubset(a), a.issubset(a))
print({1, 2} <= a, {1, 2} < a, a < a, a >= {1})
print(a, b)
c = a.copy()
c |= {100}
c &= {1, 100}
print(c, a)
c -= {1}
print(c)
c ^= {100, 200}
print(c)
