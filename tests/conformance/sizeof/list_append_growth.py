import sys
l = []
prev = sys.getsizeof(l)
print(0, prev)
for i in range(1, 80):
    l.append(i)
    s = sys.getsizeof(l)
    if s != prev:
        print(len(l), s, (s - 56) // 8)
        prev = s
