import gc

gc.disable()
gc.collect()

class A:
    def __init__(self):
        self.init = self.__init__

a = A()
gc.collect()
del a
print("instance holding its own bound method:", gc.collect())

class B:
    pass

b = B()
b.b = b
del b
print("instance self-cycle:", gc.collect())

class L(list):
    pass

x = L()
x.append(x)
del x
print("list subclass containing itself:", gc.collect())
gc.enable()
