# Set vs list: membership tests and memory
# Section: Lecture 7, 3.4 Memory Optimization Techniques
#: x in list compares items one by one; x in set jumps to one hash-table slot. A set pays in memory.
import sys


class Shirt:
    comparisons = 0

    def __init__(self, number):
        self.number = number

    def __eq__(self, other):
        #: Every equality test lands here, so we can count them.
        Shirt.comparisons += 1
        return self.number == other.number

    def __hash__(self):
        return hash(self.number)


squad_list = [Shirt(n) for n in range(1, 31)]
#: The set holds references to the same 30 Shirt objects: no copies.
squad_set = set(squad_list)
print("list:", sys.getsizeof(squad_list), "bytes, set:", sys.getsizeof(squad_set), "bytes")
#: Searching the list compares shirt after shirt until it reaches number 30: 30 comparisons.
print(Shirt(30) in squad_list, Shirt.comparisons, "comparisons")
Shirt.comparisons = 0
#: The set hashes the shirt, looks in one slot and compares once.
print(Shirt(30) in squad_set, Shirt.comparisons, "comparison")
#: The difference grows with size: 1000 ints, membership in constant time but 4 times the memory.
numbers = list(range(1000))
print("list of 1000:", sys.getsizeof(numbers), "set of 1000:", sys.getsizeof(set(numbers)))
#: 3: one slot in the list, one entry in the set, and getrefcount's argument.
print("refcount of a shirt:", sys.getrefcount(squad_list[0]))
