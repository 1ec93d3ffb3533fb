lst = [1, 2, 3, [4, 5]]
print(2 in lst, 4 in lst, [4, 5] in lst, 9 not in lst)
print("ell" in "hello", "xyz" not in "hello", "" in "abc")
d = {"a": 1, "b": 2}
print("a" in d, 1 in d, "c" not in d)
print(1 in d.values(), ("a", 1) in d.items())
s = {1, 2, 3}
print(3 in s, 4 in s)
t = (1, "two", 3.0)
print(3 in t, "two" in t, 2 in t)
print(1.0 in [1], True in [1], 0 in [False])
print(5 in range(10), 10 in range(10), 4 in range(0, 10, 2), 5 in range(0, 10, 2))
