# __del__ and finalization order
# Section: Lecture 7, 3.2 Garbage Collection
#: __del__ runs when an object is about to be freed: for refcounting, the moment its count reaches 0.
import gc

class Kit:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("  __del__", self.name)

def training():
    cone = Kit("cone")
    bib = Kit("bib")
    #: Right after this line the frame is popped: its locals are released in the order they were defined.
    print("  end of training")

print("del the only name:")
shirt = Kit("shirt")
#: Refcount 1 -> 0: __del__ runs right here, before the next line.
del shirt
print("rebinding a name:")
boots = Kit("old boots")
#: The new Kit is built first; only then is the name rebound and the old boots freed.
boots = Kit("new boots")
print("freeing a list:")
bag = [Kit("socks"), Kit("gloves"), Kit("cap")]
#: A list releases its items from the last to the first.
del bag
print("a function's locals:")
training()
print("a cycle:")
keeper = Kit("keeper")
keeper.spare = Kit("spare keeper")
keeper.spare.spare = keeper
#: The cycle keeps both refcounts at 1 after del: no __del__ yet. The collector finalizes both, then frees them.
del keeper
print("  collected", gc.collect())
del boots
