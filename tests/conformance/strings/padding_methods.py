print("[" + "hi".center(10) + "]")
print("[" + "hi".center(9, "*") + "]")
print("[" + "hi".ljust(6) + "]", "[" + "hi".rjust(6, ".") + "]")
print("[" + "toolong".center(3) + "]")
print("42".zfill(5), "-42".zfill(6), "+7".zfill(4), "abc".zfill(2))
for name, n in [("apple", 3), ("kiwi", 12), ("banana", 100)]:
    print(name.ljust(8) + str(n).rjust(5))
