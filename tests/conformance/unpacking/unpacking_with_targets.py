class Box:
    pass
b = Box()
lst = [0, 0, 0]
b.x, lst[1], lst[2] = "attr", "item", "last"
print(b.x, lst)
d = {}
d["a"], d["b"] = 1, 2
print(d)
lst[0], *lst[1:] = [9, 8, 7, 6]
print(lst)
i = 0
i, lst[i] = 2, "where?"
print(i, lst)
