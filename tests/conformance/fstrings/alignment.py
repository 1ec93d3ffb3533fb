x = "hi"
n = 42
print(f"[{x:>10}]")
print(f"[{x:<10}]")
print(f"[{x:^10}]")
print(f"[{x:*^10}]")
print(f"[{x:->7}]")
print(f"[{n:>6}]", f"[{n:<6}]", f"[{n:^6}]")
print(f"[{n:6}]", f"[{x:6}]")
print(f"[{n:=+8}]", f"[{-n:=8}]")
print(f"[{n:0>5}]", f"[{n:05}]")
print(f"[{x:1}]")
