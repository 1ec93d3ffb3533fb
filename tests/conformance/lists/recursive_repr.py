a = [1]
a.append(a)
print(a)
b = [a, a]
print(b)
d = {"self": None}
d["self"] = d
print(d)
l2 = [[]]
l2[0].append(l2)
print(l2)
a.pop()
print(a, b)
