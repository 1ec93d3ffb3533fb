import sys
a = []
print(sys.getrefcount(a))
lst = [a]
print("in one list:", sys.getrefcount(a))
lst.append(a)
print("twice in the list:", sys.getrefcount(a))
lst2 = [a] * 5
print("plus [a] * 5:", sys.getrefcount(a))
lst2.clear()
print("after clear:", sys.getrefcount(a))
lst.pop()
print("after pop:", sys.getrefcount(a))
del lst
print("after del lst:", sys.getrefcount(a))
