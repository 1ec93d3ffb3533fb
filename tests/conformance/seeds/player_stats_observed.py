import gc
import sys

class PlayerStats:
    def __init__(self, name):
        self.name = name
        self.goals = 0

    def score_goal(self):
        self.goals += 1

players = [PlayerStats("Player A"), PlayerStats("Player B")]

for player in players:
    player.score_goal()

for p in players:
    print(p.name, p.goals)
print("instance size:", sys.getsizeof(players[0]))
print("list size:", sys.getsizeof(players))
print("class refcount:", sys.getrefcount(PlayerStats))
print("refcount of players[0]:", sys.getrefcount(players[0]))
print("refcount of loop variable target:", sys.getrefcount(player))
print("collected:", gc.collect())
print("players still alive:", len(players))
