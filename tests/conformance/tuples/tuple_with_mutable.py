t = ([1], {"a": 1})
t[0].append(2)
t[1]["b"] = 2
print(t)
try:
    t[0] = [9]
except TypeError as e:
    print("TypeError:", e)
print(t)
try:
    t[0] += [3]
except TypeError as e:
    print("TypeError:", e)
print(t)
try:
    {t: 1}
except TypeError as e:
    print("TypeError:", e)
