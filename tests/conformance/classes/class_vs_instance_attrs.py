class Counter:
    count = 0
    shared = []
    def __init__(self):
        Counter.count += 1
        self.own = []
a = Counter()
b = Counter()
print(Counter.count, a.count, b.count)
a.count = 99
print(Counter.count, a.count, b.count)
del a.count
print(a.count)
a.shared.append("from a")
print(b.shared, Counter.shared)
a.own.append(1)
print(a.own, b.own)
Counter.new_attr = "added later"
print(a.new_attr)
print(hasattr(a, "own"), hasattr(Counter, "own"))
