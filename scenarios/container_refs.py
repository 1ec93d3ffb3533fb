# Containers hold references, not copies
# Section: Lecture 7, 3.2 Garbage Collection
#: A list slot, a dict value and an attribute are each one more reference to the same object.
import sys


class Club:
    pass


ball = ["match ball"]
#: 2: the name ball + getrefcount's own argument.
print("start:", sys.getrefcount(ball))
#: Slot 0 of the new list refers to the ball: +1. Nothing is copied.
kit = [ball]
print("in a list:", sys.getrefcount(ball))
#: A dict value: +1.
store = {"ball": ball}
print("in a dict too:", sys.getrefcount(ball))
#: An instance attribute: +1.
club = Club()
club.ball = ball
print("as an attribute too:", sys.getrefcount(ball))
#: Three slots of one list, all pointing at the same object: +3.
spares = [ball] * 3
print("three more slots:", sys.getrefcount(ball))
#: A change through any path is visible through all of them: one object.
kit[0].append("pump")
print("store sees:", store["ball"])
#: Emptying a container gives its references back.
kit.clear()
del store["ball"]
del club.ball
print("after clearing:", sys.getrefcount(ball))
#: When a container is freed it releases every item: the list spares goes, and with it 3 references.
del spares
print("after del spares:", sys.getrefcount(ball))
