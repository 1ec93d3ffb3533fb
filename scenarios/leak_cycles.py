# Finding a leak: cycles piling up with the collector off
# Section: Lecture 7, 3.3 Memory Leaks
#: With gc disabled, only refcounting frees memory, and reference cycles never reach refcount 0.
import gc

class Match:
    def __init__(self):
        self.events = []

class Goal:
    def __init__(self, match):
        #: A back-reference: match -> events list -> goal -> match is a cycle.
        self.match = match

def play():
    match = Match()
    for minute in (12, 55, 90):
        match.events.append(Goal(match))

def count_kinds(objects):
    kinds = {}
    for obj in objects:
        kinds[type(obj).__name__] = kinds.get(type(obj).__name__, 0) + 1
    return sorted(kinds.items())

gc.collect()
#: Someone turned the collector off "for speed": now every played match leaks.
gc.disable()
for week in range(20):
    #: After play returns no name refers to its match, yet every object in the cycle keeps refcount >= 1.
    play()
#: DEBUG_SAVEALL: the collector keeps what it finds in gc.garbage instead of freeing it, so we can look.
gc.set_debug(gc.DEBUG_SAVEALL)
print("unreachable objects found:", gc.collect())
#: 20 matches x (1 Match + 1 events list + 3 Goals) = 100 leaked objects.
print("in gc.garbage:", len(gc.garbage), count_kinds(gc.garbage))
#: Reset: stop saving, drop gc.garbage's references, let a real collection free the cycles, re-enable gc.
gc.set_debug(0)
gc.garbage.clear()
print("freed:", gc.collect())
gc.enable()
