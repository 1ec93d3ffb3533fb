lst = [3, 1, 4, 1, 5, 9, 2, 6]
print(len(lst), sum(lst), min(lst), max(lst))
print(lst.count(1), lst.index(5))
print(sorted(lst), lst)
print(list(reversed(lst)))
lst[2:5] = []
print(lst)
print(4 in lst, 9 in lst)
lst2 = lst * 2
print(lst2)
while 1 in lst2:
    lst2.remove(1)
print(lst2)
