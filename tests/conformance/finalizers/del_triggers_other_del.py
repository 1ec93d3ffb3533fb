class R:
    registry = {}
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
        if self.name in R.registry:
            print("  releasing partner of", self.name)
            del R.registry[self.name]

R.registry["a"] = R("partner-a")
R.registry["b"] = R("partner-b")
a = R("a")
b = R("b")
del a
print("after del a")
b = 0
print("after rebinding b")
print("registry size:", len(R.registry))
print("end")
