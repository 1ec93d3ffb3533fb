x = 5
print(-x, +x, ~x, not x)
print(-(-x), ~~x, --x)
print(-0, -0.0, +0.0)
f = 2.5
print(-f, +f)
print(~0, ~-1, ~255)
big = 10 ** 25
print(-big, ~big)
print(-True, +True, ~True, ~False)
print(not not x)
print(- 3 ** 2, (-3) ** 2)
print(2 ** -1)
