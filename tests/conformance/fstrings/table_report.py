rows = [("apples", 3, 1.5), ("kiwis", 12, 0.25), ("watermelon", 1, 4.0)]
print(f"{'item':<12}{'qty':>5}{'price':>8}{'total':>9}")
total = 0
for name, qty, price in rows:
    line_total = qty * price
    total += line_total
    print(f"{name:<12}{qty:>5}{price:>8.2f}{line_total:>9.2f}")
print(f"{'TOTAL':<12}{'':>5}{'':>8}{total:>9.2f}")
print(f"{'=' * 34}")
