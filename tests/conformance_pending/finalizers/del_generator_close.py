class Res:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)

def gen():
    r = Res("gen local")
    try:
        yield 1
        yield 2
    finally:
        print("generator finally")

g = gen()
print(next(g))
print("dropping suspended generator")
del g
print("after del")
g = gen()
print(list(g))
print("exhausted generator dropped")
del g
g = gen()
print("never started generator dropped")
del g
print("end")
