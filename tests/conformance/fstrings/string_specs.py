s = "abcdef"
print(f"[{s:.3}]")
print(f"[{s:>8.2}]")
print(f"[{s:s}]")
print(f"[{'':>3}]")
print(f"[{s!r:.4}]")
print(f"{s:^10}|{3.5:.3f}|{42:x}")
print(str.format("{:>4}", 7))
