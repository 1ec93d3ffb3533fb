import sys
def deep(o):
    size = sys.getsizeof(o)
    if isinstance(o, dict):
        for k, v in o.items():
            size += deep(k) + deep(v)
    elif isinstance(o, (list, tuple, set)):
        for x in o:
            size += deep(x)
    return size
data = {"name": "memviz", "tags": ["a", "bb"], "dims": (3, 4), "n": 10 ** 30}
for k, v in data.items():
    print(k, sys.getsizeof(v), deep(v))
print(sys.getsizeof(data), deep(data))
