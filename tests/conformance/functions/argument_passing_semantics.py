def mutate(lst):
    lst.append("added")
def rebind(lst):
    lst = ["new"]
    return lst
def incr(n):
    n += 1
    return n
data = [1]
mutate(data)
print(data)
r = rebind(data)
print(data, r)
x = 5
print(incr(x), x)
def extend_tuple(t):
    t += (9,)
    return t
tt = (1,)
print(extend_tuple(tt), tt)
def add_key(d, k):
    d[k] = True
conf = {}
add_key(conf, "debug")
print(conf)
