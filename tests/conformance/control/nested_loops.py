for i in range(1, 4):
    row = []
    for j in range(1, 4):
        row.append(i * j)
    print(row)
found = None
for i in range(2, 30):
    for d in range(2, i):
        if i % d == 0:
            break
    else:
        found = i
print("largest prime below 30:", found)
primes = []
for n in range(2, 40):
    is_p = True
    for p in primes:
        if p * p > n:
            break
        if n % p == 0:
            is_p = False
            break
    if is_p:
        primes.append(n)
print(primes)
for i in range(3):
    for j in range(3):
        if j == i:
            continue
        print(i, j, end="; ")
print()
