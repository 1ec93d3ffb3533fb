class N:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("free", self.name)
t = (N("t0"), N("t1"), N("t2"))
print("del tuple")
del t
nested = [N("outer0"), [N("inner0"), N("inner1")], N("outer2")]
print("del nested")
del nested
print("end")
