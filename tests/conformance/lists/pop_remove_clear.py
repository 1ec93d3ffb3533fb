lst = [10, 20, 30, 40, 50, 20]
print(lst.pop(), lst)
print(lst.pop(0), lst)
print(lst.pop(-2), lst)
lst.remove(20)
print(lst)
print(lst.index(50), lst.count(30), lst.count(99))
lst2 = lst
lst.clear()
print(lst, lst2, lst is lst2)
x = [1, 2, 3, 2, 1]
print(x.index(2), x.index(2, 2), x.index(1, 1))
print(x.count(1))
