class Item:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("free item", self.n)
items = [Item(i) for i in range(4)]
print("deleting list")
del items
print("list gone")
more = [Item(10), Item(11), Item(12)]
more.clear()
print("after clear")
rest = [Item(20), Item(21)]
rest = []
print("after rebind")
