import gc
import sys

class PlayerStats:
    def __init__(self, name):
        self.name = name
        self.goals = 0

    def score_goal(self):
        self.goals += 1

players = [PlayerStats("Player " + str(i)) for i in range(1000)]
for i, player in enumerate(players):
    for _ in range(i % 4):
        player.score_goal()
print("total goals:", sum(p.goals for p in players))
print("top scorer goals:", max(p.goals for p in players))
print("list size:", sys.getsizeof(players))
print("class refcount:", sys.getrefcount(PlayerStats))
print("vars size of first and last:", sys.getsizeof(vars(players[0])), sys.getsizeof(vars(players[-1])))
del players, player
print("class refcount after del:", sys.getrefcount(PlayerStats))
print("collected:", gc.collect())
