import sys
def make():
    return []
def make_pair():
    obj = {}
    return obj, obj
keep = []
def get_keep():
    return keep
print("fresh temporary:", sys.getrefcount(make()))
x = make()
print("bound fresh:", sys.getrefcount(x))
print("returned global, temporary:", sys.getrefcount(get_keep()))
y = get_keep()
print("bound global:", sys.getrefcount(keep))
p = make_pair()
print("object in returned pair:", sys.getrefcount(p[0]))
q, r = make_pair()
print("unpacked pair:", sys.getrefcount(q))
