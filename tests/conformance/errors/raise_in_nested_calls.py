def level3(x):
    if x > 2:
        raise ValueError(f"x too big: {x}")
    return x
def level2(x):
    return level3(x + 1)
def level1(x):
    return level2(x + 1)
print(level1(0))
print(level1(5))
