# Scaling up: a season of matches, four ways to store a record
# Section: Lecture 7, 3.4 Memory Optimization Techniques
#: 380 matches (20 teams, home and away). The same data costs very different memory per record.
import sys

class Match:
    def __init__(self, home, away, goals):
        self.home = home
        self.away = away
        self.goals = goals

class SlimMatch:
    #: __slots__: fixed fields stored inside the object, no per-instance attribute storage.
    __slots__ = ("home", "away", "goals")

    def __init__(self, home, away, goals):
        self.home = home
        self.away = away
        self.goals = goals

#: One tuple per match: (home team, away team, goals).
fixtures = [(h, a, (h * 7 + a * 3) % 5) for h in range(20) for a in range(20) if h != a]
#: The same data as dicts: every record also holds a table of its keys.
as_dicts = [{"home": h, "away": a, "goals": g} for h, a, g in fixtures]
as_objects = [Match(h, a, g) for h, a, g in fixtures]
as_slots = [SlimMatch(h, a, g) for h, a, g in fixtures]
for name, records in [("dict", as_dicts), ("tuple", fixtures), ("Match", as_objects), ("slots", as_slots)]:
    #: getsizeof counts the record object only: not the shared ints, and not a plain instance's separate values array.
    per_record = sys.getsizeof(records[0])
    print(name, per_record, "bytes each,", per_record * len(records), "for the season")
print("matches:", len(fixtures), "total goals:", sum(g for h, a, g in fixtures))
#: So Match looks as small as SlimMatch, but it is not. Asking for vars() even builds a real __dict__ for it.
print("Match with __dict__ built:", sys.getsizeof(as_objects[0]) + sys.getsizeof(vars(as_objects[0])))
