class Link:
    def __init__(self, name, nxt=None):
        self.name = name
        self.next = nxt
    def __del__(self):
        print("del", self.name, "-> next", self.next.name if self.next else None)

c = Link("c")
b = Link("b", c)
a = Link("a", b)
del b, c
print("deleting head a")
del a
print("chain gone")
head = None
for i in range(5):
    head = Link("n%d" % i, head)
print("deleting 5-node chain from n4")
head = None
print("end")
