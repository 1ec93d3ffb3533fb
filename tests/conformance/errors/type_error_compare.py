values = [3, "two", 1]
print(len(values))
print(sorted(values))
