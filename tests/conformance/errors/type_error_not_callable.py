data = [1, 2, 3]
total = sum(data)
print(total)
print(total())
