nums = [1, 2, 2, 3, 3, 3, 4, 4, 4, 4]
uniq = set(nums)
print(uniq, len(uniq))
squares = {n * n for n in nums}
print(squares)
evens = {n for n in range(20) if n % 2 == 0}
print(evens)
order = []
seen = set()
for n in [4, 1, 4, 2, 1, 3]:
    if n not in seen:
        seen.add(n)
        order.append(n)
print(order)
print({True, 1, 1.0}, {0, False})
