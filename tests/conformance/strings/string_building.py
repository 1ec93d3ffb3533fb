parts = []
for i in range(5):
    parts.append(str(i * i))
s = "+".join(parts)
print(s)
acc = ""
for ch in "abcdef":
    acc = ch + acc
print(acc)
print(s[::-1])
words = "the quick brown fox".split()
print(" ".join(w.capitalize() for w in words))
print(" ".join(reversed(words)))
print("".join(sorted("python")))
print(str(10 ** 20) + "!")
line = "=" * 20
print(line)
