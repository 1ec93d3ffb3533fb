import sys
l = list(range(100))
print(len(l), sys.getsizeof(l))
prev = sys.getsizeof(l)
while l:
    l.pop()
    s = sys.getsizeof(l)
    if s != prev:
        print(len(l), s, (s - 56) // 8)
        prev = s
