import sys
limit = sys.getrecursionlimit()
count = 0
def dive():
    global count
    count += 1
    dive()
try:
    dive()
except RecursionError as e:
    print(type(e).__name__, e)
print(limit, count > 900, count < limit)
