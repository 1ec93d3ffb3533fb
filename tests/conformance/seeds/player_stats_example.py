import gc

class PlayerStats:
    def __init__(self, name):
        self.name = name
        self.goals = 0

    def score_goal(self):
        self.goals += 1

# Create player instances
players = [PlayerStats("Player A"), PlayerStats("Player B")]

# Simulating goal scoring
for player in players:
    player.score_goal()

# Trigger garbage collection
gc.collect()
