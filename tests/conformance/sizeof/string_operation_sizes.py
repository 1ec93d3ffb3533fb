import sys
g = sys.getsizeof
s = "hello"
print(g(s.upper()), g(s + s), g(s * 3), g(s[1:3]), g(s[::-1]))
print(g(" ".join(["ab", "cd", "ef"])), g(f"{s}!"), g(str(3.14)), g(str(10 ** 30)))
print(g(s.encode()), g("é".encode()))
parts = "a,b,c".split(",")
print([g(p) for p in parts], g(parts))
print(g("a" + "é"), g("é"[0]), g("a€"[0]))
