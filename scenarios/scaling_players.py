# Scaling up: a league of 5000 players
# Section: Lecture 7, 4. Practical Application
#: The lecture's PlayerStats, thousands of times. Memory grows per object, and so does the collector's work.
import gc
import sys

class PlayerStats:
    def __init__(self, name):
        self.name = name
        self.goals = 0

    def score_goal(self):
        self.goals += 1

runs = []

def on_gc(phase, info):
    if phase == "start":
        runs.append(info["generation"])

gc.collect()
gc.callbacks.append(on_gc)
#: 5000 instances, each a tracked container: the allocation count passes 700 again and again, so gen-0 collections run.
players = [PlayerStats("Player " + str(n)) for n in range(5000)]
for player in players[::7]:
    player.score_goal()
gc.callbacks.remove(on_gc)
print("players:", len(players), "goals:", sum(p.goals for p in players))
print("automatic collections while building:", runs)
#: An instance reports 56 bytes; its name is a separate str object: 48 bytes + 1 per character + 1.
print("one player:", sys.getsizeof(players[0]), "bytes, its name:", sys.getsizeof(players[0].name))
print("the list:", sys.getsizeof(players), "bytes for", len(players), "references")
total = sys.getsizeof(players) + sum(sys.getsizeof(p) + sys.getsizeof(p.name) for p in players)
print("list + players + names:", total, "bytes")
#: Everything is reachable: a full collection frees nothing, but it has to examine every player to know that.
print("gc.collect() freed", gc.collect())
#: One statement drops it all: the list's refcount hits 0, it releases 5000 players, and each its name.
del players, player
print("after del: gc.collect() freed", gc.collect())
