import weakref

class Obj:
    def __init__(self, n):
        self.n = n

objs = [Obj(i) for i in range(5)]
ws = weakref.WeakSet(objs)
print("len:", len(ws))
print("contains:", objs[2] in ws, Obj(9) in ws)
ws.add(objs[0])
print("adding again:", len(ws))
ws.discard(objs[1])
print("after discard:", len(ws))
del objs[4]
print("after a member died:", len(ws))
print("members:", sorted(o.n for o in ws))
objs.clear()
print("all dead:", len(ws), list(ws))
t = Obj(10)
ws.add(t)
print(len(ws))
del t
print(len(ws))
