class E:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("free", self.n)
lst = [E(0), E(1), E(2), E(3)]
lst[1] = None
print("replaced index 1")
lst.pop()
print("popped")
del lst[0]
print("deleted index 0")
lst[:] = []
print("slice cleared")
