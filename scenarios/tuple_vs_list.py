# Tuple vs list: the price of being able to grow
# Section: Lecture 7, 3.4 Memory Optimization Techniques
#: Same five scores, two containers. A tuple is fixed; a list keeps spare room to grow.
import gc
import sys

#: A tuple stores its items inline: 40 bytes + 8 per item = 80.
scores_tuple = (3, 1, 2, 0, 4)
#: A list is a 56-byte object plus a separate array of slots; here 6 slots for 5 items.
scores_list = [3, 1, 2, 0, 4]
print("tuple:", sys.getsizeof(scores_tuple), "list:", sys.getsizeof(scores_list))
#: append over-allocates: the size jumps only now and then, so most appends copy nothing.
growing = []
last = sys.getsizeof(growing)
for goal in range(20):
    growing.append(goal)
    if sys.getsizeof(growing) != last:
        last = sys.getsizeof(growing)
        print("len", len(growing), "->", last, "bytes")
#: Converting to a tuple gives exactly 20 slots and no spare room.
frozen = tuple(growing)
print("list of 20:", sys.getsizeof(growing), "tuple of 20:", sys.getsizeof(frozen))
#: A tuple cannot change, so it can't hold spare room or be modified by mistake.
try:
    scores_tuple[0] = 5
except TypeError as err:
    print("TypeError:", err)
#: The collector stops tracking a tuple that holds only atomic items: it can never be in a cycle.
pair = tuple([7, 11])
print("pair tracked before a collection:", gc.is_tracked(pair))
gc.collect()
print("pair tracked after:", gc.is_tracked(pair), "list tracked:", gc.is_tracked(growing))
