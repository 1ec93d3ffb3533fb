# Stack vs heap: frames hold names, the heap holds objects
# Section: Lecture 7, 3.1 Memory Allocation
#: Each call pushes a frame on the stack with its own local names; every object lives on the heap.
import sys


def make_squad(prefix, size):
    #: A new frame: the locals prefix and size point at objects the caller passed in.
    squad = []
    for number in range(1, size + 1):
        squad.append(prefix + str(number))
    #: squad is a local name in this frame; the list is on the heap. 2 = squad + the argument.
    print("in make_squad, refcount:", sys.getrefcount(squad))
    #: return hands the list to the caller; then this frame is popped and its locals disappear.
    return squad


def count_players(team):
    #: Two frames, one list: roster (module frame) and team (this frame). 3 = roster + team + argument.
    print("in count_players, refcount:", sys.getrefcount(team))
    return len(team)


def countdown(n):
    #: Recursion: every call gets its own frame with its own n, stacked on top of the caller's.
    if n == 0:
        return ["kick-off"]
    return countdown(n - 1) + [n]


#: The list outlives the frame that built it: the heap object is now bound to the global roster.
roster = make_squad("Player ", 3)
print("after the call, refcount:", sys.getrefcount(roster))
#: The call pushes a frame again; when it returns, team is gone and the count drops back.
print("players:", count_players(roster))
print("after count_players, refcount:", sys.getrefcount(roster))
print(roster)
#: At the bottom four countdown frames are stacked; each + builds a new list and the temporary lists are freed.
print(countdown(3))
