text = "the cat and the hat and the bat sat on a mat in the house"
counts = {}
for w in text.split():
    if w in counts:
        counts[w] += 1
    else:
        counts[w] = 1
print(counts)
by_freq = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
for w, c in by_freq:
    print(f"{w:>4}: {'#' * c}")
groups = {}
for w in text.split():
    groups.setdefault(len(w), []).append(w)
print(groups)
