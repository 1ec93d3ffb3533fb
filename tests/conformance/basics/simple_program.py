total = 0
count = 0
values = [3, 1, 4, 1, 5, 9, 2, 6]
for v in values:
    if v % 2:
        total += v
        count += 1
print("odd total", total, "count", count)
avg = total / count
print("avg", avg)
print("max", max(values), "min", min(values))
print("sorted", sorted(values))
print("reversed", values[::-1])
