items = ["plain", "it's", 'say "x"', "both ' and \"", "back\\slash", "\t", "\x01", "é", "😀", "\x80"]
for s in items:
    print(repr(s))
print(items)
print(str(items[1]))
print(("a", "b'c"))
print({"k'": "v\n"})
