# Nested loops mixing int arithmetic, dict and list operations and string formatting.
# About 1-2 s under python3.

counts = {}
table = []
total = 0
for i in range(2500):
    row = []
    for j in range(600):
        v = (i * j + 7) % 97
        row.append(v)
        total += v * (j % 5) - i
        key = v % 50
        if key in counts:
            counts[key] += 1
        else:
            counts[key] = 1
    table.append(row)

biggest = 0
for key in counts:
    if counts[key] > biggest:
        biggest = counts[key]

labels = []
for i in range(400000):
    labels.append(f"item-{i % 100}:{i * 7 % 13}")
chars = 0
for s in labels:
    chars += len(s)

matrix_sum = 0
for row in table:
    for v in row[::3]:
        matrix_sum += v

words = {}
for i in range(600000):
    w = f"w{i % 1000}"
    words[w] = words.get(w, 0) + i

print("total:", total)
print("buckets:", len(counts), "biggest:", biggest)
print("labels:", len(labels), "chars:", chars)
print("matrix:", matrix_sum)
print("words:", len(words), words["w0"], words["w999"])
