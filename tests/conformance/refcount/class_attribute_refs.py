import sys
shared = []
class Config:
    items = shared
print("as class attribute:", sys.getrefcount(shared))
class Sub(Config):
    pass
print("subclass does not copy:", sys.getrefcount(shared))
c = Config()
c.items = shared
print("instance attr shadows:", sys.getrefcount(shared))
Config.more = shared
print("class attr set later:", sys.getrefcount(shared))
del Config.items
print("after del Config.items:", sys.getrefcount(shared))
