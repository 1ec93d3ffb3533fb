class Shape:
    registry = []
    def __init__(self, name):
        self.name = name
        Shape.registry.append(name)
    def area(self):
        return 0
class Square(Shape):
    def __init__(self, side):
        super().__init__("square")
        self.side = side
    def area(self):
        return self.side ** 2
class Rect(Shape):
    def __init__(self, w, h):
        super().__init__("rect")
        self.w, self.h = w, h
    def area(self):
        return self.w * self.h
shapes = [Square(3), Rect(2, 5), Shape("blob")]
for s in shapes:
    print(s.name, s.area())
print(Shape.registry)
print(sum(s.area() for s in shapes))
print(sorted(shapes, key=lambda s: s.area())[0].name)
