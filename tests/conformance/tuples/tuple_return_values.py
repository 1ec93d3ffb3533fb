def min_max(seq):
    return min(seq), max(seq)
r = min_max([4, 8, 1])
print(r, type(r).__name__)
lo, hi = min_max([4, 8, 1])
print(lo, hi)
def divmod_like(a, b):
    return a // b, a % b
print(divmod_like(17, 5), divmod_like(-17, 5))
def three():
    return 1, (2, 3)
a, (b, c) = three()
print(a, b, c)
