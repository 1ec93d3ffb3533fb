# PlayerStats: the lecture's example, step by step
# Section: Lecture 7, 4. Practical Application
#: The lecture's code exactly as written. Watch the heap: a class, two instances, a list.
import gc

#: Running a class statement builds a class object on the heap and binds the name PlayerStats.
class PlayerStats:
    def __init__(self, name):
        #: self is a local of the __init__ frame; the instance itself lives on the heap.
        self.name = name
        self.goals = 0

    def score_goal(self):
        #: Ints never change in place: goals + 1 gives another int object (1 is a shared small int) and the attribute is rebound to it.
        self.goals += 1

# Create player instances
#: Each PlayerStats(...) call pushes an __init__ frame; the list then holds a reference to each player.
players = [PlayerStats("Player A"), PlayerStats("Player B")]

# Simulating goal scoring
#: The loop name player is one more reference to the current player, next to its list slot.
for player in players:
    player.score_goal()

# Trigger garbage collection
#: A full collection: everything is still reachable from players and there are no cycles, so nothing is freed.
gc.collect()
