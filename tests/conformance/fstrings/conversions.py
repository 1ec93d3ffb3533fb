s = "text"
print(f"{s!r}", f"{s!s}", f"{s}")
lst = [1, "a"]
print(f"{lst}", f"{lst!r}")
q = "quote'"
print(f"{q!r}")
class P:
    def __repr__(self):
        return "P()"
    def __str__(self):
        return "a P"
p = P()
print(f"{p} {p!r} {p!s}")
print(f"{s!r:>10}|")
print(f"{None} {None!r}")
