import sys
g = sys.getsizeof
print([g(set(range(n))) for n in range(0, 25)])
s = set(range(20))
print(g(s))
for i in range(20):
    s.discard(i)
print(len(s), g(s))
s.clear()
print(g(s))
print(g({x for x in range(5)}), g({1, 2, 3, 4, 5}), g(set([1, 1, 1, 1, 1])))
a = set(range(5))
print(g(a | {100}), g(a & {1}), g(a - a))
