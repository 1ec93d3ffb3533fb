def is_prime(n):
    if n < 2:
        return False
    for d in range(2, int(n ** 0.5) + 1):
        if n % d == 0:
            return False
    return True
print([n for n in range(50) if is_prime(n)])
def describe(x):
    return f"{x}:{'even' if x % 2 == 0 else 'odd'}"
print([describe(x) for x in range(5)])
words = ["Python", "is", "fun", "and", "fast"]
print({w.lower(): i for i, w in enumerate(words)})
print(sorted({len(w) for w in words}))
