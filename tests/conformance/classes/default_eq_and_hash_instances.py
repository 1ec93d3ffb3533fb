class Plain:
    pass
a = Plain()
b = Plain()
print(a == a, a == b, a != b)
d = {a: "a", b: "b"}
print(d[a], d[b], len(d))
s = set()
s.add(a); s.add(a); s.add(b)
print(len(s))
class Key:
    def __init__(self, k):
        self.k = k
    def __eq__(self, other):
        return self.k == other.k
try:
    {Key(1): 1}
except TypeError as e:
    print("TypeError:", e)
