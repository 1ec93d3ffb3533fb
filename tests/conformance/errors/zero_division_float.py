total = 0.0
for v in [1.5, 2.5]:
    total += v
print(total)
print(total / (total - 4.0))
