class R:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)

grid = [[R("A1"), R("A2")], [R("B1"), R("B2")]]
print("del nested list:")
del grid
d = {"x": [R("x1"), R("x2")], "y": (R("y1"), R("y2"))}
print("del dict of containers:")
del d
pairs = [(R("p1"), R("q1")), (R("p2"), R("q2"))]
print("clear list of tuples:")
pairs.clear()
print("end")
