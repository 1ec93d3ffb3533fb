import sys
d = {}
prev = None
for i in range(90):
    s = sys.getsizeof(d)
    if s != prev:
        print(len(d), s)
        prev = s
    d[i] = None
print(len(d), sys.getsizeof(d))
