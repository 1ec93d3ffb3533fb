# Recursive fib(25) plus many small function and method calls.
# Exercises: frame push/pop, argument passing (3.11 moves the caller's reference into the
# callee's frame), recursion depth, bound-method-free LOAD_METHOD calls.


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def add(a, b):
    return a + b


def square(x):
    return x * x


class Counter:
    def __init__(self):
        self.value = 0

    def bump(self, by):
        self.value = add(self.value, by)
        return self.value


print("fib(25) =", fib(25))

acc = 0
for i in range(100000):
    acc = add(acc, square(i % 100))
print("acc =", acc)

c = Counter()
for i in range(100000):
    c.bump(i % 7)
print("counter =", c.value)
