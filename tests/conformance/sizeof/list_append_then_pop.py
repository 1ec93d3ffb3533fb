import sys
l = []
for i in range(20):
    l.append(i)
print(len(l), sys.getsizeof(l))
for i in range(18):
    l.pop()
    print(len(l), sys.getsizeof(l))
l.append(1)
print(len(l), sys.getsizeof(l))
