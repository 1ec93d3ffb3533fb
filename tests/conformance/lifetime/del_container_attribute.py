class Quiet:
    def __del__(self):
        print("in __del__")
q = Quiet()
del q
print("after")
class Holder:
    def __init__(self):
        self.items = [Quiet(), Quiet()]
    def __del__(self):
        print("holder del, items:", len(self.items))
h = Holder()
del h
print("end")
