class Link:
    def __init__(self, name, nxt=None):
        self.name = name
        self.nxt = nxt
    def __del__(self):
        print("free", self.name)
head = Link("a", Link("b", Link("c")))
print("dropping head")
head = None
print("chain gone")
