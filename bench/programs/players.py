# 10,000 small instances, each mutated many times through a method call.
# Exercises: instance creation, attribute load/store, LOAD_METHOD/CALL, refcounts on self.


class PlayerStats:
    def __init__(self, name):
        self.name = name
        self.goals = 0

    def score_goal(self):
        self.goals += 1


players = []
for i in range(10000):
    players.append(PlayerStats(f"player{i}"))

for round_no in range(30):
    for i in range(len(players)):
        if (i + round_no) % 3 == 0:
            players[i].score_goal()
            players[i].score_goal()
        else:
            players[i].score_goal()

checksum = 0
total_goals = 0
for i in range(len(players)):
    goals = players[i].goals
    total_goals += goals
    checksum = (checksum * 31 + goals * (i + 1)) % 1000000007
print(len(players), "players")
print("total goals:", total_goals)
print("first:", players[0].name, players[0].goals)
print("last:", players[-1].name, players[-1].goals)
print("checksum:", checksum)
