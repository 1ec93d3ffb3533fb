def make_multipliers():
    result = []
    for k in range(1, 4):
        def mul(x, k=k):
            return x * k
        result.append(mul)
    return result
print([m(10) for m in make_multipliers()])
def make_adders():
    return [lambda x, n=n: x + n for n in range(3)]
print([f(100) for f in make_adders()])
def memo_fib():
    cache = {}
    def fib(n):
        if n in cache:
            return cache[n]
        r = n if n < 2 else fib(n - 1) + fib(n - 2)
        cache[n] = r
        return r
    return fib, cache
fib, cache = memo_fib()
print(fib(80), len(cache))
