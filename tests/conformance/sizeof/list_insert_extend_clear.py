import sys
g = sys.getsizeof
l = []
for i in range(10):
    l.insert(0, i)
    print(len(l), g(l))
l.clear()
print("clear", g(l))
m = list(range(10))
del m[:]
print("del [:]", g(m))
m = list(range(10))
m[2:8] = []
print("slice del", len(m), g(m))
m *= 5
print("*= 5", len(m), g(m))
m += [1]
print("+= [1]", len(m), g(m))
m.remove(1)
print("remove", len(m), g(m))
