import sys
class Wide:
    pass
w = Wide()
for i in range(40):
    setattr(w, "attr" + str(i), i)
print(sys.getsizeof(w))
print(len(vars(w)), sys.getsizeof(vars(w)))
