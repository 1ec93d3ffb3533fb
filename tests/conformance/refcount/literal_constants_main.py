import sys
x = 300
print("global x = 300:", sys.getrefcount(x))
y = x
print("after y = x:", sys.getrefcount(x))
s = "zq_unique_literal_y"
print("unique str literal:", sys.getrefcount(s))
f = 2.75
print("float literal:", sys.getrefcount(f))
def local_const():
    v = 4567
    return sys.getrefcount(v)
print("local v = 4567:", local_const())
