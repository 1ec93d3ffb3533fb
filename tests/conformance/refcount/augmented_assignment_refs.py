import sys
item = []
lst = []
alias = lst
lst += [item]
print(sys.getrefcount(item), sys.getrefcount(lst))
lst += [item, item]
print(sys.getrefcount(item), lst is alias)
lst = lst + [item]
print(sys.getrefcount(item), lst is alias)
del alias
print(sys.getrefcount(item))
t = (item,)
t += (item,)
print(sys.getrefcount(item))
