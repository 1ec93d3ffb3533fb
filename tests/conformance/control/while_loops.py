i = 0
while i < 5:
    i += 1
    if i == 2:
        continue
    if i == 4:
        break
    print("i =", i)
else:
    print("not printed")
print("after break", i)
j = 0
while j < 3:
    print("j =", j)
    j += 1
else:
    print("while-else ran", j)
n = 27
steps = 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print("collatz steps", steps)
