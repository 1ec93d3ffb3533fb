import sys
g = sys.getsizeof
print(f"{'n':>3} {'list':>6} {'tuple':>6} {'dict':>6} {'set':>6} {'str':>6}")
for n in [0, 1, 2, 4, 5, 8, 16, 32]:
    print(f"{n:>3} {g(list(range(n))):>6} {g(tuple(range(n))):>6} {g(dict.fromkeys(range(n))):>6} {g(set(range(n))):>6} {g('a' * n):>6}")
