def find(items, target):
    for it in items:
        if it == target:
            return it
result = find([1, 2], 3)
print(result)
result.upper()
