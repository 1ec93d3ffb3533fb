d = {"k": 5, "name": "Zed"}
lst = [10, 20, 30]
def double(v):
    return v * 2
print(f"{d['k']} {d['name']} {lst[1]} {lst[-1]}")
print(f"{double(4)} {len(lst)} {sum(lst)}")
print(f"{'yes' if d['k'] > 3 else 'no'}")
print(f"{[x * x for x in range(4)]}")
print(f"{d['name'].upper()} {d['name'][::-1]}")
width = 8
prec = 3
val = 2.718281828
print(f"[{val:{width}.{prec}f}]")
print(f"[{'c':^{width}}]")
print(f"{f'{1 + 1}'}")
x = 10
print(f"{x=}", f"{x * 2 = }", f"{lst[0]=}")
print(f"{{braces}} {x}{{}}")
print(f"{x}{x}" f" and {x + 1}")
print(f"{3 + 4:>4}")
print(f"{(lambda q: q + 1)(1)}")
