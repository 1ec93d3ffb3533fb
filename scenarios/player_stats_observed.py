# PlayerStats observed: refcounts, sizes and the collector's answer
# Section: Lecture 7, 4. Practical Application
#: The lecture's PlayerStats with prints added, to see what memory does at each step.
import gc
import sys


class PlayerStats:
    def __init__(self, name):
        self.name = name
        self.goals = 0

    def score_goal(self):
        #: 4 references: the list slot, the loop name player, self in this frame, getrefcount's argument.
        print("  refcount of self inside score_goal:", sys.getrefcount(self))
        self.goals += 1


players = [PlayerStats("Player A"), PlayerStats("Player B")]
#: 2: the list slot and the argument. No name refers to the player directly.
print("refcount of players[0]:", sys.getrefcount(players[0]))
#: An instance is 56 bytes; its attribute values live in a separate array getsizeof does not count.
print("size of one player:", sys.getsizeof(players[0]), "bytes")
print("size of the list:", sys.getsizeof(players), "bytes")

for player in players:
    player.score_goal()
    print(player.name, "goals:", player.goals)

#: The loop name player still refers to the last player after the loop: 3 references.
print("refcount of players[1]:", sys.getrefcount(players[1]))
#: 0: nothing was unreachable, so the collector found nothing to free.
print("gc.collect() returned", gc.collect())
