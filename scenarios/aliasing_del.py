# Aliasing and del: two names, one object
# Section: Lecture 7, 3.2 Garbage Collection
#: Assignment copies a reference, never the object. del removes a name, never an object.
import sys

team = ["Salah", "Kane"]
#: squad is an alias: a second name for the same list, so its refcount goes up by one.
squad = team
print("same object:", squad is team, "refcount:", sys.getrefcount(team))
#: A change made through one name is seen through the other: there is only one list.
squad.append("Saka")
print("team:", team)
#: list(team) is a copy: a new list object whose slots refer to the same three strings.
copy = list(team)
print("copy is team:", copy is team, "equal:", copy == team)
print("first items shared:", copy[0] is team[0])
#: del removes the name team; the list survives because squad still refers to it.
del team
print("squad:", squad)
print("refcount:", sys.getrefcount(squad))
#: Rebinding squad drops the last reference: refcount 0, the list is freed at once.
squad = "nobody"
print("copy still holds:", copy)
#: The name team is gone, so using it is an error (the object never was the problem).
try:
    print(team)
except NameError as err:
    print("NameError:", err)
#: del on a slice drops the list's references to those items; the list keeps its 4 slots (88 bytes).
del copy[1:]
print("copy:", copy, "size:", sys.getsizeof(copy))
