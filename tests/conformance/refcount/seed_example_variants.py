import sys
a = [1, 2, 3]
print("Reference count of a:", sys.getrefcount(a))
b = a
print("Reference count after creating b:", sys.getrefcount(a))
c = [a, a]
print("after c = [a, a]:", sys.getrefcount(a))
del b
print("Reference count after deleting b:", sys.getrefcount(a))
del c
print("after del c:", sys.getrefcount(a))
def show(lst):
    return sys.getrefcount(lst)
print("inside function:", show(a))
