class Config:
    debug = False
    def __init__(self):
        self.level = 1
c = Config()
print(getattr(c, "level"), getattr(c, "debug"), getattr(c, "missing", "dflt"))
setattr(c, "level", 5)
setattr(c, "name", "cfg")
print(c.level, c.name)
print(hasattr(c, "name"), hasattr(c, "nope"))
for attr in ["level", "name", "debug"]:
    print(attr, getattr(c, attr))
delattr_target = "name"
del c.name
print(hasattr(c, delattr_target))
print(sorted(vars(c)))
print(vars(c))
try:
    getattr(c, "nope")
except AttributeError as e:
    print(e)
