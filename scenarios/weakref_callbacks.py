# Weak reference callbacks: being told when an object dies
# Section: Tutorial, Best Practices for Memory Management
#: weakref.ref(obj, callback) does not keep obj alive, and calls callback(ref) right after obj is freed.
import gc
import weakref


class Player:
    def __init__(self, name):
        self.name = name


def farewell(ref):
    #: The object is already gone: the dead weak reference now returns None.
    print("callback: player freed, ref() is", ref())


keeper = Player("Pickford")
watch = weakref.ref(keeper, farewell)
print("alive:", watch() is keeper, "weak refs:", weakref.getweakrefcount(keeper))
#: Refcount 1 -> 0 on this del: the Player is freed and the callback runs at once, inside the del.
del keeper
print("after del:", watch())
#: A cycle is not freed by del: refcounts stay at 1 until the collector runs.
home = Player("home")
away = Player("away")
home.partner = away
away.partner = home
watch = weakref.ref(home, lambda ref: print("callback: the collector freed home"))
del home, away
print("after del: still alive?", watch() is not None)
#: The collector clears the weak reference, calls the callback, then frees both players.
print("gc.collect() freed", gc.collect())
print("after collect:", watch())
