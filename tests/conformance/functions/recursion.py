def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
print([fact(i) for i in range(8)])
print([fib(i) for i in range(15)])
print(fact(40))
def hanoi(n, src, dst, via, moves):
    if n == 0:
        return
    hanoi(n - 1, src, via, dst, moves)
    moves.append((src, dst))
    hanoi(n - 1, via, dst, src, moves)
m = []
hanoi(3, "A", "C", "B", m)
print(len(m), m)
def depth(obj):
    if isinstance(obj, list):
        return 1 + max([depth(x) for x in obj], default=0)
    return 0
print(depth([1, [2, [3, [4]], []]]))
def count_down(n):
    if n == 0:
        print("liftoff")
        return
    print(n)
    count_down(n - 1)
count_down(3)
print(fact(500) % 10 ** 9)
