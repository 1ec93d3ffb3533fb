# Weak references: a cache that lets go
# Section: Tutorial, Best Practices for Memory Management
#: A WeakValueDictionary refers to its values weakly: it finds them while they live but never keeps them alive.
import sys
import weakref


class Player:
    def __init__(self, name):
        self.name = name


cache = weakref.WeakValueDictionary()


def load_player(name):
    player = cache.get(name)
    if player is None:
        #: A cache miss: build the object and store only a weak reference to it.
        player = Player(name)
        cache[name] = player
        print("loaded", name)
    return player


striker = load_player("Haaland")
#: A cache hit: the same object comes back, nothing new is created.
also_striker = load_player("Haaland")
#: 3: striker, also_striker and the argument. The cache's weak reference does not count.
print(striker is also_striker, sys.getrefcount(striker), len(cache))
#: The last strong reference goes: refcount 0, the Player is freed and its cache entry vanishes with it.
del striker, also_striker
print("entries left:", len(cache))
#: The next request is a miss again: weak references never extend an object's life.
keeper = load_player("Haaland")
print("entries:", len(cache), keeper.name)
