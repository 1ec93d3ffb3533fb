import sys
d = {}
prev = None
for i in range(45):
    s = sys.getsizeof(d)
    if s != prev:
        print(len(d), s)
        prev = s
    d["key" + str(i)] = i
print(len(d), sys.getsizeof(d))
