db = {"alice": {"age": 30, "tags": ["admin"]}, "bob": {"age": 25, "tags": []}}
db["bob"]["tags"].append("dev")
db["carol"] = {"age": 41, "tags": ["ops", "dev"]}
for name, info in db.items():
    print(name, info["age"], ",".join(info["tags"]) or "-")
counts = {}
for info in db.values():
    for t in info["tags"]:
        counts[t] = counts.get(t, 0) + 1
print(counts)
print(db)
