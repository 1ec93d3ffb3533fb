import weakref

class Image:
    loads = 0
    def __init__(self, name):
        Image.loads += 1
        self.name = name
    def __del__(self):
        print("unloading", self.name)

_cache = weakref.WeakValueDictionary()

def get_image(name):
    img = _cache.get(name)
    if img is None:
        print("loading", name)
        img = Image(name)
        _cache[name] = img
    else:
        print("cache hit", name)
    return img

a = get_image("cat.png")
b = get_image("cat.png")
print("same object:", a is b)
c = get_image("dog.png")
print("cached:", sorted(_cache.keys()))
del a
print("still cached while b alive:", sorted(_cache.keys()))
del b
print("after last user gone:", sorted(_cache.keys()))
a = get_image("cat.png")
print("loads:", Image.loads)
del a, c
print("cache size:", len(_cache))
