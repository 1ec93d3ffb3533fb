d = {}
key = [1, 2]
print("inserting")
d[key] = "value"
