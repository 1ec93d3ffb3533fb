for i in range(3):
    print("range", i)
for i in range(10, 0, -3):
    print("down", i)
for ch in "hi":
    print("char", ch)
for k, v in [("a", 1), ("b", 2)]:
    print(k, v)
for x in [1, 2, 3]:
    if x == 5:
        break
else:
    print("for-else: no break")
for x in [1, 2, 3]:
    if x == 2:
        print("breaking at", x)
        break
else:
    print("not printed")
print("x after loop:", x)
for _ in []:
    print("never")
else:
    print("empty loop else")
total = 0
for i in range(1, 101):
    if i % 3 and i % 5:
        continue
    total += i
print("sum of multiples of 3 or 5:", total)
