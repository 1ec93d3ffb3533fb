class Vec:
    def __init__(self, *items):
        self.items = list(items)
    def __len__(self):
        return len(self.items)
    def __eq__(self, other):
        return isinstance(other, Vec) and self.items == other.items
    def __repr__(self):
        return "Vec" + repr(tuple(self.items))
a = Vec(1, 2)
b = Vec(1, 2)
c = Vec()
print(len(a), len(c))
print(a == b, a != b, a == c, a is b, a == [1, 2])
print(bool(a), bool(c))
if not c:
    print("c is empty")
print([a, c].index(Vec()), a in [c, b])
print(Vec(3, 4))
